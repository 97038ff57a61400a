"""Demo content of the newcomer's journey: step templates and their rules, welcome kits,
practical information per communauté de communes, temporary housing.

Called by ``accueil.demo.seed`` (``seed_demo``). Idempotent: rows are found by their key
(``code``, ``profil``, ``communaute``, ``nom``) and never overwritten, so staff edits survive
a second run. Contacts are public services (mairies, standards), never a person's number.
"""

from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .models import InfosPratiques, KitBienvenue, LogementTemporaire, ModeleEtape
from .models.choix import ProfilArrivant

C = ModeleEtape.Condition
K = ModeleEtape.Contenu
P = ProfilArrivant

# (code, ordre, titre, profils, condition, contenu, explication, ressources)
ETAPES = [
    (
        "kit-bienvenue",
        10,
        "Lire votre kit de bienvenue",
        [],
        C.TOUJOURS,
        K.KIT,
        "<p>Votre kit rassemble, pour votre profil et votre secteur, les démarches des "
        "premières semaines, les services publics, les écoles, la santé et les contacts "
        "utiles. Imprimez-le ou enregistrez-le en PDF pour l'avoir sous la main.</p>",
        "",
    ),
    (
        "choisir-secteur",
        15,
        "Choisir où vous installer",
        [],
        C.ZONE_INCONNUE,
        K.AUCUN,
        "<p>Le Lot compte une dizaine de communautés de communes aux visages très "
        "différents : vallée du Lot et vignoble de Cahors, causses, Ségala, vallée de la "
        "Dordogne, Bouriane, Quercy blanc. Dites à votre référent ce qui compte pour vous "
        "(emploi, écoles, gare, services, prix de l'immobilier) : il vous aide à choisir, "
        "puis indiquez votre secteur dans « Mon projet ».</p>",
        "<ul><li>Les fiches « Informations pratiques » de chaque communauté de communes, "
        "dans votre kit de bienvenue.</li><li>Les offices de tourisme du Lot, pour une "
        "première visite.</li></ul>",
    ),
    (
        "logement-temporaire",
        20,
        "Trouver un logement temporaire",
        [],
        C.LOGEMENT_TEMPORAIRE,
        K.LOGEMENTS_TEMPORAIRES,
        "<p>Un logement pour quelques semaines ou quelques mois vous laisse le temps de "
        "connaître le secteur avant de louer ou d'acheter : gîtes loués au mois hors "
        "saison, résidences Habitat Jeunes, logements passerelles et meublés proposés par "
        "des communes. Contactez directement le gestionnaire ; votre référent peut appuyer "
        "votre demande.</p>",
        "<ul><li>Les mairies de votre secteur connaissent souvent des locations de "
        "moyenne durée.</li><li>Les offices de tourisme listent les gîtes loués au mois "
        "d'octobre à avril.</li></ul>",
    ),
    (
        "logement",
        30,
        "Trouver votre logement",
        [],
        C.RECHERCHE_LOGEMENT,
        K.AUCUN,
        "<p>Location ou achat : les prix varient beaucoup entre Cahors, Figeac, la vallée "
        "de la Dordogne et les communes rurales. Faites le point sur votre budget et sur "
        "les aides (prêt à taux zéro, aides à la rénovation énergétique) avant de "
        "visiter. Dans les bourgs, les maisons à rénover sont nombreuses : faites-vous "
        "accompagner pour estimer les travaux.</p>",
        "<ul><li>ADIL du Lot : conseils juridiques et financiers gratuits sur la location "
        "et l'achat.</li><li>France Rénov' : conseil gratuit sur la rénovation et ses "
        "aides.</li><li>Action Logement : aides pour les salariés qui changent de "
        "région.</li></ul>",
    ),
    (
        "emploi",
        40,
        "Trouver un emploi",
        [],
        C.RECHERCHE_EMPLOI,
        K.OFFRES_EMPLOI,
        "<p>Santé, industrie aéronautique et mécanique autour de Figeac, agroalimentaire, "
        "bâtiment, tourisme, services à la personne : le Lot recrute. Déposez votre CV "
        "dans « Mes CV » et donnez votre accord : votre référent le transmet aux "
        "employeurs partenaires qui cherchent votre profil.</p>",
        "<ul><li>France Travail (agences de Cahors, Figeac, Gourdon, Souillac et "
        "Saint-Céré).</li><li>Apec, pour les cadres.</li><li>Les job datings annoncés "
        "dans l'agenda du portail.</li></ul>",
    ),
    (
        "emploi-conjoint",
        45,
        "L'emploi de votre conjoint",
        [],
        C.CONJOINT_CHERCHE_EMPLOI,
        K.OFFRES_EMPLOI,
        "<p>Une installation réussit quand chacun trouve sa place. Votre conjoint peut "
        "déposer son CV dans « Mes CV » : avec votre accord, votre référent le présente "
        "aux employeurs du secteur, et vous prévient des offres qui lui correspondent.</p>",
        "<ul><li>France Travail : inscription possible avant le déménagement.</li>"
        "<li>Les groupements d'employeurs du Lot, pour des temps partagés.</li></ul>",
    ),
    (
        "entreprise",
        50,
        "Créer ou reprendre une entreprise",
        [],
        C.PROJET_ENTREPRISE,
        K.AUCUN,
        "<p>Commerces de bourg, artisans, exploitations agricoles, entreprises "
        "industrielles : de nombreux chefs d'entreprise lotois cherchent un repreneur. "
        "Les chambres consulaires vous accompagnent, du diagnostic au financement.</p>",
        "<ul><li>CCI du Lot : création, reprise, formalités.</li><li>Chambre de métiers "
        "et de l'artisanat du Lot.</li><li>Chambre d'agriculture du Lot, pour "
        "l'installation agricole.</li><li>Initiative Lot : prêts d'honneur.</li></ul>",
    ),
    (
        "ecoles",
        60,
        "Inscrire vos enfants à l'école et trouver un mode de garde",
        [],
        C.ENFANTS,
        K.AUCUN,
        "<p>L'inscription à l'école maternelle ou élémentaire se fait d'abord en mairie, "
        "puis auprès de l'école. Pour le collège et le lycée, contactez l'établissement "
        "de votre secteur. Pour les tout-petits, le relais petite enfance de votre "
        "communauté de communes connaît les places en crèche et chez les assistantes "
        "maternelles.</p>",
        "<ul><li>La mairie de votre future commune.</li><li>Services départementaux de "
        "l'Éducation nationale du Lot (DSDEN), à Cahors.</li><li>monenfant.fr (CAF) : "
        "crèches et assistantes maternelles.</li><li>Transports scolaires : région "
        "Occitanie, réseau liO.</li></ul>",
    ),
    (
        "medecin",
        70,
        "Trouver un médecin traitant",
        [],
        C.TOUJOURS,
        K.AUCUN,
        "<p>Déclarez un médecin traitant dès votre arrivée : c'est plus simple avant d'en "
        "avoir besoin. Les maisons de santé pluriprofessionnelles du Lot accueillent de "
        "nouveaux patients ; votre référent connaît celles de votre secteur. Sans "
        "médecin traitant, la CPAM du Lot peut vous aider à en trouver un.</p>",
        "<ul><li>ameli.fr : annuaire santé et déclaration du médecin traitant.</li>"
        "<li>CPAM du Lot, à Cahors.</li><li>Urgences : 15 (SAMU) ou 112.</li></ul>",
    ),
    (
        "transports",
        80,
        "Vous déplacer",
        [],
        C.TOUJOURS,
        K.AUCUN,
        "<p>Le Lot est rural : la voiture reste souvent nécessaire, mais les trains "
        "desservent Cahors, Gourdon, Souillac et Figeac, des cars régionaux relient les "
        "bourgs et le covoiturage s'organise. Pensez aussi au transport à la demande de "
        "votre communauté de communes.</p>",
        "<ul><li>liO, le réseau de transport de la région Occitanie (trains et cars).</li>"
        "<li>SNCF : ligne Paris – Orléans – Limoges – Toulouse (Souillac, Gourdon, "
        "Cahors).</li><li>Aéroport de Brive – Vallée de la Dordogne, au nord du "
        "département.</li></ul>",
    ),
    (
        "associations",
        90,
        "Rencontrer du monde : associations et loisirs",
        [],
        C.TOUJOURS,
        K.AUCUN,
        "<p>Sport, musique, théâtre, randonnée, jardins partagés, comités des fêtes : les "
        "associations sont le meilleur moyen de se faire des amis. Les forums des "
        "associations de septembre, les médiathèques et les offices de tourisme sont de "
        "bons points de départ.</p>",
        "<ul><li>Le forum des associations de votre commune, début septembre.</li>"
        "<li>L'agenda du portail : rencontres d'accueil des nouveaux arrivants.</li></ul>",
    ),
    (
        "ambassadeur",
        95,
        "Rencontrer un ambassadeur du Lot",
        [],
        C.TOUJOURS,
        K.AMBASSADEURS,
        "<p>Des Lotoises et des Lotois, installés depuis peu ou depuis toujours, "
        "partagent volontiers leur expérience : un café, une visite de leur village, "
        "des conseils pour l'école ou le travail. Demandez à votre référent de vous "
        "mettre en relation avec un ambassadeur de votre secteur.</p>",
        "",
    ),
    (
        "sejour-decouverte",
        25,
        "Faire un séjour découverte",
        [P.SECONDES_VIES, P.WANTED, P.TOURISTES, P.AUTRE],
        C.TOUJOURS,
        K.SEJOUR_DECOUVERTE,
        "<p>Un week-end pour visiter des logements, rencontrer un employeur, voir l'école "
        "et les commerces, passer une soirée avec des habitants : le séjour découverte "
        "est le meilleur moyen de confirmer votre projet. Dites-nous quand vous "
        "aimeriez venir et ce que vous voulez découvrir ; l'équipe d'accueil vous "
        "propose un programme.</p>",
        "",
    ),
]


