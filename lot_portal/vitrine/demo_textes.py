"""Texts of the demo content: the nine "Vivre dans le Lot" topics.

Facts only, no invented statistics: editors replace or complete them.
Each topic: slug, title, chapô, key facts (value ≤ 20 characters, label),
body (block type, value) and useful links (title, description, URL).
"""

INDEX_CHAPO = (
    "Une nature préservée, un patrimoine exceptionnel, des écoles et des services "
    "proches de chez vous, un accueil personnalisé : tout ce qu'il faut savoir pour "
    "construire votre vie dans le Lot."
)

THEMES = [
    {
        "slug": "nature",
        "titre": "Nature",
        "chapo": "Causses, vallées et ciels étoilés : dans le Lot, la nature n'est pas une "
        "destination de week-end, c'est le paysage de tous les jours.",
        "faits": [
            ("UNESCO", "Géoparc mondial des Causses du Quercy"),
            ("RICE", "Réserve internationale de ciel étoilé"),
            ("3 vallées", "le Lot, le Célé et la Dordogne"),
        ],
        "corps": [
            ("titre", "Les Causses du Quercy, un Géoparc mondial"),
            (
                "texte",
                "<p>Plateaux calcaires, pelouses sèches, murets de pierre et chênes pubescents : "
                "le Parc naturel régional des Causses du Quercy couvre une grande partie du "
                "département. Son sous-sol raconte des millions d'années d'histoire de la "
                "Terre, ce qui lui vaut le label <strong>Géoparc mondial UNESCO</strong>.</p>"
                "<p>Gouffres, grottes ornées comme Pech Merle, phosphatières, dolines : le "
                "karst se visite, s'explore et se protège.</p>",
            ),
            ("titre", "Trois vallées pour vivre au fil de l'eau"),
            (
                "texte",
                "<p>La <strong>vallée du Lot</strong> serpente de Capdenac à Puy-l'Évêque au "
                "milieu des falaises et des vignes ; la <strong>vallée du Célé</strong>, plus "
                "intime, mène de Figeac à Saint-Cirq-Lapopie ; au nord, la <strong>vallée de "
                "la Dordogne</strong> déroule ses plages de galets et ses villages "
                "perchés.</p>",
            ),
            ("titre", "Un des ciels les plus noirs de France"),
            (
                "texte",
                "<p>Peu de lumière artificielle, beaucoup d'étoiles : le cœur des Causses du "
                "Quercy est reconnu <strong>Réserve internationale de ciel étoilé</strong>. "
                "Les communes adaptent leur éclairage public et les soirées d'observation "
                "se multiplient l'été.</p>",
            ),
        ],
        "liens": [
            (
                "Parc naturel régional des Causses du Quercy",
                "Le Géoparc, la réserve de ciel étoilé et les sorties nature.",
                "https://www.parc-causses-du-quercy.fr",
            ),
            (
                "Lot Tourisme",
                "Sites naturels, grottes et gouffres à découvrir.",
                "https://www.tourisme-lot.com",
            ),
        ],
    },
    {
        "slug": "patrimoine",
        "titre": "Patrimoine",
        "chapo": "Cités médiévales, villages perchés, chemins de pèlerinage et vignobles : "
        "ici, on vit au milieu d'un patrimoine que le monde entier vient admirer.",
        "faits": [
            ("XIVe siècle", "le pont Valentré, à Cahors"),
            ("GR 65", "le chemin de Saint-Jacques-de-Compostelle"),
            ("AOC", "le vin de Cahors, terre du malbec"),
        ],
        "corps": [
            ("titre", "Des sites de renommée mondiale"),
            (
                "texte",
                "<p><strong>Rocamadour</strong>, cité sacrée accrochée à la falaise au-dessus "
                "de l'Alzou, et <strong>Saint-Cirq-Lapopie</strong>, village perché sur la "
                "vallée du Lot, sont parmi les sites les plus visités du Sud-Ouest. Pourtant, "
                "des dizaines de villages moins connus, comme Carennac, Autoire, Loubressac "
                "ou Cardaillac, offrent la même beauté au quotidien.</p>",
            ),
            ("titre", "Cahors et Figeac, villes d'art et d'histoire"),
            (
                "texte",
                "<p>À <strong>Cahors</strong>, le <strong>pont Valentré</strong>, pont "
                "fortifié du XIVe siècle, est inscrit au patrimoine mondial de l'UNESCO au "
                "titre des chemins de Saint-Jacques-de-Compostelle. À <strong>Figeac</strong>, "
                "ville natale de Champollion, les hôtels particuliers médiévaux entourent le "
                "musée Champollion – Les Écritures du monde.</p>",
            ),
            ("titre", "Sur les chemins de Saint-Jacques"),
            (
                "texte",
                "<p>Le <strong>GR 65</strong>, la voie du Puy-en-Velay, traverse le Lot de "
                "Figeac à Cahors, et sa variante du Célé passe par Cajarc et "
                "Saint-Cirq-Lapopie. Les pèlerins et les randonneurs font vivre gîtes, "
                "commerces et cafés de village.</p>",
            ),
            (
                "citation",
                {
                    "citation": "Le Lot ne se résume pas à ses paysages et à son patrimoine : "
                    "c'est aussi une réalité humaine et économique bien plus large.",
                    "auteur": "Plan de marketing territorial du Lot",
                },
            ),
        ],
        "liens": [
            (
                "Lot Tourisme",
                "Grands sites, villages et visites du patrimoine.",
                "https://www.tourisme-lot.com",
            ),
            (
                "Vins de Cahors",
                "L'appellation, ses domaines et ses vignerons.",
                "https://www.vindecahors.fr",
            ),
        ],
    },
    {
        "slug": "sports",
        "titre": "Sports et loisirs",
        "chapo": "Pagayer après le travail, explorer un gouffre le samedi, randonner le "
        "dimanche et encourager son club de rugby : le Lot se vit en plein air.",
        "faits": [
            ("Canoë", "sur le Lot, le Célé et la Dordogne"),
            ("Spéléologie", "des centaines de cavités"),
            ("GR 65 et GR 651", "des sentiers de grande randonnée"),
        ],
        "corps": [
            ("titre", "L'eau et la roche"),
            (
                "texte",
                "<p>Le <strong>canoë-kayak</strong> se pratique sur les trois grandes rivières "
                "du département, en balade ou en club. Les falaises des vallées accueillent "
                "l'escalade, et le sous-sol des Causses fait du Lot une terre de "
                "<strong>spéléologie</strong>, avec des clubs qui initient petits et "
                "grands.</p>",
            ),
            ("titre", "Randonnée, vélo et équitation"),
            (
                "texte",
                "<p>Des chemins de Saint-Jacques aux petits sentiers balisés autour de chaque "
                "village, la <strong>randonnée</strong> se pratique toute l'année. Les routes "
                "tranquilles des causses et des vallées font le bonheur des cyclistes, et "
                "de nombreux centres équestres proposent balades et compétitions.</p>",
            ),
            ("titre", "Le rugby et l'esprit de club"),
            (
                "texte",
                "<p>Dans le Sud-Ouest, le <strong>rugby</strong> est plus qu'un sport : c'est "
                "le rendez-vous du dimanche. Football, basket, handball, tennis, judo… les "
                "associations sportives sont nombreuses, et s'y inscrire est le meilleur "
                "moyen de se faire des amis en arrivant.</p>",
            ),
        ],
        "liens": [
            (
                "Lot Tourisme : activités de pleine nature",
                "Canoë, randonnée, spéléologie, vélo : où et avec qui.",
                "https://www.tourisme-lot.com",
            ),
            (
                "Fédération française de randonnée",
                "Itinéraires de grande randonnée et clubs.",
                "https://www.ffrandonnee.fr",
            ),
        ],
    },
    {
        "slug": "culture",
        "titre": "Culture et festivals",
        "chapo": "Blues à Cahors, musiques d'Afrique à Cajarc, opéra à Saint-Céré : chaque "
        "été, le Lot devient une grande scène, et la vie culturelle dure toute l'année.",
        "faits": [
            ("Africajarc", "les cultures africaines à Cajarc"),
            ("Blues", "le Cahors Blues Festival"),
            ("Art lyrique", "le Festival de Saint-Céré"),
        ],
        "corps": [
            ("titre", "Des festivals qui font la réputation du Lot"),
            (
                "texte",
                "<ul><li><strong>Africajarc</strong>, à Cajarc : musiques, littérature, "
                "cinéma et artisanat d'Afrique, chaque été.</li>"
                "<li>Le <strong>Cahors Blues Festival</strong> : l'un des plus anciens "
                "festivals de blues de France.</li>"
                "<li>Le <strong>Festival de Saint-Céré</strong> : opéra et musique dans le "
                "Haut-Quercy, avec des productions créées sur place.</li></ul>",
            ),
            ("titre", "Des lieux toute l'année"),
            (
                "texte",
                "<p>Musée Champollion à Figeac, musée Henri-Martin à Cahors, atelier-musée "
                "Jean Lurçat près de Saint-Céré, salles de spectacle, cinémas, médiathèques "
                "et écoles de musique : la culture ne s'arrête pas avec l'été.</p>",
            ),
            (
                "texte",
                "<p>Les foires, marchés de producteurs et fêtes de village rythment aussi "
                "l'année : c'est là que l'on rencontre ses voisins.</p>",
            ),
        ],
        "liens": [
            (
                "Lot Tourisme : agenda",
                "Festivals, concerts et fêtes de village.",
                "https://www.tourisme-lot.com",
            ),
        ],
    },
    {
        "slug": "ecoles-et-petite-enfance",
        "titre": "Écoles et petite enfance",
        "chapo": "Des écoles à taille humaine, des collèges et lycées dans chaque bassin de "
        "vie, des modes de garde à trouver avec l'aide du réseau : grandir dans le Lot.",
        "faits": [
            ("RPI", "des écoles rurales regroupées"),
            ("IUT de Figeac", "et le campus de Cahors"),
            ("liO", "le transport scolaire régional"),
        ],
        "corps": [
            ("titre", "Pour les tout-petits"),
            (
                "texte",
                "<p>Crèches, micro-crèches, maisons d'assistants maternels et assistants "
                "maternels agréés : les <strong>relais petite enfance</strong> de votre "
                "communauté de communes vous aident à trouver le mode de garde qui vous "
                "convient. Anticipez votre demande dès que votre projet d'installation se "
                "précise.</p>",
            ),
            ("titre", "De l'école au lycée"),
            (
                "texte",
                "<p>Dans les villages, les écoles sont souvent organisées en "
                "<strong>regroupements pédagogiques intercommunaux</strong> : des classes à "
                "effectifs modérés, proches des familles. Collèges publics et privés "
                "couvrent tout le territoire, et les lycées généraux, technologiques et "
                "professionnels se trouvent dans les principales villes : Cahors, Figeac, "
                "Gourdon, Souillac, Saint-Céré…</p>",
            ),
            ("titre", "Après le bac"),
            (
                "texte",
                "<p>On peut poursuivre ses études sans quitter le Lot : BTS dans les lycées, "
                "<strong>IUT de Figeac</strong>, formations universitaires à Cahors. Toulouse "
                "et Brive restent accessibles pour les autres cursus.</p>",
            ),
        ],
        "liens": [
            (
                "Mon enfant",
                "Trouver une crèche ou un assistant maternel près de chez vous (CAF).",
                "https://monenfant.fr",
            ),
            (
                "Académie de Toulouse",
                "Inscriptions, carte scolaire et établissements du Lot.",
                "https://www.ac-toulouse.fr",
            ),
            (
                "liO, transports de la Région Occitanie",
                "Inscription au transport scolaire.",
                "https://lio.laregion.fr",
            ),
        ],
    },
    {
        "slug": "sante",
        "titre": "Santé",
        "chapo": "Hôpitaux, maisons de santé pluriprofessionnelles, professionnels installés "
        "dans les bourgs : se soigner dans le Lot, et y exercer.",
        "faits": [
            ("MSP", "des maisons de santé pluriprofessionnelles"),
            ("Hôpitaux", "à Cahors, Figeac, Gourdon, Saint-Céré"),
        ],
        "corps": [
            ("titre", "Se soigner près de chez soi"),
            (
                "texte",
                "<p>Les centres hospitaliers de Cahors, Figeac, Gourdon et Saint-Céré "
                "assurent les soins et les urgences. Dans les bourgs, les <strong>maisons de "
                "santé pluriprofessionnelles</strong> réunissent médecins, infirmiers, "
                "kinésithérapeutes et autres soignants autour d'un projet de santé "
                "commun.</p>",
            ),
            ("titre", "Médecins et soignants : venez exercer ici"),
            (
                "texte",
                "<p>Le Lot fait partie des territoires qui ont besoin de vous. Exercer en "
                "équipe dans une maison de santé, accueillir des internes, concilier vie "
                "professionnelle et qualité de vie : le réseau d'accueil vous met en relation "
                "avec les équipes locales et accompagne votre famille dans son "
                "installation.</p>",
            ),
            (
                "citation",
                {
                    "citation": "Les cadres, les techniciens, les ingénieurs spécialisés, les "
                    "médecins : des profils experts dont nos entreprises et notre "
                    "population ont besoin.",
                    "auteur": "Plan de marketing territorial du Lot, les « wanted »",
                },
            ),
        ],
        "liens": [
            (
                "Santé.fr",
                "Trouver un professionnel de santé ou un établissement.",
                "https://www.sante.fr",
            ),
            (
                "ARS Occitanie",
                "S'installer comme professionnel de santé : aides et contacts.",
                "https://www.occitanie.ars.sante.fr",
            ),
            (
                "Ameli",
                "Déclarer son médecin traitant et gérer sa carte Vitale.",
                "https://www.ameli.fr",
            ),
        ],
    },
    {
        "slug": "transports-et-connectivite",
        "titre": "Transports et connectivité",
        "chapo": "L'A20 et les trains vers Paris et Toulouse, un aéroport à la porte du Lot, "
        "la fibre qui arrive dans les villages : s'installer ici, ce n'est pas s'isoler.",
        "faits": [
            ("A20", "l'autoroute Paris – Toulouse"),
            ("Trains", "gares de Cahors, Figeac, Souillac, Gourdon"),
            ("Fibre", "en déploiement dans tout le Lot"),
        ],
        "corps": [
            ("titre", "Route, rail et avion"),
            (
                "texte",
                "<p>L'<strong>autoroute A20</strong> traverse le département du nord au sud, "
                "par Souillac et Cahors, vers Brive, Limoges et Paris d'un côté, Montauban et "
                "Toulouse de l'autre. Les <strong>gares de Cahors, Souillac et "
                "Gourdon</strong> sont desservies par les trains Intercités Paris – Toulouse, "
                "et la <strong>gare de Figeac</strong> par les TER vers Brive, Toulouse, "
                "Rodez et Aurillac.</p>"
                "<p>L'<strong>aéroport de Brive-Vallée de la Dordogne</strong> est à la "
                "limite nord du Lot ; Toulouse-Blagnac est accessible par l'A20.</p>",
            ),
            ("titre", "Se déplacer au quotidien"),
            (
                "texte",
                "<p>Lignes régulières et transport à la demande du réseau liO, navettes "
                "urbaines à Cahors et Figeac, aires de covoiturage le long des grands axes : "
                "renseignez-vous auprès de votre communauté de communes.</p>",
            ),
            ("titre", "Fibre et téléphonie mobile"),
            (
                "texte",
                "<p>Portés par les collectivités, les réseaux de <strong>fibre optique "
                "jusqu'à l'abonné</strong> se déploient commune par commune, et de nouveaux "
                "pylônes améliorent la couverture mobile dans le cadre du programme national "
                "« New Deal mobile ». Avant de signer un bail ou un compromis, vérifiez "
                "l'éligibilité de l'adresse. Des tiers-lieux et espaces de coworking "
                "accueillent aussi les télétravailleurs.</p>",
            ),
        ],
        "liens": [
            (
                "Carte fibre (Arcep)",
                "Vérifier le déploiement de la fibre à une adresse.",
                "https://cartefibre.arcep.fr",
            ),
            (
                "Mon réseau mobile (Arcep)",
                "Comparer la couverture mobile des opérateurs.",
                "https://monreseaumobile.arcep.fr",
            ),
            (
                "TER Occitanie",
                "Horaires des trains régionaux.",
                "https://www.ter.sncf.com/occitanie",
            ),
            (
                "liO, transports de la Région Occitanie",
                "Cars régionaux et transport à la demande.",
                "https://lio.laregion.fr",
            ),
        ],
    },
    {
        "slug": "logement",
        "titre": "Logement",
        "chapo": "Maison de bourg, longère en pierre du Causse, appartement en ville ou "
        "logement provisoire le temps de trouver : se loger dans le Lot.",
        "faits": [
            ("ADIL", "des conseils gratuits et neutres"),
            ("France Rénov'", "des aides pour rénover"),
        ],
        "corps": [
            ("titre", "Acheter, louer, rénover"),
            (
                "texte",
                "<p>Le Lot offre une grande variété de biens : maisons de caractère en pierre, "
                "maisons de bourg, pavillons, appartements à Cahors et Figeac. Les prix "
                "restent bien plus accessibles que dans les grandes métropoles, et de "
                "nombreuses communes mènent des opérations d'amélioration de l'habitat.</p>"
                "<p>Pour un premier avis sur un achat, un bail ou des travaux, l'<strong>ADIL "
                "du Lot</strong> conseille gratuitement, et les conseillers "
                "<strong>France Rénov'</strong> vous orientent vers les aides à la "
                "rénovation énergétique.</p>",
            ),
            ("titre", "Un logement provisoire pour commencer"),
            (
                "texte",
                "<p>Trouver un emploi, puis une maison : le plan de marketing territorial "
                "prévoit de développer de nouvelles solutions d'hébergement provisoire pour "
                "les nouveaux arrivants. Parlez-en au réseau d'accueil dès votre premier "
                "contact.</p>",
            ),
        ],
        "liens": [
            (
                "ANIL et ADIL",
                "Trouver les coordonnées de l'ADIL du Lot et ses fiches pratiques.",
                "https://www.anil.org",
            ),
            (
                "France Rénov'",
                "Les aides à la rénovation et le conseiller le plus proche.",
                "https://france-renov.gouv.fr",
            ),
            (
                "Service-public.fr : logement",
                "Vos droits de locataire ou de propriétaire.",
                "https://www.service-public.fr",
            ),
        ],
    },
    {
        "slug": "reseau-d-accueil",
        "titre": "Le réseau d'accueil",
        "chapo": "Chaque nouvel arrivant est accueilli personnellement : une équipe et des "
        "référents dans les communautés de communes vous accompagnent de la première "
        "question à l'installation.",
        "faits": [
            ("1 contact", "pour tout votre projet d'installation"),
            ("Conjoint", "un appui pour son emploi"),
        ],
        "corps": [
            ("titre", "Un parcours d'accueil personnalisé"),
            (
                "texte",
                "<p>Le Département, l'État, les communautés de communes, les chambres "
                "consulaires et les entreprises se sont unis pour construire un parcours "
                "d'accueil efficace et personnalisé. Concrètement :</p>"
                "<ul><li>un interlocuteur qui répond à vos questions et vous présente aux "
                "bons contacts ;</li>"
                "<li>les référents accueil de votre future communauté de communes, qui "
                "connaissent le terrain ;</li>"
                "<li>un appui pour l'emploi de votre conjoint ;</li>"
                "<li>des kits de bienvenue adaptés à votre profil ;</li>"
                "<li>des ambassadeurs, habitants et chefs d'entreprise, prêts à partager "
                "leur expérience.</li></ul>",
            ),
            (
                "citation",
                {
                    "citation": "Nous allons imaginer et développer un parcours d'accueil "
                    "efficace et personnalisé pour chaque nouvel arrivant.",
                    "auteur": "Plan de marketing territorial du Lot",
                },
            ),
            ("titre", "Nous contacter"),
            (
                "texte",
                "<p>Service attractivité du Département du Lot : "
                '<a href="mailto:attractivite-departement@lot.fr">'
                "attractivite-departement@lot.fr</a>, 05 65 53 43 40.</p>",
            ),
        ],
        "liens": [],
    },
]

