"""The « Contenus » section of the steering dashboard, checked against hand-built stories.

Period: 1 January → 31 March 2026 (Europe/Paris). A light page tree (home, stories index)
instead of the demo seed; stories get their first publication date explicitly.
"""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from PIL import Image as ImagePIL
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil, HomePage
from lot_portal.cms.pilotage import section
from lot_portal.pilotage import registre
from lot_portal.pilotage.registre import Filtres
from lot_portal.territoire.models import Commune
from lot_portal.territoire.services import territoire_charger

PARIS = ZoneInfo("Europe/Paris")
DEBUT = datetime.date(2026, 1, 1)
FIN = datetime.date(2026, 3, 31)


def paris(annee, mois, jour, heure=12, minute=0):
    return datetime.datetime(annee, mois, jour, heure, minute, tzinfo=PARIS)


@pytest.fixture
def index_histoires(db):
    territoire_charger()
    accueil = HomePage(title="Le Lot, terre d'opportunités", slug="lot")
    Page.get_first_root_node().add_child(instance=accueil)
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    return index


@pytest.fixture
def communes(index_histoires):
    return {c.nom: c for c in Commune.objects.filter(nom__in=["Cahors", "Figeac", "Cajarc"])}


@pytest.fixture
def illustration(db):
    """One tiny PNG shared by every story (the main image is required)."""
    tampon = io.BytesIO()
    ImagePIL.new("RGB", (16, 10), "#3f6b4a").save(tampon, "PNG")
    tampon.seek(0)
    return get_image_model().objects.create(
        title="Causse", description="Un causse fleuri", file=ImageFile(tampon, name="causse.png")
    )


@pytest.fixture
def creer(index_histoires, illustration):
    def creer(titre, publiee_le, *, commune, profils, live=True):
        page = HistoirePage(
            title=titre,
            slug=slugify(titre),
            chapo=f"Le chapô de « {titre} ».",
            image=illustration,
            commune=commune,
            live=live,
            profils_cibles=[HistoireProfil(profil=profil) for profil in profils],
        )
        index_histoires.add_child(instance=page)
        Page.objects.filter(pk=page.pk).update(first_published_at=publiee_le)
        return page

    return creer


