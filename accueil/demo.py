"""Demo content of the welcome journey, created by ``manage.py seed_demo``.

Each area seeds its own content first (``demo_parcours``: step templates, kits,
practical information, temporary housing; ``demo_reseau``: referents and maturity
rules; ``demo_relances``: follow-up templates), then this module creates 30 newcomers
spread over every pipeline stage, through the services (routing, score, steps,
follow-ups, status changes, messages, stays, check-ins) so that the data is the data
the portal itself would hold, then dated back over the last months.

Idempotent: a newcomer is looked up by their account (``arrivant.<n>@exemple.fr``);
the plan is drawn from ``random.Random(46)`` so every run draws the same people. The
newcomers' accounts share one demo password, chosen like the staff account's (from
``DJANGO_DEMO_PASSWORD``, else drawn at random once) and kept in
``var/identifiants-arrivants.txt``. The demo's history emails nobody: the outbox rows
its services write are dropped before they are committed.
"""

import importlib
import os
import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lot_portal.courriels.models import Courriel
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .models import (
    Bilan,
    ChangementStatut,
    EtapeParcours,
    Message,
    ModeleRelance,
    NoteSuivi,
    ParcoursAccueil,
    Relance,
    SejourDecouverte,
)
from .models.choix import (
    BesoinLogement,
    ConnuPar,
    Horizon,
    ProfilArrivant,
    ProjetEntreprise,
    StatutEtape,
    StatutParcours,
    Teletravail,
)

SOUS_DEMOS = ("accueil.demo_parcours", "accueil.demo_reseau", "accueil.demo_relances")

NOMBRE_ARRIVANTS = 30
GRAINE = 46
DOMAINE = "exemple.fr"
FICHIER_IDENTIFIANTS = "identifiants-arrivants.txt"

# How many newcomers stand at each stage of the pipeline (30 in all).
REPARTITION = [
    (StatutParcours.NOUVEAU, 8),
    (StatutParcours.PREMIER_CONTACT, 6),
    (StatutParcours.EN_ECHANGE, 6),
    (StatutParcours.VISITE_DECOUVERTE, 4),
    (StatutParcours.INSTALLE, 4),
    (StatutParcours.SANS_SUITE, 2),
]
# The road to each stage, as a referent walks it.
CHEMINS = {
    StatutParcours.NOUVEAU: [],
    StatutParcours.PREMIER_CONTACT: [StatutParcours.PREMIER_CONTACT],
    StatutParcours.EN_ECHANGE: [StatutParcours.PREMIER_CONTACT, StatutParcours.EN_ECHANGE],
    StatutParcours.VISITE_DECOUVERTE: [
        StatutParcours.PREMIER_CONTACT,
        StatutParcours.EN_ECHANGE,
        StatutParcours.VISITE_DECOUVERTE,
    ],
    StatutParcours.INSTALLE: [
        StatutParcours.PREMIER_CONTACT,
        StatutParcours.EN_ECHANGE,
        StatutParcours.VISITE_DECOUVERTE,
        StatutParcours.INSTALLE,
    ],
    StatutParcours.SANS_SUITE: [StatutParcours.PREMIER_CONTACT, StatutParcours.SANS_SUITE],
}
COMMENTAIRES = {
    StatutParcours.PREMIER_CONTACT: "Premier appel : présentation du réseau d'accueil.",
    StatutParcours.EN_ECHANGE: "Échanges réguliers sur le logement et l'emploi.",
    StatutParcours.VISITE_DECOUVERTE: "Visite découverte organisée avec la mairie.",
    StatutParcours.INSTALLE: "Installation confirmée.",
    StatutParcours.SANS_SUITE: "Projet reporté : le couple reste en ville pour le moment.",
}
# Days after registration at which each stage is reached (then spread a little).
JOURS_ETAPE = {
    StatutParcours.PREMIER_CONTACT: 3,
    StatutParcours.EN_ECHANGE: 12,
    StatutParcours.VISITE_DECOUVERTE: 40,
    StatutParcours.INSTALLE: 95,
    StatutParcours.SANS_SUITE: 30,
}

