"""Keep the vocabulary of the typo and joined-word readings up to date on publish."""

from wagtail.signals import page_published

from .index import VietnameseSearchMixin
from .vocabulary import add_page


def count_published_words(sender, instance, **kwargs):
    if isinstance(instance, VietnameseSearchMixin):
        add_page(instance)


def register():
    page_published.connect(count_published_words, dispatch_uid="search-vocabulary")
