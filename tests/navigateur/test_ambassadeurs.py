"""The ambassador network in Chromium, from the application to the answer to a newcomer.

A visitor with an account applies to become an ambassador (photo included); a staff member
accepts the application in the Wagtail admin and the applicant is emailed; the ambassador
logs in, writes a story with an image and its description and sends it to the review; a
reviewer approves it in the admin (workflow « Relecture »); the story is on /histoires/ and
under the ambassador's public profile. Then a signed-in newcomer asks the ambassador a
question, the ambassador answers from their space and the newcomer reads the answer.
"""

import io
import re
import time

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

pytestmark = [pytest.mark.navigateur, pytest.mark.celery_reel]

MOT_DE_PASSE = "Vallee-du-Lot-2026"
CANDIDATE = "lea.vidal@exemple.fr"
ARRIVANT = "paul.arrivant@exemple.fr"
TITRE = "Léa, infirmière revenue à Figeac"
ATTENTE = 30  # seconds an email may take through a real broker and worker


def _compte(django_user_model, courriel, prenom, nom, *permissions, groupe=None, staff=False):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group, Permission

    compte = django_user_model.objects.create_user(
        email=courriel, password=MOT_DE_PASSE, first_name=prenom, last_name=nom, is_staff=staff
    )
    EmailAddress.objects.create(user=compte, email=courriel, verified=True, primary=True)
    if permissions:
        compte.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    if groupe:
        compte.groups.add(Group.objects.get(name=groupe))
    return compte


def _connexion(page, base, courriel, suivant):
    page.goto(f"{base}/compte/login/?next={suivant}")
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(re.escape(suivant) + "$"))


def _courriel(destinataire, sujet):
    fin = time.monotonic() + ATTENTE
    while True:
        trouves = [m for m in mail.outbox if destinataire in m.to and sujet in m.subject]
        if trouves:
            return trouves[-1]
        assert time.monotonic() < fin, f"aucun courriel « {sujet} » pour {destinataire}"
        time.sleep(0.2)


def _photo(chemin, couleur):
    tampon = io.BytesIO()
    Image.new("RGB", (640, 420), couleur).save(tampon, format="JPEG")
    chemin.write_bytes(tampon.getvalue())
    return str(chemin)