def _texte(html: str) -> dict:
    return {"type": "texte", "value": html}


def _titre(texte: str) -> dict:
    return {"type": "titre", "value": texte}


PREMIERES_DEMARCHES = _texte(
    "<ul><li>Changez votre adresse en une fois sur service-public.fr (impôts, caisse "
    "d'assurance maladie, CAF, caisse de retraite, fournisseurs).</li>"
    "<li>Présentez-vous à la mairie : inscription sur les listes électorales, "
    "informations sur les déchets, l'école, les associations.</li>"
    "<li>Déclarez un médecin traitant.</li>"
    "<li>Faites changer l'adresse de votre carte grise dans le mois qui suit.</li></ul>"
)

# profil: (titre, introduction, [blocks])
KITS = {
    P.SECONDES_VIES: (
        "Bienvenue dans le Lot : votre nouvelle vie commence ici",
        "Vous avez choisi un meilleur équilibre de vie : voici l'essentiel pour bien "
        "démarrer, du déménagement aux premières rencontres.",
        [
            _titre("Vos premières démarches"),
            PREMIERES_DEMARCHES,
            _titre("Travailler autrement"),
            _texte(
                "<p>Télétravail, reconversion, création d'activité : le Lot compte des "
                "tiers-lieux et espaces de coworking dans la plupart des bourgs-centres. "
                "La fibre optique couvre désormais l'essentiel du département.</p>"
            ),
            _titre("S'intégrer"),
            _texte(
                "<p>Les associations, les marchés de producteurs et les fêtes de village "
                "sont les meilleurs lieux de rencontre. Votre référent accueil et les "
                "ambassadeurs du Lot peuvent vous présenter des habitants.</p>"
            ),
        ],
    ),
    P.JEUNES: (
        "Bon retour dans le Lot",
        "Vous avez grandi ou étudié dans le Lot et vous revenez : voici ce qui a changé et "
        "ce qui peut vous aider.",
        [
            _titre("Vos premières démarches"),
            PREMIERES_DEMARCHES,
            _titre("Emploi et formation"),
            _texte(
                "<p>La Mission locale du Lot accompagne les moins de 26 ans vers l'emploi, "
                "la formation et le logement. France Travail et l'Apec accompagnent les "
                "autres publics. Les entreprises lotoises recrutent dans l'industrie, la "
                "santé, le numérique et le tourisme.</p>"
            ),
            _titre("Se loger"),
            _texte(
                "<p>Les résidences Habitat Jeunes de Cahors et de Figeac proposent des "
                "logements meublés à loyer modéré. Action Logement aide les jeunes "
                "salariés (avance et garantie du dépôt de garantie).</p>"
            ),
        ],
    ),
    P.WANTED: (
        "Bienvenue dans le Lot : votre carrière continue ici",
        "Ingénieur, technicien, cadre, soignant : vos compétences sont attendues. Voici de "
        "quoi installer votre famille sereinement.",
        [
            _titre("Vos premières démarches"),
            PREMIERES_DEMARCHES,
            _titre("L'emploi de votre conjoint"),
            _texte(
                "<p>Déposez le CV de votre conjoint dans votre espace : avec votre accord, "
                "votre référent le transmet aux employeurs partenaires du Lot.</p>"
            ),
            _titre("Pour les professionnels de santé"),
            _texte(
                "<p>Maisons de santé pluriprofessionnelles, centres hospitaliers de "
                "Cahors, Figeac, Gourdon et Saint-Céré : l'Agence régionale de santé "
                "Occitanie et le Département accompagnent l'installation des soignants "
                "(aides, logement, stages).</p>"
            ),
        ],
    ),
    P.TOURISTES: (
        "Du séjour à la vie dans le Lot",
        "Vous êtes tombés amoureux du Lot en vacances : vivre ici à l'année, c'est "
        "possible. Voici ce qu'il faut savoir hors saison.",
        [
            _titre("Vos premières démarches"),
            PREMIERES_DEMARCHES,
            _titre("Le Lot toute l'année"),
            _texte(
                "<p>En hiver, certains commerces et restaurants des sites touristiques "
                "ferment : installez-vous de préférence près d'un bourg-centre (Cahors, "
                "Figeac, Gourdon, Souillac, Gramat, Saint-Céré, Prayssac, Lalbenque…) "
                "où les services restent ouverts.</p>"
            ),
            _titre("Un séjour découverte hors saison"),
            _texte(
                "<p>Avant de vous décider, venez un week-end de novembre ou de février : "
                "l'équipe d'accueil organise votre séjour découverte depuis votre "
                "parcours.</p>"
            ),
        ],
    ),
    P.AUTRE: (
        "Bienvenue dans le Lot",
        "Quel que soit votre projet, voici l'essentiel pour bien commencer votre vie dans le Lot.",
        [
            _titre("Vos premières démarches"),
            PREMIERES_DEMARCHES,
            _titre("Qui peut vous aider"),
            _texte(
                "<p>Votre référent accueil répond à vos questions dans votre espace. Les "
                "mairies et les Maisons France services vous accompagnent dans vos "
                "démarches administratives.</p>"
            ),
        ],
    ),
}

