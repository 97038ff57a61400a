"""Seed the demo portal: territory, home page, legal pages, staff account.

Idempotent: each object is created only when it is missing, so running the
command twice changes nothing.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.models import Locale, Page, Site

from lot_portal.cms.models import HomePage, PageSimple, ParametresSite
from lot_portal.territoire.services import territoire_charger

# Each section seeds its own demo content: ``seed(*, accueil, stdout)``,
# idempotent like this command.
SEEDERS = [
    "lot_portal.cms.demo.seed",
    "lot_portal.vitrine.demo.seed",
    "lot_portal.agenda.demo.seed",
    "accueil.demo.seed",
    "ambassadeurs.demo.seed",
    "opportunites.demo.seed",
    "jeunesse.demo.seed",
]

VALEURS = [
    ("Convivialité", "Ici, on se connaît, on s'entraide, on partage la table et les projets."),
    (
        "Naturalité",
        "Causses, vallées du Lot et de la Dordogne, ciels étoilés : la nature au quotidien.",
    ),
    ("Hédonisme", "Le temps de bien vivre, de bien manger, de profiter de chaque saison."),
    ("Attachement", "Ceux qui vivent ici aiment le Lot et n'en partiraient pour rien au monde."),
    ("Pérennité", "Des entreprises solides, des savoir-faire transmis, des projets qui durent."),
    ("Opportunités", "Des emplois qualifiés, des entreprises à reprendre, des projets à inventer."),
]

PROFILS = [
    (
        "secondes_vies",
        "Les « secondes vies »",
        "Vous vivez en ville et cherchez un meilleur équilibre entre votre activité "
        "professionnelle et votre vie privée ? Le Lot vous ouvre de nouvelles perspectives.",
    ),
    (
        "jeunes",
        "Les jeunes",
        "Vous avez grandi ou étudié dans le Lot ? Restez ou revenez : vos projets ont "
        "leur place ici, et le Département les soutient.",
    ),
    (
        "wanted",
        "Les « wanted »",
        "Cadres, techniciens, ingénieurs, médecins : nos entreprises et nos habitants ont "
        "besoin de vos compétences.",
    ),
    (
        "touristes",
        "Les touristes",
        "Vous venez souvent en vacances et vous vous sentez un peu chez vous ? Et si le "
        "Lot devenait votre lieu de vie ?",
    ),
]

MENTIONS_LEGALES = [
    ("titre", "Éditeur"),
    (
        "texte",
        "<p>Le portail « Le Lot, terre d'opportunités » est édité par le Département du Lot, "
        "Hôtel du Département, Avenue de l'Europe, Regourd, 46005 Cahors Cedex 9. "
        "Téléphone : 05 65 53 43 40. Courriel : attractivite-departement@lot.fr.</p>",
    ),
    ("titre", "Directeur de la publication"),
    (
        "texte",
        "<p>Le directeur de la publication est le Président du Conseil départemental du Lot. "
        "La rédaction est assurée par le service Attractivité du Département.</p>",
    ),
    ("titre", "Hébergeur"),
    (
        "texte",
        "<p>Le portail est hébergé en France, sur des serveurs opérés pour le compte du "
        "Département du Lot, qui en assure l'exploitation. Les données ne quittent pas "
        "l'Union européenne.</p>",
    ),
    ("titre", "Crédits"),
    (
        "texte",
        "<p>Conception et développement : Département du Lot, avec des logiciels libres "
        "(Django, Wagtail). Photographies : Département du Lot et leurs auteurs, cités sous "
        "chaque image. Les témoignages sont publiés avec l'accord des personnes.</p>",
    ),
    ("titre", "Propriété intellectuelle et licence des données"),
    (
        "texte",
        "<p>Les textes et photographies sont la propriété du Département du Lot ou "
        "de leurs auteurs : toute reproduction demande leur accord. Les données territoriales "
        "(communes, intercommunalités) proviennent de l'INSEE et de la DGCL ; elles sont, "
        "comme les chiffres publiés sur la page de données ouvertes, réutilisables sous "
        "Licence Ouverte 2.0 (Etalab), en citant la source.</p>",
    ),
    ("titre", "Données personnelles et accessibilité"),
    (
        "texte",
        '<p>Le traitement de vos données est décrit sur la page <a href="/donnees-personnelles/">'
        "Données personnelles</a> ; l'état d'accessibilité du portail, sur la page "
        '<a href="/accessibilite/">Accessibilité</a>.</p>',
    ),
]

DONNEES_PERSONNELLES = [
    (
        "texte",
        "<p>Le Département du Lot traite les données que vous lui confiez pour vous "
        "accompagner dans votre projet d'installation, animer le réseau des ambassadeurs "
        "et instruire les appels à projets. La base légale est votre consentement et "
        "l'exécution d'une mission d'intérêt public.</p>",
    ),
    ("titre", "Responsable du traitement"),
    (
        "texte",
        "<p>Le responsable du traitement est le Département du Lot, représenté par le "
        "Président du Conseil départemental, Hôtel du Département, Avenue de l'Europe, "
        "Regourd, 46005 Cahors Cedex 9.</p>",
    ),
    ("titre", "À quoi servent vos données\u00a0?"),
    (
        "texte",
        "<p>Le portail traite des données personnelles pour :</p><ul>"
        "<li><strong>l'accueil des nouveaux arrivants</strong> : construire votre parcours "
        "d'accueil personnalisé et votre kit de bienvenue, vous confier à un référent accueil, "
        "organiser un séjour découverte, vous envoyer des courriels de suivi puis deux bilans "
        "à 6 et 12 mois ;</li>"
        "<li><strong>le réseau des ambassadeurs</strong> : étudier votre candidature, publier "
        "votre profil si vous êtes retenu, vous mettre en relation avec de futurs habitants, "
        "vous envoyer les annonces du réseau ;</li>"
        "<li><strong>les appels à projets jeunesse</strong> : instruire votre candidature, la "
        "présenter au jury, verser l'aide et suivre le projet ;</li>"
        "<li><strong>les opportunités</strong> : vous envoyer les alertes emploi que vous avez "
        "demandées, transmettre votre message au cédant d'une entreprise à reprendre ;</li>"
        "<li><strong>l'agenda</strong> : enregistrer votre inscription à un événement et vous "
        "en rappeler la date ;</li>"
        "<li><strong>votre compte</strong> : vous identifier et sécuriser votre accès ;</li>"
        "<li><strong>la sécurité et la traçabilité</strong> : un journal enregistre quel agent "
        "a consulté ou exporté quel dossier (jamais son contenu) ;</li>"
        "<li><strong>les statistiques</strong> : produire des chiffres anonymes sur "
        "l'attractivité du territoire.</li>"
        "</ul>",
    ),
    ("titre", "Sur quelles bases légales\u00a0?"),
    (
        "texte",
        "<ul>"
        "<li><strong>Mission d'intérêt public</strong> (article 6.1.e du RGPD) : "
        "l'instruction des appels à projets, la gestion de votre compte, l'envoi des "
        "courriels du portail, les statistiques ;</li>"
        "<li><strong>Consentement</strong> (article 6.1.a), donné à l'inscription : "
        "l'accompagnement des nouveaux arrivants, le réseau des ambassadeurs, les alertes "
        "emploi, la transmission de votre CV à un employeur, la boîte à idées ; vous pouvez "
        "le retirer à tout moment, sans effet sur ce qui a été fait avant ;</li>"
        "<li><strong>Exécution de la demande que vous faites</strong> (article 6.1.b) : "
        "l'inscription à un événement, le message à un cédant ;</li>"
        "<li><strong>Obligation légale</strong> (article 6.1.c et article 32) : la sécurité "
        "des données et la traçabilité des accès ; le versement et le contrôle des aides "
        "publiques.</li>"
        "</ul>",
    ),
    ("titre", "Qui voit vos données ?"),
    (
        "texte",
        "<p>Seuls les agents habilités du Département et, pour ce qui les concerne, ses "
        "partenaires y ont accès :</p><ul>"
        "<li>le référent accueil du secteur que vous avez choisi et l'équipe départementale "
        "de l'accueil ;</li>"
        "<li>les agents chargés du réseau des ambassadeurs ; les futurs habitants mis en "
        "relation avec vous ne voient que ce que votre profil publie ;</li>"
        "<li>les instructeurs et les membres du jury de l'appel à projets auquel vous "
        "candidatez ;</li>"
        "<li>le cédant de l'entreprise à qui vous écrivez, pour votre seul message ;</li>"
        "<li>l'hébergeur du portail, sous-traitant du Département, qui ne les utilise pas.</li>"
        "</ul>"
        "<p>Votre CV n'est transmis à un employeur partenaire que si vous l'avez accepté ; "
        "chaque transmission est enregistrée et vous la voyez dans votre espace. Vos données "
        "ne sont ni vendues ni cédées, et ne quittent pas l'Union européenne.</p>",
    ),
    ("titre", "Combien de temps ?"),
    (
        "texte",
        "<ul>"
        "<li><strong>Nouveaux arrivants</strong> : trois ans après votre dernier contact (un "
        "message, une étape, une mise à jour de votre projet), puis votre dossier est rendu "
        "anonyme automatiquement ; une inscription jamais terminée est supprimée après "
        "90 jours ;</li>"
        "<li><strong>Candidatures aux appels à projets</strong> : la durée fixée par chaque "
        "appel (en mois après la décision), puis anonymisation ; un brouillon jamais déposé "
        "est supprimé ;</li>"
        "<li><strong>Ambassadeurs</strong> : tant que vous êtes ambassadeur ; une candidature "
        "refusée est supprimée ;</li>"
        "<li><strong>Alertes emploi</strong> : jusqu'à votre désinscription (le lien est dans "
        "chaque alerte) ; une alerte jamais confirmée est supprimée ;</li>"
        "<li><strong>Inscriptions aux événements</strong> : jusqu'à l'événement, puis "
        "anonymisées quelques mois après ;</li>"
        "<li><strong>Journal des accès des agents</strong> : un an ;</li>"
        "<li><strong>Courriels envoyés</strong> : six mois après l'envoi (adresses et "
        "contenus), puis supprimés ;</li>"
        "<li><strong>Compte</strong> : jusqu'à sa suppression, que vous pouvez demander à tout "
        "moment.</li>"
        "</ul>"
        "<p>Seules restent ensuite des informations qui ne permettent pas de vous identifier, "
        "pour les statistiques.</p>",
    ),
    ("titre", "Vos droits"),
    (
        "texte",
        "<p>Vous disposez d'un droit d'<strong>accès</strong>, de <strong>rectification</strong>, "
        "d'<strong>effacement</strong>, d'<strong>opposition</strong>, de "
        "<strong>limitation</strong> du traitement et de <strong>portabilité</strong> de vos "
        "données, et du droit de retirer votre consentement à tout moment.</p>"
        '<p>Depuis votre espace (<a href="/compte/">Mon compte</a>), la page '
        '<a href="/compte/mes-donnees/">« Mes données »</a> vous permet de consulter et de '
        "télécharger toutes vos données (fichier JSON), de les corriger et de supprimer votre "
        "compte : vos CV sont alors effacés et vos dossiers rendus anonymes.</p>"
        "<p>Vous pouvez aussi écrire à attractivite-departement@lot.fr ou au délégué à la "
        "protection des données (ci-dessous). Nous répondons dans un délai d'un mois.</p>",
    ),
    ("titre", "Les jeunes et les mineurs"),
    (
        "texte",
        "<p>L'âge est calculé par le portail à partir de la date de naissance. Un jeune de "
        "moins de 15 ans ne peut déposer une candidature qu'avec son propre accord et celui "
        "d'un parent ; de 15 à 17 ans, l'autorisation d'un parent est demandée. Une notice "
        'écrite pour les jeunes, <a href="/jeunesse/tes-donnees/">« Tes données, expliquées '
        "simplement »</a>, leur est montrée là où ils donnent leurs informations.</p>",
    ),
    ("titre", "Délégué à la protection des données"),
    (
        "texte",
        "<p>Le délégué à la protection des données (DPO) du Département du Lot répond à "
        "toute question sur vos données : par courriel à dpo@lot.fr, ou par courrier au "
        "Délégué à la protection des données, Département du Lot, Avenue de l'Europe, "
        "Regourd, 46005 Cahors Cedex 9.</p>",
    ),
    ("titre", "Réclamation auprès de la CNIL"),
    (
        "texte",
        "<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
        "réclamation à la Commission nationale de l'informatique et des libertés (CNIL), "
        "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, ou en ligne sur "
        '<a href="https://www.cnil.fr/fr/plaintes">cnil.fr</a>.</p>',
    ),
    ("titre", "Cookies"),
    (
        "texte",
        "<p>Le portail n'utilise que des cookies techniques, déposés et lus par lui seul : "
        "votre session de connexion, la protection des formulaires contre la falsification "
        "et, si vous arrivez par une campagne de communication, le nom de cette campagne "
        "(pour savoir lesquelles amènent des inscriptions ; il ne contient rien sur vous). "
        "Aucun cookie publicitaire, de réseau social ni de mesure d'audience tiers : aucun "
        "bandeau de consentement n'est donc nécessaire.</p>",
    ),
]

ACCESSIBILITE = [
    (
        "texte",
        "<p>Le Département du Lot s'engage à rendre ses sites internet accessibles "
        "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette "
        "déclaration d'accessibilité s'applique au portail « Le Lot, terre "
        "d'opportunités ».</p>",
    ),
    ("titre", "État de conformité"),
    (
        "texte",
        "<p>Le portail est <strong>partiellement conforme</strong> avec le référentiel général "
        "d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des non-conformités "
        "et des dérogations énumérées ci-dessous.</p>",
    ),
    ("titre", "Résultats des tests"),
    (
        "texte",
        "<p>Aucun audit de conformité complet n'a encore été réalisé par un organisme "
        "extérieur. Les pages principales (accueil, parcours d'inscription, espace personnel, "
        "offres, agenda, appels à projets) sont vérifiées automatiquement à chaque "
        "modification du portail (axe-core) et à la main, au clavier ; un audit complet est "
        "prévu, et son taux de conformité sera publié ici.</p>",
    ),
    ("titre", "Contenus non accessibles"),
    (
        "texte",
        "<p>Non-conformités connues :</p><ul>"
        "<li>certains documents PDF téléchargeables ne sont pas balisés ;</li>"
        "<li>certaines vidéos et certains podcasts n'ont pas encore de transcription ;</li>"
        "<li>l'interface d'administration (réservée aux agents) n'a pas été évaluée.</li>"
        "</ul>",
    ),
    ("titre", "Dérogations pour charge disproportionnée"),
    (
        "texte",
        "<p>Aucune dérogation n'est invoquée à ce jour.</p>"
        "<p>Contenus non soumis à l'obligation d'accessibilité : les cartes interactives "
        "(une liste des lieux équivalente est proposée) et les documents publiés avant le "
        "23 septembre 2018 qui ne sont plus nécessaires aux démarches.</p>",
    ),
    ("titre", "Établissement de cette déclaration d'accessibilité"),
    (
        "texte",
        "<p>Cette déclaration a été établie le 26 novembre 2026.</p>"
        "<p>Technologies utilisées pour la réalisation du portail : HTML5, CSS, JavaScript "
        "(amélioration progressive : le portail fonctionne sans).</p>"
        "<p>Outils utilisés pour vérifier l'accessibilité : axe-core (tests automatisés dans "
        "le navigateur Chromium, à chaque modification du portail), navigation au clavier, "
        "navigateurs Chromium et Firefox.</p>",
    ),
    ("titre", "Retour d'information et contact"),
    (
        "texte",
        "<p>Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez à "
        "attractivite-departement@lot.fr ou appelez le 05 65 53 43 40 : nous vous "
        "répondrons et vous proposerons une alternative accessible ou le contenu sous une "
        "autre forme.</p>",
    ),
    ("titre", "Voies de recours"),
    (
        "texte",
        "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à "
        "un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, "
        "vous pouvez saisir le Défenseur des droits :</p><ul>"
        '<li>par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en '
        "ligne</a> ;</li>"
        "<li>en contactant le délégué du Défenseur des droits dans le Lot ;</li>"
        "<li>par courrier gratuit, sans timbre : Défenseur des droits, Libre réponse 71120, "
        "75342 Paris Cedex 07.</li></ul>",
    ),
]

PARTENAIRES = """Département du Lot
CA du Grand Cahors
CC Grand-Figeac
CC Causses et Vallée de la Dordogne
Lot Tourisme
CCI du Lot
Chambre de métiers et de l'artisanat du Lot
Chambre d'agriculture du Lot"""


