"""Submitting: every blocking rule with its French message, the deadline, the receipt email,
resubmission after a complement, the receipt page."""

import datetime
import html
from decimal import Decimal

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import (
    Candidature,
    DemandeComplement,
    LigneBudget,
    MembreEquipe,
    PieceJointe,
    PointComplement,
    ReponseQuestion,
    Transition,
)
from jeunesse.models.choix import (
    LienLot,
    ModeAutorisation,
    MotifComplement,
    NatureBudget,
    NaturePiece,
    Statut,
)
from jeunesse.services.candidatures import blocages_depot, montant_fr


def texte(reponse) -> str:
    return html.unescape(reponse.content.decode())


def url_deposer(candidature):
    return reverse("jeunesse:deposer", kwargs={"reference": candidature.reference})


def deposer(client, candidature):
    client.force_login(candidature.porteur)
    return client.post(url_deposer(candidature))


def naissance_pour_age(appel, age):
    """A birth date giving ``age`` on the call's closing day (birthday 40 days before)."""
    jour = appel.date_cloture_locale - datetime.timedelta(days=40)
    return jour.replace(year=jour.year - age)


def test_montant_en_francais():
    assert montant_fr(Decimal("3500")) == "3 500,00 €"
    assert montant_fr(Decimal("250.5")) == "250,50 €"
    assert montant_fr(Decimal("1234567.891")) == "1 234 567,89 €"


def test_depot_reussi_envoie_le_recepisse_une_fois(
    client, fabrique_jeu, django_capture_on_commit_callbacks
):
    candidature = fabrique_jeu.candidature()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = deposer(client, candidature)
    assert reponse.status_code == 302
    assert reponse.url == candidature.get_absolute_url()
    candidature.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE
    assert candidature.depose_le is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [candidature.porteur.email]
    recepisse = reverse("jeunesse:recepisse", kwargs={"reference": candidature.reference})
    assert recepisse in mail.outbox[0].body
    page = texte(client.get(reponse.url))
    assert "Votre dossier est déposé." in page
    # A second POST does not submit twice nor email again.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url_deposer(candidature))
    assert "déjà déposé" in texte(reponse)
    assert mail.outbox == []
    assert Transition.objects.filter(candidature=candidature, vers=Statut.DEPOSE).count() == 1


