"""Personal data of agenda: event registrations, with or without an account (see
lot_portal/rgpd/registre.py)."""

from django.conf import settings
from django.db.models.functions import Coalesce
from django.utils import timezone

from lot_portal.rgpd.registre import (
    Categorie,
    Champ,
    Effacement,
    Regle,
    enregistrer,
    finalite,
    sans_donnees_personnelles,
)

from .models import Inscription

sans_donnees_personnelles("agenda.EvenementIndexPage", "agenda.EvenementPage")

finalite(
    "agenda",
    "Inscriptions aux événements",
    base_legale="Exécution d'une mesure demandée par la personne (article 6-1-b du RGPD)",
    conservation="Jusqu'à l'événement, puis anonymisées "
    f"{settings.RGPD_INSCRIPTIONS_MOIS} mois après "
    "(le nombre de participants est conservé pour les statistiques).",
    destinataires="Les agents habilités et l'organisateur de l'événement.",
)


def _inscriptions_passees_anonymiser(maintenant) -> int:
    """Registrations to events ended ``RGPD_INSCRIPTIONS_MOIS`` months ago lose the person;
    the count of attendees stays."""
    from dateutil.relativedelta import relativedelta

    limite = maintenant - relativedelta(months=settings.RGPD_INSCRIPTIONS_MOIS)
    anciennes = (
        Inscription.objects.alias(fin_evenement=Coalesce("evenement__fin", "evenement__debut"))
        .filter(fin_evenement__lt=limite)
        .exclude(email__endswith="@anonyme.invalid")
    )
    nombre = 0
    for inscription in anciennes.only("pk"):
        Inscription.objects.filter(pk=inscription.pk).update(
            prenom="Anonyme",
            nom="",
            email=f"inscription-{inscription.pk}@anonyme.invalid",
            message="",
            modifie_le=timezone.now(),
        )
        nombre += 1
    return nombre


enregistrer(
    "agenda.Inscription",
    finalite="agenda",
    courriel="email",
    libelle="Inscriptions aux événements",
    personnels={
        "prenom": Champ(Categorie.IDENTITE),
        "nom": Champ(Categorie.IDENTITE),
        "email": Champ(Categorie.COORDONNEES),
        "message": Champ("Message libre"),
    },
    non_personnels=("evenement", "nombre_personnes", "statut", "jeton", "cree_le", "modifie_le"),
    effacement=Effacement.SUPPRIMER,
    conservation=Regle(
        "Inscriptions aux événements terminés depuis "
        f"{settings.RGPD_INSCRIPTIONS_MOIS} mois : anonymisées.",
        _inscriptions_passees_anonymiser,
    ),
)
