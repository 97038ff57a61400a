"""Demo content of the youth calls, created by ``manage.py seed_demo``.

- the staff group « Instruction jeunesse » and its instructor ``instruction.jeunesse@lot.fr``;
  three jurors (an agent, a partner, a young person) and young applicants
  (``jeune@exemple.fr``, ``jeune.<n>@exemple.fr``), all with verified addresses;
- an open youth call « Initiatives jeunes 2027 » with two drafts;
- a closed youth call « Jeunes en action 2026 » with an application in every state, the jury's
  assignments and scores (one declared conflict), a laureate with payments, support, a
  published journal entry and a showcase page;
- an open business-creation contest « Concours Créer dans le Lot 2027 » (open audience);
- 20 ideas for the brand with votes and the Département's answers.

States are reached through ``services.etats.transition_appliquer`` (never set by hand); the
closed call is reopened for the submissions and closed again. The accounts share one demo
password, chosen like the other demos' (``DJANGO_DEMO_PASSWORD``, else drawn once) and kept in
``var/identifiants-jeunesse.txt``. The demo's history emails nobody: the outbox rows the state
machine writes are dropped before they are committed. Idempotent: nothing is done when the
demo calls exist.
"""

import datetime
import os
import secrets
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lot_portal.courriels.models import Courriel
from lot_portal.territoire.models import Commune

from .models import (
    ActionSoutien,
    Affectation,
    AppelAProjets,
    Candidature,
    CritereEvaluation,
    DemandeComplement,
    DocumentRequis,
    EntreeJournal,
    Idee,
    LigneBudget,
    MembreEquipe,
    MembreJury,
    Mentor,
    Message,
    Note,
    PointComplement,
    QuestionComplementaire,
    RapportProjet,
    Versement,
    Vote,
)
from .models.choix import (
    CategorieIdee,
    LienLot,
    ModeAutorisation,
    MotifComplement,
    NatureBudget,
    QualiteJure,
    Statut,
    StatutIdee,
    StatutJournal,
    TypeAppel,
    TypeMentor,
    TypeQuestion,
)
from .services.etats import CANDIDAT, INSTRUCTION, transition_appliquer
from .structure import structure_creer

FICHIER_IDENTIFIANTS = "identifiants-jeunesse.txt"
EMAIL_INSTRUCTION = "instruction.jeunesse@lot.fr"
SLUG_OUVERT = "initiatives-jeunes-2027"
SLUG_CLOS = "jeunes-en-action-2026"
SLUG_CONCOURS = "concours-creer-dans-le-lot-2027"

# (email, first name, last name, staff)
JURES = [
    ("jure.agent@lot.fr", "Sylvie", "Lacombe", True, QualiteJure.AGENT),
    ("jure.partenaire@exemple.fr", "Olivier", "Marty", False, QualiteJure.PARTENAIRE),
    ("jure.jeune@exemple.fr", "Inès", "Cabrol", False, QualiteJure.JEUNE),
]
JEUNES = [
    ("jeune@exemple.fr", "Léa", "Delmas"),
    ("jeune.2@exemple.fr", "Hugo", "Bouscarel"),
    ("jeune.3@exemple.fr", "Manon", "Lafon"),
    ("jeune.4@exemple.fr", "Théo", "Vayssières"),
    ("jeune.5@exemple.fr", "Chloé", "Roques"),
    ("jeune.6@exemple.fr", "Yanis", "Benali"),
    ("jeune.7@exemple.fr", "Jade", "Couderc"),
    ("jeune.8@exemple.fr", "Lucas", "Périé"),
    ("jeune.9@exemple.fr", "Emma", "Soulié"),
]

TYPES_PROJET = "Culture\nSport\nSolidarité\nEnvironnement\nCitoyenneté"
CRITERES = [
    ("Utilité pour le territoire", "Ce que le projet apporte aux habitants du Lot.", 3),
    ("Faisabilité", "Un budget réaliste, un calendrier tenable, des partenaires.", 2),
    ("Implication des jeunes", "Les jeunes portent le projet de bout en bout.", 1),
]