# siren: facts for the practical information (hubs, hospital, stations, secondary schools).
FAITS = {
    "200023737": {
        "sante": "Centre hospitalier de Cahors (urgences) ; maisons de santé "
        "pluriprofessionnelles dans l'agglomération.",
        "transports": "Gare SNCF de Cahors (ligne Paris – Toulouse) ; réseau de bus urbain "
        "du Grand Cahors ; cars régionaux liO.",
        "ecoles": "Collèges et lycées généraux, technologiques et professionnels à "
        "Cahors ; enseignement supérieur (IUT, Institut de formation en soins "
        "infirmiers).",
    },
    "200067361": {
        "sante": "Centre hospitalier de Figeac (urgences) ; maisons de santé dans "
        "plusieurs bourgs du Ségala et du Limargue.",
        "transports": "Gares de Figeac et d'Assier ; cars régionaux liO vers Cahors, "
        "Aurillac et Rodez.",
        "ecoles": "Collèges et lycées à Figeac ; IUT de Figeac ; collèges à "
        "Lacapelle-Marival, Cajarc et Bagnac-sur-Célé.",
    },
    "200066371": {
        "sante": "Centre hospitalier de Saint-Céré ; hôpital de Gramat ; maisons de santé "
        "à Souillac, Martel, Vayrac et Biars-sur-Cère.",
        "transports": "Gares de Souillac (ligne Paris – Toulouse), Gramat, "
        "Rocamadour-Padirac et Biars-sur-Cère ; aéroport de Brive – Vallée de la "
        "Dordogne à proximité.",
        "ecoles": "Lycées à Souillac et Saint-Céré ; collèges à Souillac, Gramat, "
        "Saint-Céré, Martel, Vayrac et Biars-sur-Cère.",
    },
    "244600482": {
        "sante": "Centre hospitalier de Gourdon ; maisons de santé dans la Bouriane.",
        "transports": "Gare de Gourdon (ligne Paris – Toulouse) ; cars régionaux liO.",
        "ecoles": "Collège et lycée à Gourdon.",
    },
    "244600433": {
        "sante": "Maisons de santé à Prayssac, Puy-l'Évêque et Luzech ; centre hospitalier "
        "de Cahors pour les urgences.",
        "transports": "Cars régionaux liO le long de la vallée du Lot vers Cahors ; gare "
        "de Cahors.",
        "ecoles": "Collèges à Puy-l'Évêque, Prayssac et Luzech ; lycées à Cahors.",
    },
}

