"""Stories written by ambassadors: submission to « Relecture », review, revision, permissions,
form errors, and the ambassador never publishing."""

import io
import os

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import TaskState, WorkflowState

from ambassadeurs.models import Ambassadeur, Secteur, StatutAmbassadeur
from ambassadeurs.models.choix import Origine
from ambassadeurs.services.histoires import (
    COLLECTION_HISTOIRES,
    HistoireNonModifiable,
    histoire_soumettre,
)
from lot_portal.cms.models import HistoirePage
from lot_portal.territoire.models import Commune

URL_LISTE = "/ambassadeurs/espace/histoires/"
URL_NOUVELLE = "/ambassadeurs/espace/histoires/nouvelle/"


@pytest.fixture
def relecture(site_demo):
    """The stories index with the Relecteurs group and the Relecture workflow."""
    from lot_portal.cms import demo

    demo._collection_racine()
    index = demo._index(site_demo, open(os.devnull, "w"))  # noqa: SIM115
    demo._groupes_et_relecture(site_demo, index)
    return index


def _compte(django_user_model, courriel):
    from allauth.account.models import EmailAddress

    compte = django_user_model.objects.create_user(
        email=courriel, password="Vallee-du-Lot-2026", first_name="Claire"
    )
    EmailAddress.objects.create(user=compte, email=courriel, verified=True, primary=True)
    return compte


@pytest.fixture
def faire_ambassadeur(django_user_model, relecture):
    def faire(courriel, statut=StatutAmbassadeur.ACCEPTE, prenom="Claire"):
        return Ambassadeur.objects.create(
            utilisateur=_compte(django_user_model, courriel),
            statut=statut,
            prenom=prenom,
            nom="Delpech",
            commune=Commune.objects.get(nom="Figeac"),
            profession="Céramiste",
            secteur=Secteur.ARTISANAT,
            origine=Origine.ARRIVE,
            histoire="Arrivée de Lyon en 2019.",
            offres=["histoires"],
            charte_acceptee_le=timezone.now(),
        )

    return faire


@pytest.fixture
def relecteur(django_user_model, relecture):
    compte = _compte(django_user_model, "relec@lot.fr")
    compte.groups.add(Group.objects.get(name="Relecteurs"))
    return compte


def _jpeg(couleur=(180, 90, 30), gps=True):
    exif = Image.Exif()
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (44.0, 36.0, 30.0)})
    tampon = io.BytesIO()
    Image.new("RGB", (120, 80), couleur).save(tampon, format="JPEG", exif=exif.tobytes())
    tampon.seek(0)
    tampon.name = "photo.jpg"
    return tampon


def _formulaire(**valeurs):
    donnees = {
        "titre": "Claire, céramiste à Figeac",
        "chapo": "Elle a quitté Lyon pour ouvrir son atelier.",
        "texte": "Premier paragraphe <b>gras</b>.\n\nDeuxième paragraphe,\nsur deux lignes.",
        "commune": Commune.objects.get(nom="Figeac").pk,
        "profils": ["secondes_vies", "wanted"],
        "alt_1": "Claire dans son atelier, les mains dans la terre.",
        "action": "soumettre",
    }
    donnees.update(valeurs)
    return {k: v for k, v in donnees.items() if v is not None}


