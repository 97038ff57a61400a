"""axe-core (WCAG 2.1 A and AA rules) in Chromium on every page type of the public site, of
the personal spaces, of the newcomer's registration, of the job partner's space and of the
young teams' pages, at 1280 px and 320 px wide, in the normal state and, for forms, in the
error state (reached by submitting them empty, or, when an empty form is a valid one, with
too long texts or a wrong file; that state is asserted): zero violations.

Each test opens one browser context per person (per width for the registration, which
lives in the session), walks its list of (name, path, setup) pages at both widths and
reports every violation at once."""

import datetime
import re

import pytest
from _a11y import LARGEURS, MOT_DE_PASSE, compte, connexion, parcourir, soumettre, violations

pytestmark = [pytest.mark.navigateur]

SECTION = "main form.formulaire"


def _rapport(trouvees):
    return f"{len(trouvees)} violation(s) d'accessibilité :\n" + "\n".join(trouvees)


def _espaces(browser, browser_context_args, django_user_model, base, personnes, preparer=None):
    """Each person (email -> pages) in a browser context of their own, logged in; the
    violations found, prefixed with the email. ``preparer(page, courriel, pages)`` may
    create that person's objects once logged in and return their pages completed."""
    trouvees = []
    for courriel, pages in personnes.items():
        compte(django_user_model, courriel)
        contexte = browser.new_context(**browser_context_args)
        page = contexte.new_page()
        connexion(page, base, courriel)
        if preparer is not None:
            pages = preparer(page, courriel, pages)
        trouvees += [f"[{courriel}] {ligne}" for ligne in parcourir(page, base, pages)]
        contexte.close()
    return trouvees


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
            (
                "projet (erreurs)",
                "/accueil/mon-parcours/projet/",
                soumettre(deborder=True),  # an empty project is a valid one
            ),
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

    def brouillon(page, courriel, pages):
        if not courriel.startswith("visiteuse"):
            return pages
        # A draft of her own, started from the open call's page.
        page.goto(f"{base}/jeunesse/appels/{appel.slug}/")
        page.get_by_role("button", name="Déposer un projet").click()
        page.wait_for_url("**/modifier/projet/")
        reference = Candidature.objects.get(appel=appel, porteur__email=courriel).reference
        dossier = f"/jeunesse/candidatures/{reference}/"
        pages = pages + [("dossier", dossier, None), ("dépôt", dossier + "deposer/", None)]
        # A draft may be saved empty: its errors come from too long texts, invalid
        # addresses, or a file that is not what its name says.
        erreurs = {
            "projet": soumettre(SECTION, bouton="Enregistrer", deborder=True),
            "moi": soumettre(SECTION, bouton="Enregistrer"),
            "budget": soumettre(SECTION, bouton="Enregistrer", deborder=True),
            "questions": soumettre(SECTION, bouton="Enregistrer", deborder=True),
            "pieces": soumettre(SECTION, bouton="Enregistrer", piece=True),
        }
        for section, en_erreur in erreurs.items():
            chemin = f"{dossier}modifier/{section}/"
            pages += [
                (f"section {section}", chemin, None),
                (f"section {section} (erreurs)", chemin, en_erreur),
            ]
        return pages

    trouvees = _espaces(
        browser, browser_context_args, django_user_model, base, personnes, brouillon
    )
    assert not trouvees, _rapport(trouvees)


def _etape(page, nom: str, largeur: str, en_erreur) -> list[str]:
    """axe-core on the registration step as shown, then in the error state ``en_erreur``
    reaches (where the step is then filled in correctly)."""
    trouvees = [f"{nom} ({largeur}) : {v}" for v in violations(page)]
    try:
        en_erreur(page)
    except Exception as erreur:  # reported with the others
        trouvees.append(f"{nom} (erreurs, {largeur}) : état d'erreur non atteint : {erreur}")
    else:
        trouvees += [f"{nom} (erreurs, {largeur}) : {v}" for v in violations(page)]
    return trouvees


def _suivant(page, motif: str, bouton: str = "Suivant"):
    """Click ``bouton``; the browser must reach ``motif``, otherwise the errors say why."""
    with page.expect_navigation():
        page.get_by_role("button", name=bouton).click()
    if not re.search(motif, page.url):
        erreurs = page.locator(".resume-erreurs, .champ__erreur, [role=alert]").all_inner_texts()
        raise AssertionError(f"toujours sur {page.url} : {erreurs}")


def _foyer_vide(page):
    page.locator("#id_adultes").fill("")
    soumettre(bouton="Suivant")(page)


