"""The public showcase: consenting, published laureates only; published entries only; budget."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Candidature, EntreeJournal, MembreEquipe
from jeunesse.models.choix import Statut, StatutJournal


def _laureat(fabrique_jeu, appel, *, consentement=True, publiee=True, titre=None, **champs):
    candidature = fabrique_jeu.candidature(appel, statut=Statut.RETENU)
    Candidature.objects.filter(pk=candidature.pk).update(
        montant_accorde=Decimal("1000"),
        acceptation_confirmee_le=timezone.now(),
        consentement_vitrine=consentement,
        vitrine_publiee=publiee,
        vitrine_resume="Une présentation publique.",
        titre=titre or candidature.titre,
        **champs,
    )
    candidature.refresh_from_db()
    return candidature


def test_list_shows_only_consenting_published_laureates(client, fabrique_jeu):
    appel = fabrique_jeu.appel(etat="clos")
    visible = _laureat(fabrique_jeu, appel, titre="Projet visible")
    _laureat(fabrique_jeu, appel, consentement=False, publiee=True, titre="Sans accord")
    _laureat(fabrique_jeu, appel, publiee=False, titre="Non publié")
    non_retenu = fabrique_jeu.candidature(appel, statut=Statut.NON_RETENU, titre="Non retenu")
    Candidature.objects.filter(pk=non_retenu.pk).update(
        consentement_vitrine=True, vitrine_publiee=True
    )
    EntreeJournal.objects.create(
        candidature=visible, titre="a", texte="b", statut=StatutJournal.PUBLIE
    )
    EntreeJournal.objects.create(
        candidature=visible, titre="c", texte="d", statut=StatutJournal.SOUMIS
    )
    reponse = client.get(reverse("jeunesse:vitrine"))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Projet visible" in contenu
    assert "1 article dans le journal" in contenu
    for titre in ("Sans accord", "Non publié", "Non retenu"):
        assert titre not in contenu


def test_project_page_404_without_consent_or_publication(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    for candidature in (
        _laureat(fabrique_jeu, appel, consentement=False),
        _laureat(fabrique_jeu, appel, publiee=False),
    ):
        url = reverse("jeunesse:vitrine_projet", kwargs={"reference": candidature.reference})
        assert client.get(url).status_code == 404
    brouillon = fabrique_jeu.candidature(appel)
    url = reverse("jeunesse:vitrine_projet", kwargs={"reference": brouillon.reference})
    assert client.get(url).status_code == 404


def test_project_page_first_names_only(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    candidature = _laureat(fabrique_jeu, appel)
    porteur = candidature.membres.get(est_porteur=True)
    MembreEquipe.objects.create(
        candidature=candidature,
        prenom="Noé",
        nom="Vidalou",
        email="n@exemple.fr",
        accepte_le=timezone.now(),
    )
    MembreEquipe.objects.create(
        candidature=candidature, prenom="Invitée", nom="Pasquier", email="i@exemple.fr"
    )
    reponse = client.get(
        reverse("jeunesse:vitrine_projet", kwargs={"reference": candidature.reference})
    )
    contenu = reponse.content.decode()
    assert porteur.prenom in contenu and "Noé" in contenu
    assert porteur.nom not in contenu and "Vidalou" not in contenu
    assert "Invitée" not in contenu
    assert "Une présentation publique." in contenu


def test_filters_and_bad_parameters(client, fabrique_jeu):
    appel_a = fabrique_jeu.appel(titre="Appel A")
    appel_b = fabrique_jeu.appel(titre="Appel B")
    _laureat(fabrique_jeu, appel_a, titre="Projet de A")
    _laureat(fabrique_jeu, appel_b, titre="Projet de B")
    contenu = client.get(reverse("jeunesse:vitrine"), {"appel": appel_a.slug}).content.decode()
    assert "Projet de A" in contenu and "Projet de B" not in contenu
    annee = appel_a.cloture.year
    contenu = client.get(reverse("jeunesse:vitrine"), {"annee": annee}).content.decode()
    assert "Projet de A" in contenu and "Projet de B" in contenu
    contenu = client.get(reverse("jeunesse:vitrine"), {"annee": annee - 5}).content.decode()
    assert "Aucun projet" in contenu
    for parametres in ({"annee": "abc"}, {"page": "999"}, {"page": "x"}, {"appel": "<b>"}):
        assert client.get(reverse("jeunesse:vitrine"), parametres).status_code == 200


def test_list_query_budget(client, fabrique_jeu):
    appel = fabrique_jeu.appel()

    def mesurer():
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(reverse("jeunesse:vitrine")).status_code == 200
        return len(requetes)

    def ajouter(n):
        for _ in range(n):
            c = _laureat(fabrique_jeu, appel)
            EntreeJournal.objects.create(
                candidature=c, titre="a", texte="b", statut=StatutJournal.PUBLIE
            )

    ajouter(1)
    mesurer()
    peu = mesurer()
    ajouter(6)
    beaucoup = mesurer()
    assert peu == beaucoup
    assert beaucoup <= 10


def test_pagination(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    for i in range(13):
        _laureat(fabrique_jeu, appel, titre=f"Projet n{i:02d}")
    contenu = client.get(reverse("jeunesse:vitrine")).content.decode()
    assert "Page 1 sur 2" in contenu and "13 projets" in contenu
    contenu = client.get(reverse("jeunesse:vitrine"), {"page": 2}).content.decode()
    assert "Page 2 sur 2" in contenu