PRENOMS = [
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Julie", "Claire", "Pauline",
    "Lucie", "Anaïs", "Mathilde", "Élise", "Margaux", "Hugo", "Lucas", "Thomas", "Nicolas",
    "Julien", "Antoine", "Maxime", "Romain", "Baptiste", "Mehdi", "Karim", "Louis", "Arthur",
    "Paul", "Théo", "Samuel", "Yann", "Florian", "Nathalie", "Sophie", "Isabelle",
]  # fmt: skip
NOMS = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
]  # fmt: skip
VILLES = [
    "Paris", "Lyon", "Bordeaux", "Toulouse", "Nantes", "Lille", "Marseille", "Montpellier",
    "Strasbourg", "Rennes", "Bruxelles", "Genève", "Clermont-Ferrand", "Limoges", "Tours",
]  # fmt: skip
METIERS = {
    ProfilArrivant.SECONDES_VIES: [
        ("Chef de projet informatique", "Numérique"),
        ("Comptable", "Services aux entreprises"),
        ("Graphiste", "Communication"),
        ("Responsable commerciale", "Commerce"),
    ],
    ProfilArrivant.JEUNES: [
        ("Technicien de maintenance", "Industrie"),
        ("Éducatrice spécialisée", "Social"),
        ("Développeur web", "Numérique"),
        ("Boulanger", "Artisanat"),
    ],
    ProfilArrivant.WANTED: [
        ("Médecin généraliste", "Santé"),
        ("Infirmière", "Santé"),
        ("Ingénieure en aéronautique", "Industrie"),
        ("Kinésithérapeute", "Santé"),
        ("Cadre de la fonction publique", "Administration"),
    ],
    ProfilArrivant.TOURISTES: [
        ("Restaurateur", "Hôtellerie-restauration"),
        ("Guide touristique", "Tourisme"),
        ("Viticulteur", "Agriculture"),
    ],
    ProfilArrivant.AUTRE: [("Artisan ébéniste", "Artisanat"), ("", "")],
}
METIERS_CONJOINT = [
    "Professeure des écoles",
    "Aide-soignant",
    "Architecte",
    "Assistante de direction",
    "Électricien",
    "Pharmacienne",
]
NIVEAUX = {
    2: "Crèche",
    3: "Petite section",
    4: "Moyenne section",
    5: "Grande section",
    6: "CP",
    7: "CE1",
    8: "CE2",
    9: "CM1",
    10: "CM2",
    11: "6e",
    12: "5e",
    13: "4e",
    14: "3e",
    15: "Seconde",
    16: "Première",
}
MESSAGES_ARRIVANT = [
    "Bonjour, nous aimerions visiter quelques communes avant de nous décider. Que nous "
    "conseillez-vous ?",
    "Merci pour votre appel. Avez-vous des contacts pour une location à l'année ?",
    "Bonjour, mon conjoint cherche un poste d'enseignant : à qui faut-il s'adresser ?",
    "Nous serons dans le Lot pendant les vacances : pourrions-nous vous rencontrer ?",
    "Bonjour, existe-t-il une maison de santé qui recrute près de Figeac ?",
]
MESSAGES_REFERENT = [
    "Bonjour, avec plaisir ! Je vous propose un appel jeudi pour préparer votre visite.",
    "Je vous ai mis en relation avec deux agences et une mairie qui loue un meublé.",
    "Le rectorat publie les postes au printemps ; je vous envoie les liens utiles.",
    "Oui, je serai ravie de vous rencontrer. Dites-moi vos dates.",
    "La maison de santé de la vallée recrute : je transmets votre CV si vous le souhaitez.",
]
NOTES = [
    "Projet très concret, rappeler après la visite.",
    "Cherche une école avec cantine pour la rentrée.",
    "Conjoint intéressé par les offres du centre hospitalier.",
    "À mettre en relation avec l'ambassadrice de son secteur.",
    "Hésite entre location et achat : orienter vers l'ADIL.",
]
PROCHAINES_ACTIONS = [
    "Rappeler pour fixer la visite",
    "Envoyer la liste des logements temporaires",
    "Proposer une rencontre avec un ambassadeur",
]
SOURCES = [
    {},
    {},
    {"utm_source": "salon", "utm_medium": "stand", "utm_campaign": "vivre-a-la-campagne"},
    {"utm_source": "facebook", "utm_medium": "social", "utm_campaign": "opportunites-2026"},
    {"campagne": "opportunites-2026"},
]


