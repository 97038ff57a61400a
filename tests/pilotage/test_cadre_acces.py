"""Who may open the dashboard, its exports, its menu item and its home panel."""

import pytest
import time_machine
from cadre_fabrique import SectionFactice, isoler_hooks, utilisateur
from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import post_migrate
from fabriques import CommunauteFactory
from wagtail import hooks

from lot_portal.pilotage.acces import GROUPE_PILOTAGE, peut_voir
from lot_portal.pilotage.wagtail_hooks import register_admin_menu_item

pytestmark = pytest.mark.django_db

TABLEAU_DE_BORD = "/admin/pilotage/"
EXPORT = "/admin/pilotage/export/arrivants/par-profil/?format=csv"


@pytest.fixture(autouse=True)
def _hooks(monkeypatch):
    isoler_hooks(monkeypatch)
    with SectionFactice().enregistrer():
        yield


def test_le_groupe_pilotage_existe_apres_migration_avec_l_acces_admin():
    groupe = Group.objects.get(name=GROUPE_PILOTAGE)
    assert list(groupe.permissions.values_list("content_type__app_label", "codename")) == [
        ("wagtailadmin", "access_admin")
    ]


def test_le_groupe_est_cree_de_facon_idempotente():
    Group.objects.filter(name=GROUPE_PILOTAGE).delete()
    config = apps.get_app_config("wagtailadmin")
    for _ in range(2):
        post_migrate.send(
            sender=config,
            app_config=config,
            using="default",
            verbosity=0,
            interactive=False,
            plan=[],
            apps=apps,
        )
    groupe = Group.objects.get(name=GROUPE_PILOTAGE)
    assert groupe.permissions.filter(codename="access_admin").count() == 1


@pytest.mark.parametrize(
    ("role", "attendu"),
    [
        ("anonyme", "login"),
        ("simple", "login"),
        ("equipe", "refus"),
        ("pilotage", 200),
        ("superuser", 200),
    ],
)
@pytest.mark.parametrize("adresse", [TABLEAU_DE_BORD, EXPORT])
def test_matrice_d_acces(client, role, attendu, adresse):
    compte = utilisateur(role)
    if compte:
        client.force_login(compte)
    reponse = client.get(adresse)
    if attendu == 200:
        assert reponse.status_code == 200
    elif attendu == "login":
        assert reponse.status_code == 302
        assert reponse["Location"].startswith("/compte/")
    else:  # Wagtail's « permission denied »: back to the admin home with a message
        assert reponse.status_code == 302
        assert reponse["Location"] == "/admin/"


@pytest.mark.parametrize("adresse", [TABLEAU_DE_BORD, EXPORT])
def test_un_referent_accede_par_le_hook_pilotage_acces(client, adresse):
    compte = utilisateur("referent")
    client.force_login(compte)
    assert client.get(adresse).status_code == 302
    with hooks.register_temporarily("pilotage_acces", lambda u: u.pk == compte.pk):
        assert client.get(adresse).status_code == 200


def test_peut_voir_exige_un_compte_actif_de_l_equipe():
    compte = utilisateur("pilotage")
    assert peut_voir(compte)
    compte.is_staff = False
    assert not peut_voir(compte)
    compte.is_staff, compte.is_active = True, False
    assert not peut_voir(compte)
    autre = utilisateur("simple")
    autre.groups.add(Group.objects.get(name=GROUPE_PILOTAGE))
    autre.is_staff = True
    autre.save()
    # The group gives admin access: an active staff member of « Pilotage » may see.
    assert peut_voir(type(autre).objects.get(pk=autre.pk))


def test_un_hook_pilotage_acces_ne_suffit_pas_sans_acces_admin():
    compte = utilisateur("simple")
    with hooks.register_temporarily("pilotage_acces", lambda u: True):
        assert not peut_voir(compte)


@pytest.mark.parametrize(("role", "visible"), [("pilotage", True), ("equipe", False)])
def test_element_de_menu_et_panneau_d_accueil(client, role, visible):
    client.force_login(utilisateur(role))
    contenu = client.get("/admin/").content.decode()
    assert ("Pilotage : les 30 derniers jours" in contenu) is visible
    assert ("/admin/pilotage/" in contenu) is visible
    if visible:
        assert "12\u202f345" in contenu  # the fake section's headline number
        assert "Inscriptions" in contenu


def test_panneau_d_accueil_d_un_referent_sur_30_jours_et_son_perimetre(client):
    cahors = CommunauteFactory(nom="Grand Cahors")
    compte = utilisateur("referent")
    locale = SectionFactice(slug="reseau", titre="Réseau d'accueil")
    globale = SectionFactice(slug="contenus", titre="Contenus publiés", par_territoire=False)
    with (
        time_machine.travel("2026-03-15 12:00 +01:00", tick=False),
        locale.enregistrer(),
        globale.enregistrer(),
        hooks.register_temporarily(
            [("pilotage_perimetre", lambda u: (cahors.pk,)), ("pilotage_acces", lambda u: True)]
        ),
    ):
        client.force_login(compte)
        contenu = client.get("/admin/").content.decode()
    assert "Pilotage : les 30 derniers jours" in contenu
    assert "Réseau d&#x27;accueil" in contenu or "Réseau d'accueil" in contenu
    assert "Contenus publiés" not in contenu
    assert globale.appels == []
    assert {(f.debut.isoformat(), f.fin.isoformat(), f.communautes) for f in locale.appels} == {
        ("2026-02-14", "2026-03-15", (cahors.pk,))
    }
    assert "?periode=30j" in contenu


@pytest.mark.parametrize(
    ("role", "visible"),
    [("pilotage", True), ("superuser", True), ("equipe", False), ("simple", False)],
)
def test_l_element_de_menu_pilotage(rf, role, visible):
    element = register_admin_menu_item()
    requete = rf.get("/admin/")
    requete.user = utilisateur(role)
    assert element.label == "Pilotage"
    assert element.url == "/admin/pilotage/"
    assert element.is_shown(requete) is visible