def _donnees_service(**valeurs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lot_portal.cms.images import image_nettoyer

    fichier = image_nettoyer(SimpleUploadedFile("p.jpg", _jpeg().getvalue()))
    donnees = {
        "titre": "Histoire de service",
        "chapo": "Un résumé.",
        "texte": "Un paragraphe.",
        "commune": Commune.objects.get(nom="Figeac"),
        "profils": ["jeunes"],
        "thematiques": [],
        "images": [
            {"fichier": fichier, "alt": "Une photo.", "retirer": False},
            {"fichier": None, "alt": "", "retirer": False},
            {"fichier": None, "alt": "", "retirer": False},
        ],
    }
    donnees.update(valeurs)
    return donnees


def _approuver(page, relecteur):
    etat = page.current_workflow_state
    tache = etat.current_task_state
    tache.task.specific.on_action(tache, relecteur, "approve")


def _rejeter(page, relecteur, commentaire):
    etat = page.current_workflow_state
    tache = etat.current_task_state
    tache.task.specific.on_action(tache, relecteur, "reject", comment=commentaire)


def test_submit_review_reject_revise_approve(client, faire_ambassadeur, relecteur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(
        URL_NOUVELLE,
        {
            **_formulaire(alt_2="Un bol émaillé."),
            "image_1": _jpeg(),
            "image_2": _jpeg((20, 90, 160)),
        },
    )
    assert reponse.status_code == 302 and reponse["Location"] == URL_LISTE

    page = HistoirePage.objects.get()
    assert not page.live
    assert page.auteur == ambassadeur.utilisateur
    assert page.auteur_nom == "Claire, ambassadeur à Figeac"
    etat = page.current_workflow_state
    assert etat.workflow.name == "Relecture"
    assert etat.status == WorkflowState.STATUS_IN_PROGRESS
    tache = etat.current_task_state
    assert tache.status == TaskState.STATUS_IN_PROGRESS
    assert list(tache.task.specific.groups.values_list("name", flat=True)) == ["Relecteurs"]
    # The image: in the ambassadors' collection, re-encoded without GPS, with its description.
    brouillon = page.get_latest_revision_as_object()
    image = brouillon.image
    assert image.collection.name == COLLECTION_HISTOIRES
    assert image.description == "Claire dans son atelier, les mains dans la terre."
    with image.open_file() as f, Image.open(f) as decodee:
        assert not decodee.getexif()
    assert brouillon.corps.raw_data[0]["value"] == (
        "<p>Premier paragraphe &lt;b&gt;gras&lt;/b&gt;.</p>"
        "<p>Deuxième paragraphe,<br/>sur deux lignes.</p>"
    )
    assert sorted(p.profil for p in brouillon.profils_cibles.all()) == ["secondes_vies", "wanted"]

    liste = client.get(URL_LISTE).content.decode()
    assert "En relecture" in liste
    # In review: not editable.
    modifier = reverse("ambassadeurs:histoire_modifier", args=[page.pk])
    assert client.get(modifier).status_code == 302
    assert client.post(modifier, _formulaire(titre="Changé")).status_code == 302
    assert HistoirePage.objects.get().get_latest_revision_as_object().title != "Changé"

    # The reviewer sends it back with a comment: « à revoir », comment shown.
    _rejeter(page, relecteur, "Ajoutez le nom de son atelier, s'il vous plaît.")
    liste = client.get(URL_LISTE).content.decode()
    assert "À revoir" in liste
    assert "Ajoutez le nom de son atelier, s&#x27;il vous plaît." in liste
    formulaire = client.get(modifier)
    assert formulaire.status_code == 200
    assert "Ajoutez le nom de son atelier" in formulaire.content.decode()
    assert formulaire.context["form"].initial["texte"].startswith("Premier paragraphe <b>gras</b>")

    # Revision keeps the current image (no new file) and resumes the same workflow.
    reponse = client.post(
        modifier,
        _formulaire(titre="Claire, céramiste à l'atelier du Causse", alt_2="Un bol bleu."),
    )
    assert reponse.status_code == 302
    page = HistoirePage.objects.get()
    corps = page.get_latest_revision_as_object().corps
    assert [bloc.block_type for bloc in corps] == ["texte", "image"]
    assert corps[1].value["image"].contextual_alt_text == "Un bol bleu."
    assert corps[1].value["image"].collection.name == COLLECTION_HISTOIRES
    etat_repris = page.current_workflow_state
    assert etat_repris.pk == etat.pk and etat_repris.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().image_id == image.pk
    assert not page.live

    # The reviewer approves: live, under /histoires/.
    _approuver(page, relecteur)
    page = HistoirePage.objects.get()
    assert page.live and page.title == "Claire, céramiste à l'atelier du Causse"
    assert client.get("/histoires/").content.decode().count(page.title.replace("'", "&#x27;"))
    client.logout()
    publique = client.get(page.url)
    assert publique.status_code == 200
    assert 'alt="Un bol bleu."' in publique.content.decode()
    client.force_login(ambassadeur.utilisateur)
    assert "Publiée" in client.get(URL_LISTE).content.decode()

    # Editing a published story: a new revision in review, the live version untouched.
    reponse = client.post(modifier, _formulaire(titre="Nouveau titre", alt_2="Un bol bleu."))
    assert reponse.status_code == 302
    page = HistoirePage.objects.get()
    assert page.live and page.title == "Claire, céramiste à l'atelier du Causse"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().title == "Nouveau titre"


def test_ambassador_never_publishes_and_has_no_admin(client, faire_ambassadeur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    compte = ambassadeur.utilisateur
    client.force_login(compte)
    client.post(URL_NOUVELLE, {**_formulaire(), "image_1": _jpeg()})
    page = HistoirePage.objects.get()
    assert not page.live
    assert not page.permissions_for_user(compte).can_publish()
    assert not page.permissions_for_user(compte).can_edit()
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 302
    assert client.get("/admin/").status_code == 302
    # Even a forged POST while in review changes nothing and publishes nothing.
    client.post(
        reverse("ambassadeurs:histoire_modifier", args=[page.pk]), _formulaire(action="publier")
    )
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().pk == page.latest_revision_id
    assert page.revisions.count() == 1


def test_draft_only_then_submit(client, faire_ambassadeur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    client.force_login(ambassadeur.utilisateur)
    client.post(URL_NOUVELLE, {**_formulaire(action="brouillon"), "image_1": _jpeg()})
    page = HistoirePage.objects.get()
    assert page.current_workflow_state is None
    assert "Brouillon" in client.get(URL_LISTE).content.decode()
    client.post(reverse("ambassadeurs:histoire_modifier", args=[page.pk]), _formulaire())
    page = HistoirePage.objects.get()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_service_refuses_a_story_in_review_and_someone_elses(faire_ambassadeur):
    a = faire_ambassadeur("a@exemple.fr")
    b = faire_ambassadeur("b@exemple.fr", prenom="Bruno")
    page = histoire_soumettre(ambassadeur=a, donnees=_donnees_service())
    with pytest.raises(HistoireNonModifiable):
        histoire_soumettre(ambassadeur=a, donnees=_donnees_service(), histoire=page)
    with pytest.raises(HistoireNonModifiable):
        histoire_soumettre(ambassadeur=b, donnees=_donnees_service(), histoire=page)


@pytest.mark.parametrize(
    ("qui", "attendu"),
    [
        ("anonyme", 302),
        ("sans_candidature", 403),
        ("candidat", 403),
        ("refuse", 403),
        ("autre_ambassadeur", 404),
        ("auteur", 200),
    ],
)
def test_permission_matrix_on_the_edit_url(client, faire_ambassadeur, qui, attendu):
    auteur = faire_ambassadeur("auteur@exemple.fr")
    page = histoire_soumettre(ambassadeur=auteur, donnees=_donnees_service(), soumettre=False)
    url = reverse("ambassadeurs:histoire_modifier", args=[page.pk])
    if qui == "sans_candidature":
        client.force_login(_compte(type(auteur.utilisateur), "x@exemple.fr"))
    elif qui == "candidat":
        client.force_login(
            faire_ambassadeur("c@exemple.fr", statut=StatutAmbassadeur.CANDIDATURE).utilisateur
        )
    elif qui == "refuse":
        client.force_login(
            faire_ambassadeur("r@exemple.fr", statut=StatutAmbassadeur.REFUSE).utilisateur
        )
    elif qui == "autre_ambassadeur":
        client.force_login(faire_ambassadeur("b@exemple.fr").utilisateur)
    elif qui == "auteur":
        client.force_login(auteur.utilisateur)
    reponse = client.get(url)
    assert reponse.status_code == attendu
    if qui == "anonyme":
        assert "/compte/login/" in reponse["Location"]
    avant = page.get_latest_revision().pk
    client.post(url, _formulaire(titre="Piraté"))
    if qui != "auteur":
        assert page.get_latest_revision().pk == avant
    for liste in (URL_LISTE, URL_NOUVELLE):
        statut = client.get(liste).status_code
        assert statut == (attendu if attendu != 404 else 200)


def test_list_shows_only_own_stories_with_constant_queries(client, faire_ambassadeur):
    a = faire_ambassadeur("a@exemple.fr")
    b = faire_ambassadeur("b@exemple.fr", prenom="Bruno")
    histoire_soumettre(ambassadeur=b, donnees=_donnees_service(titre="Celle de Bruno"))
    client.force_login(a.utilisateur)
    client.get(URL_LISTE)  # warms the per-request caches (site lookup)
    comptes = []
    for n in (1, 4):
        while HistoirePage.objects.filter(auteur=a.utilisateur).count() < n:
            histoire_soumettre(ambassadeur=a, donnees=_donnees_service(titre=f"Histoire {n}"))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as requetes:
            reponse = client.get(URL_LISTE)
        comptes.append(len(requetes))
        assert "Celle de Bruno" not in reponse.content.decode()
        assert reponse.content.decode().count("En relecture") == n
    assert comptes[0] == comptes[1]


def test_form_errors_keep_the_text_and_name_each_problem(client, faire_ambassadeur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    client.force_login(ambassadeur.utilisateur)
    svg = io.BytesIO(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    svg.name = "photo.jpg"
    reponse = client.post(
        URL_NOUVELLE,
        {
            **_formulaire(titre="", alt_1="", commune="999999", profils=["inconnu"]),
            "image_1": svg,
            "image_2": _jpeg(),
        },
    )
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Donnez un titre à votre histoire." in contenu
    assert "Ce fichier n&#x27;est pas une image JPEG, PNG ou WebP." in contenu
    assert "Choisissez une commune de la liste." in contenu
    assert "Choisissez un public de la liste." in contenu
    assert "Décrivez cette image" in contenu  # image 2 without description
    assert "sélectionnez-les à nouveau" in contenu
    assert "Deuxième paragraphe," in contenu  # the text typed is kept
    assert not HistoirePage.objects.exists()


def test_missing_main_image_and_oversize_file(client, faire_ambassadeur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(URL_NOUVELLE, _formulaire())
    assert "Ajoutez une image principale" in reponse.content.decode()
    lourd = io.BytesIO(_jpeg().getvalue() + b"\0" * (5 * 1024 * 1024))
    lourd.name = "lourd.jpg"
    reponse = client.post(URL_NOUVELLE, {**_formulaire(), "image_1": lourd})
    assert "L&#x27;image dépasse 5 Mo." in reponse.content.decode()
    assert not HistoirePage.objects.exists()


def test_errors_on_a_story_sent_back_keep_the_draft(client, faire_ambassadeur, relecteur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    page = histoire_soumettre(ambassadeur=ambassadeur, donnees=_donnees_service())
    _rejeter(page, relecteur, "Trop court.")
    client.force_login(ambassadeur.utilisateur)
    url = reverse("ambassadeurs:histoire_modifier", args=[page.pk])
    html = io.BytesIO(b"<!DOCTYPE html><html><script>x</script></html>")
    html.name = "page.png"
    reponse = client.post(url, {**_formulaire(), "image_1": html})
    assert reponse.status_code == 200
    page = HistoirePage.objects.get()
    assert page.get_latest_revision_as_object().title == "Histoire de service"
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_revision_keeps_editor_blocks_and_can_remove_an_image(client, faire_ambassadeur, relecteur):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    donnees = _donnees_service()
    donnees["images"][1] = {
        "fichier": _donnees_service()["images"][0]["fichier"],
        "alt": "Deuxième photo.",
        "retirer": False,
    }
    page = histoire_soumettre(ambassadeur=ambassadeur, donnees=donnees)
    # The reviewer adds a quote in the admin, then sends the story back.
    brouillon = page.get_latest_revision_as_object()
    brut = [dict(bloc) for bloc in brouillon.corps.raw_data]
    brut.append({"type": "citation", "value": {"citation": "Ici je respire.", "auteur": "Claire"}})
    brouillon.corps = brut
    brouillon.save_revision(user=relecteur)
    _rejeter(page, relecteur, "Retirez la deuxième photo.")

    client.force_login(ambassadeur.utilisateur)
    url = reverse("ambassadeurs:histoire_modifier", args=[page.pk])
    assert 'name="retirer_2"' in client.get(url).content.decode()
    reponse = client.post(url, _formulaire(retirer_2="on", alt_2="Deuxième photo."))
    assert reponse.status_code == 302
    corps = HistoirePage.objects.get().get_latest_revision_as_object().corps
    assert [bloc.block_type for bloc in corps] == ["texte", "citation"]
    assert corps[1].value["citation"] == "Ici je respire."


@pytest.mark.parametrize(
    "valeurs",
    [
        {"commune": "abc", "thematiques": ["abc"]},
        {"titre": "x" * 500, "chapo": "y" * 401},
        {"texte": "nul\x00", "profils": []},
        {"alt_1": "z" * 300},
    ],
)
def test_hostile_inputs_get_french_errors_not_500(client, faire_ambassadeur, valeurs):
    ambassadeur = faire_ambassadeur("claire@exemple.fr")
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(URL_NOUVELLE, {**_formulaire(**valeurs), "image_1": _jpeg()})
    assert reponse.status_code == 200
    erreurs = reponse.context["form"].errors
    assert erreurs
    assert "sélectionnez-les à nouveau" in reponse.content.decode()
    assert not HistoirePage.objects.exists()
    assert client.get("/ambassadeurs/espace/histoires/99999999999/modifier/").status_code == 404