@dataclass
class Arrivant:
    """One demo newcomer as drawn from the plan (nothing written yet)."""

    numero: int
    prenom: str
    nom: str
    profil: str
    statut: str
    jours: int  # registered this many days ago
    champs: dict = field(default_factory=dict)
    communaute_index: int | None = None
    messages: int = 0
    note: bool = False
    sejour: bool = False
    bilan: str = ""  # "", "ok" or "alerte"

    @property
    def email(self) -> str:
        return f"arrivant.{self.numero}@{DOMAINE}"


def _sous_demos(stdout) -> None:
    """Seed each area's content, skipping (with a warning) an area not written yet."""
    for chemin in SOUS_DEMOS:
        try:
            module = importlib.import_module(chemin)
        except ModuleNotFoundError as erreur:
            if erreur.name != chemin:
                raise
            stdout.write(f"Attention : {chemin} est absent, son contenu de démo est ignoré.")
            continue
        module.seed(stdout=stdout)


def seed(*, accueil, stdout):
    """Step templates, kits, housing, referents and 30 newcomers (idempotent)."""
    _sous_demos(stdout)
    communautes = list(CommunauteDeCommunes.objects.order_by("nom"))
    plan = _plan(nombre_communautes=len(communautes))
    existants = set(
        get_user_model()
        .objects.filter(email__in=[a.email for a in plan])
        .values_list("email", flat=True)
    )
    a_creer = [a for a in plan if a.email not in existants]
    mot_de_passe = _mot_de_passe(nouveaux=bool(a_creer))
    if a_creer:
        with transaction.atomic():
            dernier_courriel = Courriel.objects.aggregate(m=Max("pk"))["m"] or 0
            empreinte = make_password(mot_de_passe)
            for arrivant in a_creer:
                _creer(arrivant, communautes=communautes, empreinte=empreinte)
            # History, not news: nothing the demo did is emailed to anyone.
            Courriel.objects.filter(pk__gt=dernier_courriel).delete()
        stdout.write(f"Accueil : {len(a_creer)} nouveaux arrivants créés.")
    comptes = f"arrivant.1@{DOMAINE} … arrivant.{NOMBRE_ARRIVANTS}@{DOMAINE}"
    if mot_de_passe:
        stdout.write(f"Comptes des nouveaux arrivants : {comptes} / {mot_de_passe}")
    else:
        stdout.write(f"Comptes des nouveaux arrivants : {comptes} (mot de passe déjà défini).")