# The closed call's applications: (applicant index, state, title, type, commune INSEE,
# summary, amount asked, expense lines, resource lines, team member or None).
DOSSIERS_CLOS = [
    (1, Statut.BROUILLON, "Skatepark participatif de Gourdon", "Sport", "46127",
     "Dessiner avec les jeunes de la Bouriane un skatepark en béton, puis le construire "
     "avec la commune.", "2000", [("Maquette et plans", "800"), ("Atelier béton", "1700")],
     [("Participation de la commune", "500")], None),
    (2, Statut.DEPOSE, "Ciné-plein-air à Saint-Céré", "Culture", "46251",
     "Quatre séances de cinéma en plein air l'été, choisies et animées par des lycéens.",
     "2500", [("Location d'écran et projecteur", "2400"), ("Droits de diffusion", "900"),
              ("Communication", "300")], [("Buvette", "1100")], None),
    (3, Statut.EN_INSTRUCTION, "Repair café itinérant", "Environnement", "46102",
     "Un camion-atelier qui répare vélos, téléphones et petit électroménager dans les "
     "villages du Grand-Figeac.", "3000", [("Outillage", "1800"), ("Aménagement du camion",
     "2600")], [("Fondation partenaire", "1400")], ("Nina", "Gaillard", "Mécanicienne")),
    (4, Statut.COMPLEMENT_DEMANDE, "Festival Rock'n'Causse", "Culture", "46128",
     "Un festival d'un jour à Gramat pour les groupes amateurs du département.", "3000",
     [("Sonorisation", "2500"), ("Sécurité", "1500"), ("Cachets", "1000")],
     [("Billetterie", "1500"), ("Mécénat", "500")], ("Malo", "Teulière", "Programmation")),
    (5, Statut.RETENU, "Potager solidaire du Quercy blanc", "Solidarité", "46201",
     "Un potager cultivé par des jeunes et des retraités, dont les récoltes vont à "
     "l'épicerie solidaire de Montcuq.", "2800", [("Outils et semences", "1200"),
     ("Récupérateurs d'eau", "900"), ("Clôture", "1300")], [("Commune", "600")],
     ("Sami", "Ait Ali", "Trésorier")),
    (6, Statut.NON_RETENU, "Tournoi e-sport du Lot", "Sport", "46042",
     "Un tournoi de jeux vidéo en réseau sur deux jours à Cahors.", "3000",
     [("Location de matériel", "3500"), ("Lots", "500")], [("Inscriptions", "1000")], None),
    (7, Statut.SANS_SUITE, "Voyage d'étude à Berlin", "Citoyenneté", "46102",
     "Une semaine à Berlin sur les traces de l'histoire européenne.", "3000",
     [("Transport", "2200"), ("Hébergement", "1800")], [("Famille", "1000")], None),
]  # fmt: skip

