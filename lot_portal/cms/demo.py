"""Demo content of the cms section, created by ``manage.py seed_demo``.

The stories index, the themes, the editorial groups and workflow, and the demo
stories (``demo_histoires.py``) with illustrations drawn here with Pillow and
small generated sound and caption files. Idempotent: each object is created
only when it is missing.

Editorial set-up (created here rather than in a data migration, so that a
fresh or flushed database gets it from the same command):

- group **Rédaction**: admin access; add and edit pages under the home page
  (publishing goes through the workflow); add, edit and choose images and
  documents. No user, group or settings permission.
- group **Relecteurs**: the same, plus publishing; they approve the
  **Relecture** workflow (one ``GroupApprovalTask``), assigned to the stories
  index, so every story is reviewed before it is published.
"""

import io
import json
import math
import random
import wave
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as ImagePIL
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lot_portal.territoire.models import Commune

from .demo_histoires import HISTOIRES, THEMATIQUES
from .models import HistoireIndexPage, HistoirePage, HistoireProfil, Thematique

VIN, OR, VERT, CREME = "#6b1d3a", "#f4c95d", "#3f6b4a", "#faf6ef"
CIELS = [
    (CREME, OR),
    ("#f7e3c0", "#e9a65a"),
    ("#6b1d3a", "#f4c95d"),
    ("#dfe9ef", CREME),
    ("#4a1228", "#e0896a"),
]
COLLINES = ["#3f6b4a", "#2f5238", "#5d8a63", "#7a9a5c", "#6b1d3a"]
MEDIA = Path(__file__).parent / "demo_media"

# The card's {% picture %} filters (templates/components/carte_histoire.html).
RENDUS_CARTE = ["format-{avif,webp,jpeg}", "fill-{400x260,800x520}"]

GROUPE_REDACTION = "Rédaction"
GROUPE_RELECTEURS = "Relecteurs"
WORKFLOW_RELECTURE = "Relecture"


def seed(*, accueil, stdout) -> None:
    """Create the stories index, themes, groups, workflow and demo stories once."""
    _collection_racine()
    thematiques = {
        slug: Thematique.objects.get_or_create(slug=slug, defaults={"nom": nom})[0]
        for slug, nom in THEMATIQUES
    }
    index = _index(accueil, stdout)
    _groupes_et_relecture(accueil, index)
    communes = {c.insee: c for c in Commune.objects.filter(insee__in=_codes_insee())}
    existantes = set(HistoirePage.objects.child_of(index).values_list("slug", flat=True))
    maintenant = timezone.now()
    creees = 0
    for rang, donnees in enumerate(HISTOIRES):
        if donnees["slug"] in existantes:
            continue
        _histoire(
            index,
            donnees,
            rang=rang,
            commune=communes.get(donnees["insee"]),
            thematiques=thematiques,
            date=maintenant - timedelta(days=6 * rang + 1, hours=rang),
        )
        creees += 1
    if creees:
        _rendus_accueil()
        stdout.write(f"Histoires : {creees} créées.")


def _rendus_accueil():
    """Make the home page's card renditions now, so that its first visit is quick."""
    from .selectors import histoires_recentes

    filtres = [Filter(spec=spec) for spec in Filter.expand_spec(RENDUS_CARTE)]
    for histoire in histoires_recentes():
        histoire.image.get_renditions(*filtres)


def _codes_insee():
    return {donnees["insee"] for donnees in HISTOIRES}


def _collection_racine():
    # A flushed database (transactional tests) has no root collection.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def _index(accueil, stdout):
    index = HistoireIndexPage.objects.child_of(accueil).first()
    if index:
        return index
    index = HistoireIndexPage(
        title="Histoires",
        slug="histoires",
        show_in_menus=True,
        seo_title="Histoires de celles et ceux qui vivent et travaillent dans le Lot",
        search_description=(
            "Médecins, artisans, agriculteurs, entrepreneurs, jeunes revenus au pays : ils "
            "racontent leur vie dans le Lot."
        ),
        introduction=(
            "Ils sont nés ici, y sont revenus ou ont tout quitté pour s'y installer. Les "
            "femmes et les hommes qui vivent et travaillent dans le Lot racontent leur "
            "histoire."
        ),
    )
    accueil.add_child(instance=index)
    index.save_revision().publish()
    stdout.write("Page « Histoires » créée.")
    return index


