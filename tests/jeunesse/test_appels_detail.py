"""The public page of one call: what it says, in which state, who may see it."""

import datetime
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from jeunesse.models.choix import LienLot, ModeAutorisation, TypeAppel


@pytest.fixture(autouse=True)
def _sans_cache_de_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _connecter(client, compte):
    """Log in with the account as stored: the fixtures re-save the instructor's password
    (``fabrique_jeu.instructeur()`` runs for each application), so an object kept since then
    carries a stale session hash."""
    client.logout()
    if compte is not None:
        compte.refresh_from_db()
        client.force_login(compte)


def _candidater_existe() -> bool:
    try:
        reverse("jeunesse:candidater", args=["x"])
    except NoReverseMatch:
        return False
    return True


def test_open_call_shows_everything(client, fabrique_jeu):
    appel = fabrique_jeu.appel(
        titre="Initiatives jeunes 2027",
        slug="initiatives-2027",
        chapo="Un coup de pouce pour vos projets.",
        presentation="<p>Le Département <strong>soutient</strong> vos projets.</p>",
        types_projet="Culture\nSport\nSolidarité",
        enveloppe=Decimal("30000"),
        montant_max=Decimal("3000"),
        contact_email="jeunesse@lot.fr",
        autorisation_parentale=ModeAutorisation.DECLARATION,
    )
    fabrique_jeu.document(appel, libelle="Devis du matériel", aide="De moins de trois mois.")
    fabrique_jeu.question(appel, libelle="Comment avez-vous connu l'appel ?")
    reponse = client.get("/jeunesse/appels/initiatives-2027/")
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert contenu.count("<h1") == 1
    assert "Initiatives jeunes 2027" in contenu
    assert "<strong>soutient</strong>" in contenu
    jour = timezone.localtime(appel.cloture).strftime("%d/%m/%Y")
    assert f"Avoir entre 15 et 30 ans à la date de clôture (le {jour})." in contenu
    assert "J&#x27;habite dans le Lot" in contenu
    assert "chaque membre doit remplir ces conditions" in contenu
    assert "consentement déclaré en ligne par un parent" in contenu
    for type_projet in ("Culture", "Sport", "Solidarité"):
        assert f"<li>{type_projet}</li>" in contenu
    assert "30\xa0000 €" in contenu and "3\xa0000 €" in contenu
    assert "Devis du matériel" in contenu and "De moins de trois mois." in contenu
    assert "Comment avez-vous connu l&#x27;appel ?" in contenu
    # Criteria with their weights (3 + 2 + 1).
    assert "<caption>" in contenu and "Utilité pour le territoire" in contenu
    assert "3 sur 6" in contenu and "1 sur 6" in contenu
    assert "mailto:jeunesse@lot.fr" in contenu
    assert "Vérifier mon éligibilité" in contenu
    assert 'href="/jeunesse/appels/initiatives-2027/eligibilite/"' in contenu
    assert "Candidatures closes" not in contenu
    if _candidater_existe():
        assert 'action="/jeunesse/appels/initiatives-2027/candidater/"' in contenu
        assert "Déposer un projet" in contenu


def test_dates_are_in_paris_time(client, fabrique_jeu):
    # 1 July 2027 at 21:59 UTC = 23:59 in Paris (summer time).
    fabrique_jeu.appel(
        slug="ete",
        ouverture=datetime.datetime(2027, 5, 1, 7, 0, tzinfo=datetime.UTC),
        cloture=datetime.datetime(2027, 7, 1, 21, 59, tzinfo=datetime.UTC),
    )
    contenu = client.get("/jeunesse/appels/ete/").content.decode()
    assert "1 juillet 2027 à 23 h 59" in contenu
    assert "1 mai 2027 à 9 h 00" in contenu


def test_upcoming_call(client, fabrique_jeu):
    appel = fabrique_jeu.appel(etat="a_venir", slug="bientot")
    contenu = client.get("/jeunesse/appels/bientot/").content.decode()
    ouverture = timezone.localtime(appel.ouverture)
    assert "Les candidatures ouvriront le" in contenu
    assert f"{ouverture.day} " in contenu
    assert "Déposer un projet" not in contenu
    assert "/candidater/" not in contenu


