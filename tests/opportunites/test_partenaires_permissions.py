"""Who may use the partner space, and whose items: every role against every URL and item,
GET and POST. Items are shared between the accounts of one employer, never across employers."""

import pytest
from django.urls import reverse

from opportunites.models import OffreEmploiPage, ReprisePage

REFUS = 403
INTROUVABLE = 404
# Methods a URL does not take: 405 for everyone, before any check.
METHODE_REFUSEE = {("espace", "post"), ("pourvue", "get")}


def _appels(client, urls):
    for nom, url in urls.items():
        for methode in ("get", "post"):
            reponse = getattr(client, methode)(url)
            if (nom, methode) in METHODE_REFUSEE:
                assert reponse.status_code == 405, (nom, methode)
                continue
            yield nom, methode, reponse


def _urls(offre, reprise):
    return {
        "espace": reverse("opportunites:partenaires"),
        "offre_nouvelle": reverse("opportunites:partenaires_offre_nouvelle"),
        "reprise_nouvelle": reverse("opportunites:partenaires_reprise_nouvelle"),
        "offre": reverse("opportunites:partenaires_offre_modifier", args=[offre.pk]),
        "pourvue": reverse("opportunites:partenaires_offre_pourvue", args=[offre.pk]),
        "reprise": reverse("opportunites:partenaires_reprise_modifier", args=[reprise.pk]),
    }


@pytest.mark.django_db
def test_permission_matrix(client, acteurs, fabrique_opp):
    offre = fabrique_opp.offre(employeur=acteurs.employeur_1, owner=acteurs.partenaire_a)
    reprise = fabrique_opp.reprise(owner=acteurs.partenaire_a)
    urls = _urls(offre, reprise)
    objets = {"offre", "pourvue", "reprise"}

    # Anonymous: to the login page, GET and POST.
    for nom, methode, reponse in _appels(client, urls):
        assert reponse.status_code == 302, (nom, methode)
        assert reponse["Location"].startswith("/compte/login/")

    # Not partners (plain account, moderator, superuser): 403 with a French page, everywhere.
    for compte in (acteurs.simple, acteurs.moderateur, acteurs.superutilisateur):
        client.force_login(compte)
        for nom, methode, reponse in _appels(client, urls):
            assert reponse.status_code == REFUS, (compte.email, nom, methode)
            assert "Réservé aux partenaires emploi" in reponse.content.decode()
            assert "no-store" in reponse["Cache-Control"]

    # Partner B (another employer): their space works, A's items are 404, GET and POST.
    client.force_login(acteurs.partenaire_b)
    for nom in ("espace", "offre_nouvelle", "reprise_nouvelle"):
        assert client.get(urls[nom]).status_code == 200
    for nom in objets:
        if nom != "pourvue":
            assert client.get(urls[nom]).status_code == INTROUVABLE, nom
        assert client.post(urls[nom], {"title": "Pris"}).status_code == INTROUVABLE, nom
    espace_b = client.get(urls["espace"]).content.decode()
    assert offre.title not in espace_b and reprise.title not in espace_b
    assert OffreEmploiPage.objects.get().pourvue_le is None
    assert ReprisePage.objects.get().get_latest_revision_as_object().title == reprise.title

    # Partners A and A2 (same employer) share the offer and the takeover.
    for compte in (acteurs.partenaire_a, acteurs.partenaire_a2):
        client.force_login(compte)
        espace = client.get(urls["espace"]).content.decode()
        assert offre.title in espace and reprise.title in espace
        assert client.get(urls["offre"]).status_code == 200
        assert client.get(urls["reprise"]).status_code == 200
        assert client.get(urls["pourvue"]).status_code == 405

    # A partner removed from the employer loses the employer's offers.
    acteurs.employeur_1.partenaires.remove(acteurs.partenaire_a2)
    client.force_login(acteurs.partenaire_a2)
    assert client.get(urls["offre"]).status_code == INTROUVABLE
    # An inactive partner is refused.
    acteurs.partenaire_a.is_active = False
    acteurs.partenaire_a.save()
    client.force_login(acteurs.partenaire_b)
    assert client.get(urls["espace"]).status_code == 200


@pytest.mark.django_db
def test_partner_space_is_not_in_the_admin(client, acteurs):
    """A partner has no Wagtail access at all; the staff's partner admin is refused too."""
    client.force_login(acteurs.partenaire_a)
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/opportunites/partenaires/").status_code == 302
    client.force_login(acteurs.simple)
    assert client.get("/admin/opportunites/partenaires/").status_code == 302