def _permissions(app_label, *codenames):
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _groupes_et_relecture(accueil, index):
    """The Rédaction and Relecteurs groups and the Relecture workflow on the index."""
    racine = Collection.get_first_root_node()
    acces_admin = _permissions("wagtailadmin", "access_admin")
    pages_redaction = _permissions("wagtailcore", "add_page", "change_page")
    pages_relecture = _permissions("wagtailcore", "add_page", "change_page", "publish_page")
    medias = _permissions("wagtailimages", "add_image", "change_image", "choose_image")
    medias += _permissions("wagtaildocs", "add_document", "change_document", "choose_document")
    groupes = {}
    for nom, pages in ((GROUPE_REDACTION, pages_redaction), (GROUPE_RELECTEURS, pages_relecture)):
        groupe, _ = Group.objects.get_or_create(name=nom)
        groupe.permissions.add(*acces_admin)
        for permission in pages:
            GroupPagePermission.objects.get_or_create(
                group=groupe, page=accueil, permission=permission
            )
        for permission in medias:
            GroupCollectionPermission.objects.get_or_create(
                group=groupe, collection=racine, permission=permission
            )
        groupes[nom] = groupe

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_RELECTURE)
    tache = GroupApprovalTask.objects.filter(name="Relecture des histoires").first()
    if tache is None:
        tache = GroupApprovalTask.objects.create(name="Relecture des histoires")
        tache.groups.set([groupes[GROUPE_RELECTEURS]])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=tache, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def _histoire(index, donnees, *, rang, commune, thematiques, date):
    titre_court = donnees["titre"].split(":")[0].strip()
    alt = f"Illustration aux couleurs du Lot pour l'histoire « {titre_court} » : {_scene(rang)}."
    image = _image(titre_court, rang, alt)
    corps = _corps(donnees, rang=rang, titre_court=titre_court)
    page = HistoirePage(
        title=donnees["titre"],
        slug=donnees["slug"],
        chapo=donnees["chapo"],
        image=image,
        corps=json.dumps(corps),
        commune=commune,
        auteur_nom=donnees["auteur"],
        first_published_at=date,
        profils_cibles=[HistoireProfil(profil=profil) for profil in donnees["profils"]],
    )
    page.thematiques = [thematiques[slug] for slug in donnees["thematiques"]]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _corps(donnees, *, rang, titre_court):
    paragraphes = donnees["paragraphes"]
    blocs = [_bloc("texte", "".join(f"<p>{p}</p>" for p in paragraphes[:2]))]
    citation, auteur = donnees["citation"]
    blocs.append(_bloc("citation", {"citation": citation, "auteur": auteur}))
    if donnees.get("intertitre"):
        blocs.append(_bloc("titre", donnees["intertitre"]))
    blocs.append(_bloc("texte", "".join(f"<p>{p}</p>" for p in paragraphes[2:])))
    if donnees.get("galerie"):
        images = [
            _image(f"{titre_court} ({numero + 1})", rang * 7 + numero + 50, _galerie_alt(numero))
            for numero in range(donnees["galerie"])
        ]
        blocs.append(
            _bloc(
                "galerie",
                {
                    "titre": "En images",
                    "images": [
                        {
                            "image": {
                                "image": im.pk,
                                "decorative": False,
                                "alt_text": im.description,
                            },
                            "legende": "",
                        }
                        for im in images
                    ],
                    "credit": "Département du Lot",
                },
            )
        )
    blocs.append(
        _bloc(
            "chiffres_cles",
            {
                "titre": "En quelques chiffres",
                "chiffres": [
                    {"valeur": v, "libelle": libelle} for v, libelle in donnees["chiffres"]
                ],
            },
        )
    )
    if donnees.get("audio"):
        audio = donnees["audio"]
        document = _document(audio["titre"], f"{donnees['slug']}.wav", _son_wav(rang))
        blocs.append(
            _bloc(
                "audio",
                {
                    "titre": audio["titre"],
                    "fichier": document.pk,
                    "transcription": "".join(f"<p>{ligne}</p>" for ligne in audio["transcription"]),
                },
            )
        )
    if donnees.get("video"):
        video = donnees["video"]
        fichier = _document(
            video["titre"],
            "paysage-vallee-du-lot.webm",
            (MEDIA / "paysage-vallee-du-lot.webm").read_bytes(),
        )
        sous_titres = _document(
            f"{video['titre']} (sous-titres)",
            f"{donnees['slug']}.vtt",
            _webvtt(video["sous_titres"]),
        )
        blocs.append(
            _bloc(
                "video",
                {
                    "titre": video["titre"],
                    "video_en_ligne": None,
                    "fichier": fichier.pk,
                    "sous_titres": sous_titres.pk,
                    "transcription": "".join(
                        f"<p>{texte}</p>" for _, _, texte in video["sous_titres"]
                    ),
                },
            )
        )
    return blocs