def _mot_de_passe(*, nouveaux: bool) -> str | None:
    """The newcomers' demo password, like the staff account's: from the environment, else
    drawn once, kept in ``var/`` (readable by its owner only) and printed at each run.
    None when the accounts exist but the file is gone (the password is not known)."""
    fichier = Path(settings.VAR_DIR) / FICHIER_IDENTIFIANTS
    if fichier.exists():
        lignes = fichier.read_text(encoding="utf-8").splitlines()
        if len(lignes) >= 2 and lignes[1]:
            return lignes[1]
    if not nouveaux:
        return None
    mot_de_passe = os.environ.get("DJANGO_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    fichier.parent.mkdir(parents=True, exist_ok=True)
    fichier.write_text(f"arrivant.<n>@{DOMAINE}\n{mot_de_passe}\n", encoding="utf-8")
    fichier.chmod(0o600)
    return mot_de_passe


# --- The plan ----------------------------------------------------------------------------


def _plan(*, nombre_communautes: int) -> list[Arrivant]:
    """Draw the 30 newcomers, always the same ones (fixed seed)."""
    rng = random.Random(GRAINE)
    statuts = [statut for statut, nombre in REPARTITION for _ in range(nombre)]
    rng.shuffle(statuts)
    profils = [
        ProfilArrivant.SECONDES_VIES,
        ProfilArrivant.WANTED,
        ProfilArrivant.JEUNES,
        ProfilArrivant.TOURISTES,
        ProfilArrivant.SECONDES_VIES,
        ProfilArrivant.WANTED,
        ProfilArrivant.AUTRE,
    ]
    prenoms = rng.sample(PRENOMS, NOMBRE_ARRIVANTS)
    plan = []
    bilans = 0
    for index, statut in enumerate(statuts):
        numero = index + 1
        profil = profils[index % len(profils)]
        plan.append(
            _arrivant(
                rng,
                numero=numero,
                prenom=prenoms[index],
                profil=profil,
                statut=statut,
                nombre_communautes=nombre_communautes,
            )
        )
        arrivant = plan[-1]
        if statut == StatutParcours.INSTALLE and bilans < 3:
            arrivant.bilan = "alerte" if bilans == 0 else "ok"
            bilans += 1
    # A stay or two: asked by files at the « visite découverte » stage.
    for arrivant in [a for a in plan if a.statut == StatutParcours.VISITE_DECOUVERTE][:2]:
        arrivant.sejour = True
    return plan


def _arrivant(rng, *, numero, prenom, profil, statut, nombre_communautes) -> Arrivant:
    ouvert = statut not in (StatutParcours.INSTALLE, StatutParcours.SANS_SUITE)
    if statut == StatutParcours.NOUVEAU:
        jours = rng.randint(1, 20)
    elif statut == StatutParcours.INSTALLE:
        jours = rng.randint(300, 420)
    else:
        jours = rng.randint(25, 200)
    metier, secteur = rng.choice(METIERS[profil])
    adultes = rng.choice([1, 2, 2, 2])
    enfants = []
    if adultes == 2 and rng.random() < 0.6:
        for _ in range(rng.randint(1, 3)):
            age = rng.randint(2, 16)
            enfants.append({"age": age, "niveau": NIVEAUX[age]})
    conjoint_cherche = adultes == 2 and rng.random() < 0.5
    zone_inconnue = nombre_communautes == 0 or (ouvert and rng.random() < 0.15)
    horizon = rng.choice(list(Horizon.values))
    date_installation = None
    if ouvert and horizon in (Horizon.MOINS_6_MOIS, Horizon.SIX_12_MOIS) and rng.random() < 0.7:
        date_installation = timezone.localdate() + timedelta(days=rng.randint(20, 330))
    champs = {
        "telephone": f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
        "lieu_actuel": rng.choice(VILLES),
        "connu_par": rng.choice(list(ConnuPar.values)),
        "adultes": adultes,
        "enfants": enfants,
        "metier_recherche": metier,
        "secteur_recherche": secteur,
        "projet_entreprise": rng.choice(
            [ProjetEntreprise.AUCUN] * 4 + [ProjetEntreprise.CREATION, ProjetEntreprise.REPRISE]
        ),
        "teletravail": rng.choice([Teletravail.NON] * 3 + [Teletravail.PARTIEL, Teletravail.TOTAL]),
        "conjoint_metier": rng.choice(METIERS_CONJOINT) if adultes == 2 else "",
        "conjoint_cherche_emploi": conjoint_cherche,
        "zone_inconnue": zone_inconnue,
        "date_installation": date_installation,
        "horizon": horizon,
        "logement_temporaire": rng.random() < 0.4,
        "besoin_logement": rng.choice(list(BesoinLogement.values)),
        "newsletter": rng.random() < 0.5,
        "consentement_transmission_cv": rng.random() < 0.6,
        "source": dict(rng.choice(SOURCES)),
    }
    champs["code_campagne"] = champs["source"].get("campagne", "")
    return Arrivant(
        numero=numero,
        prenom=prenom,
        nom=rng.choice(NOMS),
        profil=profil,
        statut=statut,
        jours=jours,
        champs=champs,
        communaute_index=None if zone_inconnue else rng.randrange(nombre_communautes),
        messages=0 if statut == StatutParcours.NOUVEAU else rng.randint(0, 3),
        note=statut != StatutParcours.NOUVEAU and rng.random() < 0.7,
    )


# --- Writing one newcomer ----------------------------------------------------------------


def _creer(arrivant: Arrivant, *, communautes, empreinte: str) -> ParcoursAccueil:
    from allauth.account.models import EmailAddress

    from .services import parcours as parcours_services
    from .services import relances, reseau

    inscrit_le = timezone.now() - timedelta(days=arrivant.jours, hours=arrivant.numero % 9)
    utilisateur = get_user_model().objects.create(
        email=arrivant.email,
        first_name=arrivant.prenom,
        last_name=arrivant.nom,
        password=empreinte,
        date_joined=inscrit_le,
    )
    EmailAddress.objects.create(
        user=utilisateur, email=utilisateur.email, verified=True, primary=True
    )
    parcours = ParcoursAccueil.objects.create(
        utilisateur=utilisateur,
        prenom=arrivant.prenom,
        nom=arrivant.nom,
        profil=arrivant.profil,
        consentement_le=inscrit_le,
        statut_modifie_le=inscrit_le,
        derniere_activite_le=inscrit_le,
        **arrivant.champs,
    )
    # ``cree_le`` is set on insert: date the registration back before the services read it.
    ParcoursAccueil.objects.filter(pk=parcours.pk).update(cree_le=inscrit_le)
    parcours.refresh_from_db()
    if arrivant.communaute_index is not None:
        communaute = communautes[arrivant.communaute_index]
        parcours.communautes.set([communaute])
        commune = Commune.objects.filter(communaute=communaute).order_by("-population").first()
        if commune is not None and arrivant.numero % 2:
            parcours.communes.set([commune])

    reseau.parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    reseau.score_calculer(parcours=parcours)
    parcours_services.etapes_generer(parcours=parcours)
    relances.courriel_bienvenue(parcours=parcours)
    Relance.objects.filter(parcours=parcours, modele__code=relances.CODE_BIENVENUE).update(
        due_le=inscrit_le, traitee_le=inscrit_le
    )
    _relances_passees(parcours)
    relances.relances_planifier(parcours=parcours)
    ChangementStatut.objects.filter(parcours=parcours).update(le=inscrit_le)

    referent = parcours.referent
    agent = referent.utilisateur if referent is not None else None
    for statut in CHEMINS[arrivant.statut]:
        le = _date_etape(arrivant, statut, inscrit_le)
        if statut == StatutParcours.INSTALLE:
            ParcoursAccueil.objects.filter(pk=parcours.pk).update(installe_le=le.date())
            parcours.refresh_from_db()
        reseau.statut_changer(
            parcours=parcours, statut=statut, par=agent, commentaire=COMMENTAIRES[statut]
        )
        ChangementStatut.objects.filter(parcours=parcours, nouveau=statut).update(le=le)
        ParcoursAccueil.objects.filter(pk=parcours.pk).update(statut_modifie_le=le)
        parcours.refresh_from_db()
    derniere = parcours.statut_modifie_le

    _etapes_avancer(parcours, arrivant)
    derniere = max(derniere, _messages(parcours, arrivant, agent, inscrit_le))
    if arrivant.note and agent is not None:
        note = reseau.note_ajouter(
            parcours=parcours, auteur=agent, texte=NOTES[arrivant.numero % len(NOTES)]
        )
        NoteSuivi.objects.filter(pk=note.pk).update(cree_le=inscrit_le + timedelta(days=4))
    if not parcours.est_clos and arrivant.numero % 3 == 0:
        reseau.prochaine_action_definir(
            parcours=parcours,
            texte=PROCHAINES_ACTIONS[arrivant.numero % len(PROCHAINES_ACTIONS)],
            le=timezone.localdate() + timedelta(days=arrivant.numero % 10 - 3),
        )
    if arrivant.sejour:
        _sejour(parcours, agent, inscrit_le)
    if arrivant.bilan:
        _bilan(parcours, alerte=arrivant.bilan == "alerte")
    ParcoursAccueil.objects.filter(pk=parcours.pk).update(derniere_activite_le=derniere)
    return parcours


def _date_etape(arrivant: Arrivant, statut: str, inscrit_le: datetime) -> datetime:
    jours = JOURS_ETAPE[statut] + arrivant.numero % 5
    le = inscrit_le + timedelta(days=min(jours, max(arrivant.jours - 1, 0)))
    return min(le, timezone.now())


def _relances_passees(parcours: ParcoursAccueil) -> None:
    """The follow-ups after registration already due: the history says they went out."""
    maintenant = timezone.now()
    modeles = ModeleRelance.objects.filter(
        actif=True, declencheur=ModeleRelance.Declencheur.INSCRIPTION, delai_jours__gt=0
    )
    for modele in modeles:
        due_le = parcours.cree_le + timedelta(days=modele.delai_jours)
        if due_le < maintenant:
            Relance.objects.get_or_create(
                parcours=parcours,
                modele=modele,
                defaults={"due_le": due_le, "statut": Relance.Statut.ENVOYEE, "traitee_le": due_le},
            )


def _etapes_avancer(parcours: ParcoursAccueil, arrivant: Arrivant) -> None:
    from .services import parcours as parcours_services

    rang = [s for s, _ in REPARTITION].index(arrivant.statut)
    faites = {0: 0, 1: 1, 2: 2, 3: 3, 4: 99, 5: 1}[rang]
    for index, etape in enumerate(parcours.etapes.order_by("ordre", "pk")):
        if index < faites:
            statut = StatutEtape.FAIT
        elif index == faites and rang in (1, 2, 3):
            statut = StatutEtape.EN_COURS
        else:
            break
        parcours_services.etape_statut_changer(etape=etape, statut=statut)
        # ``modifie_le`` is set on save: date the step back, between two status changes.
        EtapeParcours.objects.filter(pk=etape.pk).update(
            modifie_le=min(
                parcours.cree_le + timedelta(days=5 + 9 * index), parcours.statut_modifie_le
            )
        )


def _messages(parcours, arrivant: Arrivant, agent, inscrit_le: datetime) -> datetime:
    """Messages both ways, dated after registration; returns the last one's date."""
    from .services import parcours as parcours_services

    derniere = inscrit_le
    for n in range(arrivant.messages):
        for de_l_arrivant in (True, False):
            if not de_l_arrivant and agent is None:
                continue
            textes = MESSAGES_ARRIVANT if de_l_arrivant else MESSAGES_REFERENT
            message = parcours_services.message_envoyer(
                parcours=parcours,
                auteur=parcours.utilisateur if de_l_arrivant else agent,
                texte=textes[(arrivant.numero + n) % len(textes)],
                de_l_arrivant=de_l_arrivant,
            )
            envoye_le = min(
                inscrit_le + timedelta(days=2 + 6 * n, hours=0 if de_l_arrivant else 20),
                timezone.now() - timedelta(minutes=30 - n),
            )
            Message.objects.filter(pk=message.pk).update(
                envoye_le=envoye_le, lu_le=envoye_le + timedelta(hours=3)
            )
            derniere = max(derniere, envoye_le)
    return derniere


def _sejour(parcours, agent, inscrit_le: datetime) -> None:
    from .services import parcours as parcours_services
    from .services import reseau

    sejour = parcours_services.sejour_demander(
        parcours=parcours,
        periode_souhaitee="Un week-end au printemps",
        nombre_personnes=parcours.adultes + len(parcours.enfants),
        souhaits="Visiter les écoles, rencontrer des habitants et voir des maisons à louer.",
    )
    debut = timezone.localdate() + timedelta(days=18 + parcours.pk % 7)
    commune = Commune.objects.filter(communaute=parcours.communaute_id).order_by("nom").first()
    reseau.sejour_mettre_a_jour(sejour=sejour, statut=SejourDecouverte.Statut.ACCEPTE, par=agent)
    reseau.sejour_mettre_a_jour(
        sejour=sejour,
        statut=SejourDecouverte.Statut.PLANIFIE,
        par=agent,
        date_debut=debut,
        date_fin=debut + timedelta(days=1),
        commune_id=commune.pk if commune else None,
        programme="Samedi : visite du bourg, de l'école et du marché. Dimanche : rencontre "
        "avec une famille installée l'an dernier.",
        hebergement="Gîte communal",
        message_equipe="Nous avons hâte de vous accueillir !",
    )
    SejourDecouverte.objects.filter(pk=sejour.pk).update(cree_le=inscrit_le + timedelta(days=30))


def _bilan(parcours, *, alerte: bool) -> None:
    """The 6-month check-in of a settled file, answered (one signals a risk)."""
    from .services import relances

    modele = (
        ModeleRelance.objects.filter(
            declencheur=ModeleRelance.Declencheur.INSTALLATION, avec_questionnaire=True
        )
        .order_by("delai_jours")
        .first()
    )
    installe_le = parcours.installe_le or timezone.localdate()
    propose_le = timezone.make_aware(
        datetime.combine(installe_le + timedelta(days=182), datetime.min.time())
    )
    propose_le = min(propose_le, timezone.now() - timedelta(days=2))
    relance = None
    if modele is not None:
        relance, _ = Relance.objects.update_or_create(
            parcours=parcours,
            modele=modele,
            defaults={
                "due_le": propose_le,
                "statut": Relance.Statut.ENVOYEE,
                "traitee_le": propose_le,
                "motif_annulation": "",
            },
        )
    bilan = Bilan.objects.filter(parcours=parcours).first() or Bilan.objects.create(
        parcours=parcours, relance=relance
    )
    if alerte:
        reponses = {
            "satisfaction": 2,
            "isolement": Bilan.Reponse3.OUI,
            "emploi_conjoint": Bilan.EmploiConjoint.CHERCHE,
            "logement": Bilan.Logement.PROVISOIRE,
            "envisage_partir": Bilan.Reponse3.UN_PEU,
            "commentaire": "Nous connaissons encore peu de monde et mon conjoint n'a pas "
            "retrouvé de travail.",
        }
    else:
        reponses = {
            "satisfaction": 5,
            "isolement": Bilan.Reponse3.NON,
            "emploi_conjoint": Bilan.EmploiConjoint.TROUVE,
            "logement": Bilan.Logement.SATISFAISANT,
            "envisage_partir": Bilan.Reponse3.NON,
            "commentaire": "Très heureux de notre nouvelle vie, les enfants adorent l'école.",
        }
    bilan = relances.bilan_repondre(bilan=bilan, reponses=reponses)
    Bilan.objects.filter(pk=bilan.pk).update(
        cree_le=propose_le, repondu_le=propose_le + timedelta(days=1)
    )
