"""axe-core (WCAG 2.1 A and AA rules) in Chromium on every page type of the public site and
of the personal spaces, at 1280 px and 320 px wide, in the normal state and, for forms, in
the error state reached by submitting them empty: zero violations.

Each test opens one browser context (one person), walks its list of (name, path, setup)
pages at both widths and reports every violation at once."""

import pytest
from _a11y import compte, connexion, parcourir, soumettre

pytestmark = [pytest.mark.navigateur]


def _rapport(trouvees):
    return f"{len(trouvees)} violation(s) d'accessibilité :\n" + "\n".join(trouvees)


def _pages_publiques():
    from jeunesse.models import AppelAProjets
    from lot_portal.agenda.models import EtatInscriptions, EvenementPage
    from lot_portal.cms.models import HistoirePage
    from opportunites.models import OffreEmploiPage, ReprisePage

    evenement = next(
        e
        for e in EvenementPage.objects.live().order_by("debut")
        if e.etat_inscriptions() == EtatInscriptions.OUVERTES
    )
    histoire = HistoirePage.objects.live().first()
    offre = OffreEmploiPage.objects.live().first()
    reprise = ReprisePage.objects.live().first()
    appel = AppelAProjets.objects.filter(publie=True).order_by("pk").first()
    from ambassadeurs.models import Ambassadeur
    from ambassadeurs.models.choix import StatutAmbassadeur

    ambassadeur = Ambassadeur.objects.filter(statut=StatutAmbassadeur.ACCEPTE).order_by("pk")[0]
    return [
        ("accueil", "/", None),
        ("page de contenu", "/vivre-dans-le-lot/nature/", None),
        ("page légale", "/mentions-legales/", None),
        ("vivre dans le Lot", "/vivre-dans-le-lot/", None),
        ("histoires", "/histoires/", None),
        ("histoire", histoire.url, None),
        ("campagne", "/producteur-d-opportunites/", None),
        ("partenaires", "/partenaires/", None),
        ("agenda", "/agenda/", None),
        ("événement", evenement.url, None),
        ("inscription à l'événement", evenement.url + "inscription/", None),
        ("inscription à l'événement (erreurs)", evenement.url + "inscription/", soumettre()),
        ("recherche", "/recherche/?q=Figeac", None),
        ("recherche sans résultat", "/recherche/?q=zzzxqwv", None),
        ("opportunités", "/opportunites/", None),
        ("emplois", "/opportunites/emplois/", None),
        ("emplois filtrés", "/opportunites/emplois/?contrat=cdi&secteur=sante", None),
        ("offre d'emploi", offre.url, None),
        ("reprises", "/opportunites/reprises/", None),
        ("reprise", reprise.url, None),
        ("contact reprise (erreurs)", f"/opportunites/contact-reprise/{reprise.pk}/", soumettre()),
        ("création", "/opportunites/creer/", None),
        ("alerte emploi", "/opportunites/alertes/nouvelle/?contrat=cdi", None),
        ("alerte emploi (erreurs)", "/opportunites/alertes/nouvelle/?contrat=cdi", soumettre()),
        ("inscription accueil", "/accueil/inscription/qui/", None),
        ("inscription accueil (erreurs)", "/accueil/inscription/qui/", soumettre()),
        ("ambassadeurs", "/ambassadeurs/", None),
        ("profil d'ambassadeur", f"/ambassadeurs/{ambassadeur.pk}/", None),
        ("jeunesse", "/jeunesse/", None),
        ("appels à projets", "/jeunesse/appels/", None),
        ("appel à projets", f"/jeunesse/appels/{appel.slug}/", None),
        ("éligibilité", f"/jeunesse/appels/{appel.slug}/eligibilite/", None),
        (
            "éligibilité (erreurs)",
            f"/jeunesse/appels/{appel.slug}/eligibilite/",
            soumettre("main form.formulaire"),
        ),
        ("idées", "/jeunesse/idees/", None),
        ("projets soutenus", "/jeunesse/projets/", None),
        ("données ouvertes", "/donnees-ouvertes/", None),
        ("connexion", "/compte/login/", None),
        ("connexion (erreurs)", "/compte/login/", soumettre()),
        ("création de compte", "/compte/signup/", None),
        ("création de compte (erreurs)", "/compte/signup/", soumettre()),
        ("mot de passe oublié", "/compte/password/reset/", None),
        ("404", "/cette-page-n-existe-pas/", None),
    ]


