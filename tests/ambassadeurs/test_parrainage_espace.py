"""Share kit, hospitality offers (permission matrix) and impact pages of the space."""

import io
import uuid

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as ImagePIL
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ambassadeurs.models import (
    ControleParrainage,
    MessageQuestion,
    OffreHospitalite,
    Parrainage,
    Question,
)
from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil, HomePage

PAGES = ["/ambassadeurs/espace/partage/", "/ambassadeurs/espace/hospitalite/"]


def _offre(amb, **kw):
    valeurs = {"type": "repas", "commune": amb.commune, "capacite": 4, "periode": "Les samedis"}
    valeurs.update(kw)
    return OffreHospitalite.objects.create(ambassadeur=amb, **valeurs)


def test_anonyme_et_non_ambassadeur_rediriges(client, fabrique_amb):
    for url in [*PAGES, "/ambassadeurs/espace/impact/"]:
        assert "/connexion" in client.get(url)["Location"] or "login" in client.get(url)["Location"]
    client.force_login(fabrique_amb.utilisateur())
    for url in [*PAGES, "/ambassadeurs/espace/impact/"]:
        assert client.get(url)["Location"] == "/ambassadeurs/devenir-ambassadeur/"


def test_kit_de_partage(client, fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    client.force_login(amb.utilisateur)
    page = client.get("/ambassadeurs/espace/partage/").content.decode()
    assert page.count(f"?parrain={amb.code_parrainage}") >= 4  # link + 3 messages
    assert "partage-carre.png" in page and "download" in page
    assert "<script>" not in page and "style=" not in page
    assert "/ambassadeurs/espace/partage/" in client.get("/ambassadeurs/espace/").content.decode()


def test_offre_creer_erreurs_puis_valide(client, fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    client.force_login(amb.utilisateur)
    url = "/ambassadeurs/espace/hospitalite/nouvelle/"
    reponse = client.post(url, {"type": "chateau", "capacite": "0", "periode": "Été"})
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Choisissez une proposition de la liste." in page
    assert "Indiquez la commune où vous recevez." in page
    assert "Indiquez au moins 1 personne." in page
    assert 'value="Été"' in page
    reponse = client.post(
        url,
        {"type": "week_end", "commune": amb.commune.pk, "capacite": "3", "periode": "Été"},
    )
    assert reponse["Location"] == "/ambassadeurs/espace/hospitalite/"
    offre = OffreHospitalite.objects.get()
    assert (offre.ambassadeur, offre.type, offre.capacite, offre.active) == (
        amb,
        "week_end",
        3,
        True,
    )


@pytest.mark.parametrize(
    "methode,suffixe,donnees",
    [
        ("get", "modifier/", None),
        ("post", "modifier/", {"type": "repas", "capacite": "9", "periode": "x"}),
        ("post", "activer/", {"action": "desactiver"}),
    ],
)
def test_matrice_offre_d_un_autre_404(client, fabrique_amb, methode, suffixe, donnees):
    a, b = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    offre_b = _offre(b)
    url = f"/ambassadeurs/espace/hospitalite/{offre_b.pk}/{suffixe}"
    client.force_login(a.utilisateur)
    assert getattr(client, methode)(url, donnees or {}).status_code == 404
    offre_b.refresh_from_db()
    assert (offre_b.capacite, offre_b.active) == (4, True)
    assert "Les samedis" not in client.get("/ambassadeurs/espace/hospitalite/").content.decode()
    client.force_login(b.utilisateur)
    assert client.get(f"/ambassadeurs/espace/hospitalite/{offre_b.pk}/modifier/").status_code == 200


def test_offre_modifier_et_desactiver(client, fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    offre = _offre(amb)
    client.force_login(amb.utilisateur)
    client.post(
        f"/ambassadeurs/espace/hospitalite/{offre.pk}/modifier/",
        {"type": "journee", "commune": amb.commune.pk, "capacite": "2", "periode": "Juin"},
    )
    client.post(f"/ambassadeurs/espace/hospitalite/{offre.pk}/activer/", {"action": "desactiver"})
    offre.refresh_from_db()
    assert (offre.type, offre.capacite, offre.periode, offre.active) == (
        "journee",
        2,
        "Juin",
        False,
    )
    assert "désactivée" in client.get("/ambassadeurs/espace/hospitalite/").content.decode()


@pytest.fixture
def index_histoires(db):
    racine = Page.get_first_root_node()
    accueil = HomePage(title="Le Lot", slug="lot-parrainage")
    racine.add_child(instance=accueil)
    site = Site.objects.get(is_default_site=True)
    site.root_page = accueil
    site.save()
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    return index


def _histoire(index, n, *, auteur, commune, live=True, image):
    page = HistoirePage(
        image=image,
        title=f"Histoire {n}",
        slug=f"histoire-{n}",
        chapo="Un chapô.",
        commune=commune,
        auteur=auteur,
        live=live,
        profils_cibles=[HistoireProfil(profil="jeunes")],
    )
    index.add_child(instance=page)


def _peupler(amb, autre, index, taille, fabrique):
    tampon = io.BytesIO()
    ImagePIL.new("RGB", (64, 40), "#3f6b4a").save(tampon, "PNG")
    tampon.seek(0)
    image = get_image_model().objects.create(
        title="Causse", description="Un causse", file=ImageFile(tampon, name="causse.png")
    )
    for n in range(taille):
        _histoire(index, f"{taille}-{n}", auteur=amb.utilisateur, commune=amb.commune, image=image)
    _histoire(
        index,
        f"{taille}-brouillon",
        auteur=amb.utilisateur,
        commune=amb.commune,
        live=False,
        image=image,
    )
    _histoire(index, f"{taille}-autre", auteur=autre.utilisateur, commune=amb.commune, image=image)
    for n in range(taille):
        Parrainage.objects.create(
            ambassadeur=amb,
            filleul_reference=uuid.uuid4(),
            converti_le=timezone.now() if n == 0 else None,
        )
    Parrainage.objects.create(
        ambassadeur=amb, filleul_reference=uuid.uuid4(), controle=ControleParrainage.REJETE
    )
    Parrainage.objects.create(
        ambassadeur=amb, filleul_reference=uuid.uuid4(), controle=ControleParrainage.A_VERIFIER
    )
    Parrainage.objects.create(ambassadeur=autre, filleul_reference=uuid.uuid4())
    for n in range(taille):
        demandeur = fabrique(email=f"nouveau{taille}-{n}@exemple.fr")
        question = Question.objects.create(demandeur=demandeur, ambassadeur=amb, sujet="Écoles")
        MessageQuestion.objects.create(question=question, auteur=demandeur, texte="Bonjour")
        if n % 2 == 0:
            MessageQuestion.objects.create(question=question, auteur=amb.utilisateur, texte="Oui")
    assert get_image_model().objects.exists()


def test_impact_chiffres_badges_et_requetes(client, fabrique_amb, index_histoires):
    amb, autre = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    client.force_login(amb.utilisateur)
    vide = client.get("/ambassadeurs/espace/impact/").content.decode()
    assert 'data-chiffre="histoires">0<' in vide
    assert "Première histoire publiée</strong> — pas encore obtenu" in vide
    compteurs = []
    for taille in (2, 6):
        Parrainage.objects.all().delete()
        _peupler(amb, autre, index_histoires, taille, fabrique_amb.utilisateur)
        with CaptureQueriesContext(connection) as requetes:
            page = client.get("/ambassadeurs/espace/impact/").content.decode()
        compteurs.append(len(requetes))
        histoires = HistoirePage.objects.live().filter(auteur=amb.utilisateur).count()
        assert f'data-chiffre="histoires">{histoires}<' in page
        assert f'data-chiffre="inscrits">{taille + 1}<' in page  # rejected one not counted
        assert 'data-chiffre="convertis">1<' in page
        assert "Première installation</strong> — obtenu" in page
        assert "1 parrainage en cours de vérification" in page
        aides = (
            Question.objects.filter(ambassadeur=amb, messages__auteur=amb.utilisateur)
            .distinct()
            .count()
        )
        assert aides and f'data-chiffre="aides">{aides}<' in page
    assert compteurs[0] == compteurs[1], compteurs


def _staff(fabrique_amb, *codenames):
    from django.contrib.auth.models import Permission

    compte = fabrique_amb.utilisateur(is_staff=True)
    compte.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[
            Permission.objects.get(codename=c, content_type__app_label="ambassadeurs")
            for c in codenames
        ],
    )
    return compte


def test_admin_parrainages_valider_et_offres(client, fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    parrainage = Parrainage.objects.create(
        ambassadeur=amb, filleul_reference=uuid.uuid4(), controle=ControleParrainage.A_VERIFIER
    )
    _offre(amb, periode="Tous les dimanches")
    client.force_login(amb.utilisateur)  # an ambassador is refused
    assert client.get("/admin/ambassadeurs/parrainages/").status_code in (302, 403)
    client.force_login(
        _staff(fabrique_amb, "view_parrainage", "change_parrainage", "view_offrehospitalite")
    )
    liste = client.get("/admin/ambassadeurs/parrainages/?controle=a_verifier")
    assert liste.status_code == 200 and "À vérifier" in liste.content.decode()
    reponse = client.post(
        f"/admin/ambassadeurs/parrainages/{parrainage.pk}/",
        {"controle": "valide", "motif": "Salon de l'habitat : vérifié."},
    )
    assert reponse.status_code == 302
    parrainage.refresh_from_db()
    assert parrainage.controle == ControleParrainage.VALIDE
    offres = client.get(
        f"/admin/ambassadeurs/hospitalite/?commune__communaute={amb.commune.communaute_id}"
    ).content.decode()
    assert "Tous les dimanches" in offres and amb.utilisateur.email in offres
