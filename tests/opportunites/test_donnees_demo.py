"""Demo content of the opportunities and the bulk generator of large volumes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from lot_portal.cms.models import HistoirePage
from opportunites import demo
from opportunites.models import (
    Contrat,
    CreationPage,
    Employeur,
    OffreEmploiPage,
    OffresIndexPage,
    ReprisePage,
    TypeAccompagnement,
)
from opportunites.structure import GROUPE_MODERATION, GROUPE_PARTENAIRES

pytestmark = pytest.mark.django_db


def _comptes():
    return (
        OffreEmploiPage.objects.count(),
        Employeur.objects.count(),
        ReprisePage.objects.count(),
        CreationPage.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_content_and_idempotence(site_demo, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    sortie = io.StringIO()
    demo.seed(accueil=site_demo, stdout=sortie)
    offres, employeurs, reprises, creations, _ = _comptes()
    assert offres >= 60 and employeurs == 25 and reprises == 12 and creations == 6
    assert OffreEmploiPage.objects.live().count() == offres
    assert {o.contrat for o in OffreEmploiPage.objects.all()} == set(Contrat.values)
    assert OffreEmploiPage.objects.filter(profil_recherche=True, secteur="sante").exists()
    assert OffreEmploiPage.objects.filter(profil_recherche=True, secteur="numerique").exists()
    assert OffreEmploiPage.objects.filter(profil_recherche=True, secteur="ingenierie").exists()
    assert OffreEmploiPage.objects.values("commune__communaute").distinct().count() >= 6
    aujourd_hui = timezone.localdate()
    assert OffreEmploiPage.objects.filter(date_expiration__lt=aujourd_hui).count() >= 3
    assert OffreEmploiPage.objects.exclude(pourvue_le=None).count() == 1
    assert not OffreEmploiPage.objects.exclude(reference_externe__startswith="demo-").exists()
    for offre in OffreEmploiPage.objects.all():
        offre.full_clean()  # every demo offer is valid as editors would save it
    assert all(r.photos.count() >= 1 for r in ReprisePage.objects.all())
    assert CreationPage.objects.filter(
        type_accompagnement=TypeAccompagnement.CONCOURS, date_limite__gt=timezone.now()
    ).exists()
    assert (
        CreationPage.objects.filter(type_accompagnement=TypeAccompagnement.COWORKING).count() == 2
    )

    partenaire = get_user_model().objects.get(email="partenaire@exemple.fr")
    assert partenaire.groups.filter(name=GROUPE_PARTENAIRES).exists()
    assert partenaire.employeurs.count() == 2
    moderateur = get_user_model().objects.get(email="moderation.emploi@lot.fr")
    assert moderateur.groups.filter(name=GROUPE_MODERATION).exists()
    mot_de_passe = (tmp_path / demo.FICHIER_IDENTIFIANTS).read_text().splitlines()[1]
    assert f"/ {mot_de_passe}" in sortie.getvalue()
    assert partenaire.check_password(mot_de_passe)

    avant = _comptes()
    sortie = io.StringIO()
    demo.seed(accueil=site_demo, stdout=sortie)
    assert _comptes() == avant
    assert "Comptes des opportunités" in sortie.getvalue()
    assert Page.find_problems() == ([], [], [], [], [])


def test_generator_keeps_the_tree_consistent(opp, fabrique_opp):
    fabrique_opp.offre()
    cles = demo.offres_generer(120, accueil=opp.hub.get_parent())
    assert len(cles) == 120
    assert Page.find_problems() == ([], [], [], [], [])
    index = OffresIndexPage.objects.get(pk=opp.offres.pk)
    assert index.numchild == 121 == index.get_children().count()
    offres = OffreEmploiPage.objects.filter(pk__in=cles)
    assert offres.count() == 120 and offres.live().count() == 120
    offre = offres.order_by("pk").first()
    assert offre.url_path == f"{index.url_path}{offre.slug}/"
    assert offre.get_parent().pk == index.pk
    assert offres.filter(date_expiration__lt=timezone.localdate()).count() == 12
    # A second run adds more, with other references and slugs.
    demo.offres_generer(5, accueil=opp.hub.get_parent(), indexer=False)
    assert OffreEmploiPage.objects.count() == 126
    assert Page.find_problems() == ([], [], [], [], [])
    # A page added the usual way after the bulk goes after the generated ones.
    nouvelle = fabrique_opp.offre()
    assert nouvelle.path > offres.order_by("-path").first().path
    # Search finds generated offers.
    assert OffreEmploiPage.objects.live().search(offre.title.split(" (")[0]).count() >= 1


def test_seed_demo_volumes_options(site_demo):
    sortie = io.StringIO()
    call_command("seed_demo", "--noyau", "--offres", "30", "--histoires", "20", stdout=sortie)
    assert "Offres générées : 30." in sortie.getvalue()
    assert "Histoires générées : 20." in sortie.getvalue()
    assert OffreEmploiPage.objects.count() == 30
    histoires = HistoirePage.objects.live()
    assert histoires.count() == 20
    assert all(h.profils_cibles.count() == 1 for h in histoires[:5])
    assert Page.find_problems() == ([], [], [], [], [])