FAIT_DEFAUT = {
    "sante": "Médecins généralistes et pharmacies dans les bourgs ; centre hospitalier "
    "le plus proche pour les urgences (le 15 en cas d'urgence).",
    "transports": "Cars régionaux liO et transport à la demande de la communauté de "
    "communes ; covoiturage.",
    "ecoles": "Écoles maternelles et élémentaires dans la plupart des communes ou en "
    "regroupement pédagogique ; collège et lycée du secteur (transport scolaire "
    "organisé par la région).",
}


def _infos_pratiques(communaute: CommunauteDeCommunes, poles: list[str]) -> dict:
    faits = {**FAIT_DEFAUT, **FAITS.get(communaute.siren, {})}
    liste_poles = ", ".join(poles)
    premier = poles[0] if poles else communaute.nom
    habitants = f"{communaute.population:,}".replace(",", "\u202f")
    presentation = f"<p>{communaute.nom}"
    if communaute.population:
        presentation += f" : {habitants} habitants (partie lotoise)"
    presentation += f". Principales communes : {liste_poles}.</p>"
    return {
        "presentation": presentation,
        "services": f"<ul><li>Les mairies de {liste_poles} : état civil, inscriptions "
        "scolaires, urbanisme.</li><li>Maison France services la plus proche : aide aux "
        "démarches (impôts, CAF, assurance maladie, retraite, France Travail).</li>"
        "<li>Les services de la communauté de communes : déchets, petite enfance, "
        "transport à la demande.</li></ul>",
        "ecoles": f"<p>{faits['ecoles']}</p><p>Petite enfance : le relais petite enfance de "
        "la communauté de communes recense crèches et assistantes maternelles.</p>",
        "sante": f"<p>{faits['sante']}</p>",
        "transports": f"<p>{faits['transports']}</p>",
        "associations": f"<p>Forums des associations en septembre ({liste_poles}) ; "
        "médiathèques, clubs sportifs, écoles de musique ; office de tourisme du "
        "secteur pour les sorties et les randonnées.</p>",
        "contacts": f"<ul><li>Mairie de {premier} (accueil).</li><li>Communauté de "
        f"communes : {communaute.nom}, standard.</li><li>Votre référent accueil, dans votre "
        "espace.</li><li>Urgences : 15 (SAMU), 17 (police), 18 (pompiers), 112.</li></ul>",
    }


