"""StreamField blocks shared by every page type of the portal."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class Profil(models.TextChoices):
    """The four target profiles of the marketing plan (home page cards, stories)."""

    SECONDES_VIES = "secondes_vies", "Secondes vies"
    JEUNES = "jeunes", "Jeunes"
    WANTED = "wanted", "Wanted"
    TOURISTES = "touristes", "Touristes"


class AppelAActionBlock(blocks.StructBlock):
    texte = blocks.CharBlock(label="texte du bouton", max_length=80)
    page = blocks.PageChooserBlock(label="page", required=False)
    url = blocks.URLBlock(label="ou adresse web", required=False)

    class Meta:
        icon = "link"
        label = "appel à l'action"
        template = "blocks/appel_a_action.html"
        description = "Un bouton vers une page du portail ou une adresse web."
        preview_value = {"texte": "S'installer dans le Lot", "url": "https://www.lot.fr"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ["Choisissez une page ou indiquez une adresse web."]}
            )
        return value


class CitationBlock(blocks.StructBlock):
    citation = blocks.TextBlock(label="citation")
    auteur = blocks.CharBlock(label="auteur", max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = "citation"
        template = "blocks/citation.html"
        description = "Une citation et la personne qui l'a dite."
        preview_value = {
            "citation": "Ici, j'ai trouvé le temps de vivre et un vrai projet professionnel.",
            "auteur": "Claire, installée à Figeac",
        }


class ChiffreBlock(blocks.StructBlock):
    valeur = blocks.CharBlock(label="valeur", max_length=20)
    libelle = blocks.CharBlock(label="libellé", max_length=120)


class ChiffresClesBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="titre", max_length=120, required=False)
    chiffres = blocks.ListBlock(ChiffreBlock(), label="chiffres", min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = "chiffres clés"
        template = "blocks/chiffres_cles.html"
        description = "Deux à six chiffres marquants, avec leur libellé."
        preview_value = {
            "titre": "Le Lot en chiffres",
            "chiffres": [
                {"valeur": "312", "libelle": "communes"},
                {"valeur": "176 473", "libelle": "habitants"},
            ],
        }


class CarteBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="titre", max_length=120)
    texte = blocks.TextBlock(label="texte", required=False)
    page = blocks.PageChooserBlock(label="page", required=False)
    url = blocks.URLBlock(label="ou adresse web", required=False)


class CartesBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="titre", max_length=120, required=False)
    cartes = blocks.ListBlock(CarteBlock(), label="cartes", min_num=1)

    class Meta:
        icon = "table"
        label = "cartes"
        template = "blocks/cartes.html"
        description = "Une grille de cartes, chacune avec un titre, un texte et un lien."
        preview_value = {
            "titre": "Pour aller plus loin",
            "cartes": [{"titre": "Vivre dans le Lot", "texte": "Nature, patrimoine, écoles…"}],
        }


class ImageLegendeBlock(blocks.StructBlock):
    image = ImageBlock(label="image")
    legende = blocks.CharBlock(label="légende", max_length=250, required=False)
    credit = blocks.CharBlock(label="crédit", max_length=120, required=False)

    class Meta:
        icon = "image"
        label = "image"
        template = "blocks/image.html"
        description = "Une image avec son texte alternatif, sa légende et son crédit."


class CorpsStreamBlock(blocks.StreamBlock):
    """The body of a content page."""

    titre = blocks.CharBlock(
        label="intertitre",
        max_length=120,
        form_classname="title",
        icon="title",
        template="blocks/intertitre.html",
    )
    texte = blocks.RichTextBlock(
        label="texte",
        features=["h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        icon="pilcrow",
        template="blocks/texte.html",
    )
    image = ImageLegendeBlock()
    citation = CitationBlock()
    chiffres_cles = ChiffresClesBlock()
    cartes = CartesBlock()
    appel_a_action = AppelAActionBlock()


class ValeurBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="valeur", max_length=60)
    texte = blocks.TextBlock(label="texte")

    class Meta:
        icon = "pick"
        label = "valeur"


class ProfilBlock(blocks.StructBlock):
    profil = blocks.ChoiceBlock(label="profil", choices=Profil.choices)
    titre = blocks.CharBlock(label="titre", max_length=80)
    texte = blocks.TextBlock(label="texte")
    page = blocks.PageChooserBlock(label="page à découvrir", required=False)

    class Meta:
        icon = "user"
        label = "profil"


# --- Stories: gallery, video, audio ------------------------------------------

EXTENSIONS_AUDIO = ("mp3", "m4a", "oga", "ogg", "opus", "wav")
EXTENSIONS_VIDEO = ("mp4", "webm", "ogv")
FONCTIONNALITES_TRANSCRIPTION = ["bold", "italic", "ul", "link"]


def _texte_vide(valeur) -> bool:
    """True when a rich text value holds no readable word."""
    source = getattr(valeur, "source", valeur) or ""
    return not strip_tags(source).replace("&nbsp;", " ").strip()


def _extension(document) -> str:
    return document.file_extension.lower() if document else ""


class ImageGalerieBlock(blocks.StructBlock):
    image = ImageBlock(label="image")
    legende = blocks.CharBlock(label="légende", max_length=250, required=False)

    class Meta:
        icon = "image"
        label = "image de la galerie"


class GalerieBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="titre", max_length=120, required=False)
    images = blocks.ListBlock(ImageGalerieBlock(), label="images", min_num=2, max_num=12)
    credit = blocks.CharBlock(label="crédit", max_length=120, required=False)

    class Meta:
        icon = "image"
        label = "galerie"
        template = "blocks/galerie.html"
        description = "Deux à douze images, chacune avec son texte alternatif."


PLATEFORMES_VIDEO = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion",
    "dai.ly": "Dailymotion",
}


class VideoValue(blocks.StructValue):
    @property
    def plateforme(self) -> str:
        """The name of the site hosting the online video, for the link's text."""
        video = self.get("video_en_ligne")
        hote = (urlsplit(video.url).hostname or "") if video else ""
        hote = hote.removeprefix("www.").removeprefix("m.").removeprefix("player.")
        return PLATEFORMES_VIDEO.get(hote, hote)


