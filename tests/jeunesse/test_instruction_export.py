"""The list of applications: filters, search, CSV/XLSX export (no formula, no draft)."""

import re
from decimal import Decimal
from html import unescape
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from jeunesse.models.choix import Statut

URL = "jeunesse_candidatures:index"


def connecter(client, compte):
    compte.refresh_from_db()  # the session keeps the stored password hash
    client.force_login(compte)


def cellules(html, reference):
    """The text of the data cells of the row of ``reference``."""
    ligne = next(ligne for ligne in html.split("<tr") if reference in ligne).split("</tr>")[0]
    return [
        re.sub(r"<[^>]+>", "", cellule.split("</td>")[0].split(">", 1)[1]).strip()
        for cellule in ligne.split("<td")[1:]
    ]


@pytest.fixture
def candidatures(fabrique_jeu, acteurs_jeu):
    appel = acteurs_jeu.appel
    piegee = fabrique_jeu.candidature(
        appel,
        fabrique_jeu.compte("formule@exemple.fr"),
        statut=Statut.DEPOSE,
        titre='=HYPERLINK("http://mal.example","clic")',
    )
    sage = fabrique_jeu.candidature(
        appel,
        fabrique_jeu.compte("sage@exemple.fr"),
        statut=Statut.EN_INSTRUCTION,
        titre="Radio des lycéens",
        montant_demande=Decimal("1200"),
    )
    autre_appel = fabrique_jeu.appel(etat="clos", titre="Concours 2025")
    ancienne = fabrique_jeu.candidature(
        autre_appel, fabrique_jeu.compte("ancien@exemple.fr"), statut=Statut.SANS_SUITE
    )
    return piegee, sage, ancienne


def test_liste_colonnes_et_lien_vers_le_dossier(client, acteurs_jeu, candidatures):
    piegee, sage, ancienne = candidatures
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(reverse(URL))
    assert reponse.status_code == 200
    html = unescape(reponse.content.decode())
    for candidature in candidatures:
        assert candidature.reference in html
        assert reverse("jeunesse_dossier", args=[candidature.pk]) in html
    assert "Radio des lycéens" in html
    assert "En instruction" in html
    assert "Concours 2025" in html
    assert "Messages non lus" in html
    # Drafts are private to their team.
    assert acteurs_jeu.brouillon.reference not in html
    assert acteurs_jeu.brouillon_autre.reference not in html
    # No link to views that are not routed (add, edit, delete).
    assert "/edit/" not in html and "/new/" not in html


def test_messages_non_lus_dans_la_liste(client, acteurs_jeu, candidatures):
    from jeunesse.models import Message

    piegee, sage, _ = candidatures
    for texte in ("Un", "Deux"):
        Message.objects.create(candidature=sage, auteur=sage.porteur, texte=texte)
    Message.objects.create(candidature=sage, de_l_instruction=True, texte="Réponse")
    connecter(client, acteurs_jeu.instructeur)
    html = client.get(reverse(URL)).content.decode()
    assert cellules(html, sage.reference)[-1] == "2"
    assert cellules(html, piegee.reference)[-1] == "0"
    # Opening the file marks them read.
    client.get(reverse("jeunesse_dossier", args=[sage.pk]))
    html = client.get(reverse(URL)).content.decode()
    assert cellules(html, sage.reference)[-1] == "0"


def test_filtres_et_recherche(client, acteurs_jeu, candidatures):
    piegee, sage, ancienne = candidatures
    connecter(client, acteurs_jeu.instructeur)
    html = client.get(reverse(URL), {"statut": Statut.EN_INSTRUCTION}).content.decode()
    assert sage.reference in html and piegee.reference not in html
    html = client.get(reverse(URL), {"appel": ancienne.appel_id}).content.decode()
    assert ancienne.reference in html and sage.reference not in html
    html = client.get(reverse(URL), {"q": "sage@exemple"}).content.decode()
    assert sage.reference in html and piegee.reference not in html
    html = client.get(reverse(URL), {"q": ancienne.reference}).content.decode()
    assert ancienne.reference in html and sage.reference not in html
    # A draft cannot be reached by filtering on its state.
    html = client.get(reverse(URL), {"statut": Statut.BROUILLON}).content.decode()
    assert acteurs_jeu.brouillon.reference not in html
    assert client.get(reverse(URL), {"appel": "abc"}).status_code == 200


def test_export_csv(client, acteurs_jeu, candidatures):
    piegee, sage, _ = candidatures
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(reverse(URL), {"export": "csv"})
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"] == 'attachment; filename="candidatures-jeunesse.csv"'
    contenu = b"".join(reponse.streaming_content).decode()
    lignes = contenu.splitlines()
    assert lignes[0].startswith("Référence,Titre du projet,Appel,Porteur")
    assert len(lignes) == 4  # heading + 3 submitted applications, no draft
    assert "'=HYPERLINK" in contenu
    assert ",=HYPERLINK" not in contenu and '"=HYPERLINK' not in contenu
    assert "sage@exemple.fr" in contenu and "1200" in contenu
    sage.refresh_from_db()
    depose_a_paris = timezone.localtime(sage.depose_le).strftime("%Y-%m-%d %H:%M:%S")
    assert depose_a_paris in contenu
    assert acteurs_jeu.brouillon.reference not in contenu


def test_export_xlsx(client, acteurs_jeu, candidatures):
    piegee, _, _ = candidatures
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(reverse(URL), {"export": "xlsx"})
    assert reponse.status_code == 200
    classeur = load_workbook(BytesIO(b"".join(reponse.streaming_content)))
    lignes = list(classeur.active.iter_rows(values_only=True))
    assert lignes[0][:3] == ("Référence", "Titre du projet", "Appel")
    assert len(lignes) == 4
    titres = [ligne[1] for ligne in lignes[1:]]
    assert "'" + piegee.titre in titres
    piegee.refresh_from_db()
    ligne = next(ligne for ligne in lignes if ligne[0] == piegee.reference)
    attendu = timezone.localtime(piegee.depose_le).replace(tzinfo=None, microsecond=0)
    assert ligne[6] == attendu  # the deposit date, in Paris time
    references = [ligne[0] for ligne in lignes[1:]]
    assert acteurs_jeu.brouillon.reference not in references


def test_budget_de_requetes_de_la_liste(client, fabrique_jeu, acteurs_jeu):
    url = reverse(URL)

    def compter():
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(url).status_code == 200
        return len(requetes)

    fabrique_jeu.candidature(acteurs_jeu.appel, fabrique_jeu.compte(), statut=Statut.DEPOSE)
    connecter(client, acteurs_jeu.instructeur)
    compter()
    peu = compter()
    for _ in range(7):
        fabrique_jeu.candidature(acteurs_jeu.appel, fabrique_jeu.compte(), statut=Statut.DEPOSE)
    connecter(client, acteurs_jeu.instructeur)
    compter()
    assert compter() == peu
    assert peu <= 25
