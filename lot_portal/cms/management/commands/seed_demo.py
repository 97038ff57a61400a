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
        "<p>Le portail est édité par le Département du Lot, Avenue de l'Europe, "
        "Regourd, 46005 Cahors Cedex 9. Téléphone : 05 65 53 43 40.</p>"
        "<p>Directeur de la publication : le Président du Conseil départemental.</p>",
    ),
    ("titre", "Hébergement"),
    (
        "texte",
        "<p>Le portail est hébergé en France, sur des serveurs opérés pour le compte "
        "du Département du Lot.</p>",
    ),
    ("titre", "Propriété intellectuelle"),
    (
        "texte",
        "<p>Les textes et photographies sont la propriété du Département du Lot ou "
        "de leurs auteurs. Les données territoriales (communes, intercommunalités) "
        "proviennent de l'INSEE et de la DGCL et sont publiées sous Licence Ouverte.</p>",
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
    ("titre", "À quoi servent vos données\u00a0?"),
    (
        "texte",
        "<p>Quand vous vous inscrivez pour préparer votre installation, nous utilisons ce "
        "que vous nous dites (votre profil, votre foyer, votre projet professionnel et celui "
        "de votre conjoint, le secteur et la date souhaités, votre besoin de logement) pour :"
        "</p><ul>"
        "<li>construire votre parcours d'accueil personnalisé et votre kit de bienvenue ;</li>"
        "<li>vous confier à un référent accueil, qui vous conseille et répond à vos messages "
        "dans votre espace ;</li>"
        "<li>organiser, si vous le demandez, un séjour découverte ;</li>"
        "<li>vous envoyer des courriels de suivi (vous pouvez les arrêter à tout moment par "
        "le lien présent dans chacun d'eux) puis, une fois installé, deux bilans à 6 et 12 "
        "mois pour savoir comment se passe votre vie dans le Lot ;</li>"
        "<li>produire des statistiques anonymes sur l'accueil des nouveaux arrivants.</li>"
        "</ul>",
    ),
    ("titre", "Qui voit vos données ?"),
    (
        "texte",
        "<p>Seuls les agents du Département et les référents accueil de votre "
        "communauté de communes y ont accès, pour ce qui concerne votre dossier :</p><ul>"
        "<li>le référent accueil du secteur que vous avez choisi ;</li>"
        "<li>l'équipe départementale de l'accueil, qui voit tous les dossiers et suit ceux "
        "dont le secteur n'est pas encore choisi.</li></ul>"
        "<p>Votre CV n'est transmis à un employeur partenaire que si vous l'avez accepté ; "
        "chaque transmission est enregistrée et vous la voyez dans votre espace. Vous pouvez "
        "retirer ce consentement à tout moment. Vos données ne sont ni vendues ni cédées.</p>",
    ),
    ("titre", "Combien de temps ?"),
    (
        "texte",
        "<p>Vos données sont conservées trois ans après votre dernier contact, puis "
        "supprimées ou rendues anonymes. Pour le parcours d'accueil, le dernier contact est "
        "votre dernière activité (un message, une étape, une mise à jour de votre projet) : "
        "trois ans après, votre dossier est rendu anonyme automatiquement. Seules restent "
        "des informations qui ne permettent pas de vous identifier (profil, secteur, étapes "
        "et dates du dossier), pour les statistiques.</p>",
    ),
    ("titre", "Vos droits"),
    (
        "texte",
        "<p>Vous pouvez accéder à vos données, les rectifier, les effacer ou vous "
        "opposer à leur traitement en écrivant à attractivite-departement@lot.fr. Vous "
        "pouvez aussi saisir la CNIL.</p>"
        '<p>Depuis votre espace (<a href="/compte/">Mon compte</a>), vous pouvez aussi '
        "consulter et télécharger toutes vos données (page « Mes données personnelles », "
        "fichier JSON), corriger votre projet, retirer votre consentement à la transmission "
        "de votre CV et supprimer votre compte : vos CV sont alors effacés et votre dossier "
        "rendu anonyme.</p>",
    ),
]

ACCESSIBILITE = [
    (
        "texte",
        "<p>Le Département du Lot s'engage à rendre ce portail accessible "
        "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>",
    ),
    ("titre", "État de conformité"),
    (
        "texte",
        "<p>Le portail vise la conformité au référentiel général d'amélioration de "
        "l'accessibilité (RGAA 4.1) ; l'audit de conformité n'a pas encore été réalisé : "
        "il est donc <strong>non conforme</strong> à ce jour.</p>",
    ),
    ("titre", "Signaler un défaut d'accessibilité"),
    (
        "texte",
        "<p>Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez à "
        "attractivite-departement@lot.fr ou appelez le 05 65 53 43 40 : nous vous "
        "répondrons et vous proposerons une alternative.</p>",
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
                        "Accessibilité : non conforme",
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
