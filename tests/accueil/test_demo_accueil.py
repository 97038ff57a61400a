"""The welcome journey's demo: content of every area and 30 newcomers at every stage."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.db.models import Count

from accueil import demo
from accueil.models import (
    Bilan,
    ChangementStatut,
    EtapeParcours,
    KitBienvenue,
    LogementTemporaire,
    Message,
    ModeleEtape,
    ModeleRelance,
    NoteSuivi,
    ParcoursAccueil,
    Referent,
    Relance,
    SejourDecouverte,
)
from accueil.models.choix import StatutParcours
from lot_portal.courriels.models import Courriel
from lot_portal.territoire.models import CommunauteDeCommunes


def _compter():
    return {
        modele.__name__: modele.objects.count()
        for modele in (
            ParcoursAccueil,
            EtapeParcours,
            Message,
            NoteSuivi,
            ChangementStatut,
            SejourDecouverte,
            Relance,
            Bilan,
            Referent,
            KitBienvenue,
            ModeleEtape,
            ModeleRelance,
            LogementTemporaire,
        )
    }


@pytest.fixture
def demo_accueil(site_demo, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    sortie = io.StringIO()
    demo.seed(accueil=site_demo, stdout=sortie)
    return sortie.getvalue()


def test_seeding_twice_changes_nothing(demo_accueil, site_demo, tmp_path):
    avant = _compter()
    sortie = io.StringIO()
    demo.seed(accueil=site_demo, stdout=sortie)
    assert _compter() == avant
    assert avant["ParcoursAccueil"] == 30
    assert "Attention" not in demo_accueil + sortie.getvalue()
    # The same password is printed both times, and kept out of reach of others.
    mot_de_passe = (tmp_path / "identifiants-arrivants.txt").read_text().splitlines()[1]
    assert f"/ {mot_de_passe}" in demo_accueil
    assert f"/ {mot_de_passe}" in sortie.getvalue()
    assert (tmp_path / "identifiants-arrivants.txt").stat().st_mode & 0o077 == 0


def test_every_pipeline_stage_is_present(demo_accueil):
    statuts = dict(ParcoursAccueil.objects.values_list("statut").annotate(n=Count("pk")).order_by())
    assert set(statuts) == set(StatutParcours.values)
    assert sum(statuts.values()) == 30
    # Each file's history leads to its status, from « nouveau ».
    for parcours in ParcoursAccueil.objects.prefetch_related("changements_statut"):
        historique = sorted(parcours.changements_statut.all(), key=lambda c: (c.le, c.pk))
        assert historique[0].nouveau == StatutParcours.NOUVEAU
        assert historique[-1].nouveau == parcours.statut
        assert parcours.cree_le <= historique[-1].le


def test_newcomers_have_verified_accounts_and_coherent_files(demo_accueil):
    parcours = list(ParcoursAccueil.objects.select_related("utilisateur"))
    emails = {p.utilisateur.email for p in parcours}
    assert emails == {f"arrivant.{n}@exemple.fr" for n in range(1, 31)}
    assert EmailAddress.objects.filter(email__in=emails, verified=True).count() == 30
    assert all(p.etapes.exists() for p in parcours)
    assert all(p.score_detail for p in parcours)
    assert len({p.profil for p in parcours}) == 5
    assert len({p.communaute_id for p in parcours}) >= 5
    assert any(p.communaute_id is None for p in parcours)  # « je ne sais pas encore »
    assert any(p.enfants for p in parcours)
    installes = [p for p in parcours if p.statut == StatutParcours.INSTALLE]
    assert all(p.installe_le for p in installes)
    # Dates spread over the last months.
    anciennete = sorted(p.cree_le for p in parcours)
    assert (anciennete[-1] - anciennete[0]).days > 180


def test_messages_notes_stays_and_check_ins(demo_accueil):
    assert Message.objects.filter(de_l_arrivant=True).exists()
    assert Message.objects.filter(de_l_arrivant=False).exists()
    assert NoteSuivi.objects.exists()
    assert SejourDecouverte.objects.filter(statut=SejourDecouverte.Statut.PLANIFIE).exists()
    assert Bilan.objects.filter(repondu_le__isnull=False).count() >= 2
    assert Bilan.objects.filter(alerte=True).count() == 1
    assert Relance.objects.filter(statut=Relance.Statut.ENVOYEE).exists()
    assert Relance.objects.filter(statut=Relance.Statut.PREVUE).exists()


def test_the_demo_emails_nobody(demo_accueil, mailoutbox):
    assert not Courriel.objects.exists()
    assert mailoutbox == []


def test_every_area_has_a_referent_and_every_profile_a_kit(demo_accueil):
    sans_referent = CommunauteDeCommunes.objects.exclude(
        pk__in=Referent.objects.filter(actif=True).values("communaute")
    )
    assert list(sans_referent) == []
    assert Referent.objects.filter(communaute__isnull=True).exists()
    assert {"secondes_vies", "jeunes", "wanted", "touristes"} <= set(
        KitBienvenue.objects.values_list("profil", flat=True)
    )
    assert ModeleEtape.objects.filter(actif=True).count() >= 8
    assert LogementTemporaire.objects.values("commune__communaute").distinct().count() >= 3
    # Files are routed to the referent of their area.
    for parcours in ParcoursAccueil.objects.select_related("referent"):
        if parcours.communaute_id:
            assert parcours.referent.communaute_id == parcours.communaute_id
