"""Demo content of this section, created by ``manage.py seed_demo``."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from lot_portal.territoire.models import Commune

from .models import EvenementIndexPage, EvenementPage, Inscription, TypeEvenement

# (title, type, days from today, start, end, days long, commune, venue, address,
#  audiences, capacity, registrations open, summary, registrations [(people, waiting)])
EVENEMENTS = [
    (
        "Job dating santé à Cahors",
        TypeEvenement.JOB_DATING,
        12,
        time(10),
        time(17),
        0,
        "Cahors",
        "Espace Valentré",
        "Allée des Soupirs",
        ["wanted", "secondes_vies"],
        40,
        True,
        "Infirmiers, aides-soignants, kinésithérapeutes, médecins : rencontrez en une "
        "journée les hôpitaux, cliniques, Ehpad et maisons de santé du Lot qui recrutent.",
        [2, 1, 1, 3],
    ),
    (
        "Salon Vivre à la campagne à Paris — le Lot y est présent",
        TypeEvenement.SALON,
        40,
        time(10),
        time(18),
        2,
        None,
        "Paris Event Center, stand du Lot",
        "20 avenue de la Porte de la Villette, 75019 Paris",
        ["secondes_vies", "wanted", "touristes"],
        None,
        False,
        "Trois jours pour préparer votre installation : offres d'emploi, entreprises à "
        "reprendre, logement. Entrée libre, venez nous voir sur le stand du Lot.",
        [],
    ),
    (
        "Week-end découverte à Figeac",
        TypeEvenement.WEEK_END_DECOUVERTE,
        26,
        time(10),
        time(16),
        1,
        "Figeac",
        "Office de tourisme du Grand-Figeac",
        "Place Vival",
        ["secondes_vies", "wanted"],
        12,
        True,
        "Deux jours pour découvrir Figeac avec des habitants : visites d'entreprises, "
        "écoles, quartiers, marché du samedi et rencontre avec les élus.",
        [2, 4, 2, 3, 1, (2, True), (3, True)],
    ),
    (
        "Rencontre des ambassadeurs à Gramat",
        TypeEvenement.RENCONTRE_AMBASSADEURS,
        8,
        time(18, 30),
        time(21),
        0,
        "Gramat",
        "Salle des fêtes",
        "Place de la République",
        ["secondes_vies", "jeunes", "wanted", "touristes"],
        30,
        True,
        "Les ambassadeurs du Lot se retrouvent pour partager leurs contacts, accueillir "
        "les nouveaux arrivants et préparer les prochains salons.",
        [1, 2],
    ),
    (
        "Festival de Saint-Céré",
        TypeEvenement.FESTIVAL,
        -100,
        time(20, 30),
        time(23),
        14,
        "Saint-Céré",
        "Château de Castelnau-Bretenoux et théâtre de l'Usine",
        "",
        ["touristes", "secondes_vies"],
        None,
        False,
        "Opéra, concerts et théâtre musical au cœur de la vallée de la Dordogne : le "
        "rendez-vous lyrique de l'été dans le nord du Lot.",
        [],
    ),
    (
        "Lot of Saveurs",
        TypeEvenement.FESTIVAL,
        -30,
        time(9),
        time(18),
        1,
        "Cahors",
        "Allées Fénelon",
        "",
        ["touristes", "secondes_vies", "jeunes"],
        None,
        False,
        "Producteurs, vignerons et restaurateurs du Lot : le marché des saveurs du "
        "territoire, ses dégustations et ses ateliers pour les enfants.",
        [],
    ),
    (
        "Job dating industrie à Figeac",
        TypeEvenement.JOB_DATING,
        -15,
        time(9),
        time(13),
        0,
        "Figeac",
        "Espace Mitterrand",
        "Avenue Fernand-Pezet",
        ["wanted", "jeunes"],
        50,
        True,
        "Aéronautique, mécanique, agroalimentaire : les entreprises de la vallée de la "
        "Mécanique recrutent techniciens, ingénieurs et opérateurs.",
        [1, 1, 2],
    ),
    (
        "Week-end découverte de la vallée de la Dordogne à Souillac",
        TypeEvenement.WEEK_END_DECOUVERTE,
        75,
        time(10),
        time(17),
        1,
        "Souillac",
        "Abbaye Sainte-Marie",
        "Place de l'Abbaye",
        ["secondes_vies", "touristes"],
        15,
        True,
        "Vivre au bord de la Dordogne : logement, emploi, écoles et vie associative "
        "présentés par celles et ceux qui ont fait le choix de Souillac.",
        [2],
    ),
    (
        "Forum de l'emploi et de l'installation à Toulouse",
        TypeEvenement.SALON,
        18,
        time(9, 30),
        time(17, 30),
        0,
        None,
        "Centre de congrès Pierre-Baudis",
        "11 esplanade Compans-Caffarelli, 31000 Toulouse",
        ["wanted", "jeunes"],
        20,
        True,
        "À une heure et demie de Cahors : réservez un rendez-vous individuel avec le "
        "service attractivité pour préparer votre projet dans le Lot.",
        [1],
    ),
    (
        "Rencontre des ambassadeurs à Gourdon",
        TypeEvenement.RENCONTRE_AMBASSADEURS,
        -45,
        time(18),
        time(20, 30),
        0,
        "Gourdon",
        "Salle Louis-Conte",
        "",
        ["secondes_vies", "jeunes", "wanted", "touristes"],
        None,
        True,
        "Bilan de l'année du réseau des ambassadeurs de la Bouriane et accueil des "
        "nouveaux venus autour d'un apéritif de producteurs locaux.",
        [],
    ),
]

PRENOMS = ["Claire", "Julien", "Nadia", "Thomas", "Inès", "Marc", "Léa", "Karim", "Sophie"]
NOMS = ["Martin", "Bernard", "Roux", "Fabre", "Lacombe", "Delpech", "Vidal", "Costes", "Bouyssou"]


def _moment(jour, heure: time) -> datetime:
    return timezone.make_aware(datetime.combine(jour, heure))


def seed(*, accueil, stdout) -> None:
    """Create the agenda index and ten events once (idempotent)."""
    index = EvenementIndexPage.objects.child_of(accueil).first()
    if index is None:
        index = EvenementIndexPage(
            title="Agenda",
            slug="agenda",
            show_in_menus=True,
            introduction="Job datings, salons, week-ends découverte, rencontres des "
            "ambassadeurs : venez rencontrer le Lot et celles et ceux qui y vivent.",
            search_description="Les événements pour découvrir le Lot, y trouver un emploi "
            "et préparer votre installation.",
        )
        accueil.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("Agenda créé.")
    aujourd_hui = timezone.localdate()
    communes = {c.nom: c for c in Commune.objects.filter(nom__in={e[6] for e in EVENEMENTS})}
    crees = 0
    for (
        titre,
        type_evenement,
        decalage,
        heure_debut,
        heure_fin,
        duree,
        commune,
        lieu,
        adresse,
        publics,
        capacite,
        ouvertes,
        chapo,
        inscriptions,
    ) in EVENEMENTS:
        slug = slugify(titre)[:80]
        if EvenementPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        jour = aujourd_hui + timedelta(days=decalage)
        evenement = EvenementPage(
            title=titre,
            slug=slug,
            type=type_evenement,
            chapo=chapo,
            debut=_moment(jour, heure_debut),
            fin=_moment(jour + timedelta(days=duree), heure_fin),
            commune=communes.get(commune) if commune else None,
            lieu=lieu,
            adresse=adresse or ("" if commune in communes else commune or ""),
            publics=publics,
            capacite=capacite,
            inscriptions_ouvertes=ouvertes,
            search_description=chapo[:150],
            description=[
                ("texte", f"<p>{chapo}</p>"),
                ("titre", "Au programme"),
                (
                    "texte",
                    "<ul><li>Accueil et présentation du territoire</li>"
                    "<li>Rencontres et échanges avec les professionnels</li>"
                    "<li>Temps convivial avec des produits du Lot</li></ul>",
                ),
            ],
        )
        if not evenement.commune and not evenement.adresse:
            evenement.adresse = commune or "Lot"
        index.add_child(instance=evenement)
        evenement.save_revision().publish()
        for numero, inscription in enumerate(inscriptions):
            personnes, attente = inscription if isinstance(inscription, tuple) else (inscription, 0)
            prenom, nom = PRENOMS[numero % len(PRENOMS)], NOMS[(numero * 5) % len(NOMS)]
            Inscription.objects.create(
                evenement=evenement,
                prenom=prenom,
                nom=nom,
                email=f"{slugify(prenom)}.{slugify(nom)}.{numero}@exemple.fr",
                nombre_personnes=personnes,
                statut=Inscription.Statut.ATTENTE if attente else Inscription.Statut.INSCRITE,
            )
        crees += 1
    if crees:
        stdout.write(f"Agenda : {crees} événements créés.")