IDEES = [
    # (author index, category, status, title, description, answer)
    (0, CategorieIdee.SLOGAN, StatutIdee.RETENUE, "« Le Lot, j'y reste, j'y crée »",
     "Un slogan pour dire qu'on peut réussir ici sans partir.",
     "Merci ! Le slogan sera testé auprès des lycées à la rentrée."),
    (1, CategorieIdee.VIDEO, StatutIdee.EN_COURS, "Une journée avec une jeune agricultrice",
     "Filmer une journée de travail sur le causse, du lever au marché.",
     "Le tournage est prévu au printemps avec une exploitante de Gramat."),
    (2, CategorieIdee.EVENEMENT, StatutIdee.REALISEE, "Un festival des initiatives jeunes",
     "Une journée où les lauréats présentent leurs projets au public.",
     "La première édition a eu lieu à Figeac en octobre : merci à tous !"),
    (3, CategorieIdee.PORTAIL, StatutIdee.RETENUE, "Une carte des lieux pour les jeunes",
     "Tiers-lieux, PIJ, Missions locales, salles de sport : tout sur une carte.",
     "La carte sera ajoutée au portail cette année."),
    (4, CategorieIdee.SLOGAN, StatutIdee.PUBLIEE, "« Ici, on se lance »",
     "Court, positif, ça parle à ceux qui veulent entreprendre.", ""),
    (5, CategorieIdee.VIDEO, StatutIdee.PUBLIEE, "Des anciens qui sont revenus",
     "Des portraits de jeunes partis étudier puis revenus vivre dans le Lot.", ""),
    (6, CategorieIdee.EVENEMENT, StatutIdee.PUBLIEE, "Un concours photo sur Instagram",
     "Le plus beau coin du Lot vu par les 15–25 ans, avec une exposition à la clé.", ""),
    (7, CategorieIdee.PORTAIL, StatutIdee.PUBLIEE, "Les offres d'alternance à part",
     "Une page qui rassemble toutes les offres d'alternance et d'apprentissage.", ""),
    (8, CategorieIdee.AUTRE, StatutIdee.PUBLIEE, "Un pass transport pour les 16–25 ans",
     "Pour aller d'une vallée à l'autre sans voiture.", ""),
    (0, CategorieIdee.VIDEO, StatutIdee.PUBLIEE, "Le Lot en drone, saison par saison",
     "Quatre courtes vidéos, une par saison, avec de la musique de groupes locaux.", ""),
    (1, CategorieIdee.SLOGAN, StatutIdee.PUBLIEE, "« Grandir ici, rester ici »",
     "Pour parler à ceux qui hésitent à partir après le bac.", ""),
    (2, CategorieIdee.EVENEMENT, StatutIdee.EN_COURS, "Des job-datings dans les lycées",
     "Faire venir les entreprises qui recrutent directement dans les lycées.",
     "Deux premières rencontres sont organisées avec la CCI du Lot."),
    (3, CategorieIdee.PORTAIL, StatutIdee.PUBLIEE, "Un espace pour trouver un colocataire",
     "Les apprentis et stagiaires cherchent souvent un logement pour quelques mois.", ""),
    (4, CategorieIdee.AUTRE, StatutIdee.PUBLIEE, "Des ambassadeurs de moins de 25 ans",
     "Que des jeunes puissent aussi devenir ambassadeurs du Lot.", ""),
    (5, CategorieIdee.EVENEMENT, StatutIdee.REALISEE, "Une nuit des étoiles pour les jeunes",
     "Une soirée d'astronomie au cœur de la réserve de ciel étoilé.",
     "Organisée cet été avec le parc naturel régional : plus de 200 participants."),
    (6, CategorieIdee.SLOGAN, StatutIdee.PUBLIEE, "« Le Lot, c'est nous »",
     "Un slogan collectif, porté par les jeunes eux-mêmes.", ""),
    (7, CategorieIdee.VIDEO, StatutIdee.EN_ATTENTE, "Un clip avec les groupes du coin",
     "Un clip tourné dans plusieurs villages avec des musiciens lotois.", ""),
    (8, CategorieIdee.PORTAIL, StatutIdee.EN_ATTENTE, "Un simulateur de budget étudiant",
     "Combien coûte une année d'études à Cahors ou Figeac ?", ""),
    (0, CategorieIdee.AUTRE, StatutIdee.EN_ATTENTE, "Des bornes de recharge pour vélos",
     "Dans chaque chef-lieu de canton.", ""),
    (1, CategorieIdee.AUTRE, StatutIdee.REFUSEE, "Une soirée en boîte de nuit gratuite",
     "Financée par le Département.",
     "Merci pour l'idée, mais elle ne relève pas des missions de la marque."),
]  # fmt: skip


def seed(*, accueil, stdout):
    """The youth calls' demo (idempotent: nothing when the demo calls exist)."""
    slugs = (SLUG_OUVERT, SLUG_CLOS, SLUG_CONCOURS)
    if AppelAProjets.objects.filter(slug__in=slugs).exists():
        _afficher_comptes(stdout, _mot_de_passe(nouveaux=False))
        return
    mot_de_passe = _mot_de_passe(nouveaux=True)
    with transaction.atomic():
        dernier_courriel = Courriel.objects.aggregate(m=Max("pk"))["m"] or 0
        comptes = _comptes(mot_de_passe)
        maintenant = timezone.now()
        ouvert = _appel_ouvert(maintenant)
        _brouillons_ouverts(ouvert, comptes)
        clos = _appel_clos(maintenant, comptes)
        _dossiers_clos(clos, comptes, maintenant)
        _concours(maintenant)
        _idees(comptes)
        # History, not news: nothing the demo did is emailed to anyone.
        Courriel.objects.filter(pk__gt=dernier_courriel).delete()
    stdout.write(
        "Jeunesse : 3 appels (1 ouvert, 1 clos avec des dossiers à chaque étape, 1 concours), "
        f"{len(IDEES)} idées."
    )
    _afficher_comptes(stdout, mot_de_passe)


def _afficher_comptes(stdout, mot_de_passe):
    comptes = f"{EMAIL_INSTRUCTION} (instruction), jure.*, jeune@exemple.fr, jeune.<n>@exemple.fr"
    if mot_de_passe:
        stdout.write(f"Comptes de la jeunesse : {comptes} / {mot_de_passe}")
    else:
        stdout.write(f"Comptes de la jeunesse : {comptes} (mot de passe déjà défini).")


