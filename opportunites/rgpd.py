"""Personal data of opportunites: job alerts (with or without an account), takeover
contacts, and the contact addresses published on offers (see lot_portal/rgpd/registre.py)."""

from django.conf import settings

from lot_portal.rgpd.registre import (
    Categorie,
    Champ,
    Effacement,
    Regle,
    enregistrer,
    finalite,
    sans_donnees_personnelles,
    supprimer_apres,
)

E = Effacement
COORD = Categorie.COORDONNEES
ID = Categorie.IDENTITE

sans_donnees_personnelles(
    "opportunites.AlerteEnvoi",
    "opportunites.Employeur",
    "opportunites.OpportunitesPage",
    "opportunites.OffresIndexPage",
    "opportunites.ReprisesIndexPage",
    "opportunites.ReprisePhoto",
    "opportunites.CreationIndexPage",
    # An institution's contact (support structures for business creation).
    "opportunites.CreationPage",
)

finalite(
    "opportunites",
    "Alertes emploi et mises en relation pour les reprises d'entreprise",
    base_legale="Consentement (article 6-1-a du RGPD), confirmé par courriel",
    conservation="Alertes : jusqu'à la désinscription ; non confirmées, supprimées après "
    f"quelques jours ; en pause depuis {settings.RGPD_ALERTES_INACTIVES_MOIS} mois, supprimées. "
    f"Contacts de reprise : {settings.RGPD_CONTACTS_REPRISE_MOIS} mois.",
    destinataires="Les agents habilités ; pour une reprise, l'organisme qui accompagne le cédant.",
)


enregistrer(
    "opportunites.Alerte",
    finalite="opportunites",
    personne="compte",
    courriel="email",
    libelle="Alertes emploi",
    personnels={
        "email": Champ(COORD),
        "compte": Champ(Categorie.LIEN_COMPTE, exporte=False),
        "filtres": Champ("Recherche d'emploi"),
        "libelle": Champ("Recherche d'emploi"),
        "pour_conjoint": Champ("Recherche d'emploi"),
        "jeton": Champ(Categorie.SECRET, exporte=False),
        "empreinte": Champ("Recherche d'emploi", exporte=False),
    },
    non_personnels=(
        "frequence",
        "cree_le",
        "confirmation_envoyee_le",
        "confirmee_le",
        "suspendue_le",
        "desinscrite_le",
        "dernier_envoi",
    ),
    effacement=E.SUPPRIMER,
    conservation=Regle(
        "Alertes en pause depuis "
        f"{settings.RGPD_ALERTES_INACTIVES_MOIS} mois : supprimées (les alertes "
        "non confirmées ou désinscrites sont purgées chaque jour avec l'envoi des alertes).",
        supprimer_apres("opportunites.Alerte", "suspendue_le", mois="RGPD_ALERTES_INACTIVES_MOIS"),
    ),
)
enregistrer(
    "opportunites.ContactReprise",
    finalite="opportunites",
    personne="compte",
    courriel="email",
    libelle="Demandes de contact pour une reprise",
    personnels={
        "nom": Champ(ID),
        "email": Champ(COORD),
        "telephone": Champ(COORD),
        "message": Champ(Categorie.TEXTES_LIBRES),
        "compte": Champ(Categorie.LIEN_COMPTE, exporte=False),
    },
    non_personnels=("reprise", "statut", "cree_le"),
    effacement=E.SUPPRIMER,
    conservation=Regle(
        "Demandes de contact pour une reprise de plus de "
        f"{settings.RGPD_CONTACTS_REPRISE_MOIS} mois : "
        "supprimées.",
        supprimer_apres(
            "opportunites.ContactReprise", "cree_le", mois="RGPD_CONTACTS_REPRISE_MOIS"
        ),
    ),
)
enregistrer(
    "opportunites.OffreEmploiPage",
    finalite="contenus",
    courriel="candidature_email",
    libelle="Offres d'emploi publiées (adresse pour candidater)",
    personnels={
        "candidature_email": Champ(COORD),
        "candidature_email_personnelle": Champ(Categorie.CONSENTEMENTS, E.CONSERVER),
    },
    non_personnels=(
        "secteur",
        "commune",
        "date_publication",
        "date_expiration",
        "reference_externe",
        "employeur",
        "contrat",
        "temps_travail",
        "teletravail",
        "salaire_min",
        "salaire_max",
        "salaire_periode",
        "date_debut",
        "description",
        "profil",
        "candidature_url",
        "profil_recherche",
        "pourvue_le",
    ),
    effacement=E.VIDER,
)
enregistrer(
    "opportunites.ReprisePage",
    finalite="contenus",
    courriel="organisme_email",
    libelle="Reprises d'entreprise publiées (contact)",
    personnels={"organisme_nom": Champ(ID), "organisme_email": Champ(COORD)},
    non_personnels=(
        "secteur",
        "commune",
        "date_publication",
        "date_expiration",
        "reference_externe",
        "activite",
        "motif_cession",
        "tranche_ca",
        "tranche_effectif",
        "tranche_prix",
        "locaux_inclus",
        "logement_inclus",
        "description",
        "organisme",
        "cedee_le",
    ),
    effacement=E.VIDER,
)
