"""Attachments of an application: checked by content, stored privately, downloaded safely."""

import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from jeunesse.models import PieceJointe, ReponseQuestion
from jeunesse.models.choix import NaturePiece, Statut, TypeQuestion

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def texte(reponse) -> str:
    return html.unescape(reponse.content.decode())


def png_avec_metadonnees() -> bytes:
    tampon = io.BytesIO()
    infos = PngImagePlugin.PngInfo()
    infos.add_text("Author", "secret-auteur")
    Image.new("RGB", (40, 30), (200, 30, 30)).save(tampon, "PNG", pnginfo=infos)
    return tampon.getvalue()


@pytest.fixture
def dossier(client, fabrique_jeu):
    appel = fabrique_jeu.appel(taille_max_mo=1)
    document = fabrique_jeu.document(appel, libelle="Devis")
    candidature = fabrique_jeu.candidature(appel)
    client.force_login(candidature.porteur)
    candidature.document_requis = document
    candidature.url_pieces = reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": "pieces"},
    )
    return candidature


def envoyer(client, dossier, nom, contenu, champ=None):
    champ = champ or f"document_{dossier.document_requis.pk}"
    return client.post(dossier.url_pieces, {champ: SimpleUploadedFile(nom, contenu)})


def test_pdf_accepte_et_stocke_sous_un_nom_aleatoire(client, dossier):
    reponse = envoyer(client, dossier, "Mon devis.pdf", PDF)
    assert reponse.status_code == 302
    piece = PieceJointe.objects.get(candidature=dossier)
    assert (piece.nature, piece.document, piece.type_mime) == (
        NaturePiece.DOCUMENT,
        dossier.document_requis,
        "application/pdf",
    )
    assert piece.nom_original == "Mon devis.pdf"
    assert "devis" not in piece.fichier.name.lower()
    assert piece.fichier.name.endswith(".pdf")
    assert piece.taille == len(PDF)
    assert piece.depose_par == dossier.porteur
    page = texte(client.get(dossier.url_pieces))
    assert "Mon devis.pdf" in page
    assert (
        reverse("jeunesse:piece", kwargs={"reference": dossier.reference, "pk": piece.pk}) in page
    )


def test_nouvelle_piece_remplace_la_precedente_du_meme_document(client, dossier):
    envoyer(client, dossier, "v1.pdf", PDF)
    envoyer(client, dossier, "v2.pdf", PDF)
    assert list(PieceJointe.objects.values_list("nom_original", flat=True)) == ["v2.pdf"]


def test_png_reencode_sans_metadonnees(client, dossier):
    original = png_avec_metadonnees()
    assert b"secret-auteur" in original
    envoyer(client, dossier, "photo.png", original)
    piece = PieceJointe.objects.get(candidature=dossier)
    assert piece.type_mime == "image/png"
    with piece.fichier.open("rb") as flux:
        stocke = flux.read()
    assert stocke.startswith(b"\x89PNG")
    assert b"secret-auteur" not in stocke


def test_html_renomme_en_pdf_refuse(client, dossier):
    reponse = envoyer(client, dossier, "devis.pdf", b"<html><script>alert(1)</script></html>")
    assert reponse.status_code == 200
    page = texte(reponse)
    assert "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG" in page
    assert f'id="id_document_{dossier.document_requis.pk}_erreur"' in page
    assert not PieceJointe.objects.exists()


def test_pdf_avec_javascript_refuse(client, dossier):
    piege = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF"
    reponse = envoyer(client, dossier, "devis.pdf", piege)
    assert "contient du contenu actif" in texte(reponse)
    assert not PieceJointe.objects.exists()


def test_fichier_trop_lourd_refuse_avec_la_limite(client, dossier):
    lourd = PDF[:-6] + b" " * (1024 * 1024 + 10) + b"%%EOF\n"
    reponse = envoyer(client, dossier, "devis.pdf", lourd)
    page = texte(reponse)
    assert "la limite est de 1 Mo" in page
    assert not PieceJointe.objects.exists()
    # The limit is stated on the form.
    assert "1 Mo au plus" in texte(client.get(dossier.url_pieces))


