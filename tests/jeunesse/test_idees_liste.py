"""The public ideas box list: only visible ideas, filters, sorts, pagination, the reader's
supports, and a query count that does not grow with the ideas."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Idee, Vote
from jeunesse.models.choix import CategorieIdee, StatutIdee
from jeunesse.views_idees import PAR_PAGE

URL = reverse("jeunesse:idees")


def idee(auteur, titre, *, statut=StatutIdee.PUBLIEE, categorie=CategorieIdee.SLOGAN, **champs):
    return Idee.objects.create(
        auteur=auteur,
        titre=titre,
        description=f"Description de « {titre} » pour la marque du Lot.",
        categorie=categorie,
        statut=statut,
        **champs,
    )


def titres(reponse):
    return [i.titre for i in reponse.context["idees"]]


@pytest.fixture
def auteur(fabrique_jeu):
    return fabrique_jeu.compte("autrice@exemple.fr")


def test_only_visible_ideas_are_listed(client, auteur):
    for statut in StatutIdee:
        idee(auteur, f"Idée {statut.value}", statut=statut)
    reponse = client.get(URL)
    assert reponse.status_code == 200
    assert sorted(titres(reponse)) == sorted(
        ["Idée publiee", "Idée retenue", "Idée en_cours", "Idée realisee"]
    )
    contenu = reponse.content.decode()
    assert "Idée en_attente" not in contenu
    assert "Idée refusee" not in contenu
    for libelle in ("Publiée", "Retenue", "En cours", "Réalisée"):
        assert libelle in contenu
    assert "slogan" in contenu and "vidéo" in contenu  # the intro


def test_each_idea_shows_category_supports_and_answer_excerpt(client, auteur, fabrique_jeu):
    objet = idee(
        auteur,
        "Un festival des idées",
        categorie=CategorieIdee.EVENEMENT,
        statut=StatutIdee.RETENUE,
        reponse="Nous retenons votre idée pour l'été prochain. " + "Détail. " * 60,
    )
    for _ in range(3):
        Vote.objects.create(idee=objet, utilisateur=fabrique_jeu.compte())
    contenu = client.get(URL).content.decode()
    assert "Un événement" in contenu
    assert "3 soutiens" in contenu
    assert "Nous retenons votre idée pour l&#x27;été prochain." in contenu
    assert contenu.count("Détail.") < 60  # an excerpt, not the whole answer


def test_french_plurals(client, auteur):
    idee(auteur, "Sans soutien")
    contenu = client.get(URL).content.decode()
    assert "0 soutien<" in contenu and "0 soutiens" not in contenu
    assert "1 idée<" in contenu


def test_filters_by_category_and_status(client, auteur):
    idee(auteur, "Slogan publié")
    idee(auteur, "Slogan retenu", statut=StatutIdee.RETENUE)
    idee(auteur, "Vidéo retenue", categorie=CategorieIdee.VIDEO, statut=StatutIdee.RETENUE)
    idee(auteur, "Vidéo en attente", categorie=CategorieIdee.VIDEO, statut=StatutIdee.EN_ATTENTE)
    assert sorted(titres(client.get(URL, {"categorie": "video"}))) == ["Vidéo retenue"]
    assert sorted(titres(client.get(URL, {"statut": "retenue"}))) == [
        "Slogan retenu",
        "Vidéo retenue",
    ]
    assert titres(client.get(URL, {"categorie": "slogan", "statut": "retenue"})) == [
        "Slogan retenu"
    ]
    # A hidden status cannot be asked for: the filter is ignored, hidden ideas stay hidden.
    reponse = client.get(URL, {"statut": "en_attente"})
    assert reponse.status_code == 200
    assert "Vidéo en attente" not in titres(reponse)
    assert len(titres(reponse)) == 3


@pytest.mark.parametrize(
    "parametres",
    [
        {"categorie": "inconnue"},
        {"statut": "<script>"},
        {"tri": "aleatoire"},
        {"page": "abc"},
        {"page": "99999"},
        {"categorie": "x" * 500, "tri": ["soutiens", "recents"]},
    ],
)
def test_bad_parameters_never_fail(client, auteur, parametres):
    idee(auteur, "Une idée")
    reponse = client.get(URL, parametres)
    assert reponse.status_code == 200
    assert titres(reponse) == ["Une idée"]


def test_sort_by_supports_and_by_date(client, auteur, fabrique_jeu):
    maintenant = timezone.now()
    ancienne = idee(auteur, "Ancienne très soutenue")
    moyenne = idee(auteur, "Moyenne")
    recente = idee(auteur, "Récente sans soutien")
    for jours, objet in ((10, ancienne), (5, moyenne), (1, recente)):
        Idee.objects.filter(pk=objet.pk).update(cree_le=maintenant - datetime.timedelta(days=jours))
    soutiens = [fabrique_jeu.compte() for _ in range(3)]
    for compte in soutiens:
        Vote.objects.create(idee=ancienne, utilisateur=compte)
    Vote.objects.create(idee=moyenne, utilisateur=soutiens[0])
    assert titres(client.get(URL, {"tri": "soutiens"})) == [
        "Ancienne très soutenue",
        "Moyenne",
        "Récente sans soutien",
    ]
    assert titres(client.get(URL)) == ["Récente sans soutien", "Moyenne", "Ancienne très soutenue"]
    assert titres(client.get(URL, {"tri": "recents"})) == titres(client.get(URL))


def test_pagination_keeps_the_filters(client, auteur):
    for n in range(PAR_PAGE + 2):
        idee(auteur, f"Vidéo {n}", categorie=CategorieIdee.VIDEO)
    idee(auteur, "Un slogan")
    reponse = client.get(URL, {"categorie": "video", "tri": "soutiens"})
    assert len(titres(reponse)) == PAR_PAGE
    contenu = reponse.content.decode()
    assert "categorie=video&amp;tri=soutiens&amp;page=2" in contenu
    page2 = client.get(URL, {"categorie": "video", "tri": "soutiens", "page": 2})
    assert len(titres(page2)) == 2
    assert "Un slogan" not in titres(page2)


def test_a_signed_in_reader_sees_which_ideas_they_support(client, auteur, fabrique_jeu):
    lecteur = fabrique_jeu.compte("lecteur@exemple.fr")
    soutenue = idee(auteur, "Soutenue")
    idee(auteur, "Pas soutenue")
    Vote.objects.create(idee=soutenue, utilisateur=lecteur)
    Vote.objects.create(idee=soutenue, utilisateur=fabrique_jeu.compte())
    client.force_login(lecteur)
    reponse = client.get(URL)
    etats = {i.titre: i.deja_soutenue for i in reponse.context["idees"]}
    assert etats == {"Soutenue": True, "Pas soutenue": False}
    contenu = reponse.content.decode()
    assert contenu.count('aria-pressed="true"') == 1
    assert contenu.count('aria-pressed="false"') == 1
    assert 'name="soutien" value="0"' in contenu  # pressing again withdraws


def test_the_author_gets_no_support_button_on_their_idea(client, auteur):
    idee(auteur, "Mon idée")
    client.force_login(auteur)
    contenu = client.get(URL).content.decode()
    assert "aria-pressed" not in contenu
    assert "C'est votre idée" in contenu


def test_anonymous_readers_are_invited_to_sign_in(client, auteur):
    objet = idee(auteur, "Une idée")
    contenu = client.get(URL).content.decode()
    assert "aria-pressed" not in contenu
    assert f"{reverse('account_login')}?next=/jeunesse/idees/{objet.pk}/" in contenu


def _requetes(client, **parametres) -> int:
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(URL, parametres)
    assert reponse.status_code == 200
    return len(requetes)


@pytest.mark.parametrize("connecte", [False, True])
def test_query_count_does_not_grow_with_the_ideas(client, auteur, fabrique_jeu, connecte):
    lecteur = fabrique_jeu.compte("lecteur@exemple.fr")
    votants = [fabrique_jeu.compte() for _ in range(3)]
    if connecte:
        client.force_login(lecteur)

    def ajouter(n):
        for i in range(n):
            objet = idee(auteur, f"Idée {Idee.objects.count()}", reponse="Merci !" if i % 2 else "")
            for compte in votants[: i % 4]:
                Vote.objects.create(idee=objet, utilisateur=compte)
            if i % 3 == 0:
                Vote.objects.create(idee=objet, utilisateur=lecteur)

    ajouter(2)
    client.get(URL)  # warm the caches (site settings, menus)
    peu = _requetes(client)
    peu_tri = _requetes(client, tri="soutiens", categorie="slogan")
    ajouter(PAR_PAGE + 5)
    beaucoup = _requetes(client)
    beaucoup_tri = _requetes(client, tri="soutiens", categorie="slogan")
    assert peu == beaucoup
    assert peu_tri == beaucoup_tri
    assert beaucoup <= 12