@pytest.fixture
def histoires(creer, communes):
    """The hand-built stories (expected figures in each test)."""
    cahors, figeac = communes["Cahors"], communes["Figeac"]
    creer("H1", paris(2026, 1, 5, 10), commune=cahors, profils=["jeunes", "wanted"])
    # 31 Jan 23:30 in Paris is still January (22:30 UTC).
    creer("H2", paris(2026, 1, 31, 23, 30), commune=figeac, profils=["jeunes"])
    # 1 March 00:30 in Paris is March (28 Feb 23:30 UTC).
    creer("H3", paris(2026, 3, 1, 0, 30), commune=figeac, profils=["touristes"])
    creer("H4", paris(2026, 2, 10), commune=cahors, profils=["secondes_vies", "jeunes"])
    creer("H5", paris(2025, 12, 31, 23, 30), commune=cahors, profils=["jeunes"])  # before
    creer("H6", paris(2026, 4, 1, 0, 0), commune=figeac, profils=["wanted"])  # after
    creer("H7", paris(2026, 2, 15), commune=cahors, profils=["touristes"], live=False)
    privee = creer("H8", paris(2026, 2, 20), commune=cahors, profils=["jeunes"])
    PageViewRestriction.objects.create(
        page=privee, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    # The database allows a story without a commune (the form requires one).
    sans_commune = creer("H9", paris(2026, 3, 15), commune=cahors, profils=["wanted"])
    HistoirePage.objects.filter(pk=sans_commune.pk).update(commune=None)


def tableaux(filtres):
    return {t.slug: t for t in section().calculer(filtres)}


def chiffres(filtres):
    return {c.libelle: c.valeur for c in section().chiffres_cles(filtres)}


def grand_figeac(communes):
    return (communes["Figeac"].communaute_id,)


def test_section_enregistree(db):
    contenus = [s for s in registre.sections() if s.slug == "contenus"]
    assert len(contenus) == 1
    assert contenus[0].titre == "Contenus"
    assert contenus[0].ordre == 60
    assert contenus[0].par_territoire is True


def test_histoires_par_mois(histoires):
    t = tableaux(Filtres(DEBUT, FIN))["histoires_mois"]
    assert t.colonnes == ["Période", "Histoires publiées"]
    # Jan: H1, H2; Feb: H4 (H7 offline, H8 private); Mar: H3, H9. H5 and H6 out of the period.
    assert t.lignes == [["janvier 2026", 2], ["février 2026", 1], ["mars 2026", 2]]
    assert t.graphique == "courbe"
    assert t.public is True
    assert t.colonnes_effectifs == ()


def test_histoires_par_mois_periode_sans_histoire(histoires):
    t = tableaux(Filtres(datetime.date(2026, 5, 1), datetime.date(2026, 7, 15)))
    assert t["histoires_mois"].lignes == [["mai 2026", 0], ["juin 2026", 0], ["juillet 2026", 0]]


def test_histoires_par_semaine(histoires):
    filtres = Filtres(DEBUT, datetime.date(2026, 2, 1), granularite="semaine")
    t = tableaux(filtres)["histoires_mois"]
    assert t.colonnes == ["Période", "Histoires publiées"]
    assert t.titre == "Histoires publiées par semaine"
    # Weeks start on Monday: 1 Jan 2026 is a Thursday. H1 on Mon 5 Jan, H2 on Sat 31 Jan.
    assert t.lignes == [
        ["Semaine du 29/12/2025", 0],
        ["Semaine du 05/01/2026", 1],
        ["Semaine du 12/01/2026", 0],
        ["Semaine du 19/01/2026", 0],
        ["Semaine du 26/01/2026", 1],
    ]


def test_histoires_par_mois_territoire(histoires, communes):
    t = tableaux(Filtres(DEBUT, FIN, communautes=grand_figeac(communes)))["histoires_mois"]
    # Grand-Figeac: H2 (Jan), H3 (Mar); H9 has no commune.
    assert t.lignes == [["janvier 2026", 1], ["février 2026", 0], ["mars 2026", 1]]
    assert "Filtre de territoire" in t.note


def test_histoires_par_profil(histoires, communes):
    t = tableaux(Filtres(DEBUT, FIN))["histoires_profil"]
    assert t.colonnes == ["Profil visé", "Histoires publiées"]
    # H1 jeunes+wanted, H2 jeunes, H3 touristes, H4 secondes vies+jeunes, H9 wanted.
    assert t.lignes == [
        ["Secondes vies", 1],
        ["Jeunes", 3],
        ["Wanted", 2],
        ["Touristes", 1],
    ]
    assert t.graphique == "barres"
    assert t.public is True

    t = tableaux(Filtres(DEBUT, FIN, communautes=grand_figeac(communes)))["histoires_profil"]
    assert t.lignes == [["Secondes vies", 0], ["Jeunes", 1], ["Wanted", 0], ["Touristes", 1]]

    t = tableaux(Filtres(DEBUT, FIN, communautes=()))["histoires_profil"]
    assert all(ligne[1] == 0 for ligne in t.lignes)


def test_chiffres_cles(histoires, communes):
    # Five stories in Cahors, Figeac and nowhere (H9).
    assert chiffres(Filtres(DEBUT, FIN)) == {"Histoires publiées": 5, "Communes racontées": 2}
    filtres = Filtres(DEBUT, FIN, communautes=grand_figeac(communes))
    assert chiffres(filtres) == {"Histoires publiées": 2, "Communes racontées": 1}
    filtres = Filtres(datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))
    assert chiffres(filtres) == {"Histoires publiées": 1, "Communes racontées": 1}


def _requetes(filtres):
    with CaptureQueriesContext(connection) as calcul:
        section().calculer(filtres)
    with CaptureQueriesContext(connection) as cles:
        section().chiffres_cles(filtres)
    return len(calcul.captured_queries), len(cles.captured_queries)


@pytest.mark.parametrize("granularite", ["mois", "semaine"])
@pytest.mark.parametrize("territoire", [False, True])
def test_requetes_bornees(histoires, creer, communes, granularite, territoire):
    filtres = Filtres(
        DEBUT,
        FIN,
        communautes=grand_figeac(communes) if territoire else None,
        granularite=granularite,
    )
    petit = _requetes(filtres)
    for i in range(8):
        creer(
            f"Nouvelle {i}",
            paris(2026, 1 + i % 3, 3 + i),
            commune=communes["Cajarc"] if i % 2 else communes["Cahors"],
            profils=["jeunes", "touristes"][: 1 + i % 2],
        )
    grand = _requetes(filtres)
    assert petit == grand == (2, 1)
    # The new stories are counted.
    attendu = 13 if not territoire else 6
    assert chiffres(filtres)["Histoires publiées"] == attendu
