"""Admin of employers and takeover messages: who sees what (permission matrix)."""

import pytest
from django.contrib.auth.models import Group, Permission
from fabriques import UtilisateurFactory

from opportunites.models import ContactReprise

pytestmark = pytest.mark.django_db

URL_EMPLOYEURS = "/admin/opportunites/employeurs/"
URL_CONTACTS = "/admin/opportunites/contacts-reprises/"


def _compte(*codenames, email):
    compte = UtilisateurFactory(email=email)
    groupe = Group.objects.create(name=f"Groupe {email}")
    groupe.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="opportunites", codename__in=codenames),
    )
    compte.groups.add(groupe)
    return compte


@pytest.fixture
def contact(fabrique_opp):
    reprise = fabrique_opp.reprise(title="Boulangerie du Causse")
    return ContactReprise.objects.create(
        reprise=reprise, nom="Claire Martin", email="claire@exemple.fr", message="Bonjour !" * 3
    )


def test_superuser_lists_employers_with_offer_counts(client, fabrique_opp):
    employeur = fabrique_opp.employeur(nom="Ratier-Figeac")
    fabrique_opp.offre(employeur=employeur)
    fabrique_opp.offre(employeur=employeur)
    admin = UtilisateurFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(URL_EMPLOYEURS).content.decode()
    assert "Ratier-Figeac" in html
    assert client.get(URL_EMPLOYEURS + "?secteur=ingenierie").status_code == 200
    assert client.get(URL_EMPLOYEURS + "?q=Ratier").status_code == 200
    assert client.get(URL_EMPLOYEURS + "?export=csv").status_code == 200
    assert client.get(URL_EMPLOYEURS + f"edit/{employeur.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("codenames", "employeurs", "contacts", "traiter"),
    [
        ((), 403, 403, 403),
        (("view_employeur",), 200, 403, 403),
        (("view_contactreprise",), 403, 200, 403),
        (("view_contactreprise", "change_contactreprise"), 403, 200, 302),
    ],
)
def test_permission_matrix(client, contact, codenames, employeurs, contacts, traiter):
    compte = _compte(*codenames, email=f"c{len(codenames)}{'-'.join(codenames)}@exemple.fr")
    client.force_login(compte)

    def statut(reponse):
        # Wagtail answers a missing permission with a redirect to the dashboard + message.
        if reponse.status_code == 302 and reponse["Location"].rstrip("/") == "/admin":
            return 403
        return reponse.status_code

    assert statut(client.get(URL_EMPLOYEURS)) == employeurs
    assert statut(client.get(URL_CONTACTS)) == contacts
    assert statut(client.get(f"{URL_CONTACTS}{contact.pk}/")) == contacts
    reponse = client.post(f"{URL_CONTACTS}{contact.pk}/traiter/")
    assert statut(reponse) == traiter
    contact.refresh_from_db()
    attendu = ContactReprise.Statut.TRAITE if traiter == 302 else ContactReprise.Statut.NOUVEAU
    assert contact.statut == attendu


def test_moderator_reads_filters_and_exports_messages(client, contact):
    compte = _compte("view_contactreprise", "change_contactreprise", email="mod@exemple.fr")
    client.force_login(compte)
    html = client.get(URL_CONTACTS).content.decode()
    assert "Claire Martin" in html and "Boulangerie du Causse" in html
    assert client.get(URL_CONTACTS + "?statut=traite").status_code == 200
    assert client.get(URL_CONTACTS + "?q=Claire").status_code == 200
    assert client.get(URL_CONTACTS + f"?reprise={contact.reprise_id}").status_code == 200
    inspect = client.get(f"{URL_CONTACTS}{contact.pk}/").content.decode()
    assert "Marquer comme traité" in inspect and "claire@exemple.fr" in inspect
    export = client.get(URL_CONTACTS + "?export=csv")
    assert export.status_code == 200
    assert b"Claire Martin" in b"".join(export.streaming_content)
    assert client.get(URL_CONTACTS + "?export=xlsx").status_code == 200
    assert client.get(URL_CONTACTS + "add/").status_code == 404
    assert client.post(f"{URL_CONTACTS}{contact.pk}/traiter/").status_code == 302
    contact.refresh_from_db()
    assert contact.statut == ContactReprise.Statut.TRAITE


def test_anonymous_is_sent_to_login(client, contact):
    reponse = client.get(URL_CONTACTS)
    assert reponse.status_code == 302 and "/admin" not in reponse["Location"].split("?")[0][-7:]


def test_moderator_deletes_a_message(client, contact):
    """The delete page (personal data on request) opens and deletes; without the
    permission it is refused and nothing is deleted."""
    url = f"{URL_CONTACTS}{contact.pk}/delete/"
    client.force_login(_compte("view_contactreprise", email="lecture@exemple.fr"))
    client.post(url)
    assert ContactReprise.objects.filter(pk=contact.pk).exists()

    moderateur = ("view_contactreprise", "change_contactreprise", "delete_contactreprise")
    client.force_login(_compte(*moderateur, email="mod.suppr@exemple.fr"))
    page = client.get(url)
    assert page.status_code == 200 and "Claire Martin" in page.content.decode()
    reponse = client.post(url)
    assert reponse.status_code == 302 and reponse["Location"] == URL_CONTACTS
    assert not ContactReprise.objects.filter(pk=contact.pk).exists()
