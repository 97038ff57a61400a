"""The eligibility check before any account: results, reasons, bad input, nothing stored."""

import datetime
import html

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeunesse.models.choix import LienLot, ModeAutorisation, TypeAppel

# Closing on 15 June 2027 at 23:59 in Paris (21:59 UTC, summer time): ages count on that day.
CLOTURE = datetime.datetime(2027, 6, 15, 21, 59, tzinfo=datetime.UTC)
AUJOURDHUI = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _sans_cache_de_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def temps():
    import time_machine

    with time_machine.travel(AUJOURDHUI, tick=False):
        yield


@pytest.fixture
def appel(fabrique_jeu, temps):
    return fabrique_jeu.appel(
        titre="Initiatives jeunes 2027",
        slug="initiatives",
        ouverture=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        cloture=CLOTURE,
        types_projet="Culture\nSport",
    )


def _envoyer(client, naissance=(12, 5, 2004), lien=LienLot.HABITE, type_projet="Culture"):
    donnees = {}
    if naissance is not None:
        jour, mois, annee = naissance
        donnees.update(naissance_jour=jour, naissance_mois=mois, naissance_annee=annee)
    if lien is not None:
        donnees["lien_lot"] = lien
    if type_projet is not None:
        donnees["type_projet"] = type_projet
    reponse = client.post("/jeunesse/appels/initiatives/eligibilite/", donnees)
    assert reponse.status_code == 200
    return html.unescape(reponse.content.decode())


def test_the_form_asks_the_call_questions(client, appel):
    reponse = client.get("/jeunesse/appels/initiatives/eligibilite/")
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert contenu.count("<h1") == 1
    assert 'method="post"' in contenu and "csrfmiddlewaretoken" in contenu
    assert "<legend>Votre date de naissance" in contenu
    assert 'name="naissance_jour"' in contenu and 'autocomplete="bday-year"' in contenu
    assert "<legend>Votre lien avec le Lot" in contenu and "Aucun de ces liens" in contenu
    assert '<option value="Sport">Sport</option>' in contenu
    assert "private" in reponse["Cache-Control"] and "no-store" in reponse["Cache-Control"]


def test_eligible(client, appel):
    contenu = _envoyer(client)
    assert "Vous pouvez candidater" in contenu
    assert "Vous aurez 23 ans le 15 juin 2027" in contenu
    assert "chaque membre doit aussi remplir ces conditions" in contenu
    assert "autorisation parentale" not in contenu
    assert "Rien de ce que vous avez saisi n'est enregistré." in contenu


def test_eligible_minor_needs_a_parental_authorisation(client, appel):
    contenu = _envoyer(client, naissance=(1, 1, 2011))
    assert "Vous aurez 16 ans" in contenu
    assert "un document signé par un parent" in contenu
    appel.autorisation_parentale = ModeAutorisation.DECLARATION
    appel.save()
    assert "un consentement déclaré en ligne par un parent" in _envoyer(
        client, naissance=(1, 1, 2011)
    )


def test_age_counts_at_the_closing_date(client, appel):
    # 15 on the closing day: eligible; 15 the day after: not yet.
    assert "Vous pouvez candidater" in _envoyer(client, naissance=(15, 6, 2012))
    contenu = _envoyer(client, naissance=(16, 6, 2012))
    assert "Vous ne pouvez pas candidater" in contenu
    assert "réservé aux 15 ans et plus : 14 ans le 15/06/2027, date de clôture" in contenu
    # 31 on the closing day: too old; 31 the day after: still 30, eligible.
    contenu = _envoyer(client, naissance=(15, 6, 1996))
    assert "réservé aux 30 ans au plus : 31 ans le 15/06/2027" in contenu
    assert "Vous pouvez candidater" in _envoyer(client, naissance=(16, 6, 1996))


def test_too_young_today_but_old_enough_at_closing(client, appel):
    # 14 today (1 March 2027), 15 on 15 June 2027.
    assert "Vous pouvez candidater" in _envoyer(client, naissance=(10, 4, 2012))


def test_wrong_link_and_wrong_type_list_every_reason(client, appel, fabrique_jeu):
    autre = fabrique_jeu.appel(
        titre="Concours ouvert à tous",
        slug="concours",
        type_appel=TypeAppel.CREATION,
        age_min=None,
        age_max=None,
        liens_acceptes=[],
        ouverture=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        cloture=CLOTURE,
    )
    reserve = fabrique_jeu.appel(
        titre="Réservé aux Lotois",
        slug="reserve",
        ouverture=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        cloture=CLOTURE,
    )
    contenu = _envoyer(client, naissance=(1, 1, 1990), lien=LienLot.AUCUN, type_projet="Sport")
    assert "Vous ne pouvez pas candidater" in contenu
    assert "Il faut un lien avec le Lot parmi : j'habite dans le lot" in contenu
    assert "réservé aux 30 ans au plus" in contenu
    # Suggestions: the other open calls this person may answer, not the others.
    assert f'href="/jeunesse/appels/{autre.slug}/"' in contenu
    assert f'href="/jeunesse/appels/{reserve.slug}/"' not in contenu
    contenu = _envoyer(client, type_projet="Cuisine")
    assert "Choisissez un type de projet dans la liste." in contenu


def test_wrong_type_reason_from_the_service(client, appel):
    # The form only offers the call's types: check the reason the service gives directly.
    from jeunesse.services.eligibilite import raisons_ineligibilite

    raisons = raisons_ineligibilite(
        appel, date_naissance=datetime.date(2004, 5, 12), lien_lot="habite", type_projet="Cuisine"
    )
    assert raisons and "Ce type de projet n'est pas ouvert" in raisons[0]