def test_from_application_to_published_story_and_answered_question(
    page,
    browser,
    browser_context_args,
    live_server,
    site_demo_transactionnel,
    celery_worker_reel,
    django_user_model,
    tmp_path,
):
    from accueil.models import ParcoursAccueil
    from ambassadeurs.models import Ambassadeur
    from lot_portal.territoire.models import Commune

    base = live_server.url
    _compte(django_user_model, CANDIDATE, "Léa", "Vidal")
    _compte(
        django_user_model,
        "equipe.reseau@lot.fr",
        "Inès",
        "Bru",
        "access_admin",
        "view_ambassadeur",
        "change_ambassadeur",
        staff=True,
    )
    _compte(django_user_model, "relecture@lot.fr", "Rémi", "Laval", groupe="Relecteurs")
    arrivant = _compte(django_user_model, ARRIVANT, "Paul", "Roux")
    ParcoursAccueil.objects.create(
        utilisateur=arrivant,
        prenom="Paul",
        nom="Roux",
        profil="jeunes",
        lieu_actuel="Nantes",
        consentement_le=timezone.now(),
    )

    # 1. The visitor applies; a first submit without the charter keeps what was typed.
    _connexion(page, base, CANDIDATE, "/ambassadeurs/devenir-ambassadeur/")
    expect(page.locator("h1")).to_have_text("Devenir ambassadeur du Lot")
    page.locator("#id_prenom").fill("Léa")
    page.locator("#id_nom").fill("Vidal")
    figeac = Commune.objects.get(nom="Figeac")
    page.locator("#id_commune").select_option(label=str(figeac))
    page.locator("#id_profession").fill("Infirmière")
    page.locator("#id_secteur").select_option(label="Santé, social")
    page.locator("#id_photo_fichier").set_input_files(_photo(tmp_path / "lea.jpg", "#a4552b"))
    page.get_by_label("Revenu·e dans le Lot").check()
    page.locator("#id_histoire").fill("Partie à Toulouse pour mes études, revenue à Figeac.")
    page.get_by_label("Répondre aux questions des nouveaux arrivants").check()
    page.get_by_label("Écrire des histoires").check()
    page.locator("input[name=profils][value=jeunes]").check()
    for champ in ("photo", "commune", "profession"):
        page.locator(f"input[name=champs_publics][value={champ}]").check()
    page.get_by_role("button", name="Envoyer ma candidature").click()
    expect(page.locator("#id_charte_erreur")).to_contain_text("Acceptez la charte")
    expect(page.locator("#id_profession")).to_have_value("Infirmière")
    # The file input can't be refilled by the site: the photo is chosen again.
    page.locator("#id_photo_fichier").set_input_files(_photo(tmp_path / "lea.jpg", "#a4552b"))
    page.locator("#id_charte").check()
    page.get_by_role("button", name="Envoyer ma candidature").click()
    expect(page.locator("main")).to_contain_text("Candidature en attente")
    ambassadeur = Ambassadeur.objects.get(utilisateur__email=CANDIDATE)

    # 2. Staff accept the application in the admin; the applicant is emailed.
    equipe_contexte = browser.new_context(**browser_context_args)
    equipe = equipe_contexte.new_page()
    _connexion(equipe, base, "equipe.reseau@lot.fr", "/admin/ambassadeurs/candidatures/")
    equipe.get_by_role("link", name="Léa Vidal").click()
    equipe.wait_for_url(re.compile(rf"/admin/ambassadeurs/candidatures/{ambassadeur.pk}/$"))
    expect(equipe.locator("main")).to_contain_text("Partie à Toulouse")
    equipe.get_by_label("Accepter la candidature").check()
    equipe.get_by_label("Message au candidat").fill("Bienvenue dans le réseau, Léa !")
    equipe.get_by_role("button", name="Enregistrer la décision").click()
    expect(equipe.get_by_role("status")).to_contain_text("acceptée")
    equipe_contexte.close()
    bienvenue = _courriel(CANDIDATE, "Bienvenue dans le réseau")
    assert f"/ambassadeurs/{ambassadeur.pk}/" in bienvenue.body
    assert "Bienvenue dans le réseau, Léa !" in bienvenue.body

    # 3. The ambassador logs in again and writes a story with an image and its description.
    page.context.clear_cookies()
    _connexion(page, base, CANDIDATE, "/ambassadeurs/espace/")
    page.get_by_role("link", name=re.compile("Écrire une histoire")).first.click()
    page.wait_for_url(re.compile(r"/ambassadeurs/espace/histoires/nouvelle/$"))
    page.locator("#id_titre").fill(TITRE)
    page.locator("#id_chapo").fill("Après dix ans à Toulouse, elle soigne à domicile au pays.")
    page.locator("#id_texte").fill(
        "Je suis partie à dix-huit ans.\n\nJe suis revenue pour la lumière du Célé."
    )
    page.locator("#id_commune").select_option(label="Figeac")
    page.get_by_label("Jeunes", exact=True).check()
    page.locator("#id_image_1").set_input_files(_photo(tmp_path / "cele.jpg", "#2b6ca4"))
    page.locator("#id_alt_1").fill("Le Célé au petit matin, sous les falaises.")
    page.get_by_role("button", name="Envoyer à la relecture").click()
    page.wait_for_url(re.compile(r"/ambassadeurs/espace/histoires/$"))
    expect(page.locator("main")).to_contain_text(TITRE)
    expect(page.locator("main")).to_contain_text("En relecture")

    # Nobody else sees it yet.
    anonyme_contexte = browser.new_context(**browser_context_args)
    anonyme = anonyme_contexte.new_page()
    anonyme.goto(f"{base}/ambassadeurs/{ambassadeur.pk}/")
    expect(anonyme.locator("h1")).to_have_text("Léa")
    expect(anonyme.get_by_text(TITRE)).to_have_count(0)

    # 4. A reviewer approves it from the admin.
    from lot_portal.cms.models import HistoirePage

    histoire = HistoirePage.objects.get(title=TITRE)
    relecture_contexte = browser.new_context(**browser_context_args)
    relecteur = relecture_contexte.new_page()
    _connexion(relecteur, base, "relecture@lot.fr", f"/admin/pages/{histoire.pk}/edit/")
    relecteur.get_by_role("button", name="Plus d'actions").click()
    relecteur.get_by_role("button", name="Approuver et Publier", exact=True).click()
    expect(relecteur.get_by_role("status")).to_contain_text(TITRE)
    relecture_contexte.close()

    # 5. Published: on /histoires/ and under the ambassador's public profile.
    anonyme.goto(f"{base}/histoires/")
    expect(anonyme.get_by_role("link", name=TITRE)).to_be_visible()
    anonyme.goto(f"{base}/ambassadeurs/{ambassadeur.pk}/")
    profil_histoires = anonyme.locator(
        "section", has=anonyme.get_by_role("heading", name="Ses histoires")
    )
    expect(profil_histoires.get_by_role("link", name=TITRE)).to_be_visible()
    profil_histoires.get_by_role("link", name=TITRE).click()
    expect(anonyme.locator("h1")).to_have_text(TITRE)
    expect(anonyme.get_by_alt_text("Le Célé au petit matin, sous les falaises.")).to_be_visible()
    page.goto(f"{base}/ambassadeurs/espace/histoires/")
    expect(page.locator("main")).to_contain_text("Publiée")

    # 6. A signed-in newcomer asks the ambassador a question from the public profile.
    arrivant_contexte = browser.new_context(**browser_context_args)
    nouveau = arrivant_contexte.new_page()
    _connexion(nouveau, base, ARRIVANT, f"/ambassadeurs/{ambassadeur.pk}/")
    nouveau.get_by_role("link", name="Poser une question à Léa").click()
    nouveau.get_by_label("Sujet").fill("Infirmière libérale à Figeac")
    nouveau.get_by_label("Votre question").fill(
        "Bonjour Léa, est-il facile de s'installer comme infirmier libéral autour de Figeac ?"
    )
    nouveau.get_by_role("button", name="Envoyer ma question").click()
    expect(nouveau.locator("h1")).to_have_text("Infirmière libérale à Figeac")
    expect(nouveau.locator("main")).to_contain_text("Votre question est envoyée à Léa")
    avis = _courriel(CANDIDATE, "Nouvelle question sur le portail du Lot")
    assert ARRIVANT not in avis.body and "Roux" not in avis.body

    # 7. The ambassador answers from their space.
    page.goto(f"{base}/ambassadeurs/espace/questions/")
    expect(page.locator("h1")).to_have_text("Questions des nouveaux arrivants")
    page.get_by_role("link", name="Infirmière libérale à Figeac").click()
    expect(page.locator("main")).to_contain_text("est-il facile de s'installer")
    page.get_by_label("Votre message").fill(
        "Bonjour Paul ! Oui, la maison de santé de Figeac cherche du monde : venez la visiter."
    )
    page.get_by_role("button", name="Envoyer", exact=True).click()
    expect(page.locator("main")).to_contain_text("Votre message est envoyé.")

    # 8. The newcomer reads the answer (from their list of questions).
    nouveau.goto(f"{base}/ambassadeurs/mes-questions/")
    nouveau.get_by_role("link", name="Infirmière libérale à Figeac").click()
    expect(nouveau.locator("main")).to_contain_text("la maison de santé de Figeac cherche du monde")
    expect(nouveau.locator("main")).not_to_contain_text(CANDIDATE)
    assert _courriel(ARRIVANT, "Nouveau message dans votre conversation")
    arrivant_contexte.close()
    anonyme_contexte.close()
