"""Demo content of the follow-ups: the default follow-up templates (idempotent).

Staff edit these texts afterwards in the admin (« Accueil › Modèles de relance »); a
template that exists already is left as staff wrote it.
"""

from .models import ModeleRelance
from .services.relances import modele_bienvenue

D = ModeleRelance.Declencheur

MODELES = [
    {
        "code": "j-plus-7",
        "nom": "Une semaine après l'inscription",
        "declencheur": D.INSCRIPTION,
        "delai_jours": 7,
        "sujet": "{prenom}, une semaine déjà : par où commencer ?",
        "corps": (
            "Bonjour {prenom},\n\n"
            "Il y a une semaine, vous nous avez confié votre projet de vivre dans le Lot. "
            "Merci encore pour votre confiance !\n\n"
            "Pour bien démarrer, trois petites choses :\n"
            "- parcourez les étapes de votre parcours d'accueil et cochez celles qui sont "
            "déjà réglées ;\n"
            "- lisez votre kit de bienvenue : écoles, santé, transports, associations… "
            "les bonnes adresses de {secteur} y sont ;\n"
            "- écrivez à {referent} : une question, un doute, une envie de visite, "
            "c'est son métier de vous répondre.\n\n"
            "Aucune question n'est trop petite. À très vite !"
        ),
    },
    {
        "code": "j-plus-30",
        "nom": "Un mois après l'inscription",
        "declencheur": D.INSCRIPTION,
        "delai_jours": 30,
        "sujet": "Où en est votre projet dans le Lot, {prenom} ?",
        "corps": (
            "Bonjour {prenom},\n\n"
            "Un mois a passé depuis votre inscription : comment avance votre projet ?\n\n"
            "Si le logement vous inquiète, votre parcours liste les solutions temporaires "
            "(gîtes pour les longs séjours, logements passerelles, meublés proposés par les "
            "communes) : de quoi arriver sereinement avant de trouver le bon endroit.\n\n"
            "Et si vous veniez voir par vous-même ? Un séjour découverte, c'est un week-end "
            "pour visiter, rencontrer des habitants et des employeurs, sentir la vie "
            "d'ici. Vous pouvez le demander depuis votre parcours.\n\n"
            "{referent} reste à votre écoute."
        ),
    },
    {
        "code": "j-plus-90",
        "nom": "Trois mois après l'inscription",
        "declencheur": D.INSCRIPTION,
        "delai_jours": 90,
        "sujet": "{prenom}, on fait le point ensemble ?",
        "corps": (
            "Bonjour {prenom},\n\n"
            "Trois mois après votre inscription, nous aimerions savoir où vous en êtes. "
            "Votre date d'installation se précise ? Votre conjoint cherche un emploi ? "
            "Vous hésitez entre deux communes ?\n\n"
            "Mettez à jour votre projet dans votre parcours : cela nous aide à vous "
            "proposer les bons contacts, les offres d'emploi du territoire et les "
            "rencontres avec nos ambassadeurs, des habitants qui ont fait le même choix "
            "que vous.\n\n"
            "Si votre projet a changé ou s'est arrêté, dites-le-nous simplement en "
            "répondant depuis la messagerie : nous ne vous en voudrons pas !"
        ),
    },
    {
        "code": "installation-moins-30",
        "nom": "Un mois avant la date d'installation",
        "declencheur": D.DATE_INSTALLATION,
        "delai_jours": -30,
        "sujet": "{prenom}, plus qu'un mois avant votre arrivée dans le Lot !",
        "corps": (
            "Bonjour {prenom},\n\n"
            "Votre installation approche : plus qu'un mois ! Voici une petite liste pour "
            "arriver l'esprit tranquille :\n"
            "- inscription des enfants à l'école ou à la crèche : la mairie de votre "
            "commune vous renseigne ;\n"
            "- un médecin traitant : votre kit de bienvenue indique les maisons de santé "
            "de {secteur} ;\n"
            "- internet et électricité : pensez à ouvrir vos contrats avant le jour J ;\n"
            "- la vie locale : associations, clubs, marchés… le meilleur moyen de "
            "rencontrer vos voisins.\n\n"
            "{referent} peut aussi vous présenter à la mairie ou à un ambassadeur de votre "
            "future commune. Il suffit de le demander."
        ),
    },
    {
        "code": "installe-6-mois",
        "nom": "Bilan à 6 mois après l'installation",
        "declencheur": D.INSTALLATION,
        "delai_jours": 180,
        "avec_questionnaire": True,
        "sujet": "Six mois dans le Lot : comment ça se passe, {prenom} ?",
        "corps": (
            "Bonjour {prenom},\n\n"
            "Voilà six mois que vous vivez dans le Lot. Nous espérons que vous vous y "
            "sentez bien !\n\n"
            "Pour en être sûrs, nous vous proposons un questionnaire très court (deux "
            "minutes) : votre vie ici, votre logement, l'emploi de votre conjoint. "
            "{referent} lit chaque réponse et peut vous aider si quelque chose coince : "
            "un contact, un coup de pouce, une adresse."
        ),
    },
    {
        "code": "installe-12-mois",
        "nom": "Bilan à 12 mois après l'installation",
        "declencheur": D.INSTALLATION,
        "delai_jours": 365,
        "avec_questionnaire": True,
        "sujet": "Un an déjà dans le Lot, {prenom} !",
        "corps": (
            "Bonjour {prenom},\n\n"
            "Il y a un an, vous vous installiez dans le Lot. Bon anniversaire lotois !\n\n"
            "Une dernière fois, dites-nous en deux minutes comment se passe votre vie "
            "ici : vos réponses nous aident à mieux accueillir ceux qui arrivent après "
            "vous, et {referent} reste là si vous avez besoin de quoi que ce soit.\n\n"
            "Et si vous deveniez à votre tour ambassadeur du Lot ? Votre expérience "
            "vaut de l'or pour ceux qui hésitent encore."
        ),
    },
]


def seed(stdout) -> None:
    """The welcome template and the six default follow-ups (idempotent)."""
    modele_bienvenue()
    crees = 0
    for donnees in MODELES:
        donnees = dict(donnees)
        _, cree = ModeleRelance.objects.get_or_create(code=donnees.pop("code"), defaults=donnees)
        crees += cree
    stdout.write(f"Relances : {crees} modèle(s) créé(s), {len(MODELES) + 1} au total.\n")
