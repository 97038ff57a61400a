"""axe-core (WCAG 2.1 A and AA rules) in Chromium on the Wagtail admin views our code
renders (steering dashboard, welcome pipeline, youth instruction, jury and follow-up,
ambassadors, opportunities, emails, access log, personal data export), at 1280 px and
320 px wide, in the normal state and, for forms, in the error state: zero violations.

One superuser, one browser context, the full demo seeded once."""

import pytest
from _a11y import compte, connexion_admin, parcourir, soumettre, violations_admin

pytestmark = [pytest.mark.navigateur]

COURRIEL = "admin.a11y@lot.fr"

# The axe context: regions of the admin whose markup is Wagtail's own (templates of the
# wagtail package) to leave out of the run, each named with the violation it has. None so
# far: Wagtail 8's chrome (sidebar, header, breadcrumbs, messages) has no violation once its
# transitions are over (see ``violations_admin``), so the whole page is checked.
CONTEXTE = None


def _rapport(trouvees):
    return f"{len(trouvees)} violation(s) d'accessibilité :\n" + "\n".join(trouvees)


def _action(action: str) -> str:
    """The selector of the form of the page posting ``action``."""
    return f"main form:has(input[name=action][value={action}])"


def _envoyer(bouton: str):
    """A setup clicking the submit button named ``bouton`` (for the forms whose buttons
    carry the action, which ``soumettre`` does not press): its form is sent empty, and the
    page reached must show an error."""

    def _preparer(page):
        with page.expect_navigation():
            page.get_by_role("button", name=bouton, exact=True).click()
        page.wait_for_load_state()
        if not page.locator(".resume-erreurs, [aria-invalid=true]").count():
            raise AssertionError(f"aucune erreur affichée après « {bouton} »")

    return _preparer


def _pages_admin():
    from accueil.models import ParcoursAccueil
    from ambassadeurs.models import Ambassadeur
    from jeunesse.models import AppelAProjets, Candidature
    from jeunesse.models.choix import Statut
    from lot_portal.courriels.models import Courriel

    parcours = ParcoursAccueil.objects.order_by("pk").first()
    deposee = Candidature.objects.exclude(statut=Statut.BROUILLON).order_by("pk").first()
    laureat = Candidature.objects.filter(statut=Statut.RETENU).order_by("pk").first()
    appel = (
        AppelAProjets.objects.filter(
            candidatures__statut__in=[Statut.EN_INSTRUCTION, Statut.RETENU]
        )
        .order_by("pk")
        .first()
    ) or deposee.appel
    from ambassadeurs.models.choix import StatutAmbassadeur

    ambassadeurs = Ambassadeur.objects.order_by("pk")
    ambassadeur = (
        ambassadeurs.filter(statut=StatutAmbassadeur.CANDIDATURE).first() or ambassadeurs[0]
    )
    courriel = Courriel.objects.order_by("pk").first() or Courriel.objects.create(
        expediteur="Le Lot <ne-pas-repondre@lot.fr>",
        destinataires=["arrivant.1@exemple.fr"],
        sujet="Bienvenue dans le Lot",
        corps_texte="Bonjour,\n\nBienvenue dans le Lot.",
    )
    return [
        ("pilotage", "/admin/pilotage/", None),
        ("nouveaux arrivants", "/admin/accueil/nouveaux-arrivants/", None),
        ("dossier d'arrivant", f"/admin/accueil/nouveaux-arrivants/{parcours.pk}/", None),
        (
            "dossier d'arrivant, note (erreurs)",
            f"/admin/accueil/nouveaux-arrivants/{parcours.pk}/",
            soumettre(_action("note")),
        ),
        ("candidatures jeunesse", "/admin/jeunesse/candidatures/", None),
        ("dossier jeunesse", f"/admin/jeunesse/dossiers/{deposee.pk}/", None),
        (
            "dossier jeunesse, message (erreurs)",
            f"/admin/jeunesse/dossiers/{deposee.pk}/",
            soumettre("main form[action$='/messages/']"),
        ),
        ("jury", f"/admin/jeunesse/appels/{appel.pk}/jury/", None),
        (
            "jury, ajout d'un membre (erreurs)",
            f"/admin/jeunesse/appels/{appel.pk}/jury/",
            soumettre(_action("ajouter_membre")),
        ),
        ("classement", f"/admin/jeunesse/appels/{appel.pk}/classement/", None),
        ("lauréats", "/admin/jeunesse/laureats/", None),
        ("lauréat", f"/admin/jeunesse/laureats/{laureat.pk}/", None),
        (
            "lauréat, versement (erreurs)",
            f"/admin/jeunesse/laureats/{laureat.pk}/",
            _envoyer("Ajouter le versement"),
        ),
        ("candidatures ambassadeurs", "/admin/ambassadeurs/candidatures/", None),
        ("candidature ambassadeur", f"/admin/ambassadeurs/candidatures/{ambassadeur.pk}/", None),
        (
            "candidature ambassadeur (erreurs)",
            f"/admin/ambassadeurs/candidatures/{ambassadeur.pk}/",
            soumettre(),
        ),
        ("import d'offres", "/admin/opportunites/import/", None),
        ("import d'offres (erreurs)", "/admin/opportunites/import/", soumettre()),
        ("partenaires emploi", "/admin/opportunites/partenaires/", None),
        ("invitation de partenaire", "/admin/opportunites/partenaires/inviter/", None),
        (
            "invitation de partenaire (erreurs)",
            "/admin/opportunites/partenaires/inviter/",
            soumettre(),
        ),
        ("courriels", "/admin/courriels/", None),
        ("courriel", f"/admin/courriels/inspect/{courriel.pk}/", None),
        ("journal des accès", "/admin/journal-acces/", None),
        ("export RGPD", "/admin/rgpd/export/", None),
        ("export RGPD (erreurs)", "/admin/rgpd/export/", soumettre()),
    ]


def _parcourir(page, base, pages) -> list[str]:
    """``parcourir`` of ``_a11y``, with the admin's axe run and context; a page must stay
    in the admin (not be sent back to the login)."""
    return parcourir(
        page, base, pages, mesurer=lambda p: violations_admin(p, CONTEXTE), prefixe="/admin/"
    )


def test_admin_views_have_no_axe_violation(
    browser, browser_context_args, live_server, site_demo_transactionnel, django_user_model
):
    compte(django_user_model, COURRIEL, is_staff=True, is_superuser=True)
    contexte = browser.new_context(**browser_context_args)
    page = contexte.new_page()
    connexion_admin(page, live_server.url, COURRIEL)
    trouvees = _parcourir(page, live_server.url, _pages_admin())
    contexte.close()
    assert not trouvees, _rapport(trouvees)