CAMPAGNE = {
    "titre": "Le Lot, producteur d'opportunités",
    "slug": "producteur-d-opportunites",
    "code": "opportunites-2026",
    "accroche": "Des emplois qualifiés, des entreprises à reprendre, une vie à inventer : "
    "et si votre prochaine opportunité était dans le Lot ?",
    "messages": [
        (
            "Des entreprises qui recrutent",
            "Nos entreprises innovantes cherchent des cadres, des techniciens, des ingénieurs "
            "et des soignants pour se développer.",
        ),
        (
            "Des activités à reprendre",
            "Commerces, ateliers, exploitations : des activités qui ont fait leurs preuves "
            "attendent leur repreneur.",
        ),
        (
            "Un territoire où il fait bon vivre",
            "Une nature préservée, un patrimoine exceptionnel, un vivre-ensemble apaisé : "
            "ceux qui vivent ici n'en partiraient pour rien au monde.",
        ),
        (
            "Un accueil personnalisé",
            "De la première question à l'installation, une équipe vous accompagne, vous et "
            "votre famille.",
        ),
    ],
}

PARTENAIRES = [
    # (nom, type, lien, pied de page)
    ("Département du Lot", "conseil_departemental", "https://lot.fr", True),
    ("Préfecture du Lot", "etat", "https://www.lot.gouv.fr", True),
    ("CCI du Lot", "chambre_consulaire", "https://www.lot.cci.fr", True),
    (
        "Chambre de métiers et de l'artisanat du Lot",
        "chambre_consulaire",
        "https://www.cma-occitanie.fr",
        True,
    ),
    (
        "Chambre d'agriculture du Lot",
        "chambre_consulaire",
        "https://lot.chambre-agriculture.fr",
        True,
    ),
    ("Lot Tourisme", "autre", "https://www.tourisme-lot.com", True),
    ("ADIL du Lot", "association", "", False),
    ("Mission locale du Lot", "association", "", False),
]

# Web sites of the intercommunalities, when known.
LIENS_EPCI = {
    "CA du Grand Cahors": "https://www.grandcahors.fr",
    "CC Grand-Figeac": "https://www.grand-figeac.fr",
}
