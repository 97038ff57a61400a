"""Keyboard only, in Chromium: a newcomer's registration from the first step to the
confirmation, then a young person's project from the draft to the submission.

The page is driven with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, typing):
never ``click`` or ``fill``. At each focus step the focused element must show a visible
focus indicator; a submission in error must focus the error summary, whose links move the
focus to the fields in error."""

import datetime
import re
from decimal import Decimal

import pytest
from _a11y import (
    MOT_DE_PASSE,
    compte,
    focus,
    par_id,
    par_nom,
    par_texte,
    tabuler_jusqu_a,
    violations,
)
from django.utils import timezone

pytestmark = [pytest.mark.navigateur]


def _id(page, libelle, **options) -> str:
    """The id of the field labelled ``libelle`` (read, never touched)."""
    return page.get_by_label(libelle, **options).first.get_attribute("id")


def _taper(page, ident, texte):
    tabuler_jusqu_a(page, par_id(ident))
    page.keyboard.type(texte)


def _cocher(page, ident):
    tabuler_jusqu_a(page, par_id(ident))
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked"), ident


def _radio(page, ident):
    """Tab into the radio group of ``ident`` then move with the arrows onto it."""
    nom = page.locator(f"#{ident}").get_attribute("name")
    tabuler_jusqu_a(page, par_nom(nom))
    for _ in range(20):
        if focus(page)["id"] == ident:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.evaluate(f"document.getElementById('{ident}').checked"), ident


def _choisir(page, ident, valeur):
    """Tab to the <select> ``ident``, then arrow down to ``valeur``."""
    tabuler_jusqu_a(page, par_id(ident))
    for _ in range(30):
        if page.evaluate("document.activeElement.value") == valeur:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {valeur} introuvable dans #{ident}")


def _date(page, ident, iso, *, deja_la=False):
    """Type a date in a date field (reached with Tab unless ``deja_la``), whatever the
    order of its segments in this browser's language (day or month first)."""
    annee, mois, jour = iso.split("-")
    if not deja_la:
        tabuler_jusqu_a(page, par_id(ident))
    for saisie in (jour + mois + annee, mois + jour + annee):
        page.keyboard.type(saisie)
        if page.locator(f"#{ident}").input_value() == iso:
            return
        page.keyboard.press("Shift+Tab")  # back to the first segment
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"date {iso} impossible à saisir dans #{ident}")


def _valider(page, texte):
    tabuler_jusqu_a(page, par_texte(texte))
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _arrivee(page, motif):
    """The browser is on a URL matching ``motif``; otherwise the page's errors say why.
    The step reached must also pass axe-core (every registration step, every section)."""
    if not re.search(motif, page.url.split("#")[0]):
        erreurs = page.locator(".resume-erreurs, .champ__erreur, [role=alert]").all_inner_texts()
        raise AssertionError(f"toujours sur {page.url} : {erreurs}")
    trouvees = violations(page)
    assert not trouvees, f"{page.url} :\n" + "\n".join(trouvees)


def _resume_puis_champ(page, ident):
    """The error summary has the focus on load; its link to ``ident`` moves the focus to
    the field."""
    actif = focus(page)
    assert "resume-erreurs" in page.evaluate("document.activeElement.className"), actif
    trouvees = violations(page)  # the error state passes axe-core too
    assert not trouvees, f"{page.url} :\n" + "\n".join(trouvees)
    lien = tabuler_jusqu_a(page, lambda a: a["href"] == f"#{ident}", limite=15)
    assert lien["tag"] == "a"
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.activeElement.id === '{ident}'")
    assert focus(page)["id"] == ident


