"""Personal data of jeunesse: the applications of young people (often minors), their teams,
mentors, jurors and ideas (see lot_portal/rgpd/registre.py). An application is anonymised
per call (``services.conservation``); this module declares its fields and plugs the existing
retention sweep and account hooks into the registry."""

from lot_portal.rgpd.registre import (
    Categorie,
    Champ,
    Effacement,
    Regle,
    effaceur,
    enregistrer,
    finalite,
    sans_donnees_personnelles,
)

E = Effacement
APP = E.APPLICATION
ID = Categorie.IDENTITE
COORD = Categorie.COORDONNEES
PROJET = "Projet présenté"
LIBRE = Categorie.TEXTES_LIBRES
EVAL = "Instruction et évaluation"
COMPTE = Categorie.LIEN_COMPTE
AGENT = Categorie.AGENT
PORTEUR = "candidature__porteur"

sans_donnees_personnelles(
    # The call's contact is the department's service, not a person.
    "jeunesse.AppelAProjets",
    "jeunesse.CritereEvaluation",
    "jeunesse.QuestionComplementaire",
    "jeunesse.DocumentRequis",
    "jeunesse.LigneBudget",
    "jeunesse.Versement",
    "jeunesse.RapportProjet",
)

finalite(
    "jeunesse",
    "Instruction des candidatures aux appels à projets et concours jeunesse",
    base_legale="Mission d'intérêt public (article 6-1-e du RGPD) ; pour les moins de "
    "15 ans, avec l'accord d'un parent",
    conservation="Durée fixée par chaque appel (en mois après la décision), puis "
    "anonymisation ; brouillons jamais déposés supprimés autant de temps après la clôture.",
    destinataires="Les agents instructeurs, les membres du jury de l'appel, les mentors que "
    "vous invitez ; le public pour les projets lauréats que vous acceptez de montrer.",
)
finalite(
    "idees",
    "Boîte à idées des jeunes",
    base_legale="Consentement (article 6-1-a du RGPD)",
    conservation="Jusqu'à la suppression du compte.",
)


def _conservation(maintenant) -> int:
    from .services.conservation import conservation_appliquer

    bilan = conservation_appliquer(maintenant=maintenant)
    return bilan["anonymisees"] + bilan["brouillons_supprimes"]