def test_depot_en_retard_refuse_brouillon_intact(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    apres = candidature.appel.cloture + datetime.timedelta(minutes=1)
    with time_machine.travel(apres, tick=False):
        reponse = deposer(client, candidature)
    assert reponse.status_code == 400
    assert "L'appel est clos : la date limite de dépôt est dépassée" in texte(reponse)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.BROUILLON
    assert candidature.titre.startswith("Festival")
    assert LigneBudget.objects.filter(candidature=candidature).count() == 2


def test_depot_juste_avant_la_cloture_accepte(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    avant = candidature.appel.cloture - datetime.timedelta(seconds=1)
    with time_machine.travel(avant, tick=False):
        reponse = deposer(client, candidature)
    assert reponse.status_code == 302
    candidature.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE


def test_budget_desequilibre(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    LigneBudget.objects.create(
        candidature=candidature,
        nature=NatureBudget.DEPENSE,
        libelle="Affiches",
        montant=Decimal("250"),
    )
    message = "Votre budget n'est pas équilibré : il manque 250,00 € de ressources"
    assert ("budget", message + ".") in blocages_depot(candidature)
    reponse = deposer(client, candidature)
    assert message in texte(reponse)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.BROUILLON


def test_ressources_superieures_aux_depenses(fabrique_jeu):
    candidature = fabrique_jeu.candidature(montant_demande=Decimal("1600"))
    messages = [m for _c, m in blocages_depot(candidature)]
    assert "les ressources dépassent les dépenses de 100,00 €" in " ".join(messages)


def test_aide_au_dessus_du_maximum(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature(montant_demande=Decimal("3500"))
    LigneBudget.objects.create(
        candidature=candidature,
        nature=NatureBudget.DEPENSE,
        libelle="Scène",
        montant=Decimal("2000"),
    )
    blocages = blocages_depot(candidature)
    attendu = "L'aide demandée (3 500,00 €) dépasse le maximum de l'appel (3 000,00 €)."
    assert blocages == [("montant_demande", attendu)]
    reponse = deposer(client, candidature)
    assert attendu in texte(reponse)


def test_aide_nulle_ou_absente(fabrique_jeu):
    candidature = fabrique_jeu.candidature(montant_demande=None)
    assert ("montant_demande", "Indiquez l'aide demandée (plus de 0 €).") in blocages_depot(
        candidature
    )


def test_sans_depense(fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    LigneBudget.objects.filter(candidature=candidature, nature=NatureBudget.DEPENSE).delete()
    assert ("budget", "Ajoutez au moins une dépense à votre budget.") in blocages_depot(candidature)


def test_champs_du_projet_obligatoires(fabrique_jeu):
    candidature = fabrique_jeu.candidature(resume="", objectifs="", calendrier="")
    champs = {c for c, _m in blocages_depot(candidature)}
    assert {"resume", "objectifs", "calendrier"} <= champs


def test_type_de_projet_hors_liste(fabrique_jeu):
    appel = fabrique_jeu.appel(types_projet="Culture\nSport")
    assert ("type_projet", "Choisissez le type de votre projet.") in blocages_depot(
        fabrique_jeu.candidature(appel)
    )
    messages = dict(blocages_depot(fabrique_jeu.candidature(appel, type_projet="Cuisine")))
    assert "n'est pas ouvert dans cet appel" in messages["type_projet"]
    assert blocages_depot(fabrique_jeu.candidature(appel, type_projet="Sport")) == []


def test_membre_trop_age_a_la_cloture(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    candidature = fabrique_jeu.candidature(appel)
    MembreEquipe.objects.create(
        candidature=candidature,
        prenom="Jules",
        nom="Lacoste",
        email="jules@exemple.fr",
        date_naissance=naissance_pour_age(appel, 31),
        lien_lot=LienLot.HABITE,
        accepte_le=timezone.now(),
    )
    reponse = deposer(client, candidature)
    assert "Jules Lacoste : L'appel est réservé aux 30 ans au plus : 31 ans le" in texte(reponse)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.BROUILLON


def test_age_compte_a_la_date_de_cloture_pas_aujourd_hui(fabrique_jeu):
    appel = fabrique_jeu.appel()
    # 30 today but 31 on the closing day (birthday between now and the closing date).
    veille_cloture = appel.date_cloture_locale - datetime.timedelta(days=1)
    naissance = veille_cloture.replace(year=veille_cloture.year - 31)
    candidature = fabrique_jeu.candidature(appel, naissance=naissance)
    messages = [m for c, m in blocages_depot(candidature) if c == "equipe"]
    assert len(messages) == 1 and "31 ans" in messages[0]


def test_membre_sans_date_ni_lien(fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    MembreEquipe.objects.create(
        candidature=candidature,
        prenom="Noé",
        nom="Roques",
        email="noe@exemple.fr",
        accepte_le=timezone.now(),
    )
    assert (
        "equipe",
        "Noé Roques : indiquez la date de naissance, le lien avec le Lot.",
    ) in blocages_depot(candidature)


def test_membre_sans_lien_avec_le_lot(fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    MembreEquipe.objects.filter(candidature=candidature).update(lien_lot=LienLot.AUCUN)
    messages = [m for c, m in blocages_depot(candidature) if c == "equipe"]
    assert len(messages) == 1 and "Il faut un lien avec le Lot" in messages[0]


def test_invitation_en_attente_bloque(fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    MembreEquipe.objects.create(
        candidature=candidature, prenom="Zoé", nom="Marty", email="zoe@exemple.fr"
    )
    messages = [m for c, m in blocages_depot(candidature) if c == "equipe"]
    assert messages == [
        "L'invitation de Zoé Marty est en attente : elle ou il doit la accepter, ou "
        "retirez-la de l'équipe."
    ]


def test_mineur_sans_autorisation_fichier(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    candidature = fabrique_jeu.candidature(appel, naissance=naissance_pour_age(appel, 16))
    reponse = deposer(client, candidature)
    assert "joignez l'autorisation parentale signée" in texte(reponse)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.BROUILLON
    # The authorisation section now exists and accepts the signed file.
    url = reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": "autorisation"},
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(url, {"fichier": SimpleUploadedFile("autorisation.pdf", b"%PDF-1.4\nobj\n%%EOF\n")})
    assert PieceJointe.objects.filter(
        candidature=candidature, nature=NaturePiece.AUTORISATION
    ).exists()
    assert blocages_depot(candidature) == []


def test_mineur_consentement_declare(client, fabrique_jeu):
    appel = fabrique_jeu.appel(autorisation_parentale=ModeAutorisation.DECLARATION)
    candidature = fabrique_jeu.candidature(appel, naissance=naissance_pour_age(appel, 17))
    assert [c for c, _m in blocages_depot(candidature)] == ["autorisation"]
    client.force_login(candidature.porteur)
    url = reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": "autorisation"},
    )
    reponse = client.post(
        url, {"nom_parent": "", "email_parent": "pas-une-adresse", "consentement": "on"}
    )
    page = texte(reponse)
    assert "Indiquez le nom du parent qui donne son accord." in page
    assert "Indiquez une adresse électronique valide" in page
    client.post(
        url, {"nom_parent": "Anne Delpech", "email_parent": "anne@exemple.fr", "consentement": "on"}
    )
    candidature.refresh_from_db()
    assert candidature.autorisation_declaree_le is not None
    assert candidature.autorisation_nom_parent == "Anne Delpech"
    assert blocages_depot(candidature) == []
    assert deposer(client, candidature).status_code == 302


def test_majeur_pas_de_section_autorisation(fabrique_jeu):
    appel = fabrique_jeu.appel()
    candidature = fabrique_jeu.candidature(appel, naissance=naissance_pour_age(appel, 18))
    assert blocages_depot(candidature) == []


def test_document_et_question_obligatoires(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    document = fabrique_jeu.document(appel, libelle="Devis de la sono")
    fabrique_jeu.document(appel, libelle="Lettre de soutien", obligatoire=False)
    question = fabrique_jeu.question(appel)
    fabrique_jeu.question(appel, libelle="Facultative ?", obligatoire=False)
    candidature = fabrique_jeu.candidature(appel)
    assert blocages_depot(candidature) == [
        (
            f"question:{question.pk}",
            "Répondez à la question « Comment avez-vous connu l'appel ? ».",
        ),
        (f"document:{document.pk}", "Joignez le document « Devis de la sono »."),
    ]
    reponse = deposer(client, candidature)
    page = texte(reponse)
    assert "Joignez le document « Devis de la sono »." in page
    assert (
        reverse(
            "jeunesse:candidature_section",
            kwargs={"reference": candidature.reference, "section": "pieces"},
        )
        in page
    )
    ReponseQuestion.objects.create(candidature=candidature, question=question, valeur="  ")
    assert len(blocages_depot(candidature)) == 2
    ReponseQuestion.objects.filter(question=question).update(valeur="Au lycée")
    PieceJointe.objects.create(
        candidature=candidature,
        nature=NaturePiece.DOCUMENT,
        document=document,
        fichier="jeunesse/x.pdf",
        nom_original="devis.pdf",
        type_mime="application/pdf",
    )
    assert blocages_depot(candidature) == []


def test_seul_le_porteur_depose(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    membre = fabrique_jeu.compte()
    MembreEquipe.objects.create(
        candidature=candidature,
        utilisateur=membre,
        prenom="Tom",
        nom="Bru",
        email=membre.email,
        date_naissance=datetime.date(2003, 1, 1),
        lien_lot=LienLot.NE,
        accepte_le=timezone.now(),
    )
    client.force_login(membre)
    page = texte(client.get(url_deposer(candidature)))
    assert "Seul·e le porteur ou la porteuse du projet peut déposer" in page
    reponse = client.post(url_deposer(candidature))
    assert "Seul·e le porteur ou la porteuse du projet peut déposer" in texte(reponse)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.BROUILLON


def test_page_de_depot_liste_ce_qui_bloque(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature(resume="")
    client.force_login(candidature.porteur)
    page = texte(client.get(url_deposer(candidature)))
    assert "Ce qui empêche encore le dépôt" in page
    assert "Résumez votre projet." in page
    assert "Sonorisation" in page  # the recap


def test_nouveau_depot_apres_complement(client, fabrique_jeu, django_capture_on_commit_callbacks):
    candidature = fabrique_jeu.candidature(statut=Statut.COMPLEMENT_DEMANDE)
    demande = DemandeComplement.objects.create(candidature=candidature, message="Précisez.")
    PointComplement.objects.create(
        demande=demande,
        champ="resume",
        libelle_champ="Résumé du projet",
        motif=MotifComplement.INCOMPLET,
    )
    premier_depot = candidature.depose_le
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = deposer(client, candidature)
    assert reponse.status_code == 302
    candidature.refresh_from_db()
    demande.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE
    assert candidature.depose_le == premier_depot
    assert demande.repondue_le is not None
    assert len(mail.outbox) == 1
    assert "déposé de nouveau" in mail.outbox[0].body
    page = texte(client.get(candidature.get_absolute_url()))
    assert "de nouveau, après complément" in page
    assert "Compléments demandés" not in page


def test_nouveau_depot_apres_complement_possible_apres_la_cloture(client, fabrique_jeu):
    appel = fabrique_jeu.appel(etat="clos")
    candidature = fabrique_jeu.candidature(appel, statut=Statut.COMPLEMENT_DEMANDE)
    assert deposer(client, candidature).status_code == 302
    candidature.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE


def test_recepisse_apres_depot_seulement(client, fabrique_jeu):
    brouillon = fabrique_jeu.candidature()
    client.force_login(brouillon.porteur)
    url = reverse("jeunesse:recepisse", kwargs={"reference": brouillon.reference})
    assert client.get(url).status_code == 404
    fabrique_jeu.amener(brouillon, Statut.DEPOSE)
    reponse = client.get(url)
    page = texte(reponse)
    assert reponse.status_code == 200
    assert brouillon.reference in page
    assert "Imprimer ou enregistrer en PDF" in page
    assert "2\xa0500,00 €" in page  # expenses total
    depose = timezone.localtime(Candidature.objects.get(pk=brouillon.pk).depose_le)
    assert depose.strftime("%Hh%M") in page
    assert "<script>" not in page
    assert reponse["Cache-Control"].startswith("private") or "no-store" in reponse["Cache-Control"]


def test_titre_provisoire_a_remplacer(fabrique_jeu):
    candidature = fabrique_jeu.candidature(titre="Mon projet")
    assert blocages_depot(candidature) == [
        ("titre", "Remplacez le titre provisoire « Mon projet » par celui du projet.")
    ]


def test_page_de_depot_d_un_brouillon_apres_la_cloture(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    client.force_login(candidature.porteur)
    with time_machine.travel(candidature.appel.cloture + datetime.timedelta(hours=1)):
        page = texte(client.get(url_deposer(candidature)))
    assert "ce brouillon ne peut plus être déposé" in page
    assert "Déposer mon dossier</button>" not in page
