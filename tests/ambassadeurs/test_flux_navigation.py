"""The « Ambassadeurs » entry of the main navigation, « Mon espace ambassadeur » for
accepted ambassadors only, and badges on the public profile."""

import pytest

from ambassadeurs.models import Parrainage

pytestmark = pytest.mark.django_db


def test_main_navigation_has_the_directory(client):
    contenu = client.get("/ambassadeurs/").content.decode()
    assert 'href="/ambassadeurs/" aria-current="page">Ambassadeurs</a>' in contenu
    assert "Mon espace ambassadeur" not in contenu


def test_space_link_only_for_accepted_ambassadors(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    assert 'href="/ambassadeurs/espace/">Mon espace ambassadeur' in (
        client.get("/ambassadeurs/").content.decode()
    )
    # A decision changing the status is reflected at once (the cached flag is forgotten).
    ambassadeur.statut = "refuse"
    ambassadeur.save()
    assert "Mon espace ambassadeur" not in client.get("/ambassadeurs/").content.decode()

    candidat = fabrique_amb.ambassadeur(statut="candidature")
    client.force_login(candidat.utilisateur)
    assert "Mon espace ambassadeur" not in client.get("/ambassadeurs/").content.decode()
    client.force_login(fabrique_amb.utilisateur(email="simple@exemple.fr"))
    assert "Mon espace ambassadeur" not in client.get("/ambassadeurs/").content.decode()


def test_badges_on_the_public_profile(client, fabrique_amb):
    import uuid

    ambassadeur = fabrique_amb.ambassadeur()
    contenu = client.get(f"/ambassadeurs/{ambassadeur.pk}/").content.decode()
    assert "Ses badges" not in contenu
    Parrainage.objects.create(ambassadeur=ambassadeur, filleul_reference=uuid.uuid4())
    contenu = client.get(f"/ambassadeurs/{ambassadeur.pk}/").content.decode()
    assert "Ses badges" in contenu
    assert "Premier filleul inscrit" in contenu
    assert "Première installation" not in contenu  # only the badges earned