def test_closed_call(client, fabrique_jeu):
    fabrique_jeu.appel(etat="clos", slug="ferme")
    contenu = client.get("/jeunesse/appels/ferme/").content.decode()
    assert "Candidatures closes" in contenu
    assert "Déposer un projet" not in contenu
    assert "Vérifier mon éligibilité" not in contenu


def test_open_contest_audience(client, fabrique_jeu):
    fabrique_jeu.appel(
        slug="concours",
        type_appel=TypeAppel.CREATION,
        age_min=None,
        age_max=None,
        liens_acceptes=[],
    )
    contenu = client.get("/jeunesse/appels/concours/").content.decode()
    assert "Ouvert à tous" in contenu
    assert "Concours de création d&#x27;entreprise" in contenu
    assert "autorisation parentale" not in contenu
    assert "Tout type de projet." in contenu


def test_minimum_age_only_and_no_link(client, fabrique_jeu):
    fabrique_jeu.appel(slug="majeurs", age_min=18, age_max=None, liens_acceptes=[LienLot.HABITE])
    contenu = client.get("/jeunesse/appels/majeurs/").content.decode()
    assert "Avoir au moins 18 ans à la date de clôture" in contenu
    assert "Avoir l&#x27;un de ces liens avec le Lot : J&#x27;habite dans le Lot." in contenu
    assert "autorisation parentale" not in contenu  # no minor can apply


def test_unknown_and_unpublished_calls_are_404(client, fabrique_jeu, acteurs_jeu):
    fabrique_jeu.appel(slug="cache", publie=False, titre="Appel en préparation")
    assert client.get("/jeunesse/appels/inexistant/").status_code == 404
    for compte in (None, acteurs_jeu.porteur, acteurs_jeu.jure, acteurs_jeu.staff_sans_droit):
        _connecter(client, compte)
        assert client.get("/jeunesse/appels/cache/").status_code == 404
        assert client.get("/jeunesse/appels/cache/eligibilite/").status_code == 404
        assert client.post("/jeunesse/appels/cache/eligibilite/").status_code == 404


def test_instructor_may_preview_an_unpublished_call(client, fabrique_jeu, acteurs_jeu):
    fabrique_jeu.appel(slug="cache", publie=False, titre="Appel en préparation")
    _connecter(client, acteurs_jeu.instructeur)
    reponse = client.get("/jeunesse/appels/cache/")
    assert reponse.status_code == 200
    assert "Aperçu" in reponse.content.decode()
    assert client.get("/jeunesse/appels/cache/eligibilite/").status_code == 200


def test_published_call_is_seen_by_everyone(client, acteurs_jeu):
    chemin = f"/jeunesse/appels/{acteurs_jeu.appel.slug}/"
    for compte in (
        None,
        acteurs_jeu.porteur,
        acteurs_jeu.autre,
        acteurs_jeu.jure,
        acteurs_jeu.instructeur,
        acteurs_jeu.staff_sans_droit,
    ):
        _connecter(client, compte)
        reponse = client.get(chemin)
        assert reponse.status_code == 200
        assert (compte is None) == (not reponse.wsgi_request.user.is_authenticated)
        assert "Aperçu" not in reponse.content.decode()
        assert client.post(chemin).status_code == 405


def test_query_count_does_not_grow_with_criteria(
    client, fabrique_jeu, django_assert_max_num_queries
):
    from jeunesse.models import CritereEvaluation

    appel = fabrique_jeu.appel(slug="budget")
    client.get("/jeunesse/appels/budget/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as peu:
        client.get("/jeunesse/appels/budget/")
    for n in range(5):
        CritereEvaluation.objects.create(appel=appel, libelle=f"Critère {n}", sort_order=10 + n)
        fabrique_jeu.question(appel, libelle=f"Question {n}")
        fabrique_jeu.document(appel, libelle=f"Document {n}")
    with CaptureQueriesContext(connection) as beaucoup:
        client.get("/jeunesse/appels/budget/")
    assert len(peu.captured_queries) == len(beaucoup.captured_queries) <= 10
