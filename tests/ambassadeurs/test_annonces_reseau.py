"""Running the network: announcements (segments, idempotent batched sending), events and
RSVP in the ambassador's space, the admin viewsets and who may reach them, the export."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from ambassadeurs.models import (
    Annonce,
    EnvoiAnnonce,
    EtatAnnonce,
    EvenementReseau,
    ReponseEvenement,
    SegmentAnnonce,
    StatutAmbassadeur,
)
from ambassadeurs.services import annonces as services
from ambassadeurs.tasks import annonce_lot_task
from lot_portal.courriels.models import Courriel

URL_ANNONCES = "/ambassadeurs/espace/annonces/"
URL_EVENEMENTS = "/ambassadeurs/espace/evenements/"


def _repondre_url(evenement):
    return f"/ambassadeurs/espace/evenements/{evenement.pk}/repondre/"


def _staff(fabrique_amb, email, *codenames):
    compte = fabrique_amb.utilisateur(email=email, is_staff=True)
    compte.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[
            Permission.objects.get(codename=c, content_type__app_label="ambassadeurs")
            for c in codenames
        ],
    )
    return compte


def _annonce(**kwargs):
    kwargs.setdefault("titre", "Salon de l'agriculture")
    kwargs.setdefault("texte", "Venez tenir le stand du Lot.")
    communautes = kwargs.pop("communautes", [])
    annonce = Annonce.objects.create(**kwargs)
    annonce.communautes.set(communautes)
    return annonce


def _evenement(**kwargs):
    kwargs.setdefault("titre", "Rencontre des ambassadeurs")
    kwargs.setdefault("description", "Apéritif et échanges.")
    kwargs.setdefault("debut", timezone.now() + timedelta(days=10))
    kwargs.setdefault("lieu", "Salle des fêtes")
    return EvenementReseau.objects.create(**kwargs)


def _destinataires(annonce):
    return sorted(
        adresse
        for c in Courriel.objects.filter(sujet__contains=annonce.titre)
        for adresse in c.destinataires
    )


# --- Segments ----------------------------------------------------------------------------------


def test_segments_all_area_profile_and_exclusions(fabrique_amb):
    figeac = fabrique_amb.communaute(nom="Grand-Figeac")
    commune_figeac = fabrique_amb.commune(communaute=figeac)
    a = fabrique_amb.ambassadeur(commune=commune_figeac, profils=["jeunes"])
    b = fabrique_amb.ambassadeur(profils=["wanted", "touristes"])
    c = fabrique_amb.ambassadeur(profils=[])
    fabrique_amb.ambassadeur(disponible=False, commune=commune_figeac, profils=["wanted"])
    fabrique_amb.ambassadeur(statut=StatutAmbassadeur.CANDIDATURE, commune=commune_figeac)

    assert services.destinataires_ids(annonce=_annonce()) == sorted([a.pk, b.pk, c.pk])
    territoire = _annonce(segment=SegmentAnnonce.TERRITOIRE, communautes=[figeac])
    assert services.destinataires_ids(annonce=territoire) == [a.pk]
    profils = _annonce(segment=SegmentAnnonce.PROFILS, profils=["wanted", "secondes_vies"])
    assert services.destinataires_ids(annonce=profils) == [b.pk]


# --- Idempotent batched sending ----------------------------------------------------------------


def test_sending_in_batches_is_idempotent_and_skips_paused(fabrique_amb, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    actifs = [fabrique_amb.ambassadeur() for _ in range(5)]
    en_pause = fabrique_amb.ambassadeur(disponible=False)
    annonce = _annonce()
    annonce = services.annonce_envoyer(annonce=annonce)
    assert annonce.etat == EtatAnnonce.EN_COURS and annonce.nb_destinataires == 5

    assert services.annonce_lot_envoyer(annonce_id=annonce.pk, taille=2) == (2, True)
    # A retried batch (or a second worker) does not email the same people again.
    assert services.annonce_lot_envoyer(annonce_id=annonce.pk, taille=2) == (2, True)
    assert services.annonce_lot_envoyer(annonce_id=annonce.pk, taille=2) == (1, False)
    assert services.annonce_lot_envoyer(annonce_id=annonce.pk, taille=2) == (0, False)
    annonce_lot_task(annonce.pk)  # run again once finished: nothing more

    attendus = sorted(a.utilisateur.email for a in actifs)
    assert _destinataires(annonce) == attendus
    assert en_pause.utilisateur.email not in _destinataires(annonce)
    assert EnvoiAnnonce.objects.filter(annonce=annonce).count() == 5
    assert all(e.courriel_id for e in EnvoiAnnonce.objects.filter(annonce=annonce))
    annonce.refresh_from_db()
    assert annonce.etat == EtatAnnonce.ENVOYEE and annonce.nb_envois == 5 and annonce.envoyee_le
    with pytest.raises(services.AnnonceDejaEnvoyee):
        services.annonce_envoyer(annonce=annonce)


def test_task_chains_batches_and_twice_sends_once(fabrique_amb, settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    monkeypatch.setattr(services, "TAILLE_LOT", 2)
    monkeypatch.setattr(
        services.annonce_lot_envoyer, "__kwdefaults__", {"taille": 2}, raising=False
    )
    actifs = [fabrique_amb.ambassadeur() for _ in range(5)]
    annonce = _annonce(titre="Réunion de rentrée")
    Annonce.objects.filter(pk=annonce.pk).update(etat=EtatAnnonce.EN_COURS)
    annonce_lot_task(annonce.pk)  # 2 + 2 + 1, chained
    annonce_lot_task(annonce.pk)
    assert _destinataires(annonce) == sorted(a.utilisateur.email for a in actifs)
    assert Annonce.objects.get(pk=annonce.pk).etat == EtatAnnonce.ENVOYEE


def test_paused_after_send_started_is_skipped(fabrique_amb):
    a, b = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    annonce = services.annonce_envoyer(annonce=_annonce())
    b.disponible = False
    b.save()
    services.annonce_lot_envoyer(annonce_id=annonce.pk)
    assert _destinataires(annonce) == [a.utilisateur.email]


# --- The ambassador's space: announcements -------------------------------------------------------


def test_announcements_page_shows_only_mine_newest_first(client, fabrique_amb):
    moi, autre = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    vieille = _annonce(titre="Vieille annonce")
    recente = _annonce(titre="Annonce récente")
    secrete = _annonce(titre="Annonce pour un autre")
    EnvoiAnnonce.objects.create(
        annonce=vieille, ambassadeur=moi, cree_le=timezone.now() - timedelta(days=3)
    )
    EnvoiAnnonce.objects.create(annonce=recente, ambassadeur=moi)
    EnvoiAnnonce.objects.create(annonce=secrete, ambassadeur=autre)
    client.force_login(moi.utilisateur)
    page = client.get(URL_ANNONCES)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.index("Annonce récente") < html.index("Vieille annonce")
    assert "Annonce pour un autre" not in html
    espace = client.get("/ambassadeurs/espace/").content.decode()
    assert URL_ANNONCES in espace and URL_EVENEMENTS in espace


def _requetes(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        reponse = client.get(url)
    assert reponse.status_code == 200
    return len(ctx.captured_queries)


def _peupler(moi, autres, debut, fin):
    for i in range(debut, fin):
        EnvoiAnnonce.objects.create(annonce=_annonce(titre=f"Annonce {i}"), ambassadeur=moi)
        evenement = _evenement(titre=f"Événement {i}")
        for autre in autres:
            ReponseEvenement.objects.create(evenement=evenement, ambassadeur=autre, reponse="oui")
        if i % 2:
            ReponseEvenement.objects.create(evenement=evenement, ambassadeur=moi, reponse="non")


def test_query_budget_of_space_pages_at_two_sizes(client, fabrique_amb):
    moi = fabrique_amb.ambassadeur()
    autres = [fabrique_amb.ambassadeur() for _ in range(3)]
    _peupler(moi, autres, 0, 2)
    client.force_login(moi.utilisateur)
    client.get(URL_ANNONCES)  # warm the per-process caches (site, settings)
    petits = {url: _requetes(client, url) for url in (URL_ANNONCES, URL_EVENEMENTS)}
    _peupler(moi, autres, 2, 14)
    grands = {url: _requetes(client, url) for url in (URL_ANNONCES, URL_EVENEMENTS)}
    assert petits == grands  # no query per row
    assert max(grands.values()) <= 12, grands
    html = client.get(URL_EVENEMENTS).content.decode()
    assert html.count("3 viennent") == 14
    assert "Votre réponse : <strong>je ne viens pas</strong>" in html
    assert html.count("Annonce ") == 0
    assert client.get(URL_ANNONCES).content.decode().count("amb-annonce__titre") == 14


# --- RSVP ----------------------------------------------------------------------------------------


def test_rsvp_one_per_ambassador_and_change(client, fabrique_amb):
    moi = fabrique_amb.ambassadeur()
    evenement = _evenement()
    client.force_login(moi.utilisateur)
    prefixe = f"ev{evenement.pk}-reponse"
    reponse = client.post(_repondre_url(evenement), {prefixe: "oui"})
    assert reponse.status_code == 302
    assert reponse["Location"].endswith(f"{URL_EVENEMENTS}#evenement-{evenement.pk}")
    client.post(_repondre_url(evenement), {prefixe: "peut_etre"})
    assert ReponseEvenement.objects.filter(evenement=evenement).count() == 1
    assert ReponseEvenement.objects.get(evenement=evenement, ambassadeur=moi).reponse == "peut_etre"
    html = client.get(URL_EVENEMENTS).content.decode()
    assert "Votre réponse : <strong>peut-être</strong>" in html
    assert "1 peut-être" in html


def test_rsvp_form_errors_keep_page_and_are_french(client, fabrique_amb):
    moi = fabrique_amb.ambassadeur()
    evenement = _evenement()
    client.force_login(moi.utilisateur)
    for donnees in ({}, {f"ev{evenement.pk}-reponse": "<script>"}):
        reponse = client.post(_repondre_url(evenement), donnees)
        assert reponse.status_code == 400
        html = reponse.content.decode()
        assert "Le formulaire contient 1 erreur" in html
        assert "Choisissez" in html and 'aria-invalid="true"' in html
    assert not ReponseEvenement.objects.exists()


def test_rsvp_full_event_refuses_yes(client, fabrique_amb):
    evenement = _evenement(capacite=1)
    premier, moi = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    services.reponse_enregistrer(evenement=evenement, ambassadeur=premier, reponse="oui")
    client.force_login(moi.utilisateur)
    reponse = client.post(_repondre_url(evenement), {f"ev{evenement.pk}-reponse": "oui"})
    assert reponse.status_code == 400
    assert "Toutes les places sont prises" in reponse.content.decode()
    # The first one may still change their answer.
    services.reponse_enregistrer(evenement=evenement, ambassadeur=premier, reponse="oui")


def test_rsvp_past_event_refused(client, fabrique_amb):
    moi = fabrique_amb.ambassadeur()
    passe = _evenement(debut=timezone.now() - timedelta(hours=1))
    client.force_login(moi.utilisateur)
    assert "Rencontre des ambassadeurs" not in client.get(URL_EVENEMENTS).content.decode()
    reponse = client.post(_repondre_url(passe), {f"ev{passe.pk}-reponse": "oui"})
    assert reponse.status_code == 400
    assert "déjà eu lieu" in reponse.content.decode()
    assert not ReponseEvenement.objects.exists()
    with pytest.raises(services.EvenementPasse):
        services.reponse_enregistrer(evenement=passe, ambassadeur=moi, reponse="oui")


def test_ambassador_cannot_answer_for_another(client, fabrique_amb):
    moi, autre = fabrique_amb.ambassadeur(), fabrique_amb.ambassadeur()
    evenement = _evenement()
    ReponseEvenement.objects.create(evenement=evenement, ambassadeur=autre, reponse="non")
    client.force_login(moi.utilisateur)
    client.post(
        _repondre_url(evenement),
        {f"ev{evenement.pk}-reponse": "oui", "ambassadeur": autre.pk, "ambassadeur_id": autre.pk},
    )
    assert ReponseEvenement.objects.get(ambassadeur=autre).reponse == "non"
    assert ReponseEvenement.objects.get(ambassadeur=moi).reponse == "oui"


@pytest.mark.parametrize("qui", ["anonyme", "candidat", "refuse", "simple"])
def test_space_pages_refuse_non_ambassadors(client, fabrique_amb, qui):
    evenement = _evenement()
    if qui == "candidat":
        client.force_login(
            fabrique_amb.ambassadeur(statut=StatutAmbassadeur.CANDIDATURE).utilisateur
        )
    elif qui == "refuse":
        client.force_login(fabrique_amb.ambassadeur(statut=StatutAmbassadeur.REFUSE).utilisateur)
    elif qui == "simple":
        client.force_login(fabrique_amb.utilisateur())
    for url in (URL_ANNONCES, URL_EVENEMENTS):
        reponse = client.get(url)
        assert reponse.status_code == (302 if qui == "anonyme" else 403)
    reponse = client.post(_repondre_url(evenement), {f"ev{evenement.pk}-reponse": "oui"})
    assert reponse.status_code == (302 if qui == "anonyme" else 403)
    assert not ReponseEvenement.objects.exists()


# --- Admin ---------------------------------------------------------------------------------------

URLS_ADMIN = [
    "/admin/ambassadeurs/annonces/",
    "/admin/ambassadeurs/annonces/new/",
    "/admin/ambassadeurs/evenements/",
    "/admin/ambassadeurs/evenements/new/",
    "/admin/ambassadeurs/candidatures/?export=csv",
]


@pytest.mark.parametrize("url", URLS_ADMIN)
def test_ambassador_cannot_reach_admin_viewsets(client, fabrique_amb, url):
    client.force_login(fabrique_amb.ambassadeur().utilisateur)
    reponse = client.get(url)
    assert reponse.status_code in (302, 403)
    if reponse.status_code == 302:
        assert "login" in reponse["Location"]


def test_ambassador_cannot_reach_admin_send_or_event_pages(client, fabrique_amb):
    annonce, evenement = _annonce(), _evenement()
    client.force_login(fabrique_amb.ambassadeur().utilisateur)
    for url in (
        f"/admin/ambassadeurs/annonces/envoyer/{annonce.pk}/",
        f"/admin/ambassadeurs/evenements/inspect/{evenement.pk}/",
    ):
        assert client.get(url).status_code in (302, 403)
        assert client.post(url).status_code in (302, 403)
    assert Annonce.objects.get(pk=annonce.pk).etat == EtatAnnonce.BROUILLON


def test_staff_without_permission_cannot_send(client, fabrique_amb):
    annonce = _annonce()
    client.force_login(_staff(fabrique_amb, "lecteur@lot.fr", "view_annonce"))
    for methode in (client.get, client.post):
        reponse = methode(f"/admin/ambassadeurs/annonces/envoyer/{annonce.pk}/")
        assert reponse.status_code == 403 or reponse["Location"] == "/admin/"
    assert Annonce.objects.get(pk=annonce.pk).etat == EtatAnnonce.BROUILLON


def test_staff_writes_previews_and_sends(client, fabrique_amb, django_capture_on_commit_callbacks):
    figeac = fabrique_amb.communaute(nom="Grand-Figeac")
    cible = fabrique_amb.ambassadeur(commune=fabrique_amb.commune(communaute=figeac))
    fabrique_amb.ambassadeur()
    staff = _staff(fabrique_amb, "equipe@lot.fr", "add_annonce", "change_annonce", "view_annonce")
    client.force_login(staff)
    # Form errors: a segment without its choice.
    erreur = client.post(
        "/admin/ambassadeurs/annonces/new/",
        {"titre": "Rencontre", "texte": "Bonjour", "segment": "territoire"},
    )
    assert erreur.status_code == 200
    assert "Choisissez au moins une communauté de communes." in erreur.content.decode()
    assert not Annonce.objects.exists()
    reponse = client.post(
        "/admin/ambassadeurs/annonces/new/",
        {
            "titre": "Rencontre à Figeac",
            "texte": "Bonjour",
            "segment": "territoire",
            "communautes": [figeac.pk],
        },
    )
    assert reponse.status_code == 302
    annonce = Annonce.objects.get()
    assert annonce.cree_par == staff
    apercu = client.get(f"/admin/ambassadeurs/annonces/envoyer/{annonce.pk}/").content.decode()
    assert "1 ambassadeur</strong>" in apercu
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/ambassadeurs/annonces/envoyer/{annonce.pk}/").status_code == 302
    annonce.refresh_from_db()
    assert annonce.etat == EtatAnnonce.ENVOYEE
    assert _destinataires(annonce) == [cible.utilisateur.email]
    # Once sent, no more editing.
    modif = client.get(f"/admin/ambassadeurs/annonces/edit/{annonce.pk}/")
    assert modif.status_code == 302
    assert client.get("/admin/ambassadeurs/annonces/").status_code == 200


def test_staff_event_rsvp_list_and_export(client, fabrique_amb):
    evenement = _evenement()
    amb = fabrique_amb.ambassadeur(
        prenom="Jeanne",
        profession="=HYPERLINK(1)",
        utilisateur=fabrique_amb.utilisateur(email="j@x.fr"),
    )
    ReponseEvenement.objects.create(evenement=evenement, ambassadeur=amb, reponse="oui")
    client.force_login(
        _staff(fabrique_amb, "equipe@lot.fr", "view_evenementreseau", "change_ambassadeur")
    )
    liste = client.get("/admin/ambassadeurs/evenements/")
    assert liste.status_code == 200
    fiche = client.get(f"/admin/ambassadeurs/evenements/inspect/{evenement.pk}/").content.decode()
    assert "Jeanne" in fiche and "j@x.fr" in fiche and "1 viennent" in fiche
    export = client.get("/admin/ambassadeurs/candidatures/?export=csv")
    assert export.status_code == 200
    contenu = b"".join(export.streaming_content).decode()
    assert "Adresse électronique" in contenu and "Histoires publiées" in contenu
    assert "j@x.fr" in contenu
    assert "'=HYPERLINK(1)" in contenu


def test_staff_creates_event_and_edits_draft(client, fabrique_amb):
    commune = fabrique_amb.commune(nom="Cahors")
    client.force_login(
        _staff(
            fabrique_amb,
            "equipe@lot.fr",
            "add_evenementreseau",
            "view_evenementreseau",
            "change_annonce",
            "view_annonce",
        )
    )
    vide = client.post("/admin/ambassadeurs/evenements/new/", {"titre": ""})
    assert vide.status_code == 200 and not EvenementReseau.objects.exists()
    reponse = client.post(
        "/admin/ambassadeurs/evenements/new/",
        {
            "titre": "Salon de Paris",
            "description": "Stand du Lot",
            "debut": "2030-03-01 10:00",
            "lieu": "Porte de Versailles",
            "commune": commune.pk,
            "capacite": "",
        },
    )
    assert reponse.status_code == 302
    assert EvenementReseau.objects.get().capacite is None
    annonce = _annonce()
    edition = client.post(
        f"/admin/ambassadeurs/annonces/edit/{annonce.pk}/",
        {"titre": "Nouveau titre", "texte": "Texte", "segment": "profils"},
    )
    assert edition.status_code == 200
    assert "Choisissez au moins un profil cible." in edition.content.decode()
    client.post(
        f"/admin/ambassadeurs/annonces/edit/{annonce.pk}/",
        {"titre": "Nouveau titre", "texte": "Texte", "segment": "profils", "profils": ["jeunes"]},
    )
    assert Annonce.objects.get(pk=annonce.pk).profils == ["jeunes"]
    assert client.get(f"/admin/ambassadeurs/annonces/inspect/{annonce.pk}/").status_code == 200
    assert "Envoyer…" in client.get("/admin/ambassadeurs/annonces/").content.decode()