def test_newcomer_registers_with_the_keyboard_only(page, live_server, noyau_demo):
    from accueil.models import ParcoursAccueil

    base = live_server.url
    page.goto(base + "/accueil/inscription/")
    page.wait_for_url(re.compile(r"/accueil/inscription/qui/$"))

    # 1. Who: the place where they live is forgotten, the summary leads to it.
    _radio(page, _id(page, re.compile("Seconde vie")))
    _valider(page, "Suivant")
    assert page.title().startswith("Erreur : ")
    _resume_puis_champ(page, "id_lieu_actuel")
    page.keyboard.type("Lyon")
    _valider(page, "Suivant")

    # 2. Household.
    _arrivee(page, r"/foyer/$")
    _taper(page, _id(page, "Nombre d'adultes dans le foyer"), "2")
    _valider(page, "Suivant")

    # 3. Project: every required group answered with the arrows.
    _arrivee(page, r"/projet/$")
    _taper(page, _id(page, "Métier que vous recherchez"), "Infirmière")
    for nom in ("projet_entreprise", "teletravail"):
        if not page.locator(f"[name={nom}]:checked").count():
            _radio(page, page.locator(f"[name={nom}]").first.get_attribute("id"))
    _valider(page, "Suivant")

    # 4. Where and when.
    _arrivee(page, r"/ou-et-quand/$")
    _cocher(page, page.locator("[name=communautes]").first.get_attribute("id"))
    _radio(page, _id(page, "Dans 6 à 12 mois"))
    _radio(page, _id(page, "Louer", exact=True))
    _valider(page, "Suivant")

    # 5. Consents and account.
    _arrivee(page, r"/consentements/$")
    _cocher(page, "id_consentement")
    _taper(page, "id_prenom", "Claire")
    _taper(page, "id_nom", "Martin")
    _taper(page, "id_email", "claire.clavier@exemple.fr")
    _taper(page, "id_password1", MOT_DE_PASSE)
    _taper(page, "id_password2", MOT_DE_PASSE)
    _valider(page, "Valider mon inscription")
    _arrivee(page, r"/accueil/inscription/merci/$")
    assert ParcoursAccueil.objects.filter(utilisateur__email="claire.clavier@exemple.fr").exists()


def test_young_person_applies_with_the_keyboard_only(
    page, live_server, noyau_demo, django_user_model
):
    from jeunesse.models import AppelAProjets, Candidature
    from jeunesse.models.choix import LienLot, Statut

    maintenant = timezone.now()
    appel = AppelAProjets.objects.create(
        titre="Initiatives jeunes au clavier",
        slug="initiatives-jeunes-clavier",
        chapo="Un coup de pouce pour les projets des 15–30 ans.",
        presentation="<p>Le Département soutient vos projets.</p>",
        age_min=15,
        age_max=30,
        liens_acceptes=[LienLot.HABITE, LienLot.ETUDIE],
        ouverture=maintenant - datetime.timedelta(days=10),
        cloture=maintenant + datetime.timedelta(days=20),
        enveloppe=Decimal("20000"),
        montant_max=Decimal("3000"),
        publie=True,
    )
    compte(django_user_model, "lea.clavier@exemple.fr", first_name="Léa", last_name="Delmas")
    base = live_server.url

    # Log in with the keyboard.
    page.goto(f"{base}/compte/login/")
    _taper(page, "id_login", "lea.clavier@exemple.fr")
    _taper(page, "id_password", MOT_DE_PASSE)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Start a draft from the call's page.
    page.goto(f"{base}/jeunesse/appels/{appel.slug}/")
    _valider(page, "Déposer un projet")
    page.wait_for_url(re.compile(r"/modifier/projet/$"))
    candidature = Candidature.objects.get(appel=appel)

    _taper(page, _id(page, "Titre du projet"), "Festival des possibles")
    _taper(page, _id(page, "Résumé du projet"), "Un festival de musique porté par des lycéens.")
    _taper(page, _id(page, "Objectifs"), "Faire jouer les groupes du Lot.")
    _taper(page, _id(page, "Calendrier"), "Juin : programmation. Juillet : festival.")
    _valider(page, "Enregistrer et continuer")
    page.wait_for_url(re.compile(r"/modifier/moi/$"))

    # An impossible birth date first: the summary leads back to the field.
    naissance = _id(page, "Date de naissance")
    _date(page, naissance, "2099-03-14")
    _choisir(page, _id(page, "Lien avec le Lot"), LienLot.HABITE)
    _valider(page, "Enregistrer et continuer")
    _resume_puis_champ(page, naissance)
    _date(page, naissance, "2005-03-14", deja_la=True)
    _valider(page, "Enregistrer et continuer")
    _arrivee(page, r"/modifier/budget/$")

    _choisir(page, "id_lignes-0-nature", "depense")
    _taper(page, "id_lignes-0-libelle", "Location de la sonorisation")
    _taper(page, "id_lignes-0-montant", "1200")
    _taper(page, _id(page, "Aide demandée au Département (€)"), "1200")
    _valider(page, "Enregistrer et continuer")
    _arrivee(page, r"/modifier/\w+/$")

    page.goto(f"{base}/jeunesse/candidatures/{candidature.reference}/deposer/")
    _valider(page, "Déposer mon dossier")
    candidature.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE
