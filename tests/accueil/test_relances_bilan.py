"""The check-in questionnaire after settling: form, errors, alert, answered once."""

import re
import uuid

import pytest
from django.core import mail

from accueil.models import Bilan
from accueil.selectors import bilans_en_attente
from accueil.services import reseau
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db

SEREIN = {
    "satisfaction": "4",
    "isolement": "non",
    "emploi_conjoint": "trouve",
    "logement": "satisfaisant",
    "envisage_partir": "non",
    "commentaire": "Tout va bien, merci !",
}


@pytest.fixture
def referent(fabrique):
    return fabrique.referent(
        utilisateur=fabrique.utilisateur(
            first_name="Claire", last_name="Delmas", email="claire.delmas@lot.fr", is_staff=True
        )
    )


@pytest.fixture
def bilan(fabrique, referent):
    parcours = fabrique.parcours(
        prenom="Léa",
        nom="Martin",
        utilisateur=fabrique.utilisateur(email="lea@exemple.fr"),
        referent=referent,
        communaute=referent.communaute,
    )
    return Bilan.objects.create(parcours=parcours)


def _url(bilan):
    return f"/accueil/bilan/{bilan.jeton}/"


def test_the_questionnaire_is_reached_without_login(client, bilan):
    reponse = client.get(_url(bilan))
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Comment se passe votre vie dans le Lot ?" in html
    assert html.count("<fieldset") >= 3 + 5  # three groups, five radio questions
    assert html.count("<legend") == html.count("<fieldset")
    assert 'type="radio"' in html and 'name="satisfaction" value="1"' in html
    assert "no-store" in reponse["Cache-Control"]


def test_bad_input_gets_french_messages_and_keeps_what_was_typed(client, bilan):
    reponse = client.post(
        _url(bilan),
        {
            "satisfaction": "9",
            "isolement": "peut-etre",
            "logement": "provisoire",
            "commentaire": "x" * 3001,
        },
    )
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Choisissez une note de 1 à 5." in html
    assert "Indiquez si vous vous sentez isolé : oui, un peu ou non." in html
    assert "Indiquez où en est l&#x27;emploi de votre conjoint" in html
    assert "ne doit pas dépasser 3 000 caractères" in html
    assert re.search(r'value="provisoire"[^>]*checked', html)
    assert "x" * 3001 in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_satisfaction_0"' in html
    bilan.refresh_from_db()
    assert bilan.repondu_le is None


def test_a_calm_answer_is_recorded_without_alert(client, bilan):
    reponse = client.post(_url(bilan), SEREIN)
    assert reponse.status_code == 302
    bilan.refresh_from_db()
    assert bilan.repondu_le is not None
    assert bilan.satisfaction == 4
    assert bilan.alerte is False and bilan.motifs_alerte == []
    assert mail.outbox == []
    page = client.get(_url(bilan)).content.decode()
    assert "Merci pour vos réponses" in page
    assert "Tout va bien, merci !" in page
    assert 'name="satisfaction"' not in page


def test_a_worrying_answer_alerts_the_referent_at_once(
    client, bilan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            _url(bilan),
            {
                "satisfaction": "2",
                "isolement": "oui",
                "emploi_conjoint": "cherche",
                "logement": "difficile",
                "envisage_partir": "un_peu",
                "commentaire": "Mon conjoint ne trouve rien.",
            },
            follow=True,
        )
    assert reponse.status_code == 200
    bilan.refresh_from_db()
    assert bilan.alerte is True
    assert bilan.motifs_alerte == [
        "Satisfaction faible (2 sur 5)",
        "Se sent isolé",
        "Le conjoint cherche encore un emploi",
        "Logement difficile",
        "Envisage un peu de quitter le Lot",
    ]
    (alerte,) = mail.outbox
    assert alerte.to == ["claire.delmas@lot.fr"]
    assert "Léa Martin" in alerte.body
    assert "Le conjoint cherche encore un emploi" in alerte.body
    assert reseau.url_dossier_admin(bilan.parcours) in alerte.body
    assert "/admin/" in reseau.url_dossier_admin(bilan.parcours)
    assert "lea@exemple.fr" not in alerte.body
    assert "lea@exemple.fr" not in alerte.alternatives[0][0]
    assert "List-Unsubscribe" not in alerte.extra_headers


@pytest.mark.parametrize(
    ("champ", "valeur"),
    [
        ("satisfaction", "1"),
        ("isolement", "oui"),
        ("emploi_conjoint", "cherche"),
        ("logement", "difficile"),
        ("envisage_partir", "oui"),
        ("envisage_partir", "un_peu"),
    ],
)
def test_each_risk_signal_raises_the_alert(client, bilan, champ, valeur):
    client.post(_url(bilan), {**SEREIN, champ: valeur})
    bilan.refresh_from_db()
    assert bilan.alerte is True
    assert len(bilan.motifs_alerte) == 1


def test_alert_goes_to_the_departmental_team_without_a_referent(
    client, fabrique, django_capture_on_commit_callbacks
):
    fabrique.referent(
        communaute=None, utilisateur=fabrique.utilisateur(email="equipe@lot.fr", is_staff=True)
    )
    parcours = fabrique.parcours(referent=None, communaute=None)
    bilan = Bilan.objects.create(parcours=parcours)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(bilan), {**SEREIN, "isolement": "oui"})
    assert [m.to for m in mail.outbox] == [["equipe@lot.fr"]]


def test_answered_once(client, bilan):
    client.post(_url(bilan), {**SEREIN, "isolement": "oui"})
    premier = Bilan.objects.get(pk=bilan.pk).repondu_le
    reponse = client.post(_url(bilan), {**SEREIN, "satisfaction": "1"}, follow=True)
    assert "Vous avez déjà répondu" in reponse.content.decode()
    bilan.refresh_from_db()
    assert bilan.repondu_le == premier
    assert bilan.satisfaction == 4
    assert Courriel.objects.count() == 1


def test_unknown_or_malformed_token_is_a_french_404(client, bilan):
    assert client.get(f"/accueil/bilan/{uuid.uuid4()}/").status_code == 404
    assert client.get("/accueil/bilan/pas-un-uuid/").status_code == 404
    assert client.put(_url(bilan)).status_code == 405


def test_pending_check_ins_selector(fabrique, bilan):
    repondu = Bilan.objects.create(parcours=bilan.parcours)
    Bilan.objects.filter(pk=repondu.pk).update(repondu_le="2026-01-01T10:00:00Z")
    Bilan.objects.create(parcours=fabrique.parcours())
    assert list(bilans_en_attente(bilan.parcours)) == [bilan]