def test_public_pages_have_no_axe_violation(
    browser, browser_context_args, live_server, site_demo_transactionnel
):
    contexte = browser.new_context(**browser_context_args)
    page = contexte.new_page()
    trouvees = parcourir(page, live_server.url, _pages_publiques())
    contexte.close()
    assert not trouvees, _rapport(trouvees)


def _appel_ouvert():
    from django.utils import timezone

    from jeunesse.models import AppelAProjets

    maintenant = timezone.now()
    return (
        AppelAProjets.objects.filter(publie=True, ouverture__lte=maintenant, cloture__gt=maintenant)
        .order_by("pk")
        .first()
    )


def test_personal_spaces_have_no_axe_violation(
    browser, browser_context_args, live_server, site_demo_transactionnel, django_user_model
):
    """A newcomer, an ambassador, a juror, a young applicant and a plain account, one
    browser context each."""
    from jeunesse.models import Candidature

    base = live_server.url
    appel = _appel_ouvert()
    personnes = {
        "arrivant.1@exemple.fr": [
            ("mon parcours", "/accueil/mon-parcours/", None),
            ("messages", "/accueil/mon-parcours/messages/", None),
            ("projet", "/accueil/mon-parcours/projet/", None),
            ("projet (erreurs)", "/accueil/mon-parcours/projet/", soumettre()),
            ("mes données", "/accueil/mon-parcours/mes-donnees/", None),
        ],
        "ambassadeur.1@exemple.fr": [
            ("espace ambassadeur", "/ambassadeurs/espace/", None),
            ("mes questions", "/ambassadeurs/mes-questions/", None),
        ],
        "jure.agent@lot.fr": [("espace du jury", "/jeunesse/jury/", None)],
        "visiteuse.a11y@exemple.fr": [
            ("compte", "/compte/", None),
            ("double authentification", "/compte/2fa/", None),
            ("devenir ambassadeur", "/ambassadeurs/devenir-ambassadeur/", None),
            (
                "devenir ambassadeur (erreurs)",
                "/ambassadeurs/devenir-ambassadeur/",
                soumettre("main form.formulaire"),
            ),
            ("proposer une idée", "/jeunesse/idees/proposer/", None),
            ("proposer une idée (erreurs)", "/jeunesse/idees/proposer/", soumettre()),
            ("mes candidatures", "/jeunesse/candidatures/", None),
        ],
    }
    trouvees = []
    for courriel, pages in personnes.items():
        compte(django_user_model, courriel)
        contexte = browser.new_context(**browser_context_args)
        page = contexte.new_page()
        connexion(page, base, courriel)
        if courriel.startswith("visiteuse"):
            # A draft of her own, started from the open call's page.
            page.goto(f"{base}/jeunesse/appels/{appel.slug}/")
            page.get_by_role("button", name="Déposer un projet").click()
            page.wait_for_url("**/modifier/projet/")
            reference = Candidature.objects.get(appel=appel, porteur__email=courriel).reference
            dossier = f"/jeunesse/candidatures/{reference}/"
            pages = pages + [("dossier", dossier, None), ("dépôt", dossier + "deposer/", None)]
            for section in ("projet", "moi", "budget", "questions", "pieces"):
                chemin = f"{dossier}modifier/{section}/"
                pages += [
                    (f"section {section}", chemin, None),
                    (f"section {section} (erreurs)", chemin, soumettre("main form.formulaire")),
                ]
        trouvees += [f"[{courriel}] {ligne}" for ligne in parcourir(page, base, pages)]
        contexte.close()
    assert not trouvees, _rapport(trouvees)
