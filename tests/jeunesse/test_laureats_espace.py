"""The laureates' project space: payments, reports, support actions, the progress journal."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from jeunesse.models import (
    ActionSoutien,
    Candidature,
    EntreeJournal,
    MembreEquipe,
    PieceJointe,
    RapportProjet,
    Versement,
)
from jeunesse.models.choix import NaturePiece, Statut, StatutJournal

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png(taille=(40, 30)):
    tampon = io.BytesIO()
    Image.new("RGB", taille, "#6b1d3a").save(tampon, "PNG")
    return tampon.getvalue()


@pytest.fixture
def laureat(fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.RETENU
    )
    Candidature.objects.filter(pk=candidature.pk).update(
        montant_accorde=Decimal("1500"), acceptation_confirmee_le=timezone.now()
    )
    candidature.refresh_from_db()
    return candidature


@pytest.fixture
def membre(fabrique_jeu, laureat):
    compte = fabrique_jeu.compte("membre@exemple.fr")
    MembreEquipe.objects.create(
        candidature=laureat,
        utilisateur=compte,
        prenom="Noé",
        nom="Vidal",
        email=compte.email,
        role="Communication",
        accepte_le=timezone.now(),
    )
    return compte


def _url(nom, candidature, **kwargs):
    return reverse(f"jeunesse:{nom}", kwargs={"reference": candidature.reference, **kwargs})


def test_space_shows_amount_payments_reports_and_support(client, acteurs_jeu, laureat):
    Versement.objects.create(
        candidature=laureat,
        jalon="Signature",
        montant=Decimal("900"),
        verse_le=datetime.date(2026, 3, 1),
    )
    Versement.objects.create(candidature=laureat, jalon="Rapport final", montant=Decimal("600"))
    RapportProjet.objects.create(candidature=laureat, type_rapport=RapportProjet.Type.FINAL)
    ActionSoutien.objects.create(
        candidature=laureat, libelle="Rencontre avec la Fédération des foyers ruraux"
    )
    client.force_login(acteurs_jeu.porteur)
    reponse = client.get(_url("projet", laureat))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "1\xa0500,00 €" in contenu
    assert "Signature" in contenu and "✓ versé le 1 mars 2026" in contenu
    assert "Rapport final" in contenu and "pas encore" in contenu
    assert "Déposer le rapport" in contenu
    assert "Rencontre avec la Fédération des foyers ruraux" in contenu
    assert reponse["Cache-Control"].startswith("private") or "no-store" in reponse["Cache-Control"]


def test_space_closed_until_accepted(client, acteurs_jeu, laureat, membre):
    Candidature.objects.filter(pk=laureat.pk).update(acceptation_confirmee_le=None)
    for compte in (acteurs_jeu.porteur, membre):
        client.force_login(compte)
        assert client.get(_url("projet", laureat)).status_code == 404
        assert client.get(_url("journal_ecrire", laureat)).status_code == 404


def test_space_query_budget_constant(client, acteurs_jeu, laureat):
    client.force_login(acteurs_jeu.porteur)

    def mesurer():
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(_url("projet", laureat)).status_code == 200
        return len(requetes)

    def ajouter(n):
        for i in range(n):
            Versement.objects.create(candidature=laureat, jalon=f"Étape {i}", montant=Decimal("10"))
            RapportProjet.objects.create(
                candidature=laureat, type_rapport=RapportProjet.Type.INTERMEDIAIRE
            )
            ActionSoutien.objects.create(candidature=laureat, libelle=f"Action {i}")
            EntreeJournal.objects.create(
                candidature=laureat, auteur=acteurs_jeu.porteur, titre=f"Étape {i}", texte="Récit"
            )

    ajouter(1)
    mesurer()  # warm the per-process caches (site settings…)
    peu = mesurer()
    ajouter(8)
    beaucoup = mesurer()
    assert peu == beaucoup
    assert beaucoup <= 20


def test_report_upload_then_download(client, acteurs_jeu, laureat, membre):
    rapport = RapportProjet.objects.create(
        candidature=laureat, type_rapport=RapportProjet.Type.INTERMEDIAIRE
    )
    client.force_login(membre)
    url = _url("rapport_deposer", laureat, pk=rapport.pk)
    assert client.get(url).status_code == 200
    reponse = client.post(
        url, {"fichier": SimpleUploadedFile("bilan étape.pdf", PDF, "application/pdf")}
    )
    assert reponse.status_code == 302
    rapport.refresh_from_db()
    assert rapport.depose_le is not None
    assert rapport.piece.nature == NaturePiece.RAPPORT
    assert rapport.piece.nom_original == "bilan étape.pdf"
    assert rapport.piece.candidature_id == laureat.pk
    assert "bilan" not in rapport.piece.fichier.name
    telechargement = client.get(_url("rapport_fichier", laureat, pk=rapport.pk))
    assert telechargement.status_code == 200
    assert telechargement["Content-Disposition"].startswith("attachment")
    assert telechargement["X-Content-Type-Options"] == "nosniff"
    assert b"".join(telechargement.streaming_content) == PDF


@pytest.mark.parametrize(
    "fichier, message",
    [
        (
            SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"),
            "ni un PDF",
        ),
        (SimpleUploadedFile("rapport.pdf", b"", "application/pdf"), "vide"),
        (SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 sans fin", "application/pdf"), "incomplet"),
        (None, "Choisissez le fichier de votre rapport."),
    ],
)
def test_report_refused_file(client, acteurs_jeu, laureat, fichier, message):
    rapport = RapportProjet.objects.create(
        candidature=laureat, type_rapport=RapportProjet.Type.FINAL
    )
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url("rapport_deposer", laureat, pk=rapport.pk), {"fichier": fichier} if fichier else {}
    )
    assert reponse.status_code == 200
    assert message in reponse.content.decode()
    rapport.refresh_from_db()
    assert rapport.piece_id is None and rapport.depose_le is None
    assert not PieceJointe.objects.filter(nature=NaturePiece.RAPPORT).exists()


def test_report_oversized(client, acteurs_jeu, laureat):
    rapport = RapportProjet.objects.create(
        candidature=laureat, type_rapport=RapportProjet.Type.FINAL
    )
    limite = laureat.appel.taille_max_octets
    gros = PDF[:-6] + b"0" * (limite + 10) + b"%%EOF\n"
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url("rapport_deposer", laureat, pk=rapport.pk),
        {"fichier": SimpleUploadedFile("gros.pdf", gros, "application/pdf")},
    )
    assert reponse.status_code == 200
    assert "la limite est de" in reponse.content.decode()
    rapport.refresh_from_db()
    assert rapport.piece_id is None


def test_validated_report_cannot_be_replaced(client, acteurs_jeu, laureat):
    rapport = RapportProjet.objects.create(
        candidature=laureat, type_rapport=RapportProjet.Type.FINAL, valide_le=timezone.now()
    )
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url("rapport_deposer", laureat, pk=rapport.pk),
        {"fichier": SimpleUploadedFile("r.pdf", PDF, "application/pdf")},
    )
    assert reponse.status_code == 302
    rapport.refresh_from_db()
    assert rapport.piece_id is None


def test_report_of_another_project_is_404(client, fabrique_jeu, acteurs_jeu, laureat):
    autre = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.RETENU)
    rapport = RapportProjet.objects.create(candidature=autre, type_rapport=RapportProjet.Type.FINAL)
    client.force_login(acteurs_jeu.porteur)
    assert client.get(_url("rapport_deposer", laureat, pk=rapport.pk)).status_code == 404
    assert client.get(_url("rapport_fichier", laureat, pk=rapport.pk)).status_code == 404


def test_journal_draft_then_submit(client, acteurs_jeu, laureat, membre):
    client.force_login(membre)
    reponse = client.post(
        _url("journal_ecrire", laureat),
        {"titre": "Premier concert", "texte": "La salle était pleine.", "brouillon": "1"},
    )
    entree = EntreeJournal.objects.get(candidature=laureat)
    assert reponse.status_code == 302
    assert reponse["Location"] == _url("journal_modifier", laureat, pk=entree.pk)
    assert entree.statut == StatutJournal.BROUILLON
    assert entree.auteur == membre
    url = _url("journal_modifier", laureat, pk=entree.pk)
    reponse = client.get(url)
    assert "Premier concert" in reponse.content.decode()
    reponse = client.post(
        url, {"titre": "Premier concert", "texte": "La salle était comble.", "soumettre": "1"}
    )
    assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.statut == StatutJournal.SOUMIS
    assert entree.texte == "La salle était comble."
    # Submitted: no more changes.
    reponse = client.post(url, {"titre": "Autre", "texte": "Autre", "brouillon": "1"})
    assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.titre == "Premier concert"
    page = client.get(_url("projet", laureat)).content.decode()
    assert "En attente de modération" in page


def test_refused_entry_shows_reason_and_can_be_resubmitted(client, acteurs_jeu, laureat):
    entree = EntreeJournal.objects.create(
        candidature=laureat,
        auteur=acteurs_jeu.porteur,
        titre="Bilan",
        texte="Texte",
        statut=StatutJournal.REFUSE,
        motif_refus="Retirez le nom complet des mineurs.",
    )
    client.force_login(acteurs_jeu.porteur)
    assert (
        "Retirez le nom complet des mineurs."
        in client.get(_url("projet", laureat)).content.decode()
    )
    url = _url("journal_modifier", laureat, pk=entree.pk)
    assert "Retirez le nom complet des mineurs." in client.get(url).content.decode()
    client.post(url, {"titre": "Bilan", "texte": "Texte corrigé", "soumettre": "1"})
    entree.refresh_from_db()
    assert entree.statut == StatutJournal.SOUMIS and entree.motif_refus == ""


def test_journal_photo_requires_alt_and_keeps_input(client, acteurs_jeu, laureat):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url("journal_ecrire", laureat),
        {
            "titre": "La scène",
            "texte": "Montage de la scène.",
            "image": SimpleUploadedFile("scene.png", _png(), "image/png"),
            "brouillon": "1",
        },
    )
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Décrivez la photo" in contenu
    assert "Montage de la scène." in contenu and 'value="La scène"' in contenu
    assert not EntreeJournal.objects.exists()


def test_journal_photo_with_alt_is_reencoded(client, acteurs_jeu, laureat):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url("journal_ecrire", laureat),
        {
            "titre": "La scène",
            "texte": "Montage de la scène.",
            "image": SimpleUploadedFile("ma scène.png", _png(), "image/png"),
            "image_alt": "Quatre jeunes montent une scène en bois",
            "brouillon": "1",
        },
    )
    assert reponse.status_code == 302
    entree = EntreeJournal.objects.get()
    assert entree.image and "scène" not in entree.image.name
    assert entree.image_alt == "Quatre jeunes montent une scène en bois"


def test_journal_bad_photo_refused(client, acteurs_jeu, laureat):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url("journal_ecrire", laureat),
        {
            "titre": "La scène",
            "texte": "Texte",
            "image": SimpleUploadedFile("scene.png", b"<svg onload=alert(1)>", "image/png"),
            "image_alt": "Une scène",
            "brouillon": "1",
        },
    )
    assert reponse.status_code == 200
    assert "pas une image JPEG, PNG ou WebP" in reponse.content.decode()
    assert not EntreeJournal.objects.exists()


@pytest.mark.parametrize(
    "donnees, message",
    [
        ({"titre": "", "texte": "Texte"}, "Donnez un titre à cet article."),
        ({"titre": "Titre", "texte": ""}, "Racontez cette étape du projet."),
        ({"titre": "T" * 151, "texte": "Texte"}, "Le titre dépasse 150 caractères."),
        ({"titre": "Titre", "texte": "x" * 5001}, "Le récit dépasse 5 000 caractères."),
    ],
)
def test_journal_bad_input(client, acteurs_jeu, laureat, donnees, message):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(_url("journal_ecrire", laureat), {**donnees, "soumettre": "1"})
    assert reponse.status_code == 200
    assert message in reponse.content.decode()
    assert not EntreeJournal.objects.exists()


def test_entry_of_another_project_is_404(client, fabrique_jeu, acteurs_jeu, laureat):
    autre = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.RETENU)
    entree = EntreeJournal.objects.create(
        candidature=autre, auteur=acteurs_jeu.autre, titre="A", texte="B"
    )
    client.force_login(acteurs_jeu.porteur)
    url = _url("journal_modifier", laureat, pk=entree.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"titre": "X", "texte": "Y", "brouillon": "1"}).status_code == 404


def test_leader_changes_showcase_choices(client, acteurs_jeu, laureat, membre):
    Candidature.objects.filter(pk=laureat.pk).update(
        consentement_vitrine=True, vitrine_publiee=True
    )
    url = _url("projet_vitrine", laureat)
    client.force_login(membre)
    assert client.get(url).status_code == 404
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(url, {"vitrine_resume": ""})
    assert reponse.status_code == 302
    laureat.refresh_from_db()
    assert laureat.consentement_vitrine is False
    assert laureat.vitrine_publiee is False
    reponse = client.post(url, {"vitrine_resume": "Texte public"})
    assert reponse.status_code == 200
    assert "Cochez cette case pour que" in reponse.content.decode()
