"""What every searchable page adds to the index: folded shadow fields.

Page models opt in with the mixin and ``page_search_fields``::

    class OfficialDocumentPage(VietnameseSearchMixin, Page):
        search_fields = page_search_fields(search=["summary", "body"], filters=["issue_date"])

The mixin reads the page's text the one way every reader of a page does
(``cms.core.text.page_text``: text fields, rich text, StreamFields and the text
of attached files), the metadata fields named in ``SEARCH_META_FIELDS`` when
the model has them, and exposes them as accent-free (``*_folded``) and
accent-coded (``*_exact``, see ``cms.core.folding.exact_code``) text. Nothing else in the model
changes, and the backends index those methods like any other field.
"""

from django.apps import apps
from django.db import models
from django.db.models import DateField, F
from django.db.models.functions import Cast, Coalesce
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from cms.core.folding import exact_codes, normalize, tokens
from cms.core.text import page_text

SEARCH_META_FIELDS = ("number", "issuer", "doc_type", "signer")
# Where a page's own date lives, first match wins; otherwise first publication.
SEARCH_DATE_FIELDS = ("issue_date", "date")
# Public type keys of the `type` filter, by app label.
SEARCH_TYPE_BY_APP = {
    "news": "news",
    "documents": "document",
    "bulletins": "bulletin",
    "resolutions": "resolution",
}
MAX_INDEXED_CHARS = 200_000


class VietnameseSearchMixin(models.Model):
    """Abstract and field-less: a model base only so that Elasticsearch/OpenSearch
    mappings can name the fields it defines (one shared set for every page type)."""

    folded_search_fields = [
        index.SearchField("search_title_folded", boost=4),
        index.SearchField("search_meta_folded", boost=3),
        index.SearchField("search_title_exact", boost=2),
        index.SearchField("search_text_folded"),
        index.SearchField("search_text_exact"),
        index.AutocompleteField("search_title_folded"),
    ]

    # Related objects the page's text reads (attached files), prefetched for a
    # page of search results: ``prefetch_related`` lookups.
    search_result_prefetch = ()

    class Meta:
        abstract = True

    # --- source text -------------------------------------------------------

    def _meta_text(self, field_name):
        field = self._meta.get_field(field_name)
        if field.choices:
            return str(getattr(self, f"get_{field_name}_display")())
        return strip_tags(str(getattr(self, field_name) or ""))

    def search_meta_text(self) -> str:
        """Number, issuing body, type label… (whichever of them the model has)."""
        names = {f.name for f in self._meta.get_fields()}
        return normalize(" ".join(self._meta_text(n) for n in SEARCH_META_FIELDS if n in names))

    def search_body_text(self) -> str:
        """Every text of the page but its title and metadata (``cms.core.text.page_text``).

        Cached on the instance: indexing asks for it twice (folded and exact).
        """
        cached = self.__dict__.get("_search_body_text")
        if cached is None:
            cached = self.__dict__["_search_body_text"] = self._build_search_body_text()
        return cached

    def _build_search_body_text(self) -> str:
        text = page_text(self, skip={"title", *SEARCH_META_FIELDS})
        return normalize(strip_tags(text))[:MAX_INDEXED_CHARS]

    # --- shadow fields (indexed) -------------------------------------------

    # Folded fields hold words separated by spaces, punctuation dropped: every
    # engine then sees the same words (PostgreSQL's parser would keep "da/tu"
    # of "04-ĐA/TU" as one file-path token, SQLite's FTS splits it).

    def search_title_folded(self) -> str:
        return " ".join(tokens(normalize(self.title)))

    def search_meta_folded(self) -> str:
        return " ".join(tokens(self.search_meta_text()))

    def search_title_exact(self) -> str:
        return exact_codes(self.title)

    def search_text_folded(self) -> str:
        return " ".join(tokens(self.search_body_text()))

    def search_text_exact(self) -> str:
        return exact_codes(self.search_body_text())

    # --- what results show -------------------------------------------------

    @classmethod
    def search_type_key(cls) -> str:
        return SEARCH_TYPE_BY_APP.get(cls._meta.app_label, cls._meta.model_name)

    @classmethod
    def search_date_lookup(cls) -> str | None:
        names = {f.name for f in cls._meta.get_fields() if isinstance(f, models.DateField)}
        for name in SEARCH_DATE_FIELDS:
            if name in names:
                return name
        return None

    def search_date(self):
        lookup = self.search_date_lookup()
        if lookup:
            return getattr(self, lookup)
        published = self.first_published_at or self.last_published_at
        return published.date() if published else None


def page_search_fields(*, search=(), filters=(), extra=()):
    """A searchable page's ``search_fields``: Page's own, ``search`` (full-text) and
    ``filters`` field names, ``extra`` index fields, then the folded shadow fields."""
    return [
        *Page.search_fields,
        *(index.SearchField(name) for name in search),
        *(index.FilterField(name) for name in filters),
        *extra,
        *VietnameseSearchMixin.folded_search_fields,
    ]


def searchable_page_models() -> list[type[Page]]:
    """Concrete page models that use the mixin, in a stable order."""
    found = [
        m
        for m in apps.get_models()
        if issubclass(m, Page) and issubclass(m, VietnameseSearchMixin) and not m._meta.abstract
    ]
    return sorted(found, key=lambda m: m._meta.label)


def models_for_type(type_key: str) -> list[type[Page]]:
    return [m for m in searchable_page_models() if m.search_type_key() == type_key]


def date_expression():
    """A per-row date for Page querysets: the model's own date, else first publication."""
    parts = []
    for model in searchable_page_models():
        lookup = model.search_date_lookup()
        if lookup and model._meta.parents.get(Page):
            parts.append(F(f"{model._meta.model_name}__{lookup}"))
    parts.append(Cast("first_published_at", DateField()))
    return Coalesce(*parts, output_field=DateField()) if len(parts) > 1 else parts[0]
