"""RSS and Atom feeds of a news section: public, live articles only."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return self.index.title

    def link(self):
        return self.index.url

    def description(self):
        return self.index.intro or f"Tin mới nhất của chuyên mục {self.index.title}."

    def items(self):
        # Feeds are fetched without a session: only what anyone may read.
        return self.index.public_articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(7, 0)))

    def item_categories(self, item):
        return [c.name for c in item.categories.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
