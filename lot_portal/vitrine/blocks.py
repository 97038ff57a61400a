"""Blocks of the "Vivre dans le Lot" pages and of the campaign landing pages.

The body, key figures and calls to action reuse ``lot_portal/cms/blocks.py``.
"""

from wagtail import blocks


class LienUtileBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="titre", max_length=120)
    description = blocks.CharBlock(label="description", max_length=200, required=False)
    page = blocks.PageChooserBlock(label="page du portail", required=False)
    url = blocks.URLBlock(label="ou adresse web", required=False)

    class Meta:
        icon = "link"
        label = "lien utile"
        template = "vitrine/blocks/lien_utile.html"
        description = "Un lien vers un service officiel, un site utile ou une page du portail."
        help_text = "Choisissez une page du portail ou indiquez une adresse web."
        preview_value = {
            "titre": "Mon enfant (CAF)",
            "description": "Trouver un mode d'accueil pour votre enfant.",
            "url": "https://monenfant.fr",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ["Choisissez une page ou indiquez une adresse web."]}
            )
        return value


class HistoireChoisieBlock(blocks.PageChooserBlock):
    """A page to read next: any page type (stories are built in ``cms``)."""

    class Meta:
        icon = "doc-full"
        label = "histoire à lire"
        description = "Une histoire d'habitant ou toute autre page du portail, affichée en carte."
        help_text = "Choisissez une page publiée : son titre et son résumé s'affichent en carte."


class MessageCleBlock(blocks.StructBlock):
    titre = blocks.CharBlock(label="titre", max_length=100)
    texte = blocks.TextBlock(label="texte", max_length=400)

    class Meta:
        icon = "pick"
        label = "message clé"
        template = "vitrine/blocks/message_cle.html"
        description = "Un message fort de la campagne : un titre court et une ou deux phrases."
        preview_value = {
            "titre": "Des emplois qualifiés",
            "texte": "Nos entreprises innovent et recrutent des profils qualifiés.",
        }