def _mot_de_passe(*, nouveaux: bool) -> str | None:
    """The demo password: from the environment, else drawn once and kept in ``var/``
    (readable by its owner only). None when it is not known."""
    fichier = Path(settings.VAR_DIR) / FICHIER_IDENTIFIANTS
    if fichier.exists():
        lignes = fichier.read_text(encoding="utf-8").splitlines()
        if len(lignes) >= 2 and lignes[1]:
            return lignes[1]
    if not nouveaux:
        return None
    mot_de_passe = os.environ.get("DJANGO_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    fichier.parent.mkdir(parents=True, exist_ok=True)
    fichier.write_text(f"{EMAIL_INSTRUCTION}, jeune@exemple.fr…\n{mot_de_passe}\n", "utf-8")
    fichier.chmod(0o600)
    return mot_de_passe


# --- Accounts -----------------------------------------------------------------------------


def _compte(email, prenom, nom, mot_de_passe, *, staff=False):
    from allauth.account.models import EmailAddress

    utilisateurs = get_user_model().objects
    compte = utilisateurs.filter(email=email).first()
    if compte is None:
        compte = utilisateurs.create_user(
            email=email, password=mot_de_passe, first_name=prenom, last_name=nom
        )
        if staff:
            compte.is_staff = True
            compte.save(update_fields=["is_staff"])
    EmailAddress.objects.update_or_create(
        user=compte, email=email, defaults={"verified": True, "primary": True}
    )
    return compte


def _comptes(mot_de_passe) -> dict:
    groupe = structure_creer()
    instructeur = _compte(EMAIL_INSTRUCTION, "Claire", "Lasfargues", mot_de_passe, staff=True)
    instructeur.groups.add(groupe)
    jures = [
        (_compte(email, prenom, nom, mot_de_passe, staff=staff), qualite)
        for email, prenom, nom, staff, qualite in JURES
    ]
    jeunes = [_compte(email, prenom, nom, mot_de_passe) for email, prenom, nom in JEUNES]
    return {"instructeur": instructeur, "jures": jures, "jeunes": jeunes}


# --- Calls --------------------------------------------------------------------------------


def _paris(jour: datetime.date, heure: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(jour, datetime.time(heure, minute)))


def _criteres_questions_documents(appel, *, questions, documents):
    for ordre, (libelle, description, poids) in enumerate(CRITERES):
        CritereEvaluation.objects.create(
            appel=appel, libelle=libelle, description=description, poids=poids, sort_order=ordre
        )
    for ordre, (libelle, aide, type_question, choix) in enumerate(questions):
        QuestionComplementaire.objects.create(
            appel=appel,
            libelle=libelle,
            aide=aide,
            type_question=type_question,
            choix=choix,
            sort_order=ordre,
        )
    for ordre, (libelle, aide) in enumerate(documents):
        DocumentRequis.objects.create(appel=appel, libelle=libelle, aide=aide, sort_order=ordre)


def _appel_jeunesse(**champs) -> AppelAProjets:
    valeurs = {
        "type_appel": TypeAppel.JEUNESSE,
        "age_min": 15,
        "age_max": 30,
        "liens_acceptes": [LienLot.HABITE, LienLot.ETUDIE, LienLot.NE, LienLot.GRANDI],
        "types_projet": TYPES_PROJET,
        "contact_email": "jeunesse@lot.fr",
        "publie": True,
    }
    valeurs.update(champs)
    return AppelAProjets.objects.create(**valeurs)


def _appel_ouvert(maintenant) -> AppelAProjets:
    aujourdhui = timezone.localtime(maintenant).date()
    appel = _appel_jeunesse(
        titre="Initiatives jeunes 2027",
        slug=SLUG_OUVERT,
        chapo="Vous avez entre 15 et 30 ans et un projet pour le Lot ? Le Département vous "
        "aide à le réaliser, jusqu'à 3 000 €.",
        presentation="<p>Culture, sport, solidarité, environnement, citoyenneté : seul ou en "
        "équipe, proposez un projet utile aux habitants du Lot.</p><p>Les projets retenus "
        "reçoivent une aide financière, versée par étapes, et un <b>accompagnement</b> du "
        "Département jusqu'à leur réalisation.</p>",
        ouverture=_paris(aujourdhui - datetime.timedelta(days=14), 9),
        cloture=_paris(aujourdhui + datetime.timedelta(days=35), 23, 59),
        enveloppe=Decimal("30000"),
        montant_max=Decimal("3000"),
        autorisation_parentale=ModeAutorisation.DECLARATION,
    )
    _criteres_questions_documents(
        appel,
        questions=[
            (
                "Comment les habitants profiteront-ils de votre projet ?",
                "Quelques lignes : qui, où, combien de personnes.",
                TypeQuestion.TEXTE_LONG,
                "",
            ),
            (
                "Comment avez-vous connu l'appel ?",
                "",
                TypeQuestion.CHOIX,
                "Lycée ou école\nPoint Information Jeunesse\nMission locale\nRéseaux sociaux"
                "\nAutre",
            ),
        ],
        documents=[("Devis ou estimation des dépenses", "PDF ou photo lisible.")],
    )
    return appel


def _appel_clos(maintenant, comptes) -> AppelAProjets:
    aujourdhui = timezone.localtime(maintenant).date()
    appel = _appel_jeunesse(
        titre="Jeunes en action 2026",
        slug=SLUG_CLOS,
        chapo="L'appel 2026 aux projets des 15–30 ans : les lauréats sont connus.",
        presentation="<p>Le premier appel « Jeunes en action » a reçu des projets de tout le "
        "département. Le jury, qui réunit des agents, des partenaires et des jeunes, a "
        "rendu ses avis.</p>",
        ouverture=_paris(aujourdhui - datetime.timedelta(days=150), 9),
        cloture=_paris(aujourdhui - datetime.timedelta(days=60), 23, 59),
        enveloppe=Decimal("20000"),
        montant_max=Decimal("3000"),
    )
    _criteres_questions_documents(
        appel,
        questions=[
            ("Quels partenaires avez-vous déjà contactés ?", "", TypeQuestion.TEXTE_LONG, ""),
        ],
        documents=[("Devis ou estimation des dépenses", "")],
    )
    for compte, qualite in comptes["jures"]:
        MembreJury.objects.create(appel=appel, utilisateur=compte, qualite=qualite)
    return appel


def _concours(maintenant) -> AppelAProjets:
    aujourdhui = timezone.localtime(maintenant).date()
    appel = AppelAProjets.objects.create(
        titre="Concours Créer dans le Lot 2027",
        slug=SLUG_CONCOURS,
        type_appel=TypeAppel.CREATION,
        chapo="Vous créez ou reprenez une entreprise dans le Lot ? Jusqu'à 10 000 € et un "
        "accompagnement pour vous lancer.",
        presentation="<p>Le concours du plan de prospection récompense les projets de "
        "création et de reprise d'entreprise qui s'installent dans le Lot, quel que soit "
        "l'âge ou l'origine de leurs porteurs.</p>",
        age_min=None,
        age_max=None,
        liens_acceptes=[],
        types_projet="Création d'entreprise\nReprise d'entreprise",
        ouverture=_paris(aujourdhui - datetime.timedelta(days=7), 9),
        cloture=_paris(aujourdhui + datetime.timedelta(days=60), 23, 59),
        enveloppe=Decimal("50000"),
        montant_max=Decimal("10000"),
        contact_email="attractivite-departement@lot.fr",
        publie=True,
    )
    for ordre, (libelle, poids) in enumerate(
        [("Viabilité économique", 3), ("Emplois créés dans le Lot", 2), ("Innovation", 1)]
    ):
        CritereEvaluation.objects.create(
            appel=appel, libelle=libelle, poids=poids, sort_order=ordre
        )
    DocumentRequis.objects.create(appel=appel, libelle="Plan de financement", sort_order=0)
    return appel


# --- Applications -------------------------------------------------------------------------


def _communes() -> dict:
    return {c.insee: c for c in Commune.objects.filter(insee__in=[d[4] for d in DOSSIERS_CLOS])}


def _dossier(appel, porteur, *, titre, type_projet, commune, resume, montant, depenses,
             ressources, naissance, membre=None) -> Candidature:  # fmt: skip
    candidature = Candidature.objects.create(
        appel=appel,
        porteur=porteur,
        titre=titre,
        type_projet=type_projet,
        commune=commune,
        resume=resume,
        objectifs="Réunir les jeunes du territoire autour d'un projet concret et durable.",
        calendrier="Préparation au printemps, réalisation l'été, bilan à l'automne.",
        montant_demande=Decimal(montant),
        en_equipe=membre is not None,
    )
    MembreEquipe.objects.create(
        candidature=candidature,
        utilisateur=porteur,
        est_porteur=True,
        prenom=porteur.first_name,
        nom=porteur.last_name,
        email=porteur.email,
        role="Porteur ou porteuse du projet",
        date_naissance=naissance,
        lien_lot=LienLot.HABITE,
        invite_le=timezone.now(),
        accepte_le=timezone.now(),
    )
    if membre is not None:
        prenom, nom, role = membre
        MembreEquipe.objects.create(
            candidature=candidature,
            prenom=prenom,
            nom=nom,
            email=f"{prenom.lower()}.{nom.lower().replace(' ', '')}@exemple.fr",
            role=role,
            date_naissance=naissance + datetime.timedelta(days=400),
            lien_lot=LienLot.ETUDIE,
            invite_le=timezone.now(),
            accepte_le=timezone.now(),
        )
    for ordre, (libelle, valeur) in enumerate(depenses):
        LigneBudget.objects.create(
            candidature=candidature,
            nature=NatureBudget.DEPENSE,
            libelle=libelle,
            montant=Decimal(valeur),
            ordre=ordre,
        )
    for ordre, (libelle, valeur) in enumerate(ressources):
        LigneBudget.objects.create(
            candidature=candidature,
            nature=NatureBudget.RESSOURCE,
            libelle=libelle,
            montant=Decimal(valeur),
            ordre=ordre,
        )
    return candidature


def _brouillons_ouverts(appel, comptes):
    jeunes = comptes["jeunes"]
    _dossier(
        appel,
        jeunes[0],
        titre="Atelier vidéo au lycée Champollion",
        type_projet="Culture",
        commune=Commune.objects.filter(insee="46102").first(),
        resume="Un atelier hebdomadaire où les lycéens réalisent des portraits vidéo "
        "d'habitants de Figeac.",
        montant="1800",
        depenses=[("Caméra et micros", "1600"), ("Montage et diffusion", "700")],
        ressources=[("Foyer socio-éducatif", "500")],
        naissance=datetime.date(2008, 9, 3),
    )
    brouillon = _dossier(
        appel,
        jeunes[8],
        titre="Course solidaire des vallées",
        type_projet="Sport",
        commune=Commune.objects.filter(insee="46240").first(),
        resume="Une course à pied entre Rocamadour et Souillac au profit d'une association.",
        montant="1200",
        depenses=[("Dossards et ravitaillement", "900"), ("Secours", "600")],
        ressources=[("Inscriptions", "300")],
        naissance=datetime.date(2001, 2, 14),
    )
    Mentor.objects.create(
        candidature=brouillon,
        email="pij.souillac@exemple.fr",
        nom="Point Information Jeunesse de Souillac",
        type_mentor=TypeMentor.PIJ,
        structure="PIJ de Souillac",
    )


def _soumettre_sur_appel_clos(candidature, maintenant):
    """Submit on the closed call: reopen it for the move, then close it again."""
    appel = candidature.appel
    cloture = appel.cloture
    AppelAProjets.objects.filter(pk=appel.pk).update(
        cloture=maintenant + datetime.timedelta(hours=1)
    )
    appel.refresh_from_db()
    try:
        transition_appliquer(candidature, Statut.DEPOSE, auteur=candidature.porteur, role=CANDIDAT)
    finally:
        AppelAProjets.objects.filter(pk=appel.pk).update(cloture=cloture)
        appel.refresh_from_db()


CHEMINS = {
    Statut.BROUILLON: [],
    Statut.DEPOSE: [],
    Statut.EN_INSTRUCTION: [Statut.EN_INSTRUCTION],
    Statut.COMPLEMENT_DEMANDE: [Statut.EN_INSTRUCTION, Statut.COMPLEMENT_DEMANDE],
    Statut.RETENU: [Statut.EN_INSTRUCTION, Statut.RETENU],
    Statut.NON_RETENU: [Statut.EN_INSTRUCTION, Statut.NON_RETENU],
    Statut.SANS_SUITE: [Statut.SANS_SUITE],
}
COMMENTAIRES = {
    Statut.EN_INSTRUCTION: "Dossier complet, transmis au jury.",
    Statut.RETENU: "Un projet utile et bien préparé : le jury le classe premier.",
    Statut.NON_RETENU: "Le jury a préféré des projets plus ancrés dans le territoire ; "
    "n'hésitez pas à candidater de nouveau.",
    Statut.SANS_SUITE: "Le projet se déroule hors du Lot : il ne relève pas de cet appel.",
}
# Scores per juror (agent, partner, young person) on the three criteria, per state.
NOTES = {
    Statut.EN_INSTRUCTION: [(7, 6, 8), (6, 6, 9), (8, 7, 7)],
    Statut.COMPLEMENT_DEMANDE: [(6, 4, 7), (5, 5, 8), (7, 4, 6)],
    Statut.RETENU: [(9, 8, 9), (8, 8, 10), (9, 7, 9)],
    Statut.NON_RETENU: [(4, 5, 6), (3, 6, 5), (5, 4, 7)],
}


def _dossiers_clos(appel, comptes, maintenant):
    jeunes, instructeur = comptes["jeunes"], comptes["instructeur"]
    communes = _communes()
    criteres = list(appel.criteres.order_by("sort_order"))
    for numero, dossier in enumerate(DOSSIERS_CLOS):
        index, statut, titre, type_projet, insee, resume, montant, dep, res, membre = dossier
        candidature = _dossier(
            appel,
            jeunes[index],
            titre=titre,
            type_projet=type_projet,
            commune=communes.get(insee),
            resume=resume,
            montant=montant,
            depenses=dep,
            ressources=res,
            naissance=datetime.date(1998 + numero, 3 + numero, 10 + numero),
            membre=membre,
        )
        if statut == Statut.BROUILLON:
            continue
        _soumettre_sur_appel_clos(candidature, maintenant)
        for vers in CHEMINS[statut]:
            if vers == Statut.COMPLEMENT_DEMANDE:
                _demander_complement(candidature, instructeur)
            transition_appliquer(
                candidature,
                vers,
                auteur=instructeur,
                role=INSTRUCTION,
                commentaire=COMMENTAIRES.get(vers, ""),
            )
        if statut in NOTES:
            _jury(candidature, comptes["jures"], criteres, NOTES[statut], conflit=numero == 2)
        if statut == Statut.RETENU:
            _laureat(candidature, instructeur, maintenant)


def _demander_complement(candidature, instructeur):
    demande = DemandeComplement.objects.create(
        candidature=candidature,
        auteur=instructeur,
        message="Votre dossier est prometteur ; il manque quelques éléments avant le jury.",
    )
    document = candidature.appel.documents.first()
    points = [
        ("budget", "Budget (dépenses et ressources)", MotifComplement.INCORRECT,
         "Le total des dépenses ne correspond pas aux devis : vérifiez la ligne sécurité."),
        ("calendrier", "Calendrier", MotifComplement.INCOMPLET,
         "Précisez la date du festival et les étapes de préparation."),
    ]  # fmt: skip
    if document is not None:
        points.append(
            (
                f"document:{document.pk}",
                document.libelle,
                MotifComplement.PERIME,
                "Le devis de sonorisation date de plus de six mois.",
            )
        )
    for champ, libelle, motif, precision in points:
        PointComplement.objects.create(
            demande=demande, champ=champ, libelle_champ=libelle, motif=motif, precision=precision
        )
    Message.objects.create(
        candidature=candidature,
        auteur=instructeur,
        de_l_instruction=True,
        texte="Bonjour, les points à reprendre sont listés dans votre dossier. Je reste "
        "disponible pour en parler.",
    )


def _jury(candidature, jures, criteres, notes, *, conflit: bool):
    """Assign the application to every juror; each scores every criterion, except a juror
    who declared a conflict (the young juror on one application)."""
    for position, (compte, qualite) in enumerate(jures):
        en_conflit = conflit and qualite == QualiteJure.JEUNE
        affectation = Affectation.objects.create(
            candidature=candidature,
            jure=compte,
            conflit=en_conflit,
            conflit_motif="Je connais personnellement l'équipe du projet." if en_conflit else "",
            conflit_declare_le=timezone.now() if en_conflit else None,
            commentaire="" if en_conflit else "Projet sérieux, équipe motivée.",
            terminee_le=None if en_conflit else timezone.now(),
        )
        if en_conflit:
            continue
        for critere, valeur in zip(criteres, notes[position], strict=False):
            Note.objects.create(
                affectation=affectation,
                critere=critere,
                valeur=min(valeur, critere.note_max),
                commentaire=f"{critere.libelle} : {'très bien' if valeur >= 8 else 'correct'}.",
            )


def _laureat(candidature, instructeur, maintenant):
    aujourdhui = timezone.localtime(maintenant).date()
    accorde = Decimal("2500")
    Candidature.objects.filter(pk=candidature.pk).update(
        montant_accorde=accorde,
        acceptation_confirmee_le=maintenant - datetime.timedelta(days=30),
        consentement_vitrine=True,
        vitrine_resume="Au Quercy blanc, des lycéens et des retraités cultivent ensemble un "
        "potager dont les légumes vont à l'épicerie solidaire de Montcuq.",
        vitrine_publiee=True,
    )
    for ordre, (jalon, part, prevu, verse) in enumerate(
        [
            ("Signature de la convention", Decimal("1500"), -25, True),
            ("Première récolte et rapport intermédiaire", Decimal("1000"), 60, False),
        ]
    ):
        Versement.objects.create(
            candidature=candidature,
            jalon=jalon,
            montant=part,
            prevu_le=aujourdhui + datetime.timedelta(days=prevu),
            verse_le=aujourdhui + datetime.timedelta(days=prevu) if verse else None,
            ordre=ordre,
        )
    RapportProjet.objects.create(
        candidature=candidature,
        type_rapport=RapportProjet.Type.INTERMEDIAIRE,
        attendu_le=aujourdhui + datetime.timedelta(days=55),
    )
    RapportProjet.objects.create(
        candidature=candidature,
        type_rapport=RapportProjet.Type.FINAL,
        attendu_le=aujourdhui + datetime.timedelta(days=240),
    )
    ActionSoutien.objects.create(
        candidature=candidature,
        libelle="Mise en relation avec le jardin partagé de Castelnau-Montratier",
        description="Visite et conseils de culture sans pesticide.",
        le=aujourdhui - datetime.timedelta(days=10),
        par="Service jeunesse du Département",
        realisee=True,
    )
    ActionSoutien.objects.create(
        candidature=candidature,
        libelle="Prêt d'une tonnelle et de tables pour la fête des récoltes",
        le=aujourdhui + datetime.timedelta(days=75),
        par="Parc matériel du Département",
    )
    EntreeJournal.objects.create(
        candidature=candidature,
        auteur=candidature.porteur,
        titre="Les premiers semis sont en terre",
        texte="Samedi, douze jeunes et huit retraités ont préparé les planches et semé "
        "les tomates, les courgettes et les haricots. Prochaine étape : l'arrosage "
        "avec les récupérateurs d'eau.",
        statut=StatutJournal.PUBLIE,
        publie_le=maintenant - datetime.timedelta(days=12),
    )
    EntreeJournal.objects.create(
        candidature=candidature,
        auteur=candidature.porteur,
        titre="La clôture est posée",
        texte="Grâce à l'aide de la commune, le potager est maintenant protégé.",
        statut=StatutJournal.SOUMIS,
    )


# --- Ideas --------------------------------------------------------------------------------

REPONDUES = (StatutIdee.RETENUE, StatutIdee.EN_COURS, StatutIdee.REALISEE, StatutIdee.REFUSEE)


def _idees(comptes):
    jeunes, instructeur = comptes["jeunes"], comptes["instructeur"]
    votants = jeunes + [compte for compte, _ in comptes["jures"]]
    maintenant = timezone.now()
    for numero, (auteur, categorie, statut, titre, description, reponse) in enumerate(IDEES):
        idee = Idee.objects.create(
            auteur=jeunes[auteur],
            titre=titre,
            description=description,
            categorie=categorie,
            statut=statut,
            reponse=reponse if statut in REPONDUES else "",
            repondu_par=instructeur if statut in REPONDUES else None,
            repondu_le=maintenant - datetime.timedelta(days=numero)
            if statut in REPONDUES
            else None,
        )
        Idee.objects.filter(pk=idee.pk).update(
            cree_le=maintenant - datetime.timedelta(days=60 - 2 * numero)
        )
        if statut in (StatutIdee.EN_ATTENTE, StatutIdee.REFUSEE):
            continue
        # A varied number of supporters, never the author.
        nombre = (len(IDEES) - numero) % len(votants) // 2 + 1
        soutiens = [v for v in votants if v.pk != idee.auteur_id][:nombre]
        Vote.objects.bulk_create([Vote(idee=idee, utilisateur=v) for v in soutiens])