def _bloc(type_, valeur):
    return {"type": type_, "value": valeur}


def _document(titre, nom, contenu: bytes):
    Document = get_document_model()
    document = Document(title=titre)
    document.file.save(nom, ContentFile(contenu), save=False)
    document.file_size = len(contenu)
    document.save()
    return document


def _webvtt(repliques) -> bytes:
    lignes = ["WEBVTT", ""]
    for debut, fin, texte in repliques:
        lignes += [f"{debut} --> {fin}", texte, ""]
    return "\n".join(lignes).encode()


def _son_wav(graine: int, secondes: float = 2.0, frequence: int = 8000) -> bytes:
    """A short, soft two-note chime (8 kHz, 8 bits, mono): a few kilobytes."""
    notes = (440.0 + 20 * (graine % 5), 660.0)
    echantillons = bytearray()
    total = int(secondes * frequence)
    for i in range(total):
        note = notes[0] if i < total // 2 else notes[1]
        enveloppe = math.sin(math.pi * (i % (total // 2)) / (total // 2))
        echantillons.append(
            int(128 + 40 * enveloppe * math.sin(2 * math.pi * note * i / frequence))
        )
    tampon = io.BytesIO()
    with wave.open(tampon, "wb") as fichier:
        fichier.setnchannels(1)
        fichier.setsampwidth(1)
        fichier.setframerate(frequence)
        fichier.writeframes(bytes(echantillons))
    return tampon.getvalue()


SCENES = [
    "des collines vertes sous un ciel doré",
    "un causse vallonné au soleil couchant",
    "une vallée au crépuscule, le soleil bas sur l'horizon",
    "des coteaux boisés sous un ciel clair du matin",
    "une rivière qui serpente entre les collines au soir",
]


def _scene(rang: int) -> str:
    return SCENES[rang % len(SCENES)]


def _galerie_alt(numero: int) -> str:
    return f"Illustration aux couleurs du Lot : {SCENES[(numero + 2) % len(SCENES)]}"


def _image(titre, graine, description, taille=(1200, 800)):
    """A landscape drawn with Pillow in the brand palette, saved as a Wagtail image."""
    alea = random.Random(graine)
    largeur, hauteur = taille
    haut, bas = CIELS[graine % len(CIELS)]
    ciel = ImagePIL.linear_gradient("L").resize(taille)
    dessin = ImagePIL.composite(
        ImagePIL.new("RGB", taille, bas), ImagePIL.new("RGB", taille, haut), ciel
    )
    trait = ImageDraw.Draw(dessin)
    soleil_x, soleil_y = alea.randint(150, largeur - 150), alea.randint(120, hauteur // 3)
    rayon = alea.randint(50, 90)
    trait.ellipse((soleil_x - rayon, soleil_y - rayon, soleil_x + rayon, soleil_y + rayon), fill=OR)
    couches = alea.sample(COLLINES, 3)
    for numero, couleur in enumerate(couches):
        base = hauteur * (0.5 + 0.14 * numero)
        amplitude = alea.randint(30, 80)
        phase, periode = alea.random() * 6.28, alea.randint(250, 600)
        points = [
            (x, base - amplitude * math.sin(x / periode * 6.28 + phase))
            for x in range(0, largeur + 40, 40)
        ]
        trait.polygon([(0, hauteur), *points, (largeur, hauteur)], fill=couleur)
    if graine % 2:  # a river
        trait.line(
            [(x, hauteur - 90 + 30 * math.sin(x / 180)) for x in range(0, largeur + 20, 20)],
            fill=CREME,
            width=18,
        )
    else:  # a village on the hill
        x = alea.randint(200, largeur - 400)
        y = int(hauteur * 0.62)
        for _ in range(5):
            l_maison, h_maison = alea.randint(40, 70), alea.randint(40, 70)
            trait.rectangle((x, y - h_maison, x + l_maison, y), fill=CREME)
            trait.polygon(
                [
                    (x - 6, y - h_maison),
                    (x + l_maison // 2, y - h_maison - 30),
                    (x + l_maison + 6, y - h_maison),
                ],
                fill=VIN,
            )
            x += l_maison + alea.randint(4, 14)
    tampon = io.BytesIO()
    dessin.save(tampon, "JPEG", quality=80, optimize=True)
    tampon.seek(0)
    Image = get_image_model()
    image = Image(title=titre, description=description)
    image.file = ImageFile(tampon, name=f"histoire-{graine}.jpg")
    image.save()
    return image
