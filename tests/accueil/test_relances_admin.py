"""The follow-ups in the admin: who sees what, cancelling, templates, query budget."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accueil.models import Bilan, ModeleRelance, Relance
from accueil.services import relances as services

pytestmark = pytest.mark.django_db

LISTES = {
    "relances": "/admin/accueil/relances/",
    "bilans": "/admin/accueil/bilans/",
}


@pytest.fixture
def groupe_accueil():
    groupe, _ = Group.objects.get_or_create(name="Test accueil relances")
    codes = [
        "access_admin",
        "view_relance",
        "change_relance",
        "view_bilan",
        "view_modelerelance",
        "add_modelerelance",
        "change_modelerelance",
        "delete_modelerelance",
    ]
    groupe.permissions.set(Permission.objects.filter(codename__in=codes))
    return groupe


@pytest.fixture
def monde(fabrique, groupe_accueil):
    """Two areas, a referent each, the departmental team, a staff member who is no
    referent, a superuser; one file with a follow-up and a check-in at risk per area."""
    modele = fabrique.modele_relance(code="j7")
    a, b = fabrique.communaute(nom="Grand-Figeac"), fabrique.communaute(nom="Causses")
    comptes = {}
    for nom, communaute in (("ref_a", a), ("ref_b", b), ("dep", None)):
        utilisateur = fabrique.utilisateur(email=f"{nom}@lot.fr", is_staff=True)
        utilisateur.groups.add(groupe_accueil)
        fabrique.referent(utilisateur=utilisateur, communaute=communaute)
        comptes[nom] = utilisateur
    comptes["staff"] = fabrique.utilisateur(email="staff@lot.fr", is_staff=True)
    comptes["staff"].groups.add(groupe_accueil)
    comptes["admin"] = fabrique.utilisateur(email="admin@lot.fr", is_staff=True, is_superuser=True)
    dossiers = {}
    for cle, communaute, prenom in (("a", a, "Alice"), ("b", b, "Bruno")):
        parcours = fabrique.parcours(prenom=prenom, nom="Test", communaute=communaute)
        services.relances_planifier(parcours=parcours)
        Bilan.objects.create(
            parcours=parcours, alerte=True, motifs_alerte=["Se sent isolé"], satisfaction=3
        )
        dossiers[cle] = parcours
    return {"comptes": comptes, "dossiers": dossiers, "modele": modele}


VOIT = {
    "ref_a": {"Alice"},
    "ref_b": {"Bruno"},
    "dep": {"Alice", "Bruno"},
    "admin": {"Alice", "Bruno"},
    "staff": set(),
}


@pytest.mark.parametrize("compte", list(VOIT))
@pytest.mark.parametrize("liste", list(LISTES))
def test_each_role_sees_only_its_area(client, monde, compte, liste):
    client.force_login(monde["comptes"][compte])
    reponse = client.get(LISTES[liste])
    assert reponse.status_code == 200
    html = reponse.content.decode()
    vus = {prenom for prenom in ("Alice", "Bruno") if f"{prenom} Test" in html}
    assert vus == VOIT[compte]


@pytest.mark.parametrize("compte", list(VOIT))
def test_inspect_and_cancel_another_areas_row_is_404(client, monde, compte):
    client.force_login(monde["comptes"][compte])
    for cle, prenom in (("a", "Alice"), ("b", "Bruno")):
        relance = Relance.objects.get(parcours=monde["dossiers"][cle])
        bilan = Bilan.objects.get(parcours=monde["dossiers"][cle])
        attendu = 200 if prenom in VOIT[compte] else 404
        assert client.get(f"/admin/accueil/relances/inspect/{relance.pk}/").status_code == attendu
        assert client.get(f"/admin/accueil/bilans/inspect/{bilan.pk}/").status_code == attendu
        assert client.get(f"/admin/accueil/relances/annuler/{relance.pk}/").status_code == attendu


def test_a_referent_cancels_a_pending_follow_up_of_their_area(client, monde):
    client.force_login(monde["comptes"]["ref_a"])
    relance = Relance.objects.get(parcours=monde["dossiers"]["a"])
    liste = client.get(LISTES["relances"]).content.decode()
    assert f"/admin/accueil/relances/annuler/{relance.pk}/" in liste
    reponse = client.post(f"/admin/accueil/relances/annuler/{relance.pk}/")
    assert reponse.status_code == 302
    relance.refresh_from_db()
    assert relance.statut == Relance.Statut.ANNULEE
    assert relance.motif_annulation == services.MOTIF_EQUIPE
    # Planning again does not revive a cancellation by staff.
    services.relances_planifier(parcours=monde["dossiers"]["a"])
    relance.refresh_from_db()
    assert relance.statut == Relance.Statut.ANNULEE
    # The other area's row cannot be cancelled.
    autre = Relance.objects.get(parcours=monde["dossiers"]["b"])
    assert client.post(f"/admin/accueil/relances/annuler/{autre.pk}/").status_code == 404
    autre.refresh_from_db()
    assert autre.statut == Relance.Statut.PREVUE


def test_follow_ups_and_check_ins_are_read_only(client, monde):
    client.force_login(monde["comptes"]["admin"])
    relance = Relance.objects.first()
    bilan = Bilan.objects.first()
    for url in (
        f"/admin/accueil/relances/edit/{relance.pk}/",
        f"/admin/accueil/relances/delete/{relance.pk}/",
        "/admin/accueil/relances/new/",
        f"/admin/accueil/bilans/edit/{bilan.pk}/",
        "/admin/accueil/bilans/new/",
    ):
        assert client.get(url).status_code in (302, 403, 404), url


def test_filters_by_status_and_model(client, monde):
    client.force_login(monde["comptes"]["dep"])
    Relance.objects.filter(parcours=monde["dossiers"]["b"]).update(statut="annulee")
    html = client.get(LISTES["relances"], {"statut": "prevue"}).content.decode()
    assert "Alice Test" in html and "Bruno Test" not in html
    autre = ModeleRelance.objects.create(
        code="autre", nom="Autre", declencheur="inscription", delai_jours=3, sujet="s", corps="c"
    )
    html = client.get(LISTES["relances"], {"modele": autre.pk}).content.decode()
    assert "Alice Test" not in html


def test_check_ins_at_risk_come_first(client, monde, fabrique):
    client.force_login(monde["comptes"]["dep"])
    serein = fabrique.parcours(prenom="Zoé", nom="Calme", communaute=None)
    Bilan.objects.create(parcours=serein, alerte=False, satisfaction=5)
    html = client.get(LISTES["bilans"]).content.decode()
    assert html.index("Alice Test") < html.index("Zoé Calme")
    assert html.index("Bruno Test") < html.index("Zoé Calme")
    assert "Risque signalé" in html  # a word, not a colour only


def test_template_form_refuses_unknown_placeholders(client, monde):
    client.force_login(monde["comptes"]["admin"])
    donnees = {
        "nom": "Deux semaines",
        "code": "j14",
        "declencheur": "inscription",
        "delai_jours": "14",
        "sujet": "Bonjour {prénom}",
        "corps": "Bonjour {prenom}, {referent} et {ville}",
        "actif": "on",
    }
    reponse = client.post("/admin/accueil/modeles-relance/new/", donnees)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Variable inconnue : {ville}." in html
    assert not ModeleRelance.objects.filter(code="j14").exists()
    donnees["sujet"], donnees["corps"] = "Bonjour {prenom}", "Bonjour {prenom} ({secteur})"
    assert client.post("/admin/accueil/modeles-relance/new/", donnees).status_code == 302
    assert ModeleRelance.objects.filter(code="j14").exists()


def test_a_template_with_history_or_the_welcome_cannot_be_deleted(client, monde):
    client.force_login(monde["comptes"]["admin"])
    modele = monde["modele"]
    client.post(f"/admin/accueil/modeles-relance/delete/{modele.pk}/")
    assert ModeleRelance.objects.filter(pk=modele.pk).exists()
    bienvenue = services.modele_bienvenue()
    client.post(f"/admin/accueil/modeles-relance/delete/{bienvenue.pk}/")
    assert ModeleRelance.objects.filter(pk=bienvenue.pk).exists()


@pytest.mark.parametrize("liste", list(LISTES))
def test_list_query_count_does_not_grow_with_rows(client, monde, fabrique, liste):
    client.force_login(monde["comptes"]["dep"])

    def requetes():
        with CaptureQueriesContext(connection) as capture:
            assert client.get(LISTES[liste]).status_code == 200
        return len(capture)

    avant = requetes()
    for n in range(10):
        parcours = fabrique.parcours(prenom=f"P{n}", communaute=None)
        services.relances_planifier(parcours=parcours)
        Bilan.objects.create(parcours=parcours)
    assert Relance.objects.count() == 12 and Bilan.objects.count() == 12
    assert requetes() == avant
