"""Personal data of cms (see lot_portal/rgpd/registre.py): a story's author."""

from lot_portal.rgpd.registre import (
    Categorie,
    Champ,
    Effacement,
    enregistrer,
    sans_donnees_personnelles,
)

sans_donnees_personnelles(
    "cms.Thematique",
    "cms.HistoireIndexPage",
    "cms.HistoireProfil",
    "cms.HomePage",
    "cms.PageSimple",
    # The portal's own contact details (an institution, not a person).
    "cms.ParametresSite",
)

enregistrer(
    "cms.HistoirePage",
    finalite="contenus",
    personne="auteur",
    libelle="Témoignages publiés",
    personnels={
        "auteur": Champ(Categorie.LIEN_COMPTE, exporte=False),
        "auteur_nom": Champ(Categorie.IDENTITE, Effacement.ANONYMISER, remplacement="Anonyme"),
    },
    non_personnels=("chapo", "image", "image_alt", "corps", "commune", "thematiques"),
    # The story stays published, signed « Anonyme », detached from the account; its
    # revisions are scrubbed the same way.
    effacement=Effacement.ANONYMISER,
)
