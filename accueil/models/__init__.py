"""Models of the welcome journey, one module per area (each owned by one part of the app).

- ``parcours``: the newcomer's file (``ParcoursAccueil``), its draft while registering,
  children, CVs and their forwarding, the journey steps and the messages with the referent;
- ``reseau``: the welcome referents, the pipeline history, notes, maturity rules and
  discovery stays (staff side);
- ``contenus``: welcome kits per profile, practical information per communauté de
  communes, journey step templates and temporary housing (edited by staff);
- ``relances``: follow-up email templates, scheduled follow-ups and the 6/12-month check-ins.
"""

from .contenus import (  # noqa: F401
    InfosPratiques,
    KitBienvenue,
    LogementTemporaire,
    ModeleEtape,
)
from .parcours import (  # noqa: F401
    BrouillonInscription,
    CurriculumVitae,
    EtapeParcours,
    Message,
    ParcoursAccueil,
    TransmissionCV,
)
from .relances import Bilan, ModeleRelance, Relance  # noqa: F401
from .reseau import (  # noqa: F401
    ChangementStatut,
    NoteSuivi,
    Referent,
    RegleMaturite,
    SejourDecouverte,
)
