"""Demo data of the ambassador network: 15 ambassadors across the Lot and 3 applications,
then the network's life (``demo_flux.py``: stories, questions, announcements, events,
referrals, hospitality).

Accounts ``ambassadeur.<n>@exemple.fr`` (verified addresses) share one demo password,
chosen like the other demo accounts (``DJANGO_DEMO_PASSWORD``, else drawn at random once)
and kept in ``var/identifiants-ambassadeurs.txt``. Photos are avatars drawn locally with
Pillow. Idempotent: existing accounts are left as they are. Nobody is emailed.
"""

import io
import os
import random
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .models import Ambassadeur, ChampPublic, Offre, Origine, Secteur, StatutAmbassadeur

DOMAINE = "exemple.fr"
FICHIER_IDENTIFIANTS = "identifiants-ambassadeurs.txt"
GRAINE = 4646
NOMBRE_ACCEPTES = 15

# (prénom, nom, profession, secteur, origine, arrivé de, intérêts, profils)
PERSONNES = [
    ("Claire", "Delpech", "Céramiste", Secteur.ARTISANAT, Origine.ARRIVE, "Lyon",
     "poterie, randonnée", ["secondes_vies", "wanted"]),
    ("Mathieu", "Lacombe", "Viticulteur", Secteur.AGRICULTURE, Origine.NE_ICI, "",
     "vin de Cahors, rugby", ["jeunes", "touristes"]),
    ("Inès", "Bouzid", "Médecin généraliste", Secteur.SANTE, Origine.ARRIVE, "Lille",
     "escalade, lecture", ["wanted"]),
    ("Julien", "Fabre", "Développeur web", Secteur.NUMERIQUE, Origine.REVENU, "",
     "vélo, musique", ["jeunes", "secondes_vies"]),
    ("Sophie", "Roques", "Professeure des écoles", Secteur.EDUCATION, Origine.ARRIVE,
     "Bordeaux", "chorale, jardin", ["secondes_vies"]),
    ("Karim", "Benali", "Chef cuisinier", Secteur.TOURISME, Origine.ARRIVE, "Marseille",
     "marchés, truffe", ["touristes", "wanted"]),
    ("Élodie", "Cayla", "Éleveuse de brebis", Secteur.AGRICULTURE, Origine.NE_ICI, "",
     "causses, fromages", ["jeunes"]),
    ("Thomas", "Vidal", "Ingénieur aéronautique", Secteur.INDUSTRIE, Origine.REVENU, "",
     "trail, spéléologie", ["wanted", "jeunes"]),
    ("Nadia", "Marty", "Infirmière", Secteur.SANTE, Origine.REVENU, "",
     "danse, patrimoine", ["wanted"]),
    ("Pierre", "Lagarrigue", "Retraité, ancien notaire", Secteur.RETRAITE, Origine.ARRIVE,
     "Paris", "histoire locale, pêche", ["secondes_vies"]),
    ("Laura", "Mendes", "Guide de canoë", Secteur.TOURISME, Origine.ARRIVE, "Porto",
     "rivière, photographie", ["touristes", "jeunes"]),
    ("Bastien", "Couderc", "Menuisier", Secteur.ARTISANAT, Origine.NE_ICI, "",
     "bois, football", ["jeunes"]),
    ("Amélie", "Rigal", "Chargée de mission associative", Secteur.ASSOCIATIF, Origine.ARRIVE,
     "Nantes", "théâtre, bénévolat", ["secondes_vies", "jeunes"]),
    ("Hugo", "Bessières", "Agent territorial", Secteur.PUBLIC, Origine.REVENU, "",
     "rugby, astronomie", ["wanted"]),
    ("Chloé", "Andrieu", "Libraire", Secteur.ARTISANAT, Origine.ARRIVE, "Belgique",
     "livres, ciels étoilés", ["secondes_vies", "touristes"]),
    # Pending applications.
    ("Romain", "Pech", "Kinésithérapeute", Secteur.SANTE, Origine.ARRIVE, "Toulouse",
     "natation", ["wanted"]),
    ("Manon", "Delmas", "Étudiante en BTS", Secteur.EDUCATION, Origine.NE_ICI, "",
     "musique", ["jeunes"]),
    ("Gilles", "Teulières", "Apiculteur", Secteur.AGRICULTURE, Origine.REVENU, "",
     "abeilles, botanique", ["secondes_vies"]),
]  # fmt: skip

COULEURS = [(107, 29, 58), (46, 94, 78), (201, 122, 44), (52, 84, 138), (128, 80, 40)]


def seed(*, accueil, stdout):
    """15 accepted ambassadors and 3 pending applications (idempotent)."""
    communes = _communes()
    if not communes:
        stdout.write("Ambassadeurs : aucune commune, rien à créer.")
        return
    emails = [f"ambassadeur.{n}@{DOMAINE}" for n in range(1, len(PERSONNES) + 1)]
    existants = set(
        get_user_model().objects.filter(email__in=emails).values_list("email", flat=True)
    )
    a_creer = [(n, e) for n, e in enumerate(emails, start=1) if e not in existants]
    mot_de_passe = _mot_de_passe(nouveaux=bool(a_creer))
    if a_creer:
        rng = random.Random(GRAINE)
        with transaction.atomic():
            empreinte = make_password(mot_de_passe)
            for numero, email in a_creer:
                _creer(numero, email, communes=communes, empreinte=empreinte, rng=rng)
        stdout.write(f"Ambassadeurs : {len(a_creer)} comptes créés.")
    from .demo_flux import seed_flux

    seed_flux(stdout=stdout)
    comptes = f"ambassadeur.1@{DOMAINE} … ambassadeur.{len(PERSONNES)}@{DOMAINE}"
    if mot_de_passe:
        stdout.write(f"Comptes des ambassadeurs : {comptes} / {mot_de_passe}")
    else:
        stdout.write(f"Comptes des ambassadeurs : {comptes} (mot de passe déjà défini).")


