"""Query budgets of the network's pages: the count does not grow with the items listed.

Each page is measured twice, with few and with many items, after a first request that warms
the per-process caches (site, settings) and creates the image renditions. Budgets already
covered elsewhere: the inbox at 2 vs 12 (test_questions_flux), the story list at 1 vs 4
(test_histoires_espace), announcements and events (test_annonces_reseau), impact
(test_parrainage_espace).
"""

import io
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as ImagePIL
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ambassadeurs.models import MessageQuestion, OffreHospitalite, Question

pytestmark = pytest.mark.django_db

PLAFOND = 20  # no page of the network needs more, whatever it lists


def _image(nom="photo"):
    tampon = io.BytesIO()
    ImagePIL.new("RGB", (48, 32), "#3f6b4a").save(tampon, "PNG")
    return get_image_model().objects.create(
        title=nom, description="Un causse", file=ImageFile(tampon, name=f"{nom}.png")
    )


def _requetes(client, url) -> list[str]:
    client.get(url)  # warm caches, create renditions
    with CaptureQueriesContext(connection) as capture:
        reponse = client.get(url)
    assert reponse.status_code == 200
    return [requete["sql"] for requete in capture.captured_queries]


def _comparer(petit, grand):
    assert len(grand) == len(petit), "\n".join(grand)
    assert len(grand) <= PLAFOND, "\n".join(grand)


# --- The directory ----------------------------------------------------------------------------


def _ambassadeurs(fabrique_amb, nombre, communaute=None):
    for _ in range(nombre):
        commune = fabrique_amb.commune(communaute=communaute) if communaute else None
        fabrique_amb.ambassadeur(
            photo=_image(),
            champs_publics=["photo", "commune", "profession", "origine", "interets"],
            **({"commune": commune} if commune else {}),
        )


@pytest.mark.parametrize("filtre", ["", "?secteur=artisanat&profil=jeunes", "?page=2"])
def test_directory_5_vs_40_ambassadors(client, fabrique_amb, filtre):
    communaute = fabrique_amb.communaute()
    _ambassadeurs(fabrique_amb, 5, communaute)
    petit = _requetes(client, f"/ambassadeurs/{filtre}")
    _ambassadeurs(fabrique_amb, 35, communaute)
    grand = _requetes(client, f"/ambassadeurs/{filtre}")
    _comparer(petit, grand)
    siren = f"?communaute={communaute.siren}"
    _comparer(petit, _requetes(client, f"/ambassadeurs/{siren}"))


# --- The public profile with its stories ------------------------------------------------------


@pytest.fixture
def index_histoires(db):
    from lot_portal.cms.models import HistoireIndexPage, HomePage

    racine = Page.get_first_root_node()
    accueil = HomePage(title="Le Lot", slug="lot-budgets")
    racine.add_child(instance=accueil)
    site = Site.objects.get(is_default_site=True)
    site.root_page = accueil
    site.save()
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    return index


def _histoires(index, ambassadeur, nombre, debut=0):
    from lot_portal.cms.models import HistoirePage, HistoireProfil

    for numero in range(debut, debut + nombre):
        index.add_child(
            instance=HistoirePage(
                image=_image(f"histoire-{numero}"),
                title=f"Histoire {numero}",
                slug=f"histoire-{numero}",
                chapo=f"Le chapô {numero}.",
                commune=ambassadeur.commune,
                auteur=ambassadeur.utilisateur,
                live=True,
                profils_cibles=[HistoireProfil(profil="jeunes"), HistoireProfil(profil="wanted")],
            )
        )


def test_profile_2_vs_20_stories(client, fabrique_amb, index_histoires):
    ambassadeur = fabrique_amb.ambassadeur(
        photo=_image(), champs_publics=["photo", "commune", "profession", "histoire"]
    )
    url = f"/ambassadeurs/{ambassadeur.pk}/"
    _histoires(index_histoires, ambassadeur, 2)
    petit = _requetes(client, url)
    _histoires(index_histoires, ambassadeur, 18, debut=2)
    grand = _requetes(client, url)
    assert client.get(url).content.decode().count("Histoire 1") >= 1
    _comparer(petit, grand)


# --- Questions: the newcomer's list, the ambassador's inbox, one conversation ------------------


def _questions(demandeur, ambassadeurs, messages_par_question=2):
    for ambassadeur in ambassadeurs:
        question = Question.objects.create(
            demandeur=demandeur, ambassadeur=ambassadeur, sujet=f"Question à {ambassadeur}"
        )
        for rang in range(messages_par_question):
            MessageQuestion.objects.create(
                question=question,
                auteur=demandeur if rang % 2 == 0 else ambassadeur.utilisateur,
                texte=f"Message {rang}",
            )


def test_newcomer_questions_5_vs_40(client, fabrique_amb):
    arrivant = fabrique_amb.utilisateur(email="arrivant@exemple.fr")
    client.force_login(arrivant)
    _questions(arrivant, [fabrique_amb.ambassadeur() for _ in range(5)])
    petit = _requetes(client, "/ambassadeurs/mes-questions/")
    _questions(arrivant, [fabrique_amb.ambassadeur() for _ in range(35)])
    grand = _requetes(client, "/ambassadeurs/mes-questions/")
    _comparer(petit, grand)


def test_inbox_and_space_5_vs_40_questions(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)

    def poser(nombre):
        for _ in range(nombre):
            _questions(fabrique_amb.utilisateur(), [ambassadeur], messages_par_question=1)

    poser(5)
    petits = [
        _requetes(client, url)
        for url in ("/ambassadeurs/espace/questions/", "/ambassadeurs/espace/")
    ]
    poser(35)
    grands = [
        _requetes(client, url)
        for url in ("/ambassadeurs/espace/questions/", "/ambassadeurs/espace/")
    ]
    for petit, grand in zip(petits, grands, strict=True):
        _comparer(petit, grand)


@pytest.mark.parametrize("lecteur", ["arrivant", "ambassadeur"])
def test_conversation_3_vs_40_messages(client, fabrique_amb, lecteur):
    ambassadeur = fabrique_amb.ambassadeur()
    arrivant = fabrique_amb.utilisateur(email="arrivant@exemple.fr")
    _questions(arrivant, [ambassadeur], messages_par_question=3)
    question = Question.objects.get()
    url = f"/ambassadeurs/questions/{question.pk}/"
    client.force_login(arrivant if lecteur == "arrivant" else ambassadeur.utilisateur)
    petit = _requetes(client, url)
    for rang in range(37):
        MessageQuestion.objects.create(
            question=question,
            auteur=arrivant if rang % 2 else ambassadeur.utilisateur,
            texte=f"Suite {rang}",
            lu_le=timezone.now() - timedelta(minutes=1),
        )
    grand = _requetes(client, url)
    _comparer(petit, grand)


# --- Hospitality offers -----------------------------------------------------------------------


def test_hospitality_page_2_vs_15_offers(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)

    def offrir(nombre):
        for numero in range(nombre):
            OffreHospitalite.objects.create(
                ambassadeur=ambassadeur,
                type="repas",
                commune=fabrique_amb.commune(),
                capacite=4,
                periode=f"Samedi {numero}",
            )

    offrir(2)
    petit = _requetes(client, "/ambassadeurs/espace/hospitalite/")
    offrir(13)
    grand = _requetes(client, "/ambassadeurs/espace/hospitalite/")
    _comparer(petit, grand)