def test_echec_d_envoi_garde_le_reste_du_dossier(client, dossier):
    envoyer(client, dossier, "devis.pdf", PDF)
    titre = dossier.titre
    reponse = client.post(
        dossier.url_pieces,
        {
            f"document_{dossier.document_requis.pk}": SimpleUploadedFile("x.pdf", b"GIF89a"),
            "autre": SimpleUploadedFile("annexe.pdf", PDF),
        },
    )
    assert reponse.status_code == 200
    assert "n'est ni un PDF" in texte(reponse)
    dossier.refresh_from_db()
    assert dossier.titre == titre
    noms = set(
        PieceJointe.objects.filter(candidature=dossier).values_list("nom_original", flat=True)
    )
    # The previous document stays, the valid other piece is saved.
    assert noms == {"devis.pdf", "annexe.pdf"}


def test_telechargement_en_piece_jointe_nosniff(client, dossier):
    envoyer(client, dossier, "devis.pdf", PDF)
    piece = PieceJointe.objects.get()
    reponse = client.get(
        reverse("jeunesse:piece", kwargs={"reference": dossier.reference, "pk": piece.pk})
    )
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"].startswith("attachment")
    assert "devis.pdf" in reponse["Content-Disposition"]
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert b"".join(reponse.streaming_content) == PDF


def test_autre_candidat_404(client, dossier, fabrique_jeu):
    envoyer(client, dossier, "devis.pdf", PDF)
    piece = PieceJointe.objects.get()
    autre = fabrique_jeu.candidature()
    client.force_login(autre.porteur)
    kwargs = {"reference": dossier.reference, "pk": piece.pk}
    assert client.get(reverse("jeunesse:piece", kwargs=kwargs)).status_code == 404
    assert client.post(reverse("jeunesse:piece_supprimer", kwargs=kwargs)).status_code == 404
    # Its own reference with someone else's piece: 404 too.
    kwargs["reference"] = autre.reference
    assert client.get(reverse("jeunesse:piece", kwargs=kwargs)).status_code == 404
    assert PieceJointe.objects.filter(pk=piece.pk).exists()


def test_supprimer_une_piece(client, dossier, django_capture_on_commit_callbacks):
    envoyer(client, dossier, "devis.pdf", PDF)
    piece = PieceJointe.objects.get()
    stockage, chemin = piece.fichier.storage, piece.fichier.name
    url = reverse(
        "jeunesse:piece_supprimer", kwargs={"reference": dossier.reference, "pk": piece.pk}
    )
    assert client.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url)
    assert reponse.url == dossier.url_pieces
    assert not PieceJointe.objects.exists()
    assert not stockage.exists(chemin)


def test_pas_de_suppression_apres_depot(client, dossier, fabrique_jeu):
    envoyer(client, dossier, "devis.pdf", PDF)
    piece = PieceJointe.objects.get()
    fabrique_jeu.amener(dossier, Statut.DEPOSE)
    client.post(
        reverse("jeunesse:piece_supprimer", kwargs={"reference": dossier.reference, "pk": piece.pk})
    )
    assert PieceJointe.objects.filter(pk=piece.pk).exists()
    # And no upload either.
    envoyer(client, dossier, "v2.pdf", PDF)
    assert PieceJointe.objects.count() == 1


def test_question_fichier(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    question = fabrique_jeu.question(
        appel, libelle="Votre affiche", type_question=TypeQuestion.FICHIER
    )
    candidature = fabrique_jeu.candidature(appel)
    client.force_login(candidature.porteur)
    url = reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": "questions"},
    )
    reponse = client.post(url, {f"question_{question.pk}": SimpleUploadedFile("a.html", b"<p>")})
    assert "n'est ni un PDF" in texte(reponse)
    client.post(url, {f"question_{question.pk}": SimpleUploadedFile("affiche.pdf", PDF)})
    reponse_question = ReponseQuestion.objects.get(candidature=candidature, question=question)
    assert reponse_question.piece.nature == NaturePiece.QUESTION
    assert reponse_question.piece.nom_original == "affiche.pdf"
    assert "affiche.pdf" in texte(client.get(url))
    # Saving the page again without a new file keeps the answer.
    client.post(url, {})
    assert ReponseQuestion.objects.get(pk=reponse_question.pk).piece_id is not None
