"""Demo content of this section, created by ``manage.py seed_demo``.

Idempotent: pages are looked up by slug and partners by name; nothing that
exists is modified, so editors' changes survive a second run.
"""

from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from lot_portal.territoire.models import CommunauteDeCommunes

from .demo_textes import CAMPAGNE, INDEX_CHAPO, LIENS_EPCI, PARTENAIRES, THEMES
from .models import CampagnePage, Partenaire, PartenairesPage, VivreIndexPage, VivrePage

COULEURS = ["#6b1d3a", "#3f6b4a", "#2f4f8f", "#7a5200", "#8e2a50", "#4a1228"]
MOTS_VIDES = {"du", "de", "des", "la", "le", "les", "et", "l", "d", "à", "en"}


def seed(*, accueil, stdout) -> None:
    """Create the section's demo content once (idempotent)."""
    _partenaires(stdout)
    page_partenaires = _page(
        accueil,
        PartenairesPage,
        slug="partenaires",
        title="Nos partenaires",
        show_in_menus=False,
        chapo="Le Département, l'État, les communautés de communes, les chambres "
        "consulaires, des entreprises et des associations portent ensemble la marque "
        "Lot. Unis, tout devient possible.",
        stdout=stdout,
    )
    index = _page(
        accueil,
        VivreIndexPage,
        slug="vivre-dans-le-lot",
        title="Vivre dans le Lot",
        show_in_menus=True,
        chapo=INDEX_CHAPO,
        search_description=INDEX_CHAPO,
        stdout=stdout,
    )
    for theme in THEMES:
        liens = [
            ("lien", {"titre": titre, "description": description, "page": None, "url": url})
            for titre, description, url in theme["liens"]
        ]
        if theme["slug"] == "reseau-d-accueil":
            liens.append(
                (
                    "lien",
                    {
                        "titre": "Nos partenaires",
                        "description": "Les acteurs qui vous accueillent dans le Lot.",
                        "page": page_partenaires,
                        "url": "",
                    },
                )
            )
        _page(
            index,
            VivrePage,
            slug=theme["slug"],
            title=theme["titre"],
            show_in_menus=False,
            chapo=theme["chapo"],
            search_description=theme["chapo"],
            faits_cles=[
                (
                    "chiffres_cles",
                    {
                        "titre": "Les repères",
                        "chiffres": [{"valeur": v, "libelle": lib} for v, lib in theme["faits"]],
                    },
                )
            ],
            corps=theme["corps"],
            liens_utiles=liens,
            histoires=[("histoire", page) for page in _histoires(theme["slug"])],
            stdout=stdout,
        )
    _campagne(accueil, index, stdout)


# The stories' theme (lot_portal/cms/demo_histoires.py) that suits each page.
THEMATIQUE_DES_PAGES = {
    "nature": "nature",
    "patrimoine": "patrimoine",
    "sports": "sports",
    "culture": "culture",
    "ecoles-et-petite-enfance": "vivre-ensemble",
    "sante": "sante",
    "transports-et-connectivite": "entreprendre",
    "logement": "vivre-ensemble",
    "reseau-d-accueil": "vivre-ensemble",
}


def _histoires(slug_page: str) -> list:
    """Up to three published demo stories on the page's theme (seeded before)."""
    from lot_portal.cms.models import HistoirePage

    thematique = THEMATIQUE_DES_PAGES.get(slug_page)
    if not thematique:
        return []
    return list(
        HistoirePage.objects.live()
        .filter(thematiques__slug=thematique)
        .order_by("-first_published_at", "pk")[:3]
    )


def _page(parent, model, *, slug, stdout, **champs):
    existante = model.objects.child_of(parent).filter(slug=slug).first()
    if existante:
        return existante
    page = model(slug=slug, **champs)
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"Page « {page.title} » créée.")
    return page


def _campagne(accueil, index, stdout):
    if CampagnePage.objects.filter(code=CAMPAGNE["code"]).exists():
        return
    inscription = settings.SITE_URL + reverse("account_signup")
    _page(
        accueil,
        CampagnePage,
        slug=CAMPAGNE["slug"],
        title=CAMPAGNE["titre"],
        show_in_menus=False,
        code=CAMPAGNE["code"],
        accroche=CAMPAGNE["accroche"],
        search_description=CAMPAGNE["accroche"],
        messages_cles=[
            ("message", {"titre": titre, "texte": texte}) for titre, texte in CAMPAGNE["messages"]
        ],
        appels_a_action=[
            ("appel_a_action", {"texte": "Créer mon compte", "page": None, "url": inscription}),
            ("appel_a_action", {"texte": "Vivre dans le Lot", "page": index, "url": ""}),
        ],
        corps=[
            (
                "citation",
                {
                    "citation": "Nous allons parler de nous. Nous allons parler du Lot. Et nous "
                    "allons en parler tous ensemble avec fierté et amour.",
                    "auteur": "Plan de marketing territorial du Lot",
                },
            ),
        ],
        stdout=stdout,
    )


def _partenaires(stdout):
    lignes = [(nom, type_, lien, pied) for nom, type_, lien, pied in PARTENAIRES[:2]]
    lignes += [
        (epci.nom, Partenaire.Type.COMMUNAUTE, LIENS_EPCI.get(epci.nom, ""), False)
        for epci in CommunauteDeCommunes.objects.order_by("-population")
    ]
    lignes += PARTENAIRES[2:]
    crees = 0
    for ordre, (nom, type_, lien, pied) in enumerate(lignes, start=1):
        partenaire, cree = Partenaire.objects.get_or_create(
            nom=nom,
            defaults={"type": type_, "lien": lien, "pied_de_page": pied, "ordre": ordre * 10},
        )
        if cree:
            crees += 1
            partenaire.logo = _logo(nom, COULEURS[ordre % len(COULEURS)])
            partenaire.save(update_fields=["logo"])
    if crees:
        stdout.write(f"{crees} partenaires créés.")


def _initiales(nom: str) -> str:
    mots = nom.replace("'", " ").replace("-", " ").split()
    significatifs = [mot for mot in mots if mot.lower() not in MOTS_VIDES] or mots
    return "".join(mot[0] for mot in significatifs[:3]).upper()


def _logo(nom: str, couleur: str):
    """A monogram on a coloured square, drawn locally (no download)."""
    taille = 240
    image = PILImage.new("RGB", (taille, taille), couleur)
    dessin = ImageDraw.Draw(image)
    dessin.rectangle((12, 12, taille - 13, taille - 13), outline="#f4c95d", width=6)
    initiales = _initiales(nom)
    police = ImageFont.load_default(size=96 if len(initiales) <= 2 else 72)
    dessin.text((taille / 2, taille / 2), initiales, fill="#ffffff", font=police, anchor="mm")
    tampon = BytesIO()
    image.save(tampon, format="PNG")
    fichier = ImageFile(tampon, name=f"logo-{slugify(nom)}.png")
    return get_image_model().objects.create(title=f"Logo {nom}", description=nom, file=fichier)
