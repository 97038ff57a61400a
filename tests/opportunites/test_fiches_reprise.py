"""The takeover page and its contact form: the seller stays anonymous, the body gets the
message (outbox, Reply-To the visitor), the visitor an acknowledgement."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from lot_portal.courriels.models import Courriel
from opportunites.models import ContactReprise, Organisme, ReprisePhoto, TrancheCA

pytestmark = pytest.mark.django_db
ORGANISME_EMAIL = "transmission@cma-lot.exemple.fr"
VALIDE = {
    "nom": "Claire Martin",
    "email": "Claire.Martin@exemple.fr",
    "telephone": "06 12 34 56 78",
    "message": "Boulangère à Bordeaux, je cherche une affaire dans le Lot pour 2027.",
    "consentement": "on",
}


@pytest.fixture(autouse=True)
def _limites_vides():
    cache.clear()  # the rate limits live in the cache
    yield
    cache.clear()


def _url_contact(reprise) -> str:
    return f"/opportunites/contact-reprise/{reprise.pk}/"


def _photo(reprise, n=1):
    image = get_image_model().objects.create(title=f"Photo {n}", file=get_test_image_file())
    ReprisePhoto.objects.create(page=reprise, image=image, alt=f"La vitrine {n}", sort_order=n)


def test_takeover_page_shows_the_business_not_the_seller(client, fabrique_opp):
    reprise = fabrique_opp.reprise(
        title="Boulangerie du Causse",
        motif_cession="Départ à la retraite",
        tranche_ca=TrancheCA.DE_100K_300K,
        locaux_inclus=True,
        logement_inclus=True,
        organisme=Organisme.CMA,
    )
    _photo(reprise)
    html = client.get(reprise.url).content.decode()
    assert "Boulangerie du Causse" in html and "Départ à la retraite" in html
    assert "100 000 à 300 000 €" in html
    assert html.count("Compris dans la cession") == 2
    assert "Chambre de métiers et de l&#x27;artisanat" in html
    assert ORGANISME_EMAIL not in html and "cma-lot" not in html
    assert 'alt="La vitrine 1"' in html and "<picture" in html and "srcset=" in html
    assert f'href="{_url_contact(reprise)}"' in html
    assert 'rel="canonical"' in html


def test_other_body_name(client, fabrique_opp):
    reprise = fabrique_opp.reprise(organisme=Organisme.AUTRE, organisme_nom="Initiative Lot")
    assert "Initiative Lot" in client.get(reprise.url).content.decode()


def test_expired_takeover_hides_the_contact(client, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    reprise = fabrique_opp.reprise(
        date_publication=hier - datetime.timedelta(days=9), date_expiration=hier
    )
    html = client.get(reprise.url).content.decode()
    assert "Cette annonce a expiré le" in html
    assert _url_contact(reprise) not in html
    assert client.get(_url_contact(reprise)).status_code == 404
    assert client.post(_url_contact(reprise), VALIDE).status_code == 404
    assert not ContactReprise.objects.exists()


def test_sold_takeover_hides_the_contact(client, fabrique_opp):
    reprise = fabrique_opp.reprise(cedee_le=timezone.localdate())
    html = client.get(reprise.url).content.decode()
    assert "a trouvé son repreneur" in html
    assert client.get(_url_contact(reprise)).status_code == 404


def test_unpublished_or_unknown_takeover_is_404(client, fabrique_opp):
    brouillon = fabrique_opp.reprise(publier=False, live=False)
    assert client.get(_url_contact(brouillon)).status_code == 404
    assert client.get("/opportunites/contact-reprise/999999/").status_code == 404
    assert client.get("/opportunites/contact-reprise/abc/").status_code == 404


def test_form_page_is_private(client, fabrique_opp):
    reprise = fabrique_opp.reprise()
    reponse = client.get(_url_contact(reprise))
    assert reponse.status_code == 200
    assert "no-store" in reponse["Cache-Control"] and "private" in reponse["Cache-Control"]
    html = reponse.content.decode()
    assert 'for="id_nom"' in html and 'for="id_consentement"' in html
    assert ORGANISME_EMAIL not in html


def test_valid_message_is_recorded_and_emailed(
    client, fabrique_opp, mailoutbox, django_capture_on_commit_callbacks
):
    reprise = fabrique_opp.reprise(title="Boulangerie du Causse")
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(_url_contact(reprise), VALIDE)
    assert reponse.status_code == 302 and reponse["Location"] == reprise.url
    contact = ContactReprise.objects.get()
    assert contact.reprise_id == reprise.pk
    assert contact.email == "claire.martin@exemple.fr"
    assert contact.telephone == "06 12 34 56 78"
    assert contact.statut == ContactReprise.Statut.NOUVEAU
    assert Courriel.objects.count() == 2
    organisme = next(m for m in mailoutbox if m.to == [ORGANISME_EMAIL])
    assert organisme.reply_to == ["claire.martin@exemple.fr"] or (
        organisme.extra_headers.get("Reply-To") == "claire.martin@exemple.fr"
    )
    assert "Boulangère à Bordeaux" in organisme.body
    assert "06 12 34 56 78" in organisme.body
    assert "Boulangerie du Causse" in organisme.subject
    accuse = next(m for m in mailoutbox if m.to == ["claire.martin@exemple.fr"])
    assert ORGANISME_EMAIL not in accuse.body
    assert ORGANISME_EMAIL not in accuse.alternatives[0][0]
    assert "Chambre de métiers" in accuse.body
    # The success message is shown on the takeover page (the cookie bypasses the cache).
    page = client.get(reponse["Location"]).content.decode()
    assert "Votre message est transmis" in page


@pytest.mark.parametrize(
    ("champ", "valeur", "erreur"),
    [
        ("nom", "", "Indiquez votre nom."),
        ("email", "claire@", "Saisissez une adresse électronique valide"),
        ("email", "", "Indiquez votre adresse électronique."),
        ("telephone", "appelez-moi", "Saisissez un numéro de téléphone valide"),
        ("message", "Bonjour", "Votre message est trop court"),
        ("message", "x" * 4001, "ne doit pas dépasser 4000 caractères"),
        ("consentement", "", "Cochez cette case"),
    ],
)
def test_each_invalid_field(client, fabrique_opp, mailoutbox, champ, valeur, erreur):
    reprise = fabrique_opp.reprise()
    donnees = {**VALIDE, champ: valeur}
    if champ == "consentement":
        donnees.pop("consentement")
    reponse = client.post(_url_contact(reprise), donnees)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert erreur in html
    assert f'id="id_{champ}_erreur"' in html
    assert 'aria-invalid="true"' in html
    assert "Erreur : " in html.split("<title>")[1]
    # What the visitor typed is kept.
    if champ != "nom":
        assert 'value="Claire Martin"' in html
    if champ != "message":
        assert "Boulangère à Bordeaux" in html
    assert "no-store" in reponse["Cache-Control"]
    assert not ContactReprise.objects.exists() and not mailoutbox


def test_nonsense_input_is_never_a_500(client, fabrique_opp):
    reprise = fabrique_opp.reprise()
    reponse = client.post(
        _url_contact(reprise),
        {"nom": "a\x00b", "email": ["x", "y"], "message": "\x00" * 30, "consentement": "peut-être"},
    )
    assert reponse.status_code == 200
    assert client.put(_url_contact(reprise)).status_code == 405


def test_honeypot_sends_nothing(client, fabrique_opp, mailoutbox):
    reprise = fabrique_opp.reprise()
    reponse = client.post(_url_contact(reprise), {**VALIDE, "site_internet": "http://spam"})
    assert reponse.status_code == 302
    assert not ContactReprise.objects.exists() and not mailoutbox


def test_rate_limit_per_sender(client, fabrique_opp, settings, mailoutbox):
    settings.OPPORTUNITES_CONTACT_LIMITES = "2/h/key"
    reprise = fabrique_opp.reprise()
    for _ in range(2):
        assert client.post(_url_contact(reprise), VALIDE).status_code == 302
    reponse = client.post(_url_contact(reprise), VALIDE)
    assert reponse.status_code == 429
    html = reponse.content.decode()
    assert "réessayez dans une heure" in html
    assert "Boulangère à Bordeaux" in html
    assert ContactReprise.objects.count() == 2
    # Another sender from elsewhere is not blocked by the per-address limit.
    autre = {**VALIDE, "email": "autre@exemple.fr"}
    assert client.post(_url_contact(reprise), autre).status_code == 302


def test_rate_limit_per_ip(client, fabrique_opp, settings):
    settings.OPPORTUNITES_CONTACT_LIMITES = "1/h/ip"
    reprise = fabrique_opp.reprise()
    assert client.post(_url_contact(reprise), VALIDE).status_code == 302
    autre = {**VALIDE, "email": "autre@exemple.fr"}
    assert client.post(_url_contact(reprise), autre).status_code == 429


def test_signed_in_visitor_is_prefilled_and_linked(client, fabrique_opp):
    from fabriques import UtilisateurFactory

    compte = UtilisateurFactory(first_name="Paul", last_name="Bach", email="paul@exemple.fr")
    client.force_login(compte)
    reprise = fabrique_opp.reprise()
    html = client.get(_url_contact(reprise)).content.decode()
    assert 'value="paul@exemple.fr"' in html
    client.post(_url_contact(reprise), {**VALIDE, "email": "paul@exemple.fr"})
    assert ContactReprise.objects.get().compte == compte


def _requetes(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_takeover_page_query_count_is_constant(client, fabrique_opp):
    reprise = fabrique_opp.reprise()
    _photo(reprise, 1)
    peu = _requetes(client, reprise.url)
    for n in range(2, 7):
        _photo(reprise, n)
    assert _requetes(client, reprise.url) == peu
    assert peu <= 26


def test_takeover_page_stays_cacheable_for_anonymous_visitors(client, fabrique_opp):
    reprise = fabrique_opp.reprise()
    reponse = client.get(reprise.url)
    assert "private" not in reponse.get("Cache-Control", "")
    assert "csrfmiddlewaretoken" not in reponse.content.decode()