def test_welcome_registration_steps_have_no_axe_violation(
    browser, browser_context_args, live_server, noyau_demo
):
    """Steps 2 to 5 of the newcomer's registration (step 1 is with the public pages), at
    both widths, each in the normal state then in the error state: one browser context per
    width, as the registration lives in the session."""
    from accueil.models import ParcoursAccueil

    base = live_server.url
    trouvees = []
    for largeur, (x, y) in LARGEURS.items():
        contexte = browser.new_context(**browser_context_args, viewport={"width": x, "height": y})
        page = contexte.new_page()
        page.set_default_timeout(120_000)
        page.goto(base + "/accueil/inscription/")
        page.wait_for_url(re.compile(r"/accueil/inscription/qui/$"))
        page.get_by_label(re.compile("Seconde vie")).check()
        page.locator("#id_lieu_actuel").fill("Lyon")
        _suivant(page, r"/accueil/inscription/foyer/$")

        trouvees += _etape(page, "foyer", largeur, _foyer_vide)
        page.get_by_label("Nombre d'adultes dans le foyer").fill("2")
        _suivant(page, r"/accueil/inscription/projet/$")

        # Every answer of this step is optional or preset: too long texts are the errors.
        trouvees += _etape(page, "projet", largeur, soumettre(bouton="Suivant", deborder=True))
        page.get_by_label("Métier que vous recherchez").fill("Infirmière")
        page.get_by_label("Secteur d'activité").fill("Santé")
        page.get_by_label("Métier de votre conjoint ou conjointe").fill("")
        _suivant(page, r"/accueil/inscription/ou-et-quand/$")

        trouvees += _etape(page, "où et quand", largeur, soumettre(bouton="Suivant"))
        page.locator("[name=communautes]").first.check()
        page.get_by_label("Dans 6 à 12 mois").check()
        page.get_by_label("Louer", exact=True).check()
        _suivant(page, r"/accueil/inscription/consentements/$")

        trouvees += _etape(
            page, "consentements", largeur, soumettre(bouton="Valider mon inscription")
        )
        courriel = f"claire.{largeur}@exemple.fr"
        page.locator("#id_consentement").check()
        page.locator("#id_prenom").fill("Claire")
        page.locator("#id_nom").fill("Martin")
        page.locator("#id_email").fill(courriel)
        page.locator("#id_password1").fill(MOT_DE_PASSE)
        page.locator("#id_password2").fill(MOT_DE_PASSE)
        _suivant(page, r"/accueil/inscription/merci/$", "Valider mon inscription")
        trouvees += [f"merci ({largeur}) : {v}" for v in violations(page)]
        contexte.close()
        assert ParcoursAccueil.objects.filter(utilisateur__email=courriel).exists()
    assert not trouvees, _rapport(trouvees)


def _equipe_preparer(django_user_model):
    """A member and a mentor around two of the demo's open drafts: on Léa's draft, both
    only invited (their invitation pages); on Emma's, both joined (their team pages)."""
    from jeunesse.models import Candidature
    from jeunesse.models.choix import LienLot, Statut, TypeMentor
    from jeunesse.services import equipe

    def brouillon(courriel):
        return (
            Candidature.objects.filter(porteur__email=courriel, statut=Statut.BROUILLON)
            .order_by("pk")
            .first()
        )

    atelier, course = brouillon("jeune@exemple.fr"), brouillon("jeune.9@exemple.fr")
    membre = compte(django_user_model, "zoe.a11y@exemple.fr", first_name="Zoé")
    mentor = compte(django_user_model, "pij.a11y@exemple.fr", first_name="Paul")
    invitations = {}
    for candidature in (atelier, course):
        invitations[candidature.pk] = (
            equipe.membre_inviter(
                candidature=candidature,
                auteur=candidature.porteur,
                prenom="Zoé",
                nom="Causse",
                email=membre.email,
                role="Communication",
            ),
            equipe.mentor_inviter(
                candidature=candidature,
                auteur=candidature.porteur,
                nom="Paul Lacoste",
                email=mentor.email,
                type_mentor=TypeMentor.PIJ,
                structure="PIJ de Figeac",
            ),
        )
    invite_membre, invite_mentor = invitations[course.pk]
    equipe.invitation_membre_accepter(
        membre=invite_membre,
        utilisateur=membre,
        date_naissance=datetime.date(2005, 5, 6),
        lien_lot=LienLot.HABITE,
        role="Communication",
    )
    equipe.invitation_mentor_accepter(mentor=invite_mentor, utilisateur=mentor)
    return atelier, course, invitations[atelier.pk]


