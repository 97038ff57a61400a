"""Creation pages (support grouped by type, open contests) and the opportunities hub."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opportunites.models import CreationPage, TypeAccompagnement

pytestmark = pytest.mark.django_db


def _creation(opp, **champs):
    valeurs = {"title": "Pépinière du Grand-Figeac", "type_accompagnement": "incubateur"}
    valeurs.update(champs)
    valeurs.setdefault("resume", f"Résumé de {valeurs['title']}.")
    page = CreationPage(**valeurs)
    opp.creation.add_child(instance=page)
    page.save_revision().publish()
    return CreationPage.objects.get(pk=page.pk)


def test_creation_index_groups_by_type_and_lists_open_contests(client, opp):
    maintenant = timezone.now()
    _creation(opp, title="Pépinière de Cahors", type_accompagnement=TypeAccompagnement.INCUBATEUR)
    _creation(opp, title="Le Tiers-lieu", type_accompagnement=TypeAccompagnement.COWORKING)
    _creation(
        opp,
        title="Trophées de la création",
        type_accompagnement=TypeAccompagnement.CONCOURS,
        date_limite=maintenant + datetime.timedelta(days=20),
    )
    _creation(
        opp,
        title="Concours 2020",
        type_accompagnement=TypeAccompagnement.CONCOURS,
        date_limite=maintenant - datetime.timedelta(days=400),
    )
    html = client.get(opp.creation.url).content.decode()
    assert html.index("Incubateur et pépinière") < html.index("Espace de coworking")
    assert "Pépinière de Cahors" in html and "Le Tiers-lieu" in html
    ouverts = html.split('id="concours-titre"')[1].split("</section>")[0]
    assert "Trophées de la création" in ouverts and "Concours 2020" not in ouverts
    assert "Candidatures jusqu&#x27;au" in ouverts or "Candidatures jusqu'au" in ouverts


def test_creation_page_contest(client, opp):
    page = _creation(
        opp,
        title="Trophées de la création",
        type_accompagnement=TypeAccompagnement.CONCOURS,
        date_limite=timezone.now() + datetime.timedelta(days=5),
        lien_appel="https://lot.exemple.fr/jeunesse/appels/trophees/",
        contact_email="creation@lot.exemple.fr",
        site_web="https://trophees.exemple.fr",
    )
    html = client.get(page.url).content.decode()
    assert "Date limite de candidature" in html
    assert 'href="https://lot.exemple.fr/jeunesse/appels/trophees/"' in html
    assert "Déposer un projet" in html
    assert "mailto:creation@lot.exemple.fr" in html
    assert 'aria-label="Fil d\'Ariane"' in html


def test_closed_contest_hides_the_call(client, opp):
    page = _creation(
        opp,
        type_accompagnement=TypeAccompagnement.CONCOURS,
        date_limite=timezone.now() - datetime.timedelta(days=1),
        lien_appel="https://lot.exemple.fr/jeunesse/appels/trophees/",
    )
    html = client.get(page.url).content.decode()
    assert "Les candidatures sont closes" in html and "Déposer un projet" not in html


def test_hub_counts_and_latest_offers(client, opp, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    ancienne = timezone.localdate() - datetime.timedelta(days=10)
    fabrique_opp.offre(title="Aide-soignant", date_publication=ancienne, profil_recherche=True)
    for n in range(3):
        fabrique_opp.offre(title=f"Vendeur {n}")
    fabrique_opp.offre(title="Expirée", date_publication=ancienne, date_expiration=hier)
    fabrique_opp.reprise()
    fabrique_opp.reprise(cedee_le=hier)
    _creation(opp)
    html = client.get(opp.hub.url).content.decode()
    assert "<strong>4</strong> offres en cours" in html
    assert "<strong>1</strong> entreprise à reprendre" in html
    assert "<strong>1</strong> accompagnement pour créer" in html
    une = html.split('id="une-titre"')[1]
    # « profil recherché » first, then the newest.
    assert une.index("Aide-soignant") < une.index("Vendeur 2")
    assert "Vendeur 0" not in une and "Expirée" not in une


def _requetes(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_hub_and_creation_query_counts_are_constant(client, opp, fabrique_opp):
    fabrique_opp.offre()
    _creation(opp, title="Un")
    hub, creation = _requetes(client, opp.hub.url), _requetes(client, opp.creation.url)
    for n in range(8):
        fabrique_opp.offre(profil_recherche=bool(n % 2))
        _creation(opp, title=f"Accompagnement {n}", type_accompagnement="aide")
    assert _requetes(client, opp.hub.url) == hub
    assert _requetes(client, opp.creation.url) == creation
    assert hub <= 26 and creation <= 26
