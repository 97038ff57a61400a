"""Personal data of accueil: the newcomers' files and everything hanging from them (see
lot_portal/rgpd/registre.py). A file is anonymised, not deleted (``parcours_anonymiser``):
its anonymous statistics stay for the steering figures."""

from django.conf import settings

from lot_portal.rgpd.registre import (
    Categorie,
    Champ,
    Effacement,
    Regle,
    effaceur,
    enregistrer,
    finalite,
    sans_donnees_personnelles,
    supprimer_apres,
)

E = Effacement
APP = E.APPLICATION
ID = Categorie.IDENTITE
COORD = Categorie.COORDONNEES
PROJET = "Projet d'installation"
FAMILLE = "Situation familiale"
LIBRE = Categorie.TEXTES_LIBRES
SUIVI = "Suivi par l'équipe accueil"
COMPTE = Categorie.LIEN_COMPTE
AGENT = Categorie.AGENT

sans_donnees_personnelles(
    "accueil.KitBienvenue",
    "accueil.InfosPratiques",
    "accueil.ModeleEtape",
    "accueil.ModeleRelance",
    "accueil.RegleMaturite",
)

finalite(
    "accueil",
    "Accompagnement des nouveaux arrivants dans leur projet d'installation",
    base_legale="Consentement (article 6-1-a du RGPD), donné à l'inscription",
    conservation="Trois ans après le dernier contact, puis anonymisation (statistiques "
    "anonymes conservées). Inscriptions non terminées : supprimées après "
    f"{settings.RGPD_BROUILLONS_JOURS} jours.",
    destinataires="Les référents accueil de votre secteur, l'équipe départementale ; votre CV, "
    "avec votre accord, aux employeurs à qui il est transmis.",
)
finalite(
    "reseau_accueil",
    "Annuaire des référents et des hébergements temporaires",
    base_legale="Mission d'intérêt public (article 6-1-e du RGPD)",
    conservation="Tant que la personne exerce la fonction ou que l'hébergement est proposé.",
    destinataires="Les nouveaux arrivants suivis et les agents habilités.",
)


def _parcours_inactifs(maintenant) -> int:
    from .services.donnees import parcours_inactifs_anonymiser

    return parcours_inactifs_anonymiser(maintenant=maintenant)


enregistrer(
    "accueil.BrouillonInscription",
    finalite="accueil",
    personne="utilisateur",
    libelle="Inscription en cours",
    personnels={
        "cle_session": Champ(Categorie.CONNEXION, exporte=False),
        "utilisateur": Champ(COMPTE, exporte=False),
        "donnees": Champ(PROJET),
        "source": Champ(Categorie.PROVENANCE),
    },
    non_personnels=("etape_atteinte", "cree_le", "modifie_le"),
    effacement=E.SUPPRIMER,
    conservation=Regle(
        "Inscriptions non terminées sans modification depuis "
        f"{settings.RGPD_BROUILLONS_JOURS} jours : "
        "supprimées.",
        supprimer_apres(
            "accueil.BrouillonInscription", "modifie_le", jours="RGPD_BROUILLONS_JOURS"
        ),
    ),
)
enregistrer(
    "accueil.ParcoursAccueil",
    finalite="accueil",
    personne="utilisateur",
    libelle="Dossier d'accueil",
    personnels={
        "utilisateur": Champ(COMPTE, exporte=False),
        "prenom": Champ(ID, E.ANONYMISER, remplacement="Anonyme"),
        "nom": Champ(ID),
        "telephone": Champ(COORD),
        "lieu_actuel": Champ(COORD),
        "enfants": Champ(FAMILLE, E.ANONYMISER),
        "metier_recherche": Champ(PROJET),
        "secteur_recherche": Champ(PROJET),
        "conjoint_metier": Champ(FAMILLE),
        "source": Champ(Categorie.PROVENANCE, E.ANONYMISER),
        "code_parrainage": Champ(Categorie.PROVENANCE),
        "score_detail": Champ(SUIVI, E.ANONYMISER),
        "prochaine_action": Champ(SUIVI),
        "prochaine_action_le": Champ(SUIVI),
        "rappel_envoye_le": Champ(SUIVI, exporte=False),
        "newsletter": Champ(Categorie.CONSENTEMENTS),
        "consentement_transmission_cv": Champ(Categorie.CONSENTEMENTS),
        "relances_refusees": Champ(Categorie.CONSENTEMENTS),
        "consentement_le": Champ(Categorie.CONSENTEMENTS, E.CONSERVER),
        # Kept, without the identity, for the anonymous statistics.
        "profil": Champ(PROJET, E.CONSERVER),
        "connu_par": Champ(PROJET, E.CONSERVER),
        "adultes": Champ(FAMILLE, E.CONSERVER),
        "projet_entreprise": Champ(PROJET, E.CONSERVER),
        "teletravail": Champ(PROJET, E.CONSERVER),
        "conjoint_cherche_emploi": Champ(FAMILLE, E.CONSERVER),
        "zone_inconnue": Champ(PROJET, E.CONSERVER),
        "date_installation": Champ(PROJET, E.CONSERVER),
        "horizon": Champ(PROJET, E.CONSERVER),
        "logement_temporaire": Champ(PROJET, E.CONSERVER),
        "besoin_logement": Champ(PROJET, E.CONSERVER),
        "code_campagne": Champ(Categorie.PROVENANCE, E.CONSERVER),
        "communaute": Champ(SUIVI, E.CONSERVER),
        "communautes": Champ(PROJET, E.CONSERVER),
        "communes": Champ(PROJET, E.CONSERVER),
        "referent": Champ(SUIVI, E.CONSERVER),
        "statut": Champ(SUIVI, E.CONSERVER),
        "statut_modifie_le": Champ(SUIVI, E.CONSERVER),
        "installe_le": Champ(SUIVI, E.CONSERVER),
        "score_maturite": Champ(SUIVI, E.CONSERVER),
        "cree_le": Champ(SUIVI, E.CONSERVER),
        "derniere_activite_le": Champ(SUIVI, E.CONSERVER),
    },
    non_personnels=("reference", "anonymise_le"),
    effacement=APP,
    conservation=Regle(
        f"Dossiers sans activité depuis {settings.ACCUEIL_RETENTION_JOURS} jours : anonymisés.",
        _parcours_inactifs,
    ),
)
enregistrer(
    "accueil.CurriculumVitae",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="CV déposés",
    personnels={
        "fichier": Champ("CV", E.SUPPRIMER, exporte=False),
        "nom_original": Champ("CV"),
        "titulaire": Champ("CV"),
    },
    non_personnels=("parcours", "taille", "depose_le"),
    effacement=APP,
)
enregistrer(
    "accueil.TransmissionCV",
    finalite="accueil",
    personne="cv__parcours__utilisateur",
    libelle="Transmissions de votre CV",
    personnels={
        "destinataire": Champ("CV"),
        "destinataire_email": Champ("CV"),
        "message": Champ(LIBRE),
        "par": Champ(AGENT, exporte=False),
    },
    non_personnels=("cv", "transmis_le"),
    effacement=APP,
)
enregistrer(
    "accueil.EtapeParcours",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Étapes de votre parcours",
    personnels={"statut": Champ(PROJET, E.CONSERVER)},
    non_personnels=("parcours", "modele", "ordre", "modifie_le"),
    effacement=APP,
)
enregistrer(
    "accueil.Message",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Messages avec votre référent",
    personnels={
        "texte": Champ(LIBRE, E.ANONYMISER, remplacement="[effacé]"),
        "auteur": Champ(AGENT, exporte=False),
    },
    non_personnels=("parcours", "de_l_arrivant", "envoye_le", "lu_le"),
    effacement=APP,
)
enregistrer(
    "accueil.Relance",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Courriels de suivi",
    personnels={"statut": Champ(SUIVI, E.CONSERVER)},
    non_personnels=("parcours", "modele", "due_le", "courriel", "traitee_le", "motif_annulation"),
    effacement=APP,
)
enregistrer(
    "accueil.Bilan",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Questionnaires de suivi",
    personnels={
        "commentaire": Champ(LIBRE),
        "satisfaction": Champ(SUIVI, E.CONSERVER),
        "isolement": Champ(SUIVI, E.CONSERVER),
        "emploi_conjoint": Champ(FAMILLE, E.CONSERVER),
        "logement": Champ(SUIVI, E.CONSERVER),
        "envisage_partir": Champ(SUIVI, E.CONSERVER),
        "alerte": Champ(SUIVI, E.CONSERVER),
        "motifs_alerte": Champ(SUIVI, E.CONSERVER),
    },
    non_personnels=("parcours", "relance", "jeton", "cree_le", "repondu_le"),
    effacement=APP,
)
enregistrer(
    "accueil.ChangementStatut",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Historique du statut de votre dossier",
    personnels={"commentaire": Champ(SUIVI), "par": Champ(AGENT, exporte=False)},
    non_personnels=("parcours", "ancien", "nouveau", "le"),
    effacement=APP,
)
enregistrer(
    "accueil.NoteSuivi",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Notes de suivi de l'équipe",
    personnels={
        "texte": Champ(SUIVI, E.ANONYMISER, remplacement="[effacé]"),
        "auteur": Champ(AGENT, exporte=False),
    },
    non_personnels=("parcours", "cree_le"),
    effacement=APP,
)
enregistrer(
    "accueil.SejourDecouverte",
    finalite="accueil",
    personne="parcours__utilisateur",
    libelle="Séjours découverte",
    personnels={
        "periode_souhaitee": Champ(PROJET),
        "souhaits": Champ(LIBRE),
        "programme": Champ(PROJET),
        "hebergement": Champ(PROJET),
        "message_equipe": Champ(LIBRE),
        "notes_internes": Champ(SUIVI),
    },
    non_personnels=(
        "parcours",
        "statut",
        "nombre_personnes",
        "commune",
        "date_debut",
        "date_fin",
        "cree_le",
        "modifie_le",
    ),
    effacement=APP,
)
enregistrer(
    "accueil.Referent",
    finalite="reseau_accueil",
    personne="utilisateur",
    libelle="Fiche de référent accueil",
    personnels={
        "utilisateur": Champ(COMPTE, exporte=False),
        "fonction": Champ("Fonction"),
        "telephone": Champ(COORD),
        "presentation": Champ("Fonction"),
    },
    non_personnels=("communaute", "actif"),
    effacement=E.SUPPRIMER,
)
enregistrer(
    "accueil.LogementTemporaire",
    finalite="reseau_accueil",
    courriel="contact_email",
    libelle="Hébergements temporaires (contact)",
    personnels={
        "contact_nom": Champ(ID),
        "contact_telephone": Champ(COORD),
        "contact_email": Champ(COORD),
    },
    non_personnels=(
        "nom",
        "type",
        "commune",
        "description",
        "capacite",
        "prix_min",
        "prix_max",
        "disponible",
        "disponibilite",
        "site_web",
        "modifie_le",
    ),
    effacement=E.VIDER,
)


@effaceur
def parcours_effacer(*, utilisateur, adresses):
    """The account's welcome file is anonymised (CV files deleted after commit, pending
    follow-ups cancelled, messages and notes scrubbed, draft deleted)."""
    from .models import ParcoursAccueil
    from .services.donnees import parcours_anonymiser

    if utilisateur is None:
        return
    for parcours in ParcoursAccueil.objects.filter(utilisateur=utilisateur):
        parcours_anonymiser(parcours=parcours, motif="Données personnelles effacées")