def test_partner_and_team_spaces_have_no_axe_violation(
    browser, browser_context_args, live_server, site_demo_transactionnel, django_user_model
):
    """The job partner's space and forms; the young team's pages: the leader's (team,
    mentors, messages of a draft), an applicant's messages once submitted, an invited
    member's and an invited mentor's. One browser context per person."""
    from jeunesse.models import Candidature
    from jeunesse.models.choix import Statut
    from opportunites.services import partenaires

    base = live_server.url
    partenaire = compte(django_user_model, "partenaire@exemple.fr")
    offre = next(o for o in partenaires.offres_de(partenaire) if partenaires.etat(o).modifiable)
    atelier, course, (invitation_membre, invitation_mentor) = _equipe_preparer(django_user_model)
    depose = Candidature.objects.filter(statut=Statut.DEPOSE).select_related("porteur").first()
    equipe_atelier = f"/jeunesse/candidatures/{atelier.reference}/"
    equipe_course = f"/jeunesse/candidatures/{course.reference}/"
    personnes = {
        partenaire.email: [
            ("espace partenaire", "/opportunites/partenaires/", None),
            ("nouvelle offre", "/opportunites/partenaires/offres/nouvelle/", None),
            (
                "nouvelle offre (erreurs)",
                "/opportunites/partenaires/offres/nouvelle/",
                soumettre(SECTION),
            ),
            ("nouvelle reprise", "/opportunites/partenaires/reprises/nouvelle/", None),
            (
                "nouvelle reprise (erreurs)",
                "/opportunites/partenaires/reprises/nouvelle/",
                soumettre(SECTION),
            ),
            ("offre du partenaire", f"/opportunites/partenaires/offres/{offre.pk}/", None),
            (
                "offre du partenaire (erreurs)",
                f"/opportunites/partenaires/offres/{offre.pk}/",
                soumettre(SECTION, deborder=True),  # it is filled in: too long texts
            ),
        ],
        "jeune@exemple.fr": [
            ("équipe (porteuse)", equipe_atelier + "equipe/", None),
            ("équipe (porteuse, erreurs)", equipe_atelier + "equipe/", soumettre(SECTION)),
            (
                "retrait d'un membre",
                f"{equipe_atelier}equipe/{invitation_membre.pk}/retirer/",
                None,
            ),
            ("accompagnement (équipe)", equipe_atelier + "accompagnement/", None),
            (
                "accompagnement (équipe, erreurs)",
                equipe_atelier + "accompagnement/",
                soumettre(SECTION),
            ),
            (
                "retrait d'un accompagnant",
                f"{equipe_atelier}accompagnement/{invitation_mentor.pk}/retirer/",
                None,
            ),
            ("messages (brouillon)", equipe_atelier + "messages/", None),
        ],
        depose.porteur.email: [
            ("messages", f"/jeunesse/candidatures/{depose.reference}/messages/", None),
            (
                "messages (erreurs)",
                f"/jeunesse/candidatures/{depose.reference}/messages/",
                soumettre(SECTION),
            ),
        ],
        "zoe.a11y@exemple.fr": [
            ("invitation", f"/jeunesse/invitation/{invitation_membre.jeton_invitation}/", None),
            (
                "invitation (erreurs)",
                f"/jeunesse/invitation/{invitation_membre.jeton_invitation}/",
                soumettre(SECTION),
            ),
            ("équipe (membre)", equipe_course + "equipe/", None),
            ("mes informations", equipe_course + "equipe/mes-informations/", None),
            (
                "mes informations (erreurs)",
                equipe_course + "equipe/mes-informations/",
                soumettre(SECTION, deborder=True),  # already filled in: too long a role
            ),
            ("quitter l'équipe", equipe_course + "equipe/quitter/", None),
        ],
        # Accepting a mentor invitation is one button: it has no error state of its own.
        "pij.a11y@exemple.fr": [
            (
                "invitation d'accompagnant",
                f"/jeunesse/accompagnement/{invitation_mentor.jeton_invitation}/",
                None,
            ),
            ("mes accompagnements", "/jeunesse/accompagnements/", None),
            ("accompagnement (accompagnant)", equipe_course + "accompagnement/", None),
            (
                "accompagnement (accompagnant, erreurs)",
                equipe_course + "accompagnement/",
                soumettre(SECTION),
            ),
        ],
    }
    trouvees = _espaces(browser, browser_context_args, django_user_model, base, personnes)
    assert not trouvees, _rapport(trouvees)
