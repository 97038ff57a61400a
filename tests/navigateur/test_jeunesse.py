"""A young person's project, from the draft to the grant, in Chromium: the applicant applies
with an attachment and submits; an instructor requests a complement on one field; the
applicant completes and resubmits; a juror scores; the instructor decides; the laureate sees
the result and accepts the grant."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.navigateur]

MOT_DE_PASSE = "Causse-de-Gramat-2026"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _compte(django_user_model, courriel, **champs):
    from allauth.account.models import EmailAddress

    compte = django_user_model.objects.create_user(email=courriel, password=MOT_DE_PASSE, **champs)
    EmailAddress.objects.create(user=compte, email=courriel, verified=True, primary=True)
    return compte


def _connexion(browser, browser_context_args, url, courriel):
    """A new browser context (one per person), logged in through allauth, on ``url``."""
    contexte = browser.new_context(**browser_context_args)
    page = contexte.new_page()
    page.goto(url)
    page.wait_for_url(re.compile(r"/compte/login/"))
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(re.escape(url.split("?")[0]) + "$"))
    return page


def test_a_project_goes_from_draft_to_grant(
    browser, browser_context_args, live_server, transactional_db, django_user_model, tmp_path
):
    from jeunesse.models import AppelAProjets, Candidature, CritereEvaluation, DocumentRequis
    from jeunesse.models.choix import LienLot, Statut
    from jeunesse.services.jury import affecter
    from jeunesse.structure import structure_creer

    maintenant = timezone.now()
    appel = AppelAProjets.objects.create(
        titre="Initiatives jeunes 2027",
        slug="initiatives-jeunes-2027",
        chapo="Un coup de pouce pour les projets des 15–30 ans.",
        presentation="<p>Le Département soutient vos projets.</p>",
        age_min=15,
        age_max=30,
        liens_acceptes=[LienLot.HABITE, LienLot.ETUDIE],
        ouverture=maintenant - datetime.timedelta(days=10),
        cloture=maintenant + datetime.timedelta(days=20),
        enveloppe=Decimal("20000"),
        montant_max=Decimal("3000"),
        publie=True,
    )
    CritereEvaluation.objects.create(appel=appel, libelle="Utilité", poids=2, note_max=10)
    DocumentRequis.objects.create(appel=appel, libelle="Devis", obligatoire=True)
    _compte(django_user_model, "lea@exemple.fr", first_name="Léa", last_name="Delmas")
    instructeur = _compte(django_user_model, "instruction@lot.fr", is_staff=True)
    instructeur.groups.add(structure_creer())
    jure = _compte(django_user_model, "jure@exemple.fr", first_name="Paul")
    appel.jures.create(utilisateur=jure)
    racine = live_server.url

    # The applicant starts a draft from the call's page.
    jeune = _connexion(
        browser, browser_context_args, f"{racine}/jeunesse/candidatures/", "lea@exemple.fr"
    )
    jeune.goto(f"{racine}/jeunesse/appels/{appel.slug}/")
    jeune.get_by_role("button", name="Déposer un projet").click()
    jeune.wait_for_url(re.compile(r"/modifier/projet/$"))
    candidature = Candidature.objects.get(appel=appel)
    dossier = f"{racine}/jeunesse/candidatures/{candidature.reference}/"

    jeune.get_by_label("Titre du projet").fill("Festival des possibles")
    jeune.get_by_label("Résumé du projet").fill("Un festival de musique porté par des lycéens.")
    jeune.get_by_label("Objectifs").fill("Faire jouer les groupes du Lot.")
    jeune.get_by_label("Calendrier").fill("Juin : programmation. Juillet : festival.")
    jeune.get_by_role("button", name="Enregistrer et continuer").click()
    jeune.wait_for_url(re.compile(r"/modifier/moi/$"))
    jeune.get_by_label("Date de naissance").fill("2005-03-14")
    jeune.get_by_label("Lien avec le Lot").select_option(LienLot.HABITE)
    jeune.get_by_role("button", name="Enregistrer et continuer").click()
    jeune.wait_for_url(re.compile(r"/modifier/budget/$"))
    jeune.locator('[name="lignes-0-nature"]').select_option("depense")
    jeune.locator('[name="lignes-0-libelle"]').fill("Location de la sonorisation")
    jeune.locator('[name="lignes-0-montant"]').fill("1200")
    jeune.get_by_label("Aide demandée au Département (€)").fill("1200")
    jeune.get_by_role("button", name="Enregistrer et continuer").click()
    jeune.wait_for_url(re.compile(r"/modifier/(questions|pieces)/$"))

    # A forbidden file first: a clear error, then the real quote.
    jeune.goto(f"{dossier}modifier/pieces/")
    faux = tmp_path / "devis.pdf"
    faux.write_bytes(b"<html><script>alert(1)</script></html>")
    jeune.get_by_label("Devis").set_input_files(str(faux))
    jeune.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(jeune.locator(".champ__erreur").first).to_contain_text("PDF")
    devis = tmp_path / "devis-sono.pdf"
    devis.write_bytes(PDF)
    jeune.get_by_label("Devis").set_input_files(str(devis))
    jeune.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(jeune.get_by_text("devis-sono.pdf").first).to_be_visible()

    jeune.goto(f"{dossier}deposer/")
    jeune.get_by_role("button", name="Déposer mon dossier").click()
    jeune.wait_for_url(re.compile(re.escape(dossier) + "$"))
    candidature.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE

    # The instructor takes it in and asks for a complement on the summary.
    agent = _connexion(
        browser,
        browser_context_args,
        f"{racine}/admin/jeunesse/dossiers/{candidature.pk}/",
        "instruction@lot.fr",
    )
    agent.get_by_label("En instruction").check()
    agent.get_by_role("button", name="Appliquer").click()
    expect(agent.get_by_role("link", name="Demander un complément")).to_be_visible()
    agent.get_by_role("link", name="Demander un complément").click()
    agent.get_by_label("Message à l'équipe").fill("Merci de préciser le public visé.")
    agent.locator('[name$="0-champ"]').select_option("resume")
    agent.locator('[name$="0-motif"]').select_option("incomplet")
    agent.locator('[name$="0-precision"]').fill("Dites quel public vous visez.")
    agent.get_by_role("button", name="Envoyer la demande de complément").click()
    agent.wait_for_url(re.compile(rf"/admin/jeunesse/dossiers/{candidature.pk}/$"))
    candidature.refresh_from_db()
    assert candidature.statut == Statut.COMPLEMENT_DEMANDE

    # The applicant sees exactly what to fix, fixes it and submits again.
    jeune.goto(dossier)
    expect(jeune.get_by_text("Dites quel public vous visez.").first).to_be_visible()
    jeune.goto(f"{dossier}modifier/projet/")
    expect(jeune.get_by_text("Dites quel public vous visez.").first).to_be_visible()
    jeune.get_by_label("Résumé du projet").fill(
        "Un festival de musique porté par des lycéens, pour les 15–25 ans du Ségala."
    )
    jeune.get_by_role("button", name="Enregistrer", exact=True).click()
    jeune.goto(f"{dossier}deposer/")
    jeune.get_by_role("button", name="Déposer de nouveau mon dossier").click()
    jeune.wait_for_url(re.compile(re.escape(dossier) + "$"))

    # Back in instruction, the application goes to the juror.
    agent.goto(f"{racine}/admin/jeunesse/dossiers/{candidature.pk}/")
    agent.get_by_label("En instruction").check()
    agent.get_by_role("button", name="Appliquer").click()
    expect(agent.get_by_role("link", name="Demander un complément")).to_be_visible()
    candidature.refresh_from_db()
    assert candidature.statut == Statut.EN_INSTRUCTION
    affecter(candidature, jure)

    juge = _connexion(browser, browser_context_args, f"{racine}/jeunesse/jury/", "jure@exemple.fr")
    juge.get_by_role("link", name="Festival des possibles").click()
    juge.get_by_label("Note pour « Utilité » (sur 10)").fill("8")
    juge.get_by_role("button", name="Terminer mon évaluation").click()
    expect(juge.get_by_role("status").first).to_be_visible()

    # The instructor reads the ranking and decides.
    agent.goto(f"{racine}/admin/jeunesse/appels/{appel.pk}/classement/")
    expect(agent.get_by_text("Festival des possibles").first).to_be_visible()
    agent.goto(f"{racine}/admin/jeunesse/appels/{appel.pk}/classement/{candidature.pk}/decision/")
    agent.get_by_label("Montant accordé (€)").fill("1000")
    agent.get_by_role("button", name="Retenir", exact=True).click()
    agent.wait_for_url(re.compile(rf"/admin/jeunesse/appels/{appel.pk}/classement/$"))
    candidature.refresh_from_db()
    assert candidature.statut == Statut.RETENU

    # The laureate sees the result and accepts the grant.
    jeune.goto(dossier)
    expect(jeune.get_by_text("Retenu").first).to_be_visible()
    jeune.get_by_role("link", name="Confirmer l'acceptation").click()
    jeune.get_by_label("J'accepte l'aide et ses conditions").check()
    jeune.get_by_role("button", name="Confirmer l'acceptation").click()
    jeune.wait_for_url(re.compile(r"/projet/$"))
    expect(jeune.get_by_text("1 000").first).to_be_visible()
    candidature.refresh_from_db()
    assert candidature.statut == Statut.RETENU
    assert candidature.montant_accorde == Decimal("1000")
    assert candidature.acceptation_confirmee_le is not None
