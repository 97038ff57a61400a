"""The partner space: submit, moderate (reject, resubmit, approve), emails at each step,
read-only while in moderation, bad input kept, « pourvue », sharing within one employer."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from lot_portal.courriels.models import Courriel
from opportunites.models import OffreEmploiPage
from opportunites.services import partenaires as services
from opportunites.structure import WORKFLOW_MODERATION

URL_ESPACE = "/opportunites/partenaires/"
URL_OFFRE_NOUVELLE = "/opportunites/partenaires/offres/nouvelle/"


def _offre_formulaire(acteurs, fabrique, **valeurs):
    donnees = {
        "title": "Affûteur ou affûteuse",
        "employeur": acteurs.employeur_1.pk,
        "contrat": "cdi",
        "secteur": "ingenierie",
        "temps_travail": "plein",
        "teletravail": "non",
        "salaire_min": "24000",
        "salaire_max": "30000",
        "salaire_periode": "annee",
        "date_debut": "",
        "commune": fabrique.commune("Figeac").pk,
        "description": (
            "Vous affûtez les lames <b>de la scierie</b>.\n\nÉquipe de 12 personnes,\nen 2x8."
        ),
        "profil": "CAP ou expérience.",
        "candidature_url": "https://scierie.exemple.fr/emplois",
        "candidature_email": "",
        "date_expiration": (timezone.localdate() + datetime.timedelta(days=60)).isoformat(),
        "action": "soumettre",
    }
    donnees.update(valeurs)
    return {k: v for k, v in donnees.items() if v is not None}


def _decider(page, moderateur, action, commentaire=""):
    etat = OffreEmploiPage.objects.get(pk=page.pk).current_workflow_state
    tache = etat.current_task_state
    tache.task.specific.on_action(tache, moderateur, action, comment=commentaire)


class _Boite:
    """The outbox rows (``Courriel``) written since the last ``vider()``."""

    def __init__(self):
        self.depuis = 0

    def vider(self):
        self.depuis = Courriel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def a(self, adresse):
        return [
            c
            for c in Courriel.objects.filter(pk__gt=self.depuis).order_by("pk")
            if adresse in c.destinataires
        ]

    def tous(self):
        return list(Courriel.objects.filter(pk__gt=self.depuis))


boite = _Boite()


def _courriels_a(adresse):
    return boite.a(adresse)


@pytest.mark.django_db
def test_submit_reject_resubmit_approve_with_emails(client, acteurs, fabrique_opp):
    boite.vider()
    client.force_login(acteurs.partenaire_a)
    reponse = client.post(URL_OFFRE_NOUVELLE, _offre_formulaire(acteurs, fabrique_opp))
    assert reponse.status_code == 302 and reponse["Location"] == URL_ESPACE

    offre = OffreEmploiPage.objects.get()
    assert not offre.live
    assert offre.owner == acteurs.partenaire_a
    assert offre.get_parent().pk == acteurs.structure.offres.pk
    etat = offre.current_workflow_state
    assert etat.workflow.name == WORKFLOW_MODERATION
    assert etat.status == WorkflowState.STATUS_IN_PROGRESS
    brouillon = offre.get_latest_revision_as_object()
    assert brouillon.description == (
        "<p>Vous affûtez les lames &lt;b&gt;de la scierie&lt;/b&gt;.</p>"
        "<p>Équipe de 12 personnes,<br/>en 2x8.</p>"
    )
    assert brouillon.employeur == acteurs.employeur_1
    # Acknowledgement to the partner, alert to the moderator (ours only, not Wagtail's).
    accuse = _courriels_a(acteurs.partenaire_a.email)
    assert len(accuse) == 1 and "en modération" in accuse[0].sujet
    alerte = _courriels_a(acteurs.moderateur.email)
    assert len(alerte) == 1 and alerte[0].sujet.startswith("À modérer")
    assert f"/admin/pages/{offre.pk}/edit/" in alerte[0].corps_texte
    assert "Scierie du Ségala" in alerte[0].corps_texte

    page_espace = client.get(URL_ESPACE)
    assert "private" in page_espace["Cache-Control"]
    assert "no-store" in page_espace["Cache-Control"]
    assert "En modération" in page_espace.content.decode()

    # In moderation: read-only for the partner, a POST changes nothing.
    modifier = reverse("opportunites:partenaires_offre_modifier", args=[offre.pk])
    lecture = client.get(modifier)
    assert lecture.status_code == 200
    contenu = lecture.content.decode()
    assert "Envoyer en modération" not in contenu and "disabled" in contenu
    reponse = client.post(modifier, _offre_formulaire(acteurs, fabrique_opp, title="Changé"))
    assert reponse.status_code == 302
    assert OffreEmploiPage.objects.get().get_latest_revision_as_object().title != "Changé"

    # The moderator sends it back with a comment.
    boite.vider()
    _decider(offre, acteurs.moderateur, "reject", "Précisez le salaire horaire, merci.")
    a_revoir = _courriels_a(acteurs.partenaire_a.email)
    assert len(a_revoir) == 1 and "à revoir" in a_revoir[0].sujet
    assert "Précisez le salaire horaire, merci." in a_revoir[0].corps_texte
    assert modifier in a_revoir[0].corps_texte
    assert not [c for c in a_revoir if "/admin/" in c.corps_texte]
    liste = client.get(URL_ESPACE).content.decode()
    assert "À revoir" in liste and "Précisez le salaire horaire, merci." in liste

    # Partner A2 of the same employer revises and resubmits: the same workflow resumes.
    client.force_login(acteurs.partenaire_a2)
    formulaire = client.get(modifier)
    assert formulaire.status_code == 200
    assert (
        formulaire.context["form"].initial["description"].startswith("Vous affûtez les lames <b>")
    )
    boite.vider()
    reponse = client.post(
        modifier, _offre_formulaire(acteurs, fabrique_opp, title="Affûteur (H/F)")
    )
    assert reponse.status_code == 302
    offre = OffreEmploiPage.objects.get()
    etat_repris = offre.current_workflow_state
    assert etat_repris.pk == etat.pk and etat_repris.status == WorkflowState.STATUS_IN_PROGRESS
    assert len(_courriels_a(acteurs.partenaire_a2.email)) == 1
    assert len(_courriels_a(acteurs.moderateur.email)) == 1

    # Approved: published, A2 (who sent this version) gets the public link.
    boite.vider()
    _decider(offre, acteurs.moderateur, "approve")
    offre = OffreEmploiPage.objects.get()
    assert offre.live and offre.title == "Affûteur (H/F)"
    publiee = _courriels_a(acteurs.partenaire_a2.email)
    assert len(publiee) == 1 and "publiée" in publiee[0].sujet
    assert offre.full_url in publiee[0].corps_texte
    assert client.get(offre.url).status_code == 200
    liste = client.get(URL_ESPACE).content.decode()
    assert "Publiée" in liste

    # A new draft of a published offer leaves the online version unchanged.
    reponse = client.post(
        modifier,
        _offre_formulaire(acteurs, fabrique_opp, title="Affûteur confirmé", action="brouillon"),
    )
    assert reponse.status_code == 302
    offre = OffreEmploiPage.objects.get()
    assert offre.live and offre.title == "Affûteur (H/F)" and offre.has_unpublished_changes
    assert offre.current_workflow_state is None

    # Filled, from the space: at once, and kept in the pending draft.
    pourvue = reverse("opportunites:partenaires_offre_pourvue", args=[offre.pk])
    assert client.post(pourvue).status_code == 302
    offre = OffreEmploiPage.objects.get()
    assert offre.pourvue_le == timezone.localdate()
    assert offre.get_latest_revision_as_object().pourvue_le == timezone.localdate()
    assert "Pourvue" in client.get(URL_ESPACE).content.decode()


@pytest.mark.django_db
def test_draft_then_submit_and_model_errors_kept(client, acteurs, fabrique_opp):
    client.force_login(acteurs.partenaire_b)
    employeur_b = acteurs.employeur_2.pk
    # Model validation (clean): salary range and how to apply, next to their fields.
    reponse = client.post(
        URL_OFFRE_NOUVELLE,
        _offre_formulaire(
            acteurs,
            fabrique_opp,
            employeur=employeur_b,
            title="Infirmier de nuit",
            salaire_min="3000",
            salaire_max="2000",
            candidature_url="",
        ),
    )
    assert reponse.status_code == 200
    form = reponse.context["form"]
    assert "Le salaire maximum est au moins égal au minimum." in form.errors["salaire_max"]
    assert "candidature_url" in form.errors
    contenu = reponse.content.decode()
    assert 'value="Infirmier de nuit"' in contenu
    assert "Vous affûtez les lames" in contenu
    assert 'aria-invalid="true"' in contenu
    assert not OffreEmploiPage.objects.exists()

    # Field errors: an employer that is not theirs, a commune that does not exist, a bad date.
    reponse = client.post(
        URL_OFFRE_NOUVELLE,
        _offre_formulaire(
            acteurs,
            fabrique_opp,
            employeur=acteurs.employeur_1.pk,
            commune="abc",
            date_debut="31/02/2026",
            salaire_min="-5",
        ),
    )
    assert reponse.status_code == 200
    erreurs = reponse.context["form"].errors
    assert erreurs["employeur"] == ["Choisissez un de vos employeurs."]
    assert set(erreurs) >= {"commune", "date_debut", "salaire_min"}
    assert not OffreEmploiPage.objects.exists()

    # A draft: no workflow, no email.
    boite.vider()
    reponse = client.post(
        URL_OFFRE_NOUVELLE,
        _offre_formulaire(acteurs, fabrique_opp, employeur=employeur_b, action="brouillon"),
    )
    assert reponse.status_code == 302
    offre = OffreEmploiPage.objects.get()
    assert offre.current_workflow_state is None and not offre.live
    assert not boite.tous()
    assert "Brouillon" in client.get(URL_ESPACE).content.decode()
    # Then sent.
    modifier = reverse("opportunites:partenaires_offre_modifier", args=[offre.pk])
    reponse = client.post(modifier, _offre_formulaire(acteurs, fabrique_opp, employeur=employeur_b))
    assert reponse.status_code == 302
    assert OffreEmploiPage.objects.get().current_workflow_state.status == "in_progress"


@pytest.mark.django_db
def test_partner_without_employer_and_nonsense_input(client, acteurs, fabrique_opp):
    acteurs.employeur_2.partenaires.remove(acteurs.partenaire_b)
    client.force_login(acteurs.partenaire_b)
    page = client.get(URL_OFFRE_NOUVELLE)
    assert page.status_code == 200
    assert "Aucun employeur n'est rattaché" in page.content.decode()
    reponse = client.post(URL_OFFRE_NOUVELLE, _offre_formulaire(acteurs, fabrique_opp))
    assert reponse.status_code == 200
    assert not OffreEmploiPage.objects.exists()
    # Nonsense never gives a 500.
    assert client.get(URL_ESPACE + "?page=abc&tri=%00").status_code == 200
    assert client.get("/opportunites/partenaires/offres/99999999/").status_code == 404
    assert client.get("/opportunites/partenaires/offres/abc/").status_code == 404
    assert client.post(URL_OFFRE_NOUVELLE, {"employeur": "x" * 5000}).status_code == 200


@pytest.mark.django_db
def test_service_refuses_an_employer_that_is_not_theirs(acteurs, fabrique_opp):
    with pytest.raises(services.ElementNonModifiable):
        services.offre_enregistrer(
            utilisateur=acteurs.partenaire_b,
            donnees={"employeur": acteurs.employeur_1},
        )


@pytest.mark.django_db
def test_query_budget_of_the_space_does_not_grow(
    client, acteurs, fabrique_opp, django_assert_max_num_queries
):
    def offres(n):
        for _ in range(n):
            page = fabrique_opp.offre(employeur=acteurs.employeur_1, owner=acteurs.partenaire_a)
            page.save_revision(user=acteurs.partenaire_a)
        for _ in range(n):
            fabrique_opp.reprise(owner=acteurs.partenaire_a)

    client.force_login(acteurs.partenaire_a)
    offres(2)
    client.get(URL_ESPACE)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as peu:
        assert client.get(URL_ESPACE).status_code == 200
    offres(10)
    with django_assert_max_num_queries(len(peu.captured_queries)):
        reponse = client.get(URL_ESPACE)
    assert reponse.status_code == 200
    assert len(reponse.context["offres"]) == 12 and len(reponse.context["reprises"]) == 12
    # And in moderation, states come in one query too.
    assert TaskState.objects.count() == 0
