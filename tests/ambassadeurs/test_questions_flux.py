"""Questions from newcomers to ambassadors: asking, replying, permissions, rate limits,
notifications (no address, no text), abuse reports, the inbox and its query budget."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ambassadeurs.models import MessageQuestion, Question, Signalement, StatutAmbassadeur
from ambassadeurs.services import questions as services
from lot_portal.courriels.models import Courriel

URL_MES_QUESTIONS = "/ambassadeurs/mes-questions/"
URL_BOITE = "/ambassadeurs/espace/questions/"


def url_poser(ambassadeur):
    return f"/ambassadeurs/{ambassadeur.pk}/question/"


def url_conversation(question):
    return f"/ambassadeurs/questions/{question.pk}/"


def _poser(client, ambassadeur, sujet="Écoles à Figeac", texte="Bonjour, quelles écoles ?"):
    return client.post(url_poser(ambassadeur), {"sujet": sujet, "texte": texte})


def _question(fabrique_amb, demandeur, ambassadeur, texte="Une question"):
    return services.question_poser(
        demandeur=demandeur, ambassadeur=ambassadeur, sujet="Sujet", texte=texte
    )


def _courriels_a(compte):
    return [c for c in Courriel.objects.all() if compte.email in c.destinataires]


# --- Asking ---------------------------------------------------------------------------------


def test_ask_creates_a_conversation_and_notifies_without_address_or_text(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    arrivant = fabrique_amb.utilisateur(email="arrivant@exemple.fr", first_name="Léa")
    client.force_login(arrivant)
    assert client.get(url_poser(x)).status_code == 200
    reponse = _poser(client, x, texte="Texte confidentiel de la question")
    question = Question.objects.get()
    assert reponse.status_code == 302 and reponse["Location"] == url_conversation(question)
    assert question.demandeur == arrivant and question.ambassadeur == x
    courriels = _courriels_a(x.utilisateur)
    assert len(courriels) == 1
    corps = courriels[0].corps_texte + courriels[0].corps_html
    assert "arrivant@exemple.fr" not in corps and "@" not in courriels[0].corps_texte
    assert "Texte confidentiel" not in corps
    assert url_conversation(question) in corps
    assert Courriel.objects.count() == 1


@pytest.mark.parametrize(
    "changement",
    [
        {"disponible": False},
        {"offres": ["histoires"]},
    ],
)
def test_paused_or_not_answering_ambassador_receives_nothing(client, fabrique_amb, changement):
    x = fabrique_amb.ambassadeur(**changement)
    voisin = fabrique_amb.ambassadeur(commune=fabrique_amb.commune(communaute=x.commune.communaute))
    client.force_login(fabrique_amb.utilisateur())
    page = client.get(url_poser(x))
    assert page.status_code == 200
    html = page.content.decode()
    assert "ne reçoit pas de questions" in html
    assert url_poser(voisin) in html  # suggested: same communauté de communes
    reponse = _poser(client, x)
    assert reponse.status_code == 409
    assert "votre message n&#x27;a pas été envoyé" in reponse.content.decode()
    assert not Question.objects.exists() and not Courriel.objects.exists()


@pytest.mark.parametrize("statut", [StatutAmbassadeur.CANDIDATURE, StatutAmbassadeur.REFUSE])
def test_non_accepted_ambassador_cannot_be_asked(client, fabrique_amb, statut):
    x = fabrique_amb.ambassadeur(statut=statut)
    client.force_login(fabrique_amb.utilisateur())
    page = client.get(url_poser(x))
    assert page.status_code == 404
    assert x.nom not in page.content.decode()
    assert _poser(client, x).status_code == 404
    assert not Question.objects.exists() and not Courriel.objects.exists()


def test_paused_ambassador_gets_no_reply_notification(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    arrivant = fabrique_amb.utilisateur()
    question = _question(fabrique_amb, arrivant, x)
    x.disponible = False
    x.save()
    Courriel.objects.all().delete()
    client.force_login(arrivant)
    reponse = client.post(url_conversation(question), {"texte": "Relance"})
    assert reponse.status_code == 409
    assert question.messages.count() == 1 and not Courriel.objects.exists()


def test_form_errors_keep_input_in_french(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    client.force_login(fabrique_amb.utilisateur())
    reponse = _poser(client, x, sujet="", texte="x" * 3001)
    html = reponse.content.decode()
    assert reponse.status_code == 200
    assert "Indiquez le sujet de votre question." in html
    assert "ne doit pas dépasser 3000 caractères" in html
    assert "x" * 3001 in html  # kept
    assert 'aria-invalid="true"' in html and "resume-erreurs" in html
    assert not Question.objects.exists()


def test_rate_limit_on_new_questions(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    client.force_login(fabrique_amb.utilisateur())
    for i in range(services.QUESTIONS_PAR_JOUR):
        assert _poser(client, x, sujet=f"Sujet {i}").status_code == 302
    reponse = _poser(client, x, sujet="Une de trop", texte="Texte gardé")
    assert reponse.status_code == 429
    html = reponse.content.decode()
    assert "réessayez" in html and "Texte gardé" in html
    assert Question.objects.count() == services.QUESTIONS_PAR_JOUR


def test_rate_limit_on_replies(client, fabrique_amb, monkeypatch):
    monkeypatch.setattr(services, "MESSAGES_PAR_HEURE", 3)
    x = fabrique_amb.ambassadeur()
    arrivant = fabrique_amb.utilisateur()
    question = _question(fabrique_amb, arrivant, x)  # 1 message
    client.force_login(arrivant)
    for i in range(2):
        assert client.post(url_conversation(question), {"texte": f"m{i}"}).status_code == 302
    reponse = client.post(url_conversation(question), {"texte": "de trop"})
    assert reponse.status_code == 429
    assert question.messages.count() == 3


def test_unverified_address_is_sent_to_email_page(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    client.force_login(fabrique_amb.utilisateur(email_verifie=False))
    reponse = _poser(client, x)
    assert reponse.status_code == 302 and "email" in reponse["Location"]
    assert not Question.objects.exists()


def test_ambassador_cannot_ask_themselves(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    client.force_login(x.utilisateur)
    assert client.get(url_poser(x)).status_code == 404
    assert _poser(client, x).status_code == 404


# --- Conversation: permission matrix, replies, read state ------------------------------------


@pytest.fixture
def deux_conversations(fabrique_amb):
    x, y = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    a, b = fabrique_amb.utilisateur(), fabrique_amb.utilisateur()
    return {
        "x": x,
        "y": y,
        "a": a,
        "b": b,
        "qa": _question(fabrique_amb, a, x),
        "qb": _question(fabrique_amb, b, y),
    }


@pytest.mark.parametrize(
    "qui, attendu",
    [
        ("anonyme", {"qa": 302, "qb": 302}),
        ("a", {"qa": 200, "qb": 404}),
        ("b", {"qa": 404, "qb": 200}),
        ("x", {"qa": 200, "qb": 404}),
        ("y", {"qa": 404, "qb": 200}),
    ],
)
@pytest.mark.parametrize("suffixe", ["", "signaler/"])
def test_permission_matrix(client, deux_conversations, qui, attendu, suffixe):
    if qui != "anonyme":
        client.force_login(
            getattr(deux_conversations[qui], "utilisateur", None) or deux_conversations[qui]
        )
    for cle, code in attendu.items():
        url = url_conversation(deux_conversations[cle]) + suffixe
        reponse = client.get(url)
        assert reponse.status_code == code, (qui, cle, suffixe)
        if code == 302:
            assert "/login/" in reponse["Location"] or "connexion" in reponse["Location"]
        envoi = client.post(url, {"texte": "intrus", "motif": "intrus"})
        assert envoi.status_code in (code, 302), (qui, cle, suffixe)
    if qui == "anonyme":
        assert not MessageQuestion.objects.filter(texte="intrus").exists()
        assert not Signalement.objects.exists()
    else:
        # Refused conversations got nothing.
        for cle, code in attendu.items():
            if code == 404:
                q = deux_conversations[cle]
                assert not q.messages.filter(texte="intrus").exists()
                assert not q.signalements.exists()


@pytest.mark.parametrize("url", [URL_MES_QUESTIONS, URL_BOITE])
def test_lists_need_login(client, url):
    reponse = client.get(url)
    assert reponse.status_code == 302 and "next=" in reponse["Location"]


def test_lists_show_only_own_conversations(client, deux_conversations):
    d = deux_conversations
    client.force_login(d["a"])
    html = client.get(URL_MES_QUESTIONS).content.decode()
    assert url_conversation(d["qa"]) in html and url_conversation(d["qb"]) not in html
    assert client.get(URL_BOITE).status_code == 403  # not an ambassador
    client.force_login(d["x"].utilisateur)
    html = client.get(URL_BOITE).content.decode()
    assert url_conversation(d["qa"]) in html and url_conversation(d["qb"]) not in html


def test_reply_notifies_the_other_side_once_per_message(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    arrivant = fabrique_amb.utilisateur(email="lea@exemple.fr")
    question = _question(fabrique_amb, arrivant, x)
    Courriel.objects.all().delete()
    client.force_login(x.utilisateur)
    assert client.post(url_conversation(question), {"texte": "Réponse secrète"}).status_code == 302
    assert client.post(url_conversation(question), {"texte": "Autre réponse"}).status_code == 302
    courriels = _courriels_a(arrivant)
    assert len(courriels) == 2 and Courriel.objects.count() == 2
    for c in courriels:
        assert x.utilisateur.email not in c.corps_texte + c.corps_html
        assert "Réponse secrète" not in c.corps_texte + c.corps_html
        assert url_conversation(question) in c.corps_texte
    client.force_login(arrivant)
    assert client.post(url_conversation(question), {"texte": "Merci"}).status_code == 302
    assert len(_courriels_a(x.utilisateur)) == 1
    html = client.get(url_conversation(question)).content.decode()
    assert "Réponse secrète" in html and "Merci" in html
    assert x.utilisateur.email not in html and x.nom not in html


def test_inbox_lists_unread_first_and_reading_marks_read(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    a = fabrique_amb.utilisateur()
    ancienne = _question(fabrique_amb, a, x)
    lue = _question(fabrique_amb, a, x)
    client.force_login(x.utilisateur)
    client.get(url_conversation(lue))  # read the newest one
    assert not lue.messages.filter(lu_le__isnull=True).exists()
    html = client.get(URL_BOITE).content.decode()
    assert html.index(url_conversation(ancienne)) < html.index(url_conversation(lue))
    assert "Nouveau message" in html


def _requetes_boite(client, fabrique_amb, taille):
    x = fabrique_amb.ambassadeur()
    for _ in range(taille):
        q = _question(fabrique_amb, fabrique_amb.utilisateur(), x)
        MessageQuestion.objects.create(question=q, auteur=x.utilisateur, texte="r")
    client.force_login(x.utilisateur)
    client.get(URL_BOITE)  # warm the session/site caches
    with CaptureQueriesContext(connection) as ctx:
        reponse = client.get(URL_BOITE)
    assert reponse.status_code == 200
    assert reponse.content.decode().count('class="amb-questions__item') == taille
    return [q["sql"] for q in ctx.captured_queries]


def test_inbox_query_budget_is_flat(client, fabrique_amb):
    petite = _requetes_boite(client, fabrique_amb, 2)
    grande = _requetes_boite(client, fabrique_amb, 12)
    assert len(petite) == len(grande), grande
    assert len(grande) <= 12, grande


def test_espace_links_to_inbox(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    client.force_login(x.utilisateur)
    assert URL_BOITE in client.get("/ambassadeurs/espace/").content.decode()


# --- Abuse reports --------------------------------------------------------------------------


def _moderateur(fabrique_amb, email):
    compte = fabrique_amb.utilisateur(email=email, is_staff=True)
    compte.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_signalement"),
    )
    return compte


def test_report_flow(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    arrivant = fabrique_amb.utilisateur()
    question = _question(fabrique_amb, arrivant, x)
    message = MessageQuestion.objects.create(
        question=question, auteur=x.utilisateur, texte="Propos déplacés"
    )
    moderateur = _moderateur(fabrique_amb, "moderation@lot.fr")
    fabrique_amb.utilisateur(email="sansdroit@lot.fr", is_staff=True)
    Courriel.objects.all().delete()
    client.force_login(arrivant)
    url = url_conversation(question) + "signaler/"
    vide = client.post(url, {"motif": "  "})
    assert vide.status_code == 200
    assert "Indiquez le motif du signalement." in vide.content.decode()
    assert not Signalement.objects.exists()
    assert client.post(url, {"motif": "Insultes"}).status_code == 302
    signalement = Signalement.objects.get()
    assert signalement.auteur == arrivant and signalement.message == message
    question.refresh_from_db()
    assert question.signalee
    destinataires = [d for c in Courriel.objects.all() for d in c.destinataires]
    assert destinataires == ["moderation@lot.fr"]
    # Staff read the conversation and mark the report handled.
    client.force_login(moderateur)
    admin_url = f"/admin/ambassadeurs/signalements/{signalement.pk}/"
    assert client.get("/admin/ambassadeurs/signalements/").status_code == 200
    page = client.get(admin_url)
    assert page.status_code == 200 and "Propos déplacés" in page.content.decode()
    assert client.post(admin_url, {"traite": "on"}).status_code == 302
    signalement.refresh_from_db()
    assert signalement.traite and signalement.traite_par == moderateur
    assert signalement.traite_le is not None


def test_report_admin_refused_without_permission(client, fabrique_amb):
    x = fabrique_amb.ambassadeur()
    question = _question(fabrique_amb, fabrique_amb.utilisateur(), x)
    signalement = services.question_signaler(question=question, auteur=x.utilisateur, motif="m")
    client.force_login(x.utilisateur)
    for url in (
        "/admin/ambassadeurs/signalements/",
        f"/admin/ambassadeurs/signalements/{signalement.pk}/",
    ):
        assert client.get(url).status_code in (302, 403)
