"""What every searchable page adds to the index: folded shadow fields.

Page models opt in with one line each::

    class OfficialDocumentPage(VietnameseSearchMixin, Page):
        search_fields = Page.search_fields + [...] + VietnameseSearchMixin.folded_search_fields

The mixin reads the model's own ``SearchField`` declarations (lead, summary,
body…), the metadata fields named in ``SEARCH_META_FIELDS`` when the model has
them, and the text of attached files (``attached_documents()``, when the page
offers it), and exposes them as accent-free (``*_folded``) and accent-coded
(``*_exact``, see ``folding.exact_code``) text. Nothing else in the model
changes, and the backends index those methods like any other field.
"""

from django.db import models
from django.db.models import F
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from .folding import exact_codes, fold, normalize

SHADOW_PREFIX = "search_"
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

    class Meta:
        abstract = True

    # --- source text -------------------------------------------------------

    def _search_field_text(self, field_name):
        value = getattr(self, field_name, None)
        if value is None:
            return ""
        if callable(value):
            value = value()
        try:
            field = self._meta.get_field(field_name)
        except Exception:
            field = None
        if field is not None and getattr(field, "choices", None):
            return str(getattr(self, f"get_{field_name}_display")())
        if field is not None and hasattr(field, "get_searchable_content"):
            parts = field.get_searchable_content(value)
            return strip_tags(" ".join(str(p) for p in parts))
        return strip_tags(str(value))

    def search_meta_text(self) -> str:
        """Number, issuing body, type label… (whichever of them the model has)."""
        names = {f.name for f in self._meta.get_fields()}
        return normalize(
            " ".join(self._search_field_text(n) for n in SEARCH_META_FIELDS if n in names)
        )

    def search_body_text(self) -> str:
        """The model's own searchable fields (lead, summary, body…) and attached files.

        Cached on the instance: indexing asks for it twice (folded and exact).
        """
        cached = self.__dict__.get("_search_body_text")
        if cached is None:
            cached = self.__dict__["_search_body_text"] = self._build_search_body_text()
        return cached

    def _build_search_body_text(self) -> str:
        meta = set(SEARCH_META_FIELDS) | {"title"}
        parts = []
        for field in self.get_search_fields():
            if not isinstance(field, index.SearchField):
                continue
            name = field.field_name
            if name in meta or name.startswith(SHADOW_PREFIX):
                continue
            parts.append(self._search_field_text(name))
        attached = getattr(self, "attached_documents", None)
        if callable(attached):
            for document in attached() or []:
                parts.append(getattr(document, "title", "") or "")
                parts.append(getattr(document, "extracted_text", "") or "")
        return normalize(" ".join(p for p in parts if p))[:MAX_INDEXED_CHARS]

    # --- shadow fields (indexed) -------------------------------------------

    def search_title_folded(self) -> str:
        return fold(normalize(self.title))

    def search_meta_folded(self) -> str:
        return fold(self.search_meta_text())

    def search_title_exact(self) -> str:
        return exact_codes(self.title)

    def search_text_folded(self) -> str:
        return fold(self.search_body_text())

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


def searchable_page_models() -> list[type[Page]]:
    """Concrete page models that use the mixin, in a stable order."""
    from django.apps import apps

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
    from django.db.models import DateField
    from django.db.models.functions import Cast, Coalesce

    parts = []
    for model in searchable_page_models():
        lookup = model.search_date_lookup()
        if lookup and model._meta.parents.get(Page):
            parts.append(F(f"{model._meta.model_name}__{lookup}"))
    parts.append(Cast("first_published_at", DateField()))
    return Coalesce(*parts, output_field=DateField()) if len(parts) > 1 else parts[0]
