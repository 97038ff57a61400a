"""The directory is cached for anonymous visitors; an ambassador's change refreshes it."""

from django.test import Client


def test_une_mise_en_pause_retire_l_ambassadeur_de_l_annuaire_en_cache(
    fabrique_amb, site_demo, cache_vide, wsgi_get
):
    ambassadeur = fabrique_amb.ambassadeur(prenom="Margaux")
    assert "Margaux" in Client().get("/ambassadeurs/").content.decode()
    _, _, misses = wsgi_get("/ambassadeurs/")
    assert misses == []  # served from the cache

    ambassadeur.disponible = False
    ambassadeur.save()

    _, _, misses = wsgi_get("/ambassadeurs/")
    assert misses == ["/ambassadeurs/"]
    assert "Margaux" not in Client().get("/ambassadeurs/").content.decode()


def test_le_profil_propose_de_poser_une_question(fabrique_amb, site_demo):
    ambassadeur = fabrique_amb.ambassadeur(offres=["questions"])
    contenu = Client().get(f"/ambassadeurs/{ambassadeur.pk}/").content.decode()
    assert f"/ambassadeurs/{ambassadeur.pk}/question/" in contenu
    autre = fabrique_amb.ambassadeur(offres=["histoires"])
    contenu = Client().get(f"/ambassadeurs/{autre.pk}/").content.decode()
    assert f"/ambassadeurs/{autre.pk}/question/" not in contenu