class VideoBlock(blocks.StructBlock):
    """A video: either an online one (shown as a link) or an uploaded file with captions.

    Online videos are not embedded: the site's CSP forbids frames (``frame-src
    'none'``) and third-party players set cookies before any consent, so the
    page shows a link to the video and its transcript.
    """

    titre = blocks.CharBlock(
        label="titre de la vidéo",
        max_length=150,
        help_text="Il nomme la vidéo pour tous, y compris les lecteurs d'écran.",
    )
    video_en_ligne = EmbedBlock(
        label="vidéo en ligne",
        required=False,
        help_text="Adresse de la vidéo sur YouTube, Vimeo ou Dailymotion : le portail affiche "
        "un lien vers la vidéo et sa transcription (pas de lecteur intégré).",
    )
    fichier = DocumentChooserBlock(
        label="ou fichier vidéo",
        required=False,
        help_text="Un document MP4 ou WebM de la médiathèque.",
    )
    sous_titres = DocumentChooserBlock(
        label="sous-titres (.vtt)",
        required=False,
        help_text="Obligatoires avec un fichier vidéo : un document WebVTT, en français.",
    )
    transcription = blocks.RichTextBlock(
        label="transcription",
        required=False,
        features=FONCTIONNALITES_TRANSCRIPTION,
        help_text="Obligatoire pour une vidéo en ligne, conseillée dans tous les cas.",
    )

    class Meta:
        icon = "media"
        label = "vidéo"
        value_class = VideoValue
        template = "blocks/video.html"
        description = (
            "Une vidéo en ligne avec sa transcription, ou un fichier vidéo avec ses sous-titres."
        )

    def clean(self, value):
        erreurs = {}
        try:
            value = super().clean(value)
        except blocks.StructBlockValidationError as erreur:
            erreurs = dict(erreur.block_errors)
        en_ligne, fichier = value.get("video_en_ligne"), value.get("fichier")
        sous_titres = value.get("sous_titres")
        if fichier and _extension(fichier) not in EXTENSIONS_VIDEO:
            erreurs["fichier"] = ValidationError(
                "Ce document n'est pas une vidéo : choisissez un fichier MP4 ou WebM."
            )
        if sous_titres and _extension(sous_titres) != "vtt":
            erreurs["sous_titres"] = ValidationError(
                "Les sous-titres doivent être un fichier WebVTT (extension .vtt)."
            )
        if not self.is_deferred_validation:
            if en_ligne and fichier:
                erreurs["fichier"] = ValidationError(
                    "Choisissez une vidéo en ligne ou un fichier vidéo, pas les deux."
                )
            elif not en_ligne and not fichier:
                erreurs["video_en_ligne"] = ValidationError(
                    "Indiquez l'adresse d'une vidéo en ligne ou choisissez un fichier vidéo."
                )
            if fichier and not sous_titres:
                erreurs["sous_titres"] = ValidationError(
                    "Un fichier vidéo doit être accompagné de ses sous-titres (.vtt)."
                )
            if en_ligne and _texte_vide(value.get("transcription")):
                erreurs["transcription"] = ValidationError(
                    "Une vidéo en ligne doit être accompagnée de sa transcription."
                )
        if erreurs:
            raise blocks.StructBlockValidationError(block_errors=erreurs)
        return value


class AudioBlock(blocks.StructBlock):
    """A podcast or an interview, always with its transcript."""

    titre = blocks.CharBlock(label="titre de l'épisode", max_length=150)
    fichier = DocumentChooserBlock(
        label="fichier audio", help_text="Un document MP3, OGG, M4A ou WAV de la médiathèque."
    )
    transcription = blocks.RichTextBlock(
        label="transcription",
        features=FONCTIONNALITES_TRANSCRIPTION,
        help_text="Obligatoire : le texte intégral de l'enregistrement.",
    )

    class Meta:
        icon = "media"
        label = "audio"
        template = "blocks/audio.html"
        description = "Un podcast ou un entretien, avec sa transcription intégrale."

    def clean(self, value):
        erreurs = {}
        try:
            value = super().clean(value)
        except blocks.StructBlockValidationError as erreur:
            erreurs = dict(erreur.block_errors)
        fichier = value.get("fichier")
        if fichier and _extension(fichier) not in EXTENSIONS_AUDIO:
            erreurs["fichier"] = ValidationError(
                "Ce document n'est pas un fichier audio : choisissez un MP3, OGG, M4A ou WAV."
            )
        if not self.is_deferred_validation and _texte_vide(value.get("transcription")):
            erreurs["transcription"] = ValidationError(
                "La transcription est obligatoire : elle rend l'enregistrement accessible "
                "aux personnes sourdes ou malentendantes."
            )
        if erreurs:
            raise blocks.StructBlockValidationError(block_errors=erreurs)
        return value


class HistoireStreamBlock(CorpsStreamBlock):
    """The body of a story: the content blocks plus gallery, video and audio."""

    galerie = GalerieBlock()
    video = VideoBlock()
    audio = AudioBlock()
