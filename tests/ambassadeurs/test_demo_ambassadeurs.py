"""The demo ambassadors: 15 accepted across the areas, pending applications, idempotent."""

import io

import pytest
from django.core import mail
from PIL import Image

from ambassadeurs import demo
from ambassadeurs.models import Ambassadeur, StatutAmbassadeur


@pytest.mark.django_db
def test_seed_creates_ambassadors_with_avatars_and_is_idempotent(fabrique_amb, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    for _ in range(5):
        fabrique_amb.commune()
    sortie = io.StringIO()
    demo.seed(accueil=None, stdout=sortie)
    acceptes = Ambassadeur.objects.filter(statut=StatutAmbassadeur.ACCEPTE)
    assert acceptes.count() == 15
    assert Ambassadeur.objects.filter(statut=StatutAmbassadeur.CANDIDATURE).count() == 3
    assert acceptes.values("commune__communaute").distinct().count() == 5
    premier = Ambassadeur.objects.select_related("photo", "utilisateur").get(
        utilisateur__email="ambassadeur.1@exemple.fr"
    )
    assert premier.utilisateur.emailaddress_set.get().verified
    with premier.photo.file.open("rb") as fichier:
        assert Image.open(fichier).format == "PNG"
    mot_de_passe = (tmp_path / "identifiants-ambassadeurs.txt").read_text().splitlines()[1]
    assert premier.utilisateur.check_password(mot_de_passe)
    assert not mail.outbox

    demo.seed(accueil=None, stdout=io.StringIO())
    assert Ambassadeur.objects.count() == 18
