"""RSS and Atom feeds of the latest stories, served by ``HistoireIndexPage``'s routes."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .models.histoires import EDITEUR, url_absolue
from .selectors import histoires_publiees

NOMBRE_D_ARTICLES = 20


class HistoiresRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Histoires du Lot"
    description = "Les histoires des femmes et des hommes qui vivent et travaillent dans le Lot."
    author_name = EDITEUR
    language = "fr"

    def __init__(self, *, index):
        super().__init__()
        self.index = index

    def link(self):
        return url_absolue(self.index.get_url() or "/")

    def feed_url(self):
        return url_absolue((self.index.get_url() or "/") + self.index.reverse_subpage("flux_rss"))

    def items(self):
        return list(
            histoires_publiees(index=self.index)
            .select_related("commune", "auteur")
            .prefetch_related("thematiques")[:NOMBRE_D_ARTICLES]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.chapo

    def item_link(self, item):
        return url_absolue(item.get_url() or "/")

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.nom_auteur or EDITEUR

    def item_categories(self, item):
        return [thematique.nom for thematique in item.thematiques.all()]


class HistoiresAtomFeed(HistoiresRssFeed):
    feed_type = Atom1Feed
    subtitle = HistoiresRssFeed.description

    def feed_url(self):
        return url_absolue((self.index.get_url() or "/") + self.index.reverse_subpage("flux_atom"))
