"""The RSS feed of the job listing (``OffresIndexPage`` route ``rss/``), per filtered listing.

The feed reads the same GET filters as the listing: ``/opportunites/emplois/rss/?contrat=cdi``
lists the newest CDI offers, and its title says so.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .filtres import filtres_libelle, filtres_lire, filtres_querystring, offres_filtrees

NOMBRE_D_ARTICLES = 30
EDITEUR = "Le Lot, terre d'opportunités"


def _absolue(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


class OffresRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "fr"
    author_name = EDITEUR

    def __init__(self, *, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.url_index = self.index.get_url(request) or "/"
        return filtres_lire(request.GET)

    def _suffixe(self, filtres) -> str:
        requete = filtres_querystring(filtres)
        return f"?{requete}" if requete else ""

    def title(self, filtres):
        libelle = filtres_libelle(filtres)
        if not filtres.actifs:
            return "Offres d'emploi dans le Lot"
        return f"Offres d'emploi dans le Lot : {libelle}"

    def description(self, filtres):
        return "Les dernières offres d'emploi publiées sur le portail du Lot."

    def link(self, filtres):
        return _absolue(self.url_index + self._suffixe(filtres))

    def feed_url(self, filtres):
        return _absolue(self.url_index + self.index.reverse_subpage("rss") + self._suffixe(filtres))

    def items(self, filtres):
        return list(
            offres_filtrees(None, filtres=filtres).select_related("employeur", "commune")[
                :NOMBRE_D_ARTICLES
            ]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parties = [
            item.employeur.nom if item.employeur_id else "",
            item.commune.nom if item.commune_id else "",
            item.get_contrat_display(),
            item.get_temps_travail_display(),
        ]
        entete = " · ".join(p for p in parties if p)
        texte = Truncator(strip_tags(item.description)).words(60)
        return f"{entete}. {texte}"

    def item_link(self, item):
        return _absolue(f"{self.url_index}{item.slug}/")

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_secteur_display(), item.get_contrat_display()]