class Command(BaseCommand):
    help = "Seed the demo content once (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--noyau",
            action="store_true",
            help="Only the core (territory, home and legal pages, settings): used by tests.",
        )
        parser.add_argument(
            "--offres", type=int, default=0, help="Also generate N job offers (benchmarks)."
        )
        parser.add_argument(
            "--histoires", type=int, default=0, help="Also generate M stories (benchmarks)."
        )

    def handle(self, *args, noyau=False, offres=0, histoires=0, **options):
        epci, communes = territoire_charger()
        self.stdout.write(f"Territoire : {epci} intercommunalités, {communes} communes.")
        with transaction.atomic():
            accueil = self._page_accueil()
            pages = {
                slug: self._page_simple(accueil, slug, titre, chapo, corps)
                for slug, titre, chapo, corps in (
                    ("mentions-legales", "Mentions légales", "", MENTIONS_LEGALES),
                    (
                        "donnees-personnelles",
                        "Données personnelles",
                        "Ce que nous faisons de vos données, et vos droits.",
                        DONNEES_PERSONNELLES,
                    ),
                    (
                        "accessibilite",
                        "Accessibilité : partiellement conforme",
                        "Déclaration d'accessibilité du portail.",
                        ACCESSIBILITE,
                    ),
                )
            }
            self._parametres(accueil, pages)
            for chemin in [] if noyau else SEEDERS:
                import_string(chemin)(accueil=accueil, stdout=self.stdout)
        # Large generated volumes, in bulk (opportunites/demo.py).
        if offres > 0:
            import_string("opportunites.demo.offres_generer")(
                offres, accueil=accueil, stdout=self.stdout
            )
        if histoires > 0:
            import_string("opportunites.demo.histoires_generer")(
                histoires, accueil=accueil, stdout=self.stdout
            )
        self._compte_equipe()

    def _page_accueil(self):
        existante = HomePage.objects.first()
        if existante:
            return existante
        racine = Page.get_first_root_node()
        if racine is None:  # a flushed database (transactional tests) has no tree
            Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
            racine = Page.add_root(instance=Page(title="Racine", slug="root"))
        accueil = HomePage(
            title="Le Lot, terre d'opportunités",
            slug="lot",
            seo_title="Vivre et travailler dans le Lot",
            search_description=(
                "Le portail de l'accueil du Lot : emplois, entreprises à reprendre, "
                "histoires d'habitants et accompagnement personnalisé de votre installation."
            ),
            introduction=(
                "Un territoire où il fait bon vivre, des entreprises innovantes qui recrutent, "
                "des activités à reprendre : venez construire votre projet de vie dans le Lot. "
                "Nous vous accompagnons personnellement, de la première question à "
                "l'installation."
            ),
            valeurs=[("valeur", {"titre": t, "texte": x}) for t, x in VALEURS],
            profils=[
                ("profil", {"profil": p, "titre": t, "texte": x, "page": None})
                for p, t, x in PROFILS
            ],
            corps=[
                ("titre", "Vous préparez votre installation ?"),
                (
                    "texte",
                    "<p>Dites-nous qui vous êtes et ce que vous cherchez : un référent accueil "
                    "de votre futur secteur vous accompagne, avec un parcours personnalisé, un "
                    "kit de bienvenue et des solutions de logement temporaire.</p>",
                ),
                (
                    "appel_a_action",
                    {
                        "texte": "Je prépare mon installation",
                        "page": None,
                        "url": settings.SITE_URL + "/accueil/inscription/",
                    },
                ),
                (
                    "chiffres_cles",
                    {
                        "titre": "Le Lot en quelques chiffres",
                        "chiffres": [
                            {"valeur": "312", "libelle": "communes"},
                            {"valeur": "176 473", "libelle": "habitants"},
                            {"valeur": "9", "libelle": "intercommunalités"},
                            {
                                "valeur": "2",
                                "libelle": "grands sites : Rocamadour, Saint-Cirq-Lapopie",
                            },
                        ],
                    },
                ),
                (
                    "citation",
                    {
                        "citation": "La très grande majorité des Lotois se déclare très heureuse "
                        "d'y vivre et d'y élever ses enfants.",
                        "auteur": "Diagnostic du plan de marketing territorial",
                    },
                ),
            ],
        )
        racine.add_child(instance=accueil)
        accueil.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        ancienne = site.root_page if site else None
        adresse = urlsplit(settings.SITE_URL)
        site = site or Site(is_default_site=True)
        site.root_page = accueil
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.hostname = adresse.hostname or "localhost"
        site.port = adresse.port or (443 if adresse.scheme == "https" else 80)
        site.save()
        if ancienne and ancienne.pk != accueil.pk and ancienne.specific_class != HomePage:
            ancienne.delete()
        self.stdout.write("Page d'accueil créée.")
        return accueil

    def _page_simple(self, accueil, slug, titre, chapo, corps):
        existante = PageSimple.objects.child_of(accueil).filter(slug=slug).first()
        if existante:
            return existante
        page = PageSimple(title=titre, slug=slug, chapo=chapo, corps=corps, show_in_menus=False)
        accueil.add_child(instance=page)
        page.save_revision().publish()
        self.stdout.write(f"Page « {titre} » créée.")
        return page

    def _parametres(self, accueil, pages):
        site = Site.objects.get(root_page=accueil)
        parametres = ParametresSite.for_site(site)
        if parametres.page_mentions_legales_id:
            return
        parametres.partenaires = PARTENAIRES
        parametres.page_mentions_legales = pages["mentions-legales"]
        parametres.page_donnees_personnelles = pages["donnees-personnelles"]
        parametres.page_accessibilite = pages["accessibilite"]
        parametres.save()

    def _compte_equipe(self):
        from allauth.account.models import EmailAddress

        fichier = Path(settings.VAR_DIR) / "identifiants-equipe.txt"
        utilisateurs = get_user_model().objects
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "equipe@lot.example").lower()
        if not utilisateurs.filter(email=email).exists():
            password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
            user = utilisateurs.create_superuser(
                email=email, password=password, first_name="Équipe", last_name="Attractivité"
            )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            fichier.parent.mkdir(parents=True, exist_ok=True)
            fichier.write_text(f"{email}\n{password}\n", encoding="utf-8")
            fichier.chmod(0o600)
        if fichier.exists():
            email, password = fichier.read_text(encoding="utf-8").split("\n")[:2]
            self.stdout.write(
                self.style.SUCCESS(
                    f"Compte de l'équipe : {email} / {password} (http://127.0.0.1:8000/admin/)"
                )
            )
        else:
            self.stdout.write(f"Compte de l'équipe : {email} (mot de passe déjà défini).")
