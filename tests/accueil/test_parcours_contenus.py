"""Staff edit the journey's content in the admin; the demo seeds it."""

import io

import pytest
from django.contrib.auth.models import Group, Permission

from accueil import demo_parcours
from accueil.models import InfosPratiques, KitBienvenue, LogementTemporaire, ModeleEtape
from accueil.models.choix import ProfilArrivant
from lot_portal.territoire.models import CommunauteDeCommunes

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, fabrique):
    utilisateur = fabrique.utilisateur(is_staff=True, is_superuser=True)
    client.force_login(utilisateur)
    return client


def test_listes_et_formulaires_de_l_administration(admin, fabrique):
    fabrique.modele_etape(code="medecin", titre="Trouver un médecin", profils=["wanted"])
    fabrique.logement(nom="Gîte du causse")
    fabrique.kit()
    for prefixe, attendu in [
        ("accueil/modeles-etapes", "Trouver un médecin"),
        ("accueil/logements-temporaires", "Gîte du causse"),
        ("accueil/kits", "Bienvenue dans le Lot"),
        ("accueil/infos-pratiques", "Informations pratiques"),
    ]:
        response = admin.get(f"/admin/{prefixe}/")
        assert response.status_code == 200, prefixe
        assert attendu in response.content.decode()
        assert admin.get(f"/admin/{prefixe}/new/").status_code == 200
    contenu = admin.get("/admin/accueil/modeles-etapes/?q=médecin").content.decode()
    assert "Trouver un médecin" in contenu
    assert "Wanted" in contenu
    assert (
        admin.get("/admin/accueil/logements-temporaires/?type=gite&disponible=true").status_code
        == 200
    )


def test_un_agent_sans_droit_ne_modifie_pas(client, fabrique):
    utilisateur = fabrique.utilisateur(is_staff=True)
    groupe, _ = Group.objects.get_or_create(name="Accès admin seul")
    groupe.permissions.add(Permission.objects.get(codename="access_admin"))
    utilisateur.groups.add(groupe)
    client.force_login(utilisateur)
    assert client.get("/admin/accueil/modeles-etapes/").status_code in (302, 403)


def test_demo_idempotente(site_demo):
    sortie = io.StringIO()
    demo_parcours.seed(sortie)
    compte = (
        ModeleEtape.objects.count(),
        KitBienvenue.objects.count(),
        InfosPratiques.objects.count(),
        LogementTemporaire.objects.count(),
    )
    demo_parcours.seed(io.StringIO())
    assert compte == (
        ModeleEtape.objects.count(),
        KitBienvenue.objects.count(),
        InfosPratiques.objects.count(),
        LogementTemporaire.objects.count(),
    )
    assert compte[0] >= 10
    assert set(KitBienvenue.objects.values_list("profil", flat=True)) == set(ProfilArrivant.values)
    assert compte[2] == CommunauteDeCommunes.objects.count() > 0
    assert compte[3] >= 12
    assert LogementTemporaire.objects.values("commune__communaute").distinct().count() >= 5
    assert "logements temporaires" in sortie.getvalue()


def test_creer_un_modele_d_etape_depuis_l_administration(admin):
    response = admin.post(
        "/admin/accueil/modeles-etapes/new/",
        {
            "titre": "Inscrire les enfants à l'école",
            "code": "ecole",
            "explication": '{"blocks": [{"key": "a", "type": "unstyled", "text": "En mairie.", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "ressources": '{"blocks": [], "entityMap": {}}',
            "profils": ["wanted", "jeunes"],
            "condition": "enfants",
            "contenu": "aucun",
            "ordre": "60",
            "actif": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    modele = ModeleEtape.objects.get(code="ecole")
    assert modele.profils == ["wanted", "jeunes"]
    assert modele.condition == "enfants"


def test_logement_prix_incoherents_refuses(admin, fabrique):
    commune = fabrique.commune()
    response = admin.post(
        "/admin/accueil/logements-temporaires/new/",
        {
            "nom": "Gîte",
            "type": "gite",
            "commune": commune.pk,
            "capacite": "4",
            "prix_min": "800",
            "prix_max": "400",
            "disponible": "on",
            "contact_nom": "Mairie",
        },
    )
    assert response.status_code == 200
    assert not LogementTemporaire.objects.exists()
