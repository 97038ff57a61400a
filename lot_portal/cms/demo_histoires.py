"""The demo stories (text only): people who live and work in the Lot.

Fictional people, real places. ``demo.py`` turns each entry into a
``HistoirePage`` with a generated illustration.
"""

THEMATIQUES = [
    ("entreprendre", "Entreprendre"),
    ("agriculture", "Agriculture"),
    ("artisanat", "Artisanat"),
    ("commerce", "Commerce"),
    ("sante", "Santé"),
    ("nature", "Nature"),
    ("patrimoine", "Patrimoine"),
    ("sports", "Sports"),
    ("festivals", "Festivals"),
    ("culture", "Culture"),
    ("vivre-ensemble", "Vivre ensemble"),
]

# Each story: slug, title, chapô, INSEE code of the commune, profiles, themes,
# author line, paragraphs, an optional subtitle (before the last paragraph), a
# quote, key figures, and optionally an audio transcript, a video or a gallery.
HISTOIRES = [
    {
        "slug": "medecin-generaliste-a-figeac",
        "titre": "Camille, médecin généraliste : « À Figeac, je soigne des gens que je connais »",
        "chapo": "Après dix ans de remplacements en région parisienne, Camille Roussel a posé "
        "sa plaque dans une maison de santé de Figeac. Elle y a trouvé une équipe, un "
        "rythme et une ville à taille humaine.",
        "insee": "46102",
        "profils": ["wanted"],
        "thematiques": ["sante", "vivre-ensemble"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Camille a découvert Figeac lors d'un remplacement d'été. « Je devais rester trois "
            "semaines. Au bout de huit jours, je regardais déjà les annonces immobilières. » La "
            "maison de santé pluriprofessionnelle où elle exerce réunit aujourd'hui quatre "
            "médecins, deux infirmières, une sage-femme et un kinésithérapeute.",
            "Ce qui l'a convaincue, c'est le travail en équipe : dossiers partagés, réunions de "
            "concertation chaque mois, secrétariat commun. « Je ne suis jamais seule face à un "
            "cas difficile. Et je peux prendre le temps d'écouter mes patients. »",
            "Le Département et la communauté de communes l'ont aidée à trouver un logement et "
            "un emploi pour son conjoint, ingénieur dans la mécanique. Leurs deux enfants vont à "
            "l'école à pied. Le mercredi, la famille part marcher sur les chemins de la vallée "
            "du Célé.",
        ],
        "intertitre": "Une équipe plutôt qu'un cabinet isolé",
        "citation": (
            "Ici, on me dit bonjour au marché et on me demande des nouvelles de mes enfants. "
            "J'ai retrouvé le sens de mon métier.",
            "Camille Roussel, médecin généraliste à Figeac",
        ),
        "chiffres": [
            ("4", "médecins dans la maison de santé"),
            ("12 min", "de trajet maison-cabinet"),
        ],
    },
    {
        "slug": "de-la-defense-aux-noix-de-martel",
        "titre": "De La Défense aux noyers de Martel",
        "chapo": "Contrôleur de gestion pendant quinze ans, Julien Lavergne a repris une "
        "exploitation de noix près de Martel. Il raconte sa reconversion dans un podcast.",
        "insee": "46185",
        "profils": ["secondes_vies"],
        "thematiques": ["agriculture", "entreprendre"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "En 2021, Julien a quitté son bureau du quartier d'affaires de La Défense avec une "
            "idée fixe : travailler dehors. Après un brevet professionnel agricole suivi à "
            "distance, il a trouvé, grâce au répertoire départemental à l'installation, un "
            "couple de nuciculteurs qui partait à la retraite.",
            "La transmission s'est faite en douceur : deux saisons de travail en binôme, un "
            "prêt d'honneur, un accompagnement de la chambre d'agriculture. Aujourd'hui, ses "
            "neuf hectares de noyers produisent la noix du Périgord en appellation d'origine "
            "protégée, vendue en coopérative et en direct à la ferme.",
            "Son tableur ne l'a pas quitté : « Mes anciens réflexes de gestionnaire me servent "
            "tous les jours. Mais maintenant, mes indicateurs poussent sur les arbres. »",
        ],
        "citation": (
            "Je ne regrette qu'une chose : ne pas l'avoir fait plus tôt.",
            "Julien Lavergne, nuciculteur à Martel",
        ),
        "chiffres": [
            ("9 ha", "de noyers en appellation d'origine protégée"),
            ("2 ans", "de transmission avec les cédants"),
            ("1 200", "arbres entretenus"),
        ],
        "audio": {
            "titre": "Podcast « Secondes vies » : Julien, nuciculteur",
            "transcription": [
                "<b>Journaliste :</b> Julien, qu'est-ce qui vous a décidé à partir ?",
                "<b>Julien :</b> Un soir de novembre, sur le quai du RER, je me suis rendu "
                "compte que je n'avais pas vu le jour depuis une semaine. Je suis rentré et j'ai "
                "dit à ma compagne : on part.",
                "<b>Journaliste :</b> Pourquoi le Lot ?",
                "<b>Julien :</b> Nous y passions nos vacances. Et quand j'ai appelé le service "
                "d'accueil du Département, quelqu'un m'a rappelé dans la journée. Ça compte.",
                "<b>Journaliste :</b> Et la première récolte ?",
                "<b>Julien :</b> Un mois de septembre à genoux sous les arbres, et la plus belle "
                "fatigue de ma vie.",
            ],
        },
    },
    {
        "slug": "revenue-a-cahors-pour-ouvrir-sa-librairie",
        "titre": "Inès a grandi à Cahors, elle y a ouvert sa librairie",
        "chapo": "Partie étudier à Toulouse puis à Lyon, Inès Delmas est revenue dans sa ville "
        "natale à 29 ans pour reprendre une librairie du centre historique.",
        "insee": "46042",
        "profils": ["jeunes"],
        "thematiques": ["commerce", "culture"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Inès connaissait la librairie depuis l'enfance : c'est là qu'elle achetait ses "
            "bandes dessinées en sortant du collège. Quand le libraire a annoncé sa retraite, "
            "elle a monté son dossier en trois mois, accompagnée par la chambre de commerce et "
            "une plateforme d'initiative locale.",
            "Elle a gardé le fonds de littérature et de livres sur le Quercy, et ajouté un coin "
            "jeunesse et des rencontres d'auteurs le samedi. Le lieu est devenu un point de "
            "rendez-vous pour les lycéens comme pour les nouveaux arrivants.",
            "« Beaucoup de mes amis d'enfance sont revenus, eux aussi. On n'est plus obligé de "
            "choisir entre une carrière et le pays où l'on a grandi. »",
        ],
        "citation": (
            "Je voulais que les jeunes de Cahors aient, comme moi, un endroit où l'on a le droit "
            "de rester des heures.",
            "Inès Delmas, libraire à Cahors",
        ),
        "chiffres": [
            ("29 ans", "l'âge d'Inès à la reprise"),
            ("40", "rencontres d'auteurs par an"),
        ],
    },
    {
        "slug": "ingenieure-dans-la-mecanic-vallee",
        "titre": "Sarah, ingénieure dans la Mecanic Vallée",
        "chapo": "Ingénieure en conception mécanique, Sarah Benali a quitté Bordeaux pour "
        "rejoindre un sous-traitant aéronautique près de Capdenac. Elle y pilote des projets "
        "pour les grands avionneurs.",
        "insee": "46055",
        "profils": ["wanted"],
        "thematiques": ["entreprendre", "vivre-ensemble"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "On imagine rarement que des pièces d'avions de ligne sont conçues entre Figeac et "
            "Capdenac. Pourtant, le bassin industriel de la Mecanic Vallée compte des centaines "
            "d'entreprises et recrute en permanence des ingénieurs, des techniciens et des "
            "opérateurs qualifiés.",
            "Sarah y dirige une équipe de six personnes. « Les projets sont aussi pointus qu'à "
            "Toulouse, mais les décisions se prennent plus vite. Je vois le directeur tous les "
            "jours à la machine à café. »",
            "Avec son compagnon, infirmier, elle a acheté une maison avec jardin pour le prix "
            "d'un deux-pièces bordelais. Le week-end, ils font de l'escalade dans les falaises "
            "de la vallée du Lot.",
        ],
        "citation": (
            "Mon métier est le même, c'est ma vie autour qui a changé.",
            "Sarah Benali, ingénieure à Capdenac",
        ),
        "chiffres": [("6", "personnes dans son équipe"), ("15 min", "de trajet domicile-travail")],
    },
    {
        "slug": "vacanciers-depuis-vingt-ans-installes-a-souillac",
        "titre": "Vingt étés à Souillac, puis une vie entière",
        "chapo": "Anne et Patrick Verhaegen passaient leurs vacances au bord de la Dordogne "
        "depuis 2004. Ils ont fini par y poser leurs valises, et ouvert deux chambres d'hôtes.",
        "insee": "46309",
        "profils": ["touristes", "secondes_vies"],
        "thematiques": ["patrimoine", "vivre-ensemble"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Originaires de Lille, Anne et Patrick connaissaient par cœur les marchés de "
            "Souillac et les virages de la vallée de la Dordogne. « Chaque mois d'août, on se "
            "disait : un jour. Et puis on s'est demandé ce qu'on attendait. »",
            "Ils ont acheté une maison de pierre aux portes de la ville, restaurée avec des "
            "artisans du coin, et ouvert deux chambres d'hôtes. Anne continue son métier de "
            "traductrice à distance ; Patrick accueille les voyageurs et les emmène voir "
            "l'abbatiale Sainte-Marie.",
            "Leur conseil aux vacanciers qui rêvent de rester : venir hors saison. « Le Lot "
            "en février, c'est là qu'on sait si on va l'aimer toute l'année. »",
        ],
        "citation": (
            "Nous étions des touristes fidèles ; nous sommes devenus des voisins.",
            "Anne Verhaegen, installée à Souillac",
        ),
        "chiffres": [("20", "étés de vacances avant de s'installer"), ("2", "chambres d'hôtes")],
    },
    {
        "slug": "trufficultrice-a-lalbenque",
        "titre": "Lucie, trufficultrice à Lalbenque, de père en fille",
        "chapo": "À 26 ans, Lucie Cayrou a repris les truffières familiales. Chaque mardi "
        "d'hiver, elle vend ses truffes au célèbre marché de Lalbenque.",
        "insee": "46148",
        "profils": ["jeunes"],
        "thematiques": ["agriculture", "patrimoine"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Lucie a appris à « caver » avec son père et sa chienne Praline avant de savoir "
            "lire. Après un BTS agricole à Cahors et deux ans dans une coopérative du Gers, "
            "elle est revenue reprendre les six hectares de chênes truffiers de la famille.",
            "Elle a replanté, installé un arrosage goutte à goutte pour les étés secs et "
            "rejoint un groupement de jeunes trufficulteurs qui partagent leurs observations. "
            "« Le climat change ; il faut apprendre ensemble. »",
            "Le mardi, de décembre à mars, elle rejoint le marché aux truffes : les paniers "
            "alignés, le coup de sifflet, les négociations à voix basse. « C'est du "
            "patrimoine vivant. Et c'est mon métier. »",
        ],
        "citation": (
            "Une truffière, on la plante pour ses enfants. Mon père l'a fait pour moi.",
            "Lucie Cayrou, trufficultrice à Lalbenque",
        ),
        "chiffres": [("6 ha", "de chênes truffiers"), ("15", "mardis de marché par saison")],
        "audio": {
            "titre": "Au marché de Lalbenque avec Lucie",
            "transcription": [
                "<b>Lucie :</b> Il est 14 heures moins cinq. Tout le monde attend le coup de "
                "sifflet, personne n'a le droit de vendre avant.",
                "<b>Journaliste :</b> Qu'est-ce qui fait une belle truffe ?",
                "<b>Lucie :</b> Le parfum d'abord. Ensuite, elle doit être ferme, bien noire à "
                "l'intérieur, avec de fines veines blanches.",
                "<b>Journaliste :</b> Et si vous n'aviez pas repris l'exploitation ?",
                "<b>Lucie :</b> Les chênes seraient toujours là, mais plus personne pour les "
                "écouter. Je ne pouvais pas laisser faire ça.",
            ],
        },
    },
    {
        "slug": "kinesitherapeute-a-gramat",
        "titre": "Maxime, kinésithérapeute et entraîneur de trail à Gramat",
        "chapo": "Maxime Fabre a choisi Gramat pour exercer au cœur du causse. Entre son "
        "cabinet et les sentiers, il a trouvé l'équilibre qu'il cherchait.",
        "insee": "46128",
        "profils": ["wanted"],
        "thematiques": ["sante", "sports"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Sur le causse de Gramat, les kinésithérapeutes manquent. Maxime l'a compris lors "
            "d'un stage de fin d'études : dès son diplôme en poche, il a répondu à l'appel "
            "d'un cabinet qui cherchait un associé.",
            "Ses journées sont pleines, mais il a négocié ses mercredis après-midi pour "
            "entraîner le club de trail local. « Les chemins du causse sont un terrain "
            "d'entraînement extraordinaire : cailloux, dénivelé, et personne à l'horizon. »",
            "Il accompagne aussi des patients âgés à domicile, dans les hameaux. « Ici, la "
            "kiné n'est pas qu'un acte technique. C'est un lien. »",
        ],
        "citation": (
            "Je cours le matin sous les chênes et je suis au cabinet à huit heures et demie.",
            "Maxime Fabre, kinésithérapeute à Gramat",
        ),
        "chiffres": [("3", "kinésithérapeutes au cabinet"), ("45", "licenciés au club de trail")],
    },
    {
        "slug": "potiere-a-cazals",
        "titre": "Hélène, potière : « La Bouriane m'a donné sa terre »",
        "chapo": "Ancienne graphiste à Nantes, Hélène Morel façonne aujourd'hui des grès "
        "émaillés dans son atelier de Cazals, ouvert aux visiteurs toute l'année.",
        "insee": "46066",
        "profils": ["secondes_vies"],
        "thematiques": ["artisanat", "culture"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Hélène a appris la céramique en cours du soir, « pour se vider la tête ». Dix ans "
            "plus tard, elle a quitté l'agence où elle dessinait des logos pour une ancienne "
            "grange de Cazals, transformée en atelier et en boutique.",
            "Elle travaille des argiles locales et des émaux qu'elle compose elle-même, aux "
            "couleurs des paysages de la Bouriane : vert des châtaigniers, ocre des chemins, "
            "gris de la pierre. Elle donne aussi des cours aux enfants de l'école.",
            "Le marché de Cazals, le dimanche, est son meilleur salon professionnel. « Les "
            "gens touchent, posent des questions, reviennent l'année suivante. »",
        ],
        "citation": (
            "J'ai troqué l'écran pour la terre, et je n'ai jamais autant créé.",
            "Hélène Morel, potière à Cazals",
        ),
        "chiffres": [("1 280 °C", "température de cuisson du grès"), ("30", "élèves par an")],
        "galerie": 3,
    },
    {
        "slug": "vigneronne-a-prayssac",
        "titre": "Margaux, 27 ans, vigneronne de malbec à Prayssac",
        "chapo": "Après des vendanges en Argentine et en Nouvelle-Zélande, Margaux Bergon est "
        "revenue dans la vallée du Lot pour créer son propre domaine.",
        "insee": "46225",
        "profils": ["jeunes"],
        "thematiques": ["agriculture", "entreprendre"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Margaux a grandi au milieu des vignes du cahors, mais ce n'était pas les siennes. "
            "Après ses études d'œnologie, elle est partie découvrir le malbec à Mendoza. « Là-"
            "bas, tout le monde me parlait de Cahors. J'ai compris qu'il fallait rentrer. »",
            "Avec l'aide d'un dispositif de portage foncier, elle loue quatre hectares sur les "
            "terrasses de Prayssac et vinifie dans un chai partagé avec deux autres jeunes "
            "vignerons. Sa première cuvée est sortie au printemps.",
            "Elle reçoit les visiteurs sur rendez-vous et organise, l'été, des apéritifs dans "
            "les vignes avec les producteurs voisins.",
        ],
        "citation": (
            "Le malbec a fait le tour du monde. Moi aussi. Nous sommes revenus à Cahors tous les "
            "deux.",
            "Margaux Bergon, vigneronne à Prayssac",
        ),
        "chiffres": [
            ("4 ha", "de vignes sur les terrasses"),
            ("8 000", "bouteilles la première année"),
        ],
    },
    {
        "slug": "guide-canoe-a-cajarc",
        "titre": "Nathan, guide de canoë sur le Lot, à Cajarc",
        "chapo": "Chaque été, Nathan Rigal fait découvrir la rivière à des centaines de "
        "familles. L'hiver, il encadre des sorties nature pour les écoles.",
        "insee": "46045",
        "profils": ["jeunes", "touristes"],
        "thematiques": ["sports", "nature"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Nathan a passé son brevet d'État de canoë-kayak à 20 ans. Plutôt que de partir "
            "dans les Alpes, il a rejoint la base nautique de Cajarc, dont il est aujourd'hui "
            "le responsable technique.",
            "De juin à septembre, il emmène des groupes entre les falaises, jusqu'aux villages "
            "perchés. « Les gens arrivent stressés, ils repartent en parlant des hérons et des "
            "martins-pêcheurs. »",
            "Hors saison, il anime des sorties pour les écoles et les centres de loisirs. Il "
            "vient de lancer une activité de paddle au lever du soleil, qui a conquis les "
            "vacanciers comme les habitants.",
        ],
        "citation": (
            "Ma salle de classe, c'est la rivière.",
            "Nathan Rigal, guide à Cajarc",
        ),
        "chiffres": [
            ("25 km", "de rivière parcourus en canoë"),
            ("3 000", "personnes accueillies l'été"),
        ],
        "video": {
            "titre": "La vallée du Lot au fil de l'eau",
            "sous_titres": [
                ("00:00.000", "00:02.000", "Le matin, la brume se lève sur la vallée du Lot."),
                ("00:02.000", "00:04.000", "Les collines du causse s'éclairent peu à peu."),
            ],
        },
    },
    {
        "slug": "benevole-au-festival-de-saint-cere",
        "titre": "Au festival de Saint-Céré, Chloé est passée de spectatrice à bénévole",
        "chapo": "Venue pour la première fois en vacances avec ses parents, Chloé Lemaire "
        "coordonne aujourd'hui l'accueil du public d'un festival d'opéra de Saint-Céré.",
        "insee": "46251",
        "profils": ["touristes", "jeunes"],
        "thematiques": ["festivals", "culture"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Chaque été, Saint-Céré vit au rythme de l'art lyrique : opéras dans les cours de "
            "châteaux, concerts dans les églises, répétitions ouvertes au public. Chloé y est "
            "venue à quinze ans, un peu à contrecœur. Elle est repartie conquise.",
            "Trois ans plus tard, elle revenait comme bénévole. Aujourd'hui étudiante en "
            "médiation culturelle, elle passe tout son mois de juillet à coordonner une "
            "équipe de quarante bénévoles.",
            "« Le festival m'a fait aimer le Lot. J'aimerais y trouver un emploi après mes "
            "études : la vie culturelle ici est bien plus riche qu'on ne le croit. »",
        ],
        "citation": (
            "Le soir de ma première Traviata dans la cour d'un château, j'ai su que je "
            "reviendrais.",
            "Chloé Lemaire, bénévole à Saint-Céré",
        ),
        "chiffres": [("40", "bénévoles dans son équipe"), ("20", "représentations chaque été")],
    },
    {
        "slug": "epicerie-de-village-a-lauzes",
        "titre": "À Lauzès, l'épicerie de Karim a rallumé la place du village",
        "chapo": "Karim Haddad a quitté la grande distribution à Toulouse pour reprendre le "
        "dernier commerce d'un village du causse. Épicerie, dépôt de pain, point relais : le "
        "lieu est devenu le cœur de Lauzès.",
        "insee": "46162",
        "profils": ["secondes_vies"],
        "thematiques": ["commerce", "vivre-ensemble"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "La commune avait racheté les murs pour éviter la fermeture. Karim a répondu à "
            "l'appel à candidatures publié sur le portail départemental des reprises. « J'avais "
            "vingt ans de métier, mais jamais de contact direct avec les clients. »",
            "Il a ouvert un rayon de produits locaux, installé deux tables pour le café du "
            "matin et accepté de devenir point relais colis. Le vendredi soir, un food truck "
            "s'installe sur la place.",
            "« Les anciens viennent tous les jours. Les nouveaux habitants aussi. L'épicerie, "
            "c'est là qu'ils se rencontrent. »",
        ],
        "citation": (
            "Un village sans commerce, c'est un village qui s'endort. Ici, on a décidé de rester "
            "réveillés.",
            "Karim Haddad, épicier à Lauzès",
        ),
        "chiffres": [("35", "producteurs locaux en rayon"), ("7 j/7", "ouvert en été")],
    },
    {
        "slug": "berger-sur-le-causse",
        "titre": "Baptiste, berger sur le causse de Labastide-Murat",
        "chapo": "À 24 ans, Baptiste Lacombe conduit un troupeau de brebis caussenardes. Son "
        "métier entretient les paysages de pelouses sèches et de murets de pierre.",
        "insee": "46138",
        "profils": ["jeunes"],
        "thematiques": ["agriculture", "nature"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Baptiste est né à Cœur de Causse. Au lycée agricole, il rêvait d'élevage, mais "
            "pas d'hériter d'une ferme : ses parents sont enseignants. Il a commencé comme "
            "berger salarié, puis repris un troupeau avec l'aide d'un espace test agricole.",
            "Ses quatre cents brebis pâturent les parcours du causse, ces pelouses où poussent "
            "orchidées sauvages et genévriers. Sans le pâturage, elles se refermeraient en "
            "quelques années.",
            "Il vend ses agneaux sous le label fermier et travaille avec le parc naturel "
            "régional pour suivre la biodiversité de ses parcours.",
        ],
        "citation": (
            "Mes brebis sont les meilleures jardinières du causse.",
            "Baptiste Lacombe, éleveur à Cœur de Causse",
        ),
        "chiffres": [("400", "brebis caussenardes"), ("300 ha", "de parcours pâturés")],
    },
    {
        "slug": "ebeniste-a-gourdon",
        "titre": "Olivier, de la banque à l'établi d'ébéniste à Gourdon",
        "chapo": "Conseiller bancaire pendant vingt ans, Olivier Guérin a passé un CAP "
        "d'ébéniste à 45 ans. Il a ouvert son atelier dans une zone artisanale de Gourdon.",
        "insee": "46127",
        "profils": ["secondes_vies"],
        "thematiques": ["artisanat", "entreprendre"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Le déclic est venu d'une table en noyer, fabriquée pour sa fille pendant un congé. "
            "Olivier a suivi une formation pour adultes, puis un stage chez un ébéniste de la "
            "Bouriane qui lui a transmis ses gestes et une partie de sa clientèle.",
            "Il travaille le chêne, le châtaignier et le noyer du Quercy, achetés à une scierie "
            "voisine. Meubles sur mesure, agencements de cuisines, restauration de pièces "
            "anciennes : son carnet de commandes est plein pour six mois.",
            "La communauté de communes lui loue un atelier à prix modéré dans un hôtel "
            "d'entreprises. « Sans ça, je n'aurais pas pu démarrer. »",
        ],
        "citation": (
            "Je conseillais les gens sur leurs projets. Maintenant, je les fabrique.",
            "Olivier Guérin, ébéniste à Gourdon",
        ),
        "chiffres": [("45 ans", "l'âge de son CAP"), ("6 mois", "de commandes d'avance")],
    },
    {
        "slug": "infirmiere-en-pratique-avancee-a-salviac",
        "titre": "Nadia, infirmière en pratique avancée à Salviac",
        "chapo": "Infirmière pendant douze ans dans un grand hôpital, Nadia Ferreira suit "
        "désormais des patients atteints de maladies chroniques dans un cabinet de Salviac.",
        "insee": "46297",
        "profils": ["wanted"],
        "thematiques": ["sante", "vivre-ensemble"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Après son master d'infirmière en pratique avancée, Nadia cherchait un territoire "
            "où son nouveau métier aurait du sens. En Bouriane, où les médecins sont peu "
            "nombreux, elle suit en lien avec eux les patients diabétiques ou insuffisants "
            "cardiaques.",
            "Elle consulte au cabinet trois jours par semaine et se déplace à domicile le "
            "reste du temps. « Je connais les familles, les chemins, les chiens de chaque "
            "ferme. »",
            "Son mari, professeur des écoles, a obtenu sa mutation à Cazals. Leurs enfants "
            "font du théâtre à Gourdon et du foot à Salviac.",
        ],
        "citation": (
            "Je fais gagner du temps aux médecins et de la tranquillité aux patients.",
            "Nadia Ferreira, infirmière à Salviac",
        ),
        "chiffres": [("150", "patients suivis"), ("3", "médecins partenaires")],
    },
    {
        "slug": "astronomes-du-triangle-noir",
        "titre": "Sous le ciel étoilé du causse, Marc et Ana ont trouvé leur observatoire",
        "chapo": "Ces deux astronomes amateurs venaient chaque été observer le ciel du Quercy. "
        "Installés à Limogne-en-Quercy, ils animent désormais des nuits des étoiles.",
        "insee": "46173",
        "profils": ["touristes", "secondes_vies"],
        "thematiques": ["nature", "festivals"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Le ciel des causses du Quercy est l'un des plus noirs de France. Marc et Ana le "
            "savaient : depuis Bordeaux, ils y venaient chaque été avec leur télescope. En "
            "2022, ils ont acheté une maison à Limogne et installé une coupole dans le jardin.",
            "Ana, développeuse, travaille à distance ; Marc, retraité de l'enseignement, "
            "anime des soirées d'observation pour l'office de tourisme et les écoles.",
            "Chaque août, ils organisent avec le village un week-end des étoiles : conférences, "
            "balades nocturnes, lecture du ciel à l'œil nu. Les communes voisines ont éteint "
            "leur éclairage public la nuit pour préserver l'obscurité.",
        ],
        "citation": (
            "Ici, la Voie lactée se voit depuis le pas de la porte.",
            "Ana Duarte, installée à Limogne-en-Quercy",
        ),
        "chiffres": [
            ("3 000", "étoiles visibles à l'œil nu"),
            ("600", "visiteurs au week-end des étoiles"),
        ],
    },
    {
        "slug": "developpeur-a-saint-cirq-lapopie",
        "titre": "Thomas code pour une start-up parisienne depuis Saint-Cirq-Lapopie",
        "chapo": "Développeur en télétravail complet, Thomas Nguyen a quitté Paris pour un "
        "village perché au-dessus du Lot. Fibre optique, tiers-lieu et falaises à la fenêtre.",
        "insee": "46256",
        "profils": ["secondes_vies", "wanted"],
        "thematiques": ["entreprendre", "patrimoine"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Pendant le confinement, Thomas a découvert qu'il pouvait travailler de n'importe "
            "où. Il a choisi l'un des plus beaux villages de France, où il loue une maison à "
            "l'année au pied des remparts.",
            "Deux jours par semaine, il rejoint un tiers-lieu de Cahors pour voir du monde et "
            "échanger avec d'autres indépendants. Il y a même trouvé des clients locaux.",
            "« Le plus dur, c'est l'été : tout le monde veut venir me voir. » Il a pris goût "
            "à l'histoire du village et fait visiter le musée aux amis de passage.",
        ],
        "citation": (
            "Mes réunions sont à Paris, ma vie est ici.",
            "Thomas Nguyen, développeur à Saint-Cirq-Lapopie",
        ),
        "chiffres": [
            ("1 Gbit/s", "de fibre optique à la maison"),
            ("2 j", "par semaine au tiers-lieu"),
        ],
    },
    {
        "slug": "rugby-a-castelnau-montratier",
        "titre": "À Castelnau-Montratier, le rugby fait grandir les jeunes du Quercy Blanc",
        "chapo": "Éducatrice sportive, Manon Vidal entraîne l'école de rugby du village. Elle "
        "a refusé un poste à Toulouse pour rester auprès de « ses » gamins.",
        "insee": "46063",
        "profils": ["jeunes"],
        "thematiques": ["sports", "vivre-ensemble"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Manon a joué au rugby dès six ans, sur le même terrain que celui où elle entraîne "
            "aujourd'hui. Après sa licence STAPS, elle a été recrutée par l'intercommunalité "
            "comme éducatrice sportive.",
            "Elle encadre l'école de rugby le mercredi, les activités périscolaires le reste "
            "de la semaine, et vient de créer une équipe féminine de rugby à cinq.",
            "« Le club, c'est la deuxième famille des enfants. Les parents nouvellement "
            "arrivés s'y font leurs premiers amis, autour de la buvette. »",
        ],
        "citation": (
            "Le rugby apprend la solidarité. Le village aussi.",
            "Manon Vidal, éducatrice sportive à Castelnau-Montratier",
        ),
        "chiffres": [
            ("120", "licenciés à l'école de rugby"),
            ("18", "joueuses dans l'équipe féminine"),
        ],
    },
    {
        "slug": "restauratrice-a-puy-l-eveque",
        "titre": "Sophie a troqué les palaces pour une table de Puy-l'Évêque",
        "chapo": "Cheffe dans de grandes maisons parisiennes, Sophie Marchal a ouvert un "
        "restaurant de produits locaux dans une maison de pierre au bord du Lot.",
        "insee": "46231",
        "profils": ["secondes_vies", "touristes"],
        "thematiques": ["commerce", "entreprendre"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Sophie venait à Puy-l'Évêque depuis l'enfance, dans la maison de sa grand-mère. "
            "Quand un restaurant du bourg a été mis en vente, elle a sauté le pas avec son "
            "compagnon sommelier.",
            "Sa carte change chaque semaine au gré des producteurs : agneau du Quercy, "
            "fromages de chèvre, truffes l'hiver, malbec de la vallée. Elle emploie cinq "
            "personnes à l'année, dont deux apprentis du lycée hôtelier.",
            "« Les clients de l'été reviennent en hiver. Certains ont fini par s'installer. »",
        ],
        "citation": (
            "À Paris, je cuisinais des produits qui avaient voyagé. Ici, je connais chaque "
            "producteur par son prénom.",
            "Sophie Marchal, cheffe à Puy-l'Évêque",
        ),
        "chiffres": [("5", "salariés à l'année"), ("20", "producteurs partenaires")],
    },
    {
        "slug": "tiers-lieu-a-montcuq",
        "titre": "À Montcuq, un tiers-lieu où se croisent habitants et nouveaux venus",
        "chapo": "Élise Martin, ancienne cheffe de projet dans l'associatif lyonnais, a cofondé "
        "un tiers-lieu dans l'ancienne gendarmerie de Montcuq-en-Quercy-Blanc.",
        "insee": "46201",
        "profils": ["secondes_vies"],
        "thematiques": ["vivre-ensemble", "culture"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Espace de travail partagé le jour, salle de concert et atelier de réparation le "
            "soir, café associatif le samedi : le tiers-lieu accueille chaque semaine des "
            "centaines de personnes.",
            "Élise y a vu passer des dizaines de nouveaux arrivants. « Beaucoup viennent ici "
            "la première semaine pour trouver une connexion Internet. Ils repartent avec un "
            "réseau, des amis, parfois un associé. »",
            "Le lieu accompagne aussi les projets des jeunes du canton et propose des "
            "permanences pour l'accès aux droits.",
        ],
        "citation": (
            "On vient pour le wifi, on reste pour les gens.",
            "Élise Martin, cofondatrice du tiers-lieu de Montcuq",
        ),
        "chiffres": [("250", "adhérents"), ("60", "événements par an")],
    },
    {
        "slug": "veterinaire-rurale-a-laramiere",
        "titre": "Juliette, vétérinaire rurale entre Lot et Aveyron",
        "chapo": "Les vétérinaires d'élevage se font rares. Juliette Pradel a choisi de "
        "s'installer à Laramière pour soigner les troupeaux du Causse de Limogne.",
        "insee": "46154",
        "profils": ["wanted"],
        "thematiques": ["sante", "agriculture"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Diplômée de l'école vétérinaire de Toulouse, Juliette aurait pu soigner des chats "
            "en ville. Elle a préféré les brebis, les vaches et les chevaux du causse, au sein "
            "d'une clinique qui couvre les deux départements.",
            "Les nuits de garde sont parfois longues, mais la clinique s'est organisée pour "
            "les partager entre cinq vétérinaires. « On n'est plus dans le modèle du véto "
            "seul joignable jour et nuit. »",
            "Les collectivités l'ont aidée à trouver un logement et financent une partie de "
            "ses frais d'installation, dans le cadre d'un dispositif contre les déserts "
            "vétérinaires.",
        ],
        "citation": (
            "Les éleveurs m'ont adoptée le jour où j'ai sauvé un agneau à trois heures du matin.",
            "Juliette Pradel, vétérinaire à Laramière",
        ),
        "chiffres": [("5", "vétérinaires à la clinique"), ("200", "élevages suivis")],
    },
    {
        "slug": "tailleur-de-pierre-a-rocamadour",
        "titre": "Hugo, tailleur de pierre au pied de Rocamadour",
        "chapo": "Compagnon du Devoir, Hugo Bessières a fait son tour de France avant de "
        "revenir restaurer les murs de la cité médiévale où il a grandi.",
        "insee": "46240",
        "profils": ["jeunes"],
        "thematiques": ["artisanat", "patrimoine"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Hugo a quitté Rocamadour à seize ans pour apprendre son métier de ville en ville : "
            "Lyon, Strasbourg, Angers. Il est revenu à vingt-cinq ans, embauché par une "
            "entreprise de restauration des monuments historiques.",
            "Il travaille le calcaire du causse sur les chantiers du sanctuaire, des églises "
            "romanes et des maisons des particuliers. « Chaque pierre que je remplace durera "
            "plus longtemps que moi. »",
            "Il forme aujourd'hui deux apprentis et fait visiter son atelier lors des "
            "Journées européennes des métiers d'art.",
        ],
        "citation": (
            "J'ai fait le tour de France pour apprendre à restaurer les pierres de chez moi.",
            "Hugo Bessières, tailleur de pierre à Rocamadour",
        ),
        "chiffres": [("7 ans", "de tour de France"), ("2", "apprentis formés")],
        "galerie": 3,
    },
    {
        "slug": "festival-de-musique-a-luzech",
        "titre": "Théo et Jade, bénévoles d'un festival de musique à Luzech",
        "chapo": "Ils se sont rencontrés derrière le bar d'un festival sur la presqu'île de "
        "Luzech. Depuis, ils ne manquent aucune édition et pensent à s'installer.",
        "insee": "46182",
        "profils": ["touristes", "jeunes"],
        "thematiques": ["festivals", "vivre-ensemble"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Chaque été, la presqu'île de Luzech accueille des concerts au bord de l'eau. Théo, "
            "étudiant à Toulouse, et Jade, infirmière à Bordeaux, y sont venus comme "
            "festivaliers, puis comme bénévoles.",
            "Montage des scènes, accueil des artistes, tri des déchets : les bénévoles sont "
            "plus de deux cents, venus de tout le Sud-Ouest. « C'est une famille qui se "
            "retrouve chaque année. »",
            "Jade a postulé à l'hôpital de Cahors. Théo cherche un stage dans une entreprise "
            "de la vallée. « Le festival nous a fait découvrir une vie à l'année. »",
        ],
        "citation": (
            "On est venus pour trois jours de concerts, on repart avec un projet de vie.",
            "Jade, bénévole à Luzech",
        ),
        "chiffres": [("200", "bénévoles"), ("3", "jours de concerts")],
    },
    {
        "slug": "pharmacien-a-catus",
        "titre": "Antoine, pharmacien : « À Catus, je suis un soignant de proximité »",
        "chapo": "Antoine Da Silva a racheté l'officine de Catus à 32 ans. Vaccination, "
        "dépistages, téléconsultation : la pharmacie est devenue un relais de santé.",
        "insee": "46064",
        "profils": ["wanted"],
        "thematiques": ["sante", "commerce"],
        "auteur": "Propos recueillis par Thomas Bouscarel",
        "paragraphes": [
            "Antoine était adjoint dans une grande pharmacie de Montpellier. Quand il a vu "
            "l'annonce de la reprise à Catus, il est venu un samedi « pour voir ». Il a signé "
            "trois mois plus tard.",
            "Dans ce bourg sans médecin les jours de semaine, il a installé une cabine de "
            "téléconsultation et vaccine contre la grippe et le covid. Ses deux préparatrices "
            "connaissent tous les patients.",
            "« Pour un jeune pharmacien, reprendre en milieu rural est un investissement "
            "raisonnable, et le métier y est plus riche. »",
        ],
        "citation": (
            "Les gens viennent pour un médicament et repartent avec un conseil et des "
            "nouvelles du village.",
            "Antoine Da Silva, pharmacien à Catus",
        ),
        "chiffres": [("32 ans", "l'âge de la reprise"), ("1", "cabine de téléconsultation")],
    },
    {
        "slug": "location-de-velos-a-biars-sur-cere",
        "titre": "Pauline loue des vélos électriques à Biars-sur-Cère",
        "chapo": "Ancienne commerciale, Pauline Roux a créé une entreprise de location et de "
        "réparation de vélos à assistance électrique dans la vallée de la Dordogne.",
        "insee": "46029",
        "profils": ["touristes", "secondes_vies"],
        "thematiques": ["sports", "nature", "entreprendre"],
        "auteur": "Propos recueillis par Léa Marty",
        "paragraphes": [
            "Pauline a découvert la vallée de la Dordogne à vélo, pendant des vacances. Elle "
            "a remarqué qu'il manquait un loueur entre Bretenoux et Beaulieu. Deux ans plus "
            "tard, elle ouvrait sa boutique à Biars-sur-Cère.",
            "L'été, elle loue ses quarante vélos aux vacanciers et livre les gîtes du "
            "secteur. Le reste de l'année, elle répare les vélos des habitants et équipe les "
            "salariés des entreprises voisines qui viennent travailler à vélo.",
            "Elle a conçu avec l'office de tourisme des circuits qui relient les villages, "
            "les châteaux et les baignades de la Cère.",
        ],
        "citation": (
            "J'ai transformé mes vacances en métier, et mon métier en vacances.",
            "Pauline Roux, créatrice d'entreprise à Biars-sur-Cère",
        ),
        "chiffres": [("40", "vélos à assistance électrique"), ("12", "circuits balisés")],
    },
]
