"""The demo's welcome network, and referents created by staff in the admin."""

import io

import pytest
from django.contrib.auth.models import Group

from accueil import demo_reseau
from accueil.models import Referent, RegleMaturite
from accueil.services.reseau import GROUPE_REFERENTS, referent_droits_accorder
from lot_portal.territoire.models import CommunauteDeCommunes

pytestmark = pytest.mark.django_db


def test_demo_creates_a_referent_per_area_and_is_idempotent(site_demo, client, monkeypatch):
    monkeypatch.setenv("DJANGO_DEMO_PASSWORD", "Demo-Referent-2026!")
    sortie = io.StringIO()
    demo_reseau.seed(sortie)
    demo_reseau.seed(io.StringIO())
    communautes = CommunauteDeCommunes.objects.count()
    assert communautes >= 9
    assert Referent.objects.filter(communaute__isnull=False).count() == communautes
    assert Referent.objects.filter(communaute__isnull=True).count() == 1
    assert RegleMaturite.objects.count() == len(RegleMaturite.Critere.values)
    assert "Demo-Referent-2026!" in sortie.getvalue()
    groupe = Group.objects.get(name=GROUPE_REFERENTS)
    assert groupe.permissions.filter(codename="access_admin").exists()
    cahors = Referent.objects.get(communaute__nom__icontains="Cahors")
    assert cahors.utilisateur.email.startswith("referent.") and cahors.utilisateur.is_staff
    assert groupe in cahors.utilisateur.groups.all()
    # The account logs in with the printed password and reaches the caseload.
    assert client.login(email=cahors.utilisateur.email, password="Demo-Referent-2026!")
    assert client.get("/admin/accueil/nouveaux-arrivants/").status_code == 200


def test_a_referent_created_in_the_admin_gets_access(client, fabrique):
    dep = fabrique.referent(communaute=None)
    referent_droits_accorder(referent=dep)
    client.force_login(dep.utilisateur)
    nouveau = fabrique.utilisateur(email="nouvelle.referente@lot.fr")
    secteur = fabrique.communaute()
    reponse = client.post(
        "/admin/accueil/referents/new/",
        {
            "utilisateur": nouveau.pk,
            "communaute": secteur.pk,
            "fonction": "Référente accueil",
            "telephone": "",
            "presentation": "",
            "actif": "on",
        },
    )
    assert reponse.status_code == 302
    nouveau.refresh_from_db()
    assert nouveau.is_staff and nouveau.groups.filter(name=GROUPE_REFERENTS).exists()
    client.force_login(nouveau)
    assert client.get("/admin/accueil/nouveaux-arrivants/").status_code == 200
