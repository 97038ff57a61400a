"""The youth calls' demo: complete, consistent with the state machine, idempotent, silent."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from jeunesse import demo
from jeunesse.models import (
    Affectation,
    AppelAProjets,
    Candidature,
    DemandeComplement,
    EntreeJournal,
    Idee,
    MembreJury,
    Note,
    Transition,
    Versement,
    Vote,
)
from jeunesse.models.choix import Statut, StatutIdee, StatutJournal, TypeAppel
from jeunesse.services.etats import TRANSITIONS
from lot_portal.courriels.models import Courriel


@pytest.fixture
def semer(db, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.VAR_DIR = tmp_path

    def _semer():
        sortie = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            demo.seed(accueil=None, stdout=sortie)
        return sortie.getvalue()

    return _semer


def _compter():
    return {
        modele.__name__: modele.objects.count()
        for modele in (
            AppelAProjets, Candidature, Transition, Affectation, Note, Idee, Vote, Versement,
            get_user_model(),
        )
    }  # fmt: skip


def test_seed_twice_without_duplicates(semer):
    sortie = semer()
    assert "Comptes de la jeunesse" in sortie
    avant = _compter()
    sortie = semer()
    assert _compter() == avant
    assert "Comptes de la jeunesse" in sortie
    assert AppelAProjets.objects.count() == 3


def test_demo_is_not_emailed(semer):
    mail.outbox.clear()
    semer()
    assert Courriel.objects.count() == 0
    assert mail.outbox == []


def test_calls_and_their_states(semer):
    semer()
    ouvert = AppelAProjets.objects.get(slug=demo.SLUG_OUVERT)
    clos = AppelAProjets.objects.get(slug=demo.SLUG_CLOS)
    concours = AppelAProjets.objects.get(slug=demo.SLUG_CONCOURS)
    assert ouvert.est_ouvert() and ouvert.publie
    assert (ouvert.age_min, ouvert.age_max) == (15, 30)
    assert ouvert.criteres.count() == 3 and ouvert.questions.count() == 2
    assert ouvert.documents.count() == 1
    assert str(ouvert.enveloppe) == "30000.00" and str(ouvert.montant_max) == "3000.00"
    assert set(ouvert.candidatures.values_list("statut", flat=True)) == {Statut.BROUILLON}
    assert ouvert.candidatures.count() == 2
    assert clos.etat() == clos.Etat.CLOS
    assert set(clos.candidatures.values_list("statut", flat=True)) == set(Statut.values)
    assert concours.est_ouvert() and concours.public_ouvert
    assert concours.type_appel == TypeAppel.CREATION


def test_states_were_reached_through_the_state_machine(semer):
    semer()
    for candidature in Candidature.objects.prefetch_related("transitions"):
        etat = Statut.BROUILLON
        for transition in candidature.transitions.all():
            assert transition.de == etat
            assert (transition.de, transition.vers) in TRANSITIONS
            etat = transition.vers
        assert etat == candidature.statut
        totaux = candidature.totaux_budget()
        assert totaux["equilibre"], candidature.titre
        assert candidature.montant_demande <= candidature.appel.montant_max
        assert candidature.membres.filter(est_porteur=True).count() == 1


def test_jury_scores_conflict_and_laureate(semer):
    semer()
    clos = AppelAProjets.objects.get(slug=demo.SLUG_CLOS)
    assert MembreJury.objects.filter(appel=clos).count() == 3
    criteres = clos.criteres.count()
    notees = Affectation.objects.filter(candidature__appel=clos, conflit=False)
    assert notees.exists()
    for affectation in notees:
        assert affectation.notes.count() == criteres
    assert Note.objects.exists()
    assert Affectation.objects.filter(conflit=True).count() == 1
    assert not Note.objects.filter(affectation__conflit=True).exists()
    complement = clos.candidatures.get(statut=Statut.COMPLEMENT_DEMANDE)
    demande = DemandeComplement.objects.get(candidature=complement)
    assert demande.points.count() >= 2
    laureat = clos.candidatures.get(statut=Statut.RETENU)
    assert laureat.montant_accorde and laureat.acceptation_confirmee_le
    assert laureat.consentement_vitrine and laureat.vitrine_publiee and laureat.vitrine_resume
    assert laureat.versements.count() == 2 and laureat.actions_soutien.exists()
    assert EntreeJournal.objects.filter(candidature=laureat, statut=StatutJournal.PUBLIE).exists()


def test_twenty_ideas_with_votes_and_answers(semer):
    semer()
    assert Idee.objects.count() == 20
    assert Idee.objects.visibles().count() >= 15
    assert Idee.objects.filter(statut=StatutIdee.EN_ATTENTE).exists()
    assert Idee.objects.filter(statut=StatutIdee.REFUSEE).exists()
    assert len(set(Idee.objects.values_list("categorie", flat=True))) >= 4
    for idee in Idee.objects.filter(
        statut__in=[StatutIdee.RETENUE, StatutIdee.EN_COURS, StatutIdee.REALISEE]
    ):
        assert idee.reponse and idee.repondu_par_id
    assert Vote.objects.count() > 20
    assert not Vote.objects.filter(idee__auteur=models_f("utilisateur")).exists()


def models_f(nom):
    from django.db.models import F

    return F(nom)


def test_accounts(semer):
    semer()
    utilisateurs = get_user_model().objects
    instructeur = utilisateurs.get(email=demo.EMAIL_INSTRUCTION)
    assert instructeur.is_staff and instructeur.has_perm("jeunesse.instruire_candidature")
    jeune = utilisateurs.get(email="jeune@exemple.fr")
    assert jeune.emailaddress_set.filter(verified=True).exists()
    assert not jeune.is_staff


def test_demo_pages_render(semer, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    semer()
    assert client.get("/jeunesse/").status_code == 200
    contenu = client.get("/jeunesse/appels/").content.decode()
    for titre in ("Initiatives jeunes 2027", "Jeunes en action 2026", "Concours Créer dans"):
        assert titre in contenu
    for slug in (demo.SLUG_OUVERT, demo.SLUG_CLOS, demo.SLUG_CONCOURS):
        assert client.get(f"/jeunesse/appels/{slug}/").status_code == 200