# (nom, type, commune, capacité, prix min, prix max, disponible, disponibilité, contact,
#  description)
T = LogementTemporaire.Type
LOGEMENTS = [
    (
        "Résidence Habitat Jeunes de Cahors",
        T.AUBERGE_JEUNESSE,
        "Cahors",
        1,
        350,
        480,
        True,
        "Studios meublés disponibles toute l'année",
        "Accueil de la résidence",
        "Studios et T1 meublés pour les moins de 30 ans en emploi, stage ou formation.",
    ),
    (
        "Logement passerelle du Grand Cahors",
        T.LOGEMENT_PASSERELLE,
        "Pradines",
        4,
        450,
        550,
        False,
        "Prochaine disponibilité au printemps",
        "Service habitat de l'agglomération",
        "T3 meublé pour une famille qui s'installe, loué jusqu'à six mois.",
    ),
    (
        "Gîte du causse, location au mois",
        T.GITE,
        "Lalbenque",
        5,
        600,
        750,
        True,
        "D'octobre à avril",
        "Office de tourisme du secteur",
        "Maison de pays avec jardin, louée au mois hors saison touristique.",
    ),
    (
        "Résidence Habitat Jeunes de Figeac",
        T.AUBERGE_JEUNESSE,
        "Figeac",
        1,
        330,
        450,
        True,
        "Studios meublés disponibles toute l'année",
        "Accueil de la résidence",
        "Studios meublés à deux pas du centre et de la gare.",
    ),
    (
        "Meublé communal de Lacapelle-Marival",
        T.MEUBLE_COMMUNAL,
        "Lacapelle-Marival",
        3,
        420,
        420,
        True,
        "Libre dès maintenant",
        "Mairie de Lacapelle-Marival (accueil)",
        "Appartement T2 meublé au-dessus de l'ancienne poste, loué aux nouveaux arrivants "
        "jusqu'à un an.",
    ),
    (
        "Gîte de la vallée du Célé",
        T.GITE,
        "Cajarc",
        6,
        650,
        800,
        True,
        "De novembre à mars",
        "Office de tourisme du Grand-Figeac",
        "Grande maison en pierre, idéale pour une famille le temps de chercher.",
    ),
    (
        "Logement passerelle de Souillac",
        T.LOGEMENT_PASSERELLE,
        "Souillac",
        4,
        480,
        560,
        True,
        "Disponible à partir du mois prochain",
        "Mairie de Souillac (accueil)",
        "T3 meublé proche de la gare, pour les familles qui prennent un poste dans le secteur.",
    ),
    (
        "Meublé communal de Martel",
        T.MEUBLE_COMMUNAL,
        "Martel",
        2,
        380,
        380,
        False,
        "Occupé jusqu'à la fin de l'année",
        "Mairie de Martel (accueil)",
        "Studio meublé rénové dans le centre médiéval.",
    ),
    (
        "Gîte du Haut-Quercy, location longue durée",
        T.GITE,
        "Gramat",
        4,
        550,
        700,
        True,
        "D'octobre à mai",
        "Office de tourisme du secteur",
        "Maison de plain-pied à la sortie du bourg, chauffage au bois.",
    ),
    (
        "Appartement passerelle de Saint-Céré",
        T.LOGEMENT_PASSERELLE,
        "Saint-Céré",
        3,
        400,
        500,
        True,
        "Libre dès maintenant",
        "Mairie de Saint-Céré (accueil)",
        "T2 meublé réservé aux soignants et aux nouveaux salariés du secteur.",
    ),
    (
        "Gîte de Bouriane au mois",
        T.GITE,
        "Gourdon",
        5,
        580,
        720,
        True,
        "De septembre à juin",
        "Office de tourisme de Gourdon",
        "Maison avec jardin à dix minutes de la gare de Gourdon.",
    ),
    (
        "Meublé communal de Prayssac",
        T.MEUBLE_COMMUNAL,
        "Prayssac",
        2,
        390,
        390,
        True,
        "Libre dès maintenant",
        "Mairie de Prayssac (accueil)",
        "T2 meublé au centre du bourg, commerces et marché à pied.",
    ),
    (
        "Gîte du Quercy blanc, location au mois",
        T.GITE,
        "Montcuq-en-Quercy-Blanc",
        4,
        520,
        650,
        False,
        "Réservé jusqu'en mars",
        "Office de tourisme du Quercy blanc",
        "Maison de village avec vue sur les collines du Quercy blanc.",
    ),
]