enregistrer(
    "jeunesse.Candidature",
    finalite="jeunesse",
    personne=PORTEUR.removeprefix("candidature__"),
    courriel="autorisation_email_parent",
    libelle="Candidatures aux appels à projets",
    personnels={
        "porteur": Champ(COMPTE, exporte=False),
        "titre": Champ(PROJET, E.ANONYMISER),
        "resume": Champ(PROJET),
        "objectifs": Champ(PROJET),
        "calendrier": Champ(PROJET),
        "motif_decision": Champ(EVAL),
        "autorisation_nom_parent": Champ("Autorisation parentale"),
        "autorisation_email_parent": Champ("Autorisation parentale"),
        "autorisation_declaree_le": Champ("Autorisation parentale", E.CONSERVER),
        "vitrine_resume": Champ(PROJET, E.ANONYMISER),
        "consentement_vitrine": Champ(Categorie.CONSENTEMENTS, E.CONSERVER),
        "commune": Champ(PROJET, E.CONSERVER),
        "montant_demande": Champ(PROJET, E.CONSERVER),
        "montant_accorde": Champ(EVAL, E.CONSERVER),
        "statut": Champ(EVAL, E.CONSERVER),
    },
    non_personnels=(
        "appel",
        "reference",
        "en_equipe",
        "type_projet",
        "cree_le",
        "modifie_le",
        "depose_le",
        "decide_le",
        "rappel_cloture_envoye_le",
        "acceptation_confirmee_le",
        "vitrine_publiee",
        "anonymise_le",
    ),
    effacement=APP,
    conservation=Regle(
        "Candidatures décidées : anonymisées après la durée de conservation de leur appel ; "
        "brouillons supprimés autant de temps après la clôture.",
        _conservation,
    ),
)
enregistrer(
    "jeunesse.MembreEquipe",
    finalite="jeunesse",
    personne="utilisateur",
    courriel="email",
    libelle="Équipes de projet",
    personnels={
        "utilisateur": Champ(COMPTE, exporte=False),
        "prenom": Champ(ID, E.ANONYMISER, remplacement="Anonyme"),
        "nom": Champ(ID),
        "email": Champ(COORD, E.ANONYMISER),
        "role": Champ(PROJET),
        "date_naissance": Champ("Date de naissance"),
        "lien_lot": Champ(PROJET),
        "jeton_invitation": Champ(Categorie.SECRET, exporte=False),
    },
    non_personnels=(
        "candidature",
        "est_porteur",
        "invite_le",
        "accepte_le",
        "consentement_notice_le",
    ),
    effacement=APP,
)
enregistrer(
    "jeunesse.Mentor",
    finalite="jeunesse",
    personne="utilisateur",
    courriel="email",
    libelle="Mentors",
    personnels={
        "utilisateur": Champ(COMPTE, exporte=False),
        "email": Champ(COORD),
        "nom": Champ(ID),
        "structure": Champ("Fonction"),
        "jeton_invitation": Champ(Categorie.SECRET, exporte=False),
    },
    non_personnels=("candidature", "type_mentor", "invite_le", "accepte_le"),
    effacement=E.SUPPRIMER,
)
enregistrer(
    "jeunesse.MembreJury",
    finalite="jeunesse",
    personne="utilisateur",
    libelle="Participation à un jury",
    personnels={"utilisateur": Champ(COMPTE, exporte=False), "qualite": Champ("Fonction")},
    non_personnels=("appel",),
    effacement=E.SUPPRIMER,
)
enregistrer(
    "jeunesse.CommentaireMentor",
    finalite="jeunesse",
    personne=("auteur", PORTEUR),
    libelle="Commentaires de mentor",
    personnels={"auteur": Champ(COMPTE, exporte=False), "texte": Champ(LIBRE)},
    non_personnels=("candidature", "cree_le"),
    effacement=E.SUPPRIMER,
)
enregistrer(
    "jeunesse.PieceJointe",
    finalite="jeunesse",
    personne=PORTEUR,
    libelle="Pièces jointes",
    personnels={
        "fichier": Champ("Pièces jointes", E.SUPPRIMER, exporte=False),
        "nom_original": Champ("Pièces jointes"),
        "depose_par": Champ(COMPTE, exporte=False),
    },
    non_personnels=(
        "candidature",
        "nature",
        "document",
        "question",
        "type_mime",
        "taille",
        "depose_le",
    ),
    effacement=APP,
)
enregistrer(
    "jeunesse.ReponseQuestion",
    finalite="jeunesse",
    personne=PORTEUR,
    libelle="Réponses aux questions de l'appel",
    personnels={"valeur": Champ(PROJET)},
    non_personnels=("candidature", "question", "piece"),
    effacement=APP,
)
enregistrer(
    "jeunesse.Transition",
    finalite="jeunesse",
    personne=PORTEUR,
    libelle="Historique de la candidature",
    personnels={"commentaire": Champ(EVAL), "auteur": Champ(AGENT, exporte=False)},
    non_personnels=("candidature", "de", "vers", "cree_le"),
    effacement=APP,
)
enregistrer(
    "jeunesse.DemandeComplement",
    finalite="jeunesse",
    personne=PORTEUR,
    libelle="Demandes de compléments",
    personnels={"message": Champ(EVAL), "auteur": Champ(AGENT, exporte=False)},
    non_personnels=("candidature", "cree_le", "repondue_le"),
    effacement=APP,
)
enregistrer(
    "jeunesse.PointComplement",
    finalite="jeunesse",
    personne=f"demande__{PORTEUR}",
    libelle="Points à compléter",
    personnels={"precision": Champ(EVAL)},
    non_personnels=("demande", "champ", "libelle_champ", "motif"),
    effacement=APP,
)
enregistrer(
    "jeunesse.Message",
    finalite="jeunesse",
    personne=("auteur", PORTEUR),
    libelle="Messages avec l'équipe d'instruction",
    personnels={"texte": Champ(LIBRE), "auteur": Champ(COMPTE, exporte=False)},
    non_personnels=("candidature", "de_l_instruction", "cree_le", "lu_le"),
    effacement=APP,
)
enregistrer(
    "jeunesse.Affectation",
    finalite="jeunesse",
    personne="jure",
    libelle="Évaluations confiées (jury)",
    personnels={
        "jure": Champ(COMPTE, exporte=False),
        "conflit_motif": Champ(EVAL),
        "commentaire": Champ(EVAL),
    },
    non_personnels=("candidature", "conflit", "conflit_declare_le", "terminee_le", "cree_le"),
    effacement=APP,
)
enregistrer(
    "jeunesse.Note",
    finalite="jeunesse",
    personne="affectation__jure",
    libelle="Notes données (jury)",
    personnels={"commentaire": Champ(EVAL)},
    non_personnels=("affectation", "critere", "valeur", "modifie_le"),
    effacement=APP,
)
enregistrer(
    "jeunesse.ActionSoutien",
    finalite="jeunesse",
    personne=PORTEUR,
    libelle="Actions d'accompagnement",
    personnels={"par": Champ(AGENT), "description": Champ(EVAL)},
    non_personnels=("candidature", "libelle", "le", "realisee"),
    effacement=APP,
)
enregistrer(
    "jeunesse.EntreeJournal",
    finalite="jeunesse",
    personne=("auteur", PORTEUR),
    libelle="Journal de projet",
    personnels={
        "auteur": Champ(COMPTE, exporte=False),
        "titre": Champ(PROJET),
        "texte": Champ(PROJET),
        "image": Champ("Photo", E.SUPPRIMER, exporte=False),
        "image_alt": Champ(PROJET),
        "motif_refus": Champ(EVAL),
    },
    non_personnels=("candidature", "statut", "cree_le", "publie_le"),
    effacement=APP,
)
enregistrer(
    "jeunesse.Idee",
    finalite="idees",
    personne="auteur",
    libelle="Idées proposées",
    personnels={
        "auteur": Champ(COMPTE, exporte=False),
        "titre": Champ(LIBRE),
        "description": Champ(LIBRE),
        "reponse": Champ(LIBRE),
        "repondu_par": Champ(AGENT, exporte=False),
    },
    non_personnels=("categorie", "statut", "repondu_le", "cree_le"),
    effacement=E.SUPPRIMER,
)
enregistrer(
    "jeunesse.Vote",
    finalite="idees",
    personne="utilisateur",
    libelle="Soutiens à des idées",
    personnels={"utilisateur": Champ(COMPTE, exporte=False)},
    non_personnels=("idee", "cree_le"),
    effacement=E.SUPPRIMER,
)