def _communes() -> list[Commune]:
    """Communes taken in turn from each communauté de communes (up to three each), so
    the ambassadors spread across the Lot."""
    par_communaute = [
        list(communaute.communes.order_by("nom")[:3])
        for communaute in CommunauteDeCommunes.objects.order_by("nom")
    ]
    communes = [liste[rang] for rang in range(3) for liste in par_communaute if rang < len(liste)]
    return communes or list(Commune.objects.order_by("nom")[:15])


def _mot_de_passe(*, nouveaux: bool) -> str | None:
    fichier = Path(settings.VAR_DIR) / FICHIER_IDENTIFIANTS
    if fichier.exists():
        lignes = fichier.read_text(encoding="utf-8").splitlines()
        if len(lignes) >= 2 and lignes[1]:
            return lignes[1]
    if not nouveaux:
        return None
    mot_de_passe = os.environ.get("DJANGO_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    fichier.parent.mkdir(parents=True, exist_ok=True)
    fichier.write_text(f"ambassadeur.<n>@{DOMAINE}\n{mot_de_passe}\n", encoding="utf-8")
    fichier.chmod(0o600)
    return mot_de_passe


def avatar(prenom: str, nom: str, couleur: tuple[int, int, int]) -> bytes:
    """A simple illustrated avatar: coloured background, hills, sun and initials (PNG)."""
    taille = 320
    image = Image.new("RGB", (taille, taille), couleur)
    dessin = ImageDraw.Draw(image)
    dessin.ellipse((220, 30, 290, 100), fill=(246, 196, 83))
    dessin.polygon([(0, 250), (110, 170), (220, 240), (320, 180), (320, 320), (0, 320)],
                   fill=(min(couleur[0] + 60, 255), min(couleur[1] + 60, 255),
                         min(couleur[2] + 60, 255)))  # fmt: skip
    try:
        police = ImageFont.load_default(size=110)
    except TypeError:  # Pillow < 10.1
        police = ImageFont.load_default()
    initiales = f"{prenom[:1]}{nom[:1]}".upper()
    dessin.text((taille // 2, taille // 2), initiales, fill="white", font=police, anchor="mm")
    tampon = io.BytesIO()
    image.save(tampon, format="PNG")
    return tampon.getvalue()


def _creer(numero: int, email: str, *, communes, empreinte: str, rng) -> Ambassadeur:
    from allauth.account.models import EmailAddress

    prenom, nom, profession, secteur, origine, arrive_de, interets, profils = PERSONNES[numero - 1]
    accepte = numero <= NOMBRE_ACCEPTES
    depuis = timezone.now() - timedelta(days=rng.randint(20, 400))
    utilisateur = get_user_model().objects.create(
        email=email, first_name=prenom, last_name=nom, password=empreinte, date_joined=depuis
    )
    EmailAddress.objects.create(user=utilisateur, email=email, verified=True, primary=True)
    photo = get_image_model().objects.create(
        title=f"Ambassadeur : {prenom} {nom}",
        file=ImageFile(
            io.BytesIO(avatar(prenom, nom, COULEURS[numero % len(COULEURS)])),
            name=f"ambassadeur-{numero}.png",
        ),
    )
    publics = [ChampPublic.PHOTO, ChampPublic.COMMUNE, ChampPublic.PROFESSION,
               ChampPublic.ORIGINE, ChampPublic.INTERETS, ChampPublic.HISTOIRE]  # fmt: skip
    if numero % 4 == 0:
        publics = [ChampPublic.COMMUNE, ChampPublic.HISTOIRE]
    commune = communes[(numero - 1) % len(communes)]
    histoire = {
        Origine.NE_ICI: f"Né·e à {commune.nom}, j'ai choisi d'y construire ma vie.",
        Origine.REVENU: "Parti·e pour mes études, je suis revenu·e pour la qualité de vie.",
        Origine.ARRIVE: f"Arrivé·e de {arrive_de}, j'ai trouvé ici une terre accueillante.",
    }[origine]
    ambassadeur = Ambassadeur.objects.create(
        utilisateur=utilisateur,
        statut=StatutAmbassadeur.ACCEPTE if accepte else StatutAmbassadeur.CANDIDATURE,
        disponible=numero != 7,  # one ambassador on pause
        prenom=prenom,
        nom=nom,
        commune=commune,
        profession=profession,
        secteur=secteur,
        origine=origine,
        arrive_de=arrive_de,
        histoire=histoire,
        offres=rng.sample(Offre.values, k=rng.randint(2, 4)),
        interets=interets,
        profils=profils,
        photo=photo,
        champs_publics=[str(c) for c in publics],
        charte_acceptee_le=depuis,
        decide_le=depuis + timedelta(days=3) if accepte else None,
        message_decision="Bienvenue dans le réseau !" if accepte else "",
    )
    Ambassadeur.objects.filter(pk=ambassadeur.pk).update(cree_le=depuis)
    return ambassadeur
