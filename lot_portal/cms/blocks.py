"""StreamField blocks shared by every page type of the portal."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


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
    profil = blocks.ChoiceBlock(
        label="profil",
        choices=[
            ("secondes_vies", "Secondes vies"),
            ("jeunes", "Jeunes"),
            ("wanted", "Wanted"),
            ("touristes", "Touristes"),
        ],
    )
    titre = blocks.CharBlock(label="titre", max_length=80)
    texte = blocks.TextBlock(label="texte")
    page = blocks.PageChooserBlock(label="page à découvrir", required=False)

    class Meta:
        icon = "user"
        label = "profil"