@effaceur
def candidatures_effacer(*, utilisateur, adresses):
    """The person's applications: drafts deleted, the others anonymised (files after commit,
    see ``services.conservation``); their places in other teams anonymised, their mentor
    invitations deleted, their journal entries detached."""
    from .models import Candidature, EntreeJournal, MembreEquipe, Mentor
    from .models.candidatures import jeton
    from .services.conservation import candidature_anonymiser, compte_avant_suppression

    if utilisateur is not None:
        compte_avant_suppression(utilisateur)
    # Applications whose parent's consent came from one of these addresses.
    for candidature in Candidature.objects.filter(
        anonymise_le__isnull=True, autorisation_email_parent__in=adresses
    ):
        candidature_anonymiser(candidature=candidature)
    lien = {"utilisateur": utilisateur} if utilisateur is not None else None
    membres = MembreEquipe.objects.filter(email__in=adresses)
    if lien:
        membres = membres | MembreEquipe.objects.filter(**lien)
    for numero, membre in enumerate(membres.distinct().order_by("pk"), start=1):
        membre.utilisateur = None
        membre.prenom = "Anonyme"
        membre.nom = ""
        membre.email = f"membre-{membre.pk}-{numero}@anonyme.invalid"
        membre.role = ""
        membre.lien_lot = ""
        membre.date_naissance = None
        membre.jeton_invitation = jeton()  # the old link stops working
        membre.save()
    mentors = Mentor.objects.filter(email__in=adresses)
    if lien:
        mentors = mentors | Mentor.objects.filter(**lien)
    mentors.delete()
    if utilisateur is not None:
        # Entries written for a team stay with the project, detached from the account.
        EntreeJournal.objects.filter(auteur=utilisateur).update(auteur=None)