def seed(stdout):
    """Step templates, welcome kits, practical information and temporary housing."""
    nouvelles = 0
    for code, ordre, titre, profils, condition, contenu, explication, ressources in ETAPES:
        _, cree = ModeleEtape.objects.get_or_create(
            code=code,
            defaults={
                "ordre": ordre,
                "titre": titre,
                "profils": [str(p) for p in profils],
                "condition": condition,
                "contenu": contenu,
                "explication": explication,
                "ressources": ressources,
            },
        )
        nouvelles += cree
    for profil, (titre, introduction, corps) in KITS.items():
        KitBienvenue.objects.get_or_create(
            profil=profil,
            defaults={"titre": titre, "introduction": introduction, "corps": corps},
        )
    infos = 0
    for communaute in CommunauteDeCommunes.objects.all():
        poles = list(
            Commune.objects.filter(communaute=communaute)
            .order_by("-population", "nom")
            .values_list("nom", flat=True)[:3]
        )
        _, cree = InfosPratiques.objects.get_or_create(
            communaute=communaute, defaults=_infos_pratiques(communaute, poles)
        )
        infos += cree
    logements = 0
    communes = {c.nom: c for c in Commune.objects.filter(nom__in=[x[2] for x in LOGEMENTS])}
    for nom, type_, commune, capacite, pmin, pmax, dispo, quand, contact, desc in LOGEMENTS:
        if commune not in communes:
            continue
        _, cree = LogementTemporaire.objects.get_or_create(
            nom=nom,
            defaults={
                "type": type_,
                "commune": communes[commune],
                "capacite": capacite,
                "prix_min": pmin,
                "prix_max": pmax,
                "disponible": dispo,
                "disponibilite": quand,
                "contact_nom": contact,
                "description": desc,
            },
        )
        logements += cree
    stdout.write(
        f"Parcours d'accueil : {nouvelles} modèles d'étapes, {infos} fiches pratiques, "
        f"{logements} logements temporaires créés."
    )