def test_open_contest_needs_no_answer(client, fabrique_jeu, temps):
    fabrique_jeu.appel(
        titre="Concours Créer dans le Lot",
        slug="concours",
        type_appel=TypeAppel.CREATION,
        age_min=None,
        age_max=None,
        liens_acceptes=[],
        ouverture=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        cloture=CLOTURE,
    )
    contenu = html.unescape(client.get("/jeunesse/appels/concours/eligibilite/").content.decode())
    assert "ouvert à tous" in contenu
    assert "Vous pouvez candidater" in contenu
    assert 'name="naissance_jour"' not in contenu and 'name="lien_lot"' not in contenu
    contenu = html.unescape(
        client.post("/jeunesse/appels/concours/eligibilite/", {}).content.decode()
    )
    assert "Vous pouvez candidater" in contenu


@pytest.mark.parametrize(
    ("naissance", "champ", "message"),
    [
        ((31, 2, 2005), "naissance_jour", "Cette date n'existe pas"),
        ((2, 3, 2027), "naissance_jour", "ne peut pas être dans le futur"),
        ((32, 1, 2005), "naissance_jour", "Le jour doit être un nombre entre 1 et 31."),
        ((1, 13, 2005), "naissance_mois", "Le mois doit être un nombre entre 1 et 12."),
        ((1, 1, 205), "naissance_annee", "L'année doit comporter quatre chiffres"),
        (("dix", 1, 2005), "naissance_jour", "Le jour doit être un nombre entre 1 et 31."),
        (("", 1, 2005), "naissance_jour", "Indiquez le jour de votre naissance."),
        ((1, "", 2005), "naissance_mois", "Indiquez le mois de votre naissance."),
        ((1, 1, ""), "naissance_annee", "Indiquez l'année de votre naissance."),
    ],
)
def test_bad_dates_are_explained_next_to_the_field_and_kept(
    client, appel, naissance, champ, message
):
    contenu = _envoyer(client, naissance=naissance, lien=LienLot.ETUDIE, type_projet="Sport")
    assert "Vous pouvez candidater" not in contenu
    assert "Vous ne pouvez pas" not in contenu
    assert f'id="id_{champ}_erreur"' in contenu
    erreur = contenu.split(f'id="id_{champ}_erreur"')[1].split("</div>")[0]
    assert message in erreur
    assert 'aria-invalid="true"' in contenu
    assert "resume-erreurs" in contenu
    # What was typed is still there.
    for nom, valeur in zip(("jour", "mois", "annee"), naissance, strict=True):
        if valeur != "":
            assert f'name="naissance_{nom}" value="{valeur}"' in contenu
    assert 'value="etudie" ' in contenu and "checked" in contenu.split('value="etudie"')[1][:80]
    assert '<option value="Sport" selected>' in contenu


def test_missing_answers(client, appel):
    contenu = _envoyer(client, naissance=None, lien=None, type_projet=None)
    assert "Indiquez le jour de votre naissance." in contenu
    assert "Choisissez votre lien avec le Lot (ou « Aucun de ces liens »)." in contenu
    assert "Choisissez le type de votre projet." in contenu
    assert "Le formulaire contient 5 erreurs" in contenu
    contenu = _envoyer(client, lien="lune")
    assert "Choisissez un lien dans la liste." in contenu


@pytest.mark.parametrize("etat", ["a_venir", "clos"])
def test_the_check_works_on_a_call_that_is_not_open(client, fabrique_jeu, etat):
    appel = fabrique_jeu.appel(etat=etat, slug="pas-ouvert")
    chemin = "/jeunesse/appels/pas-ouvert/eligibilite/"
    contenu = html.unescape(client.get(chemin).content.decode())
    assert ("pas encore ouvert" if etat == "a_venir" else "il n'accepte plus") in contenu
    naissance = timezone.localdate() - datetime.timedelta(days=365 * 20)
    contenu = client.post(
        chemin,
        {
            "naissance_jour": naissance.day,
            "naissance_mois": naissance.month,
            "naissance_annee": naissance.year,
            "lien_lot": "habite",
        },
    ).content.decode()
    contenu = html.unescape(contenu)
    assert "Vous pouvez candidater" in contenu
    assert "Mais cet appel n'est pas ouvert en ce moment" in contenu
    assert "Déposer un projet" not in contenu
    assert appel.pk


def test_nothing_is_stored(client, appel, acteurs_jeu):
    client.get("/jeunesse/appels/initiatives/eligibilite/")  # site settings, first visit
    modeles = [m for m in apps.get_models() if m._meta.app_label in ("jeunesse", "courriels")]
    avant = {m: m.objects.count() for m in modeles}
    sessions = Session.objects.count()
    with CaptureQueriesContext(connection) as contexte:
        _envoyer(client, naissance=(12, 5, 2004))
        _envoyer(client, naissance=(31, 2, 2004))
    ecritures = [
        q["sql"]
        for q in contexte.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert ecritures == []
    assert {m: m.objects.count() for m in modeles} == avant
    assert Session.objects.count() == sessions
    assert "2004" not in str(client.cookies)


def test_logged_in_applicant_may_check_too(client, appel, fabrique_jeu):
    compte = fabrique_jeu.compte()
    client.force_login(compte)
    assert "Vous pouvez candidater" in _envoyer(client)


def test_other_methods_refused(client, appel):
    assert client.put("/jeunesse/appels/initiatives/eligibilite/").status_code == 405
