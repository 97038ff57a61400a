"""Personal data of ambassadeurs: the volunteers, their offers and the conversations with
newcomers (see lot_portal/rgpd/registre.py)."""

from dateutil.relativedelta import relativedelta
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
ID = Categorie.IDENTITE
PROFIL = "Profil d'ambassadeur"
LIBRE = Categorie.TEXTES_LIBRES
COMPTE = Categorie.LIEN_COMPTE
AGENT = Categorie.AGENT
AMB = "ambassadeur__utilisateur"

sans_donnees_personnelles("ambassadeurs.EvenementReseau", "ambassadeurs.NotificationRelecture")

finalite(
    "ambassadeurs",
    "Animation du réseau des ambassadeurs et mise en relation avec les nouveaux arrivants",
    base_legale="Consentement (article 6-1-a du RGPD), donné en acceptant la charte",
    conservation="Tant que vous êtes ambassadeur ; candidatures refusées supprimées "
    f"{settings.RGPD_AMBASSADEURS_REFUS_MOIS} mois après la décision ; questions sans activité "
    f"supprimées après {settings.RGPD_QUESTIONS_MOIS} mois.",
    destinataires="Les agents habilités ; les nouveaux arrivants voient les informations de "
    "votre profil que vous avez rendues publiques.",
)


def _refusees_supprimer(maintenant) -> int:
    from .models import Ambassadeur
    from .models.choix import StatutAmbassadeur

    limite = maintenant - relativedelta(months=settings.RGPD_AMBASSADEURS_REFUS_MOIS)
    nombre = 0
    for ambassadeur in Ambassadeur.objects.filter(
        statut=StatutAmbassadeur.REFUSE, decide_le__lt=limite
    ).select_related("photo"):
        photo = ambassadeur.photo
        ambassadeur.delete()
        if photo is not None:
            photo.delete()  # Wagtail removes the file and its renditions
        nombre += 1
    return nombre


enregistrer(
    "ambassadeurs.Ambassadeur",
    finalite="ambassadeurs",
    personne="utilisateur",
    libelle="Profil d'ambassadeur",
    personnels={
        "utilisateur": Champ(COMPTE, exporte=False),
        "prenom": Champ(ID),
        "nom": Champ(ID),
        "commune": Champ(PROFIL),
        "profession": Champ(PROFIL),
        "secteur": Champ(PROFIL),
        "origine": Champ(PROFIL),
        "arrive_de": Champ(PROFIL),
        "histoire": Champ(PROFIL),
        "offres": Champ(PROFIL),
        "interets": Champ(PROFIL),
        "profils": Champ(PROFIL),
        "photo": Champ("Photo"),
        "champs_publics": Champ(Categorie.CONSENTEMENTS),
        "charte_acceptee_le": Champ(Categorie.CONSENTEMENTS),
        "code_parrainage": Champ(PROFIL),
        "message_decision": Champ(PROFIL),
        "decide_par": Champ(AGENT, exporte=False),
        "disponible": Champ(PROFIL),
        "recoit_annonces": Champ(Categorie.CONSENTEMENTS),
    },
    non_personnels=("statut", "decide_le", "cree_le", "modifie_le"),
    effacement=E.SUPPRIMER,
    conservation=Regle(
        "Candidatures d'ambassadeur refusées depuis "
        f"{settings.RGPD_AMBASSADEURS_REFUS_MOIS} mois : "
        "supprimées (avec la photo).",
        _refusees_supprimer,
    ),
)
enregistrer(
    "ambassadeurs.Annonce",
    finalite="ambassadeurs",
    personnels={"cree_par": Champ(AGENT, exporte=False)},
    non_personnels=(
        "titre",
        "texte",
        "segment",
        "profils",
        "communautes",
        "etat",
        "cree_le",
        "envoi_demande_le",
        "envoyee_le",
        "nb_destinataires",
        "nb_envois",
    ),
)
enregistrer(
    "ambassadeurs.EnvoiAnnonce",
    finalite="ambassadeurs",
    personne=AMB,
    libelle="Annonces reçues",
    personnels={"ambassadeur": Champ(COMPTE, exporte=False)},
    non_personnels=("annonce", "courriel", "cree_le"),
)
enregistrer(
    "ambassadeurs.ReponseEvenement",
    finalite="ambassadeurs",
    personne=AMB,
    libelle="Réponses aux rencontres du réseau",
    personnels={"ambassadeur": Champ(COMPTE, exporte=False), "reponse": Champ(PROFIL)},
    non_personnels=("evenement", "modifie_le"),
)
enregistrer(
    "ambassadeurs.OffreHospitalite",
    finalite="ambassadeurs",
    personne=AMB,
    libelle="Offres d'accueil",
    personnels={
        "ambassadeur": Champ(COMPTE, exporte=False),
        "periode": Champ(PROFIL),
        "notes": Champ(LIBRE),
        "commune": Champ(PROFIL),
    },
    non_personnels=("type", "capacite", "active", "cree_le", "modifie_le"),
)
enregistrer(
    "ambassadeurs.MiseEnRelationHospitalite",
    finalite="ambassadeurs",
    personne=("offre__ambassadeur__utilisateur", "sejour__parcours__utilisateur"),
    libelle="Mises en relation pour un séjour découverte",
    personnels={
        "message_equipe": Champ(LIBRE),
        "reponse_ambassadeur": Champ(LIBRE),
        "cree_par": Champ(AGENT, exporte=False),
    },
    non_personnels=(
        "offre",
        "sejour",
        "statut",
        "conversation",
        "cree_le",
        "repondu_le",
        "modifie_le",
    ),
    effacement=E.VIDER,
)
enregistrer(
    "ambassadeurs.Parrainage",
    finalite="ambassadeurs",
    personne=AMB,
    libelle="Parrainages",
    personnels={
        "ambassadeur": Champ(COMPTE, exporte=False),
        "filleul_reference": Champ("Filleul (référence)", exporte=False),
        "motif": Champ(PROFIL),
    },
    non_personnels=("enregistre_le", "etape", "converti_le", "controle"),
)
enregistrer(
    "ambassadeurs.Question",
    finalite="ambassadeurs",
    personne=("demandeur", AMB),
    libelle="Questions posées à un ambassadeur",
    personnels={
        "demandeur": Champ(COMPTE, exporte=False),
        "ambassadeur": Champ(COMPTE, exporte=False),
        "sujet": Champ(LIBRE),
        "fermee_par": Champ(AGENT, exporte=False),
    },
    non_personnels=("statut", "signalee", "fermee_le", "cree_le", "derniere_activite_le"),
    conservation=Regle(
        "Questions sans activité depuis "
        f"{settings.RGPD_QUESTIONS_MOIS} mois : supprimées avec leurs messages.",
        supprimer_apres(
            "ambassadeurs.Question", "derniere_activite_le", mois="RGPD_QUESTIONS_MOIS"
        ),
    ),
)
enregistrer(
    "ambassadeurs.MessageQuestion",
    finalite="ambassadeurs",
    personne=("auteur", "question__demandeur", f"question__{AMB}"),
    libelle="Messages des questions",
    personnels={"auteur": Champ(COMPTE, exporte=False), "texte": Champ(LIBRE)},
    non_personnels=("question", "envoye_le", "lu_le"),
)
enregistrer(
    "ambassadeurs.Signalement",
    finalite="ambassadeurs",
    personne="auteur",
    libelle="Signalements",
    personnels={
        "auteur": Champ(COMPTE, exporte=False),
        "motif": Champ(LIBRE),
        "traite_par": Champ(AGENT, exporte=False),
    },
    non_personnels=("question", "message", "traite", "traite_le", "cree_le"),
)


@effaceur
def photo_effacer(*, utilisateur, adresses):
    """The ambassador's photo (a Wagtail image: its file and renditions go with it)."""
    from .models import Ambassadeur

    if utilisateur is None:
        return
    for ambassadeur in Ambassadeur.objects.filter(utilisateur=utilisateur).select_related("photo"):
        if ambassadeur.photo is not None:
            photo = ambassadeur.photo
            ambassadeur.photo = None
            ambassadeur.save(update_fields=["photo"])
            photo.delete()
