"""What a search is limited to: the public filters, and the pages a user may read.

``SearchFilters`` reads the filter parameters of the search page; the
backend searches ``searchable_queryset`` (live pages of searchable types the
user may read, narrowed by the filters the backend can apply), and
``visible_dates`` checks the candidates again in the database, with the
filters only the database can apply, and gives each its date.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from cms.core.folding import normalize
from cms.core.visibility import visible_q

from .index import date_expression, models_for_type, searchable_page_models

SORTS = ("relevance", "date")


@dataclass
class SearchFilters:
    type: str = ""
    doc_type: str = ""
    issuer: str = ""
    year: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params):
        """Read the public filter parameters; bad values are dropped with a message."""
        f = cls()
        types = {m.search_type_key() for m in searchable_page_models()}
        value = normalize(params.get("type", "")).strip()
        if value in types:
            f.type = value
        elif value:
            f.problems.append(_("Loại nội dung không hợp lệ, đã bỏ qua."))
        f.doc_type = normalize(params.get("doc_type", "")).strip()[:32]
        f.issuer = normalize(params.get("issuer", "")).strip()[:255]
        year = params.get("year", "").strip()
        if year:
            if year.isdigit() and 1930 <= int(year) <= 2100:
                f.year = int(year)
            else:
                f.problems.append(_("Năm không hợp lệ, đã bỏ qua."))
        for name, attr in (("from", "date_from"), ("to", "date_to")):
            raw = params.get(name, "").strip()
            if raw:
                try:
                    setattr(f, attr, datetime.date.fromisoformat(raw[:10]))
                except ValueError:
                    f.problems.append(_("Ngày không hợp lệ (dùng dạng NNNN-TT-NN), đã bỏ qua."))
        sort = params.get("sort", "relevance")
        f.sort = sort if sort in SORTS else "relevance"
        page = params.get("page", "1")
        f.page = int(page) if page.isdigit() and 0 < int(page) < 10_000 else 1
        return f


def searchable_queryset(user, filters: SearchFilters, visible: Q | None = None):
    """What the backend searches: live pages of searchable types the user may read.

    One type → that model's queryset, so backends look only at its index entries.
    """
    models = models_for_type(filters.type) if filters.type else searchable_page_models()
    if len(models) == 1:
        qs = models[0].objects.live()
        names = {f.name for f in models[0]._meta.get_fields()}
        if filters.doc_type and "doc_type" in names:
            qs = qs.filter(doc_type=filters.doc_type)
        if filters.issuer and "issuer" in names:
            qs = qs.filter(issuer=filters.issuer)
        qs = qs.filter(**_date_range(models[0], filters))
    else:
        qs = Page.objects.live().type(*models)
    return qs.filter(visible_q(user) if visible is None else visible)


def _date_range(model, filters: SearchFilters) -> dict:
    """The year/from/to filters as a range on the model's own date field.

    A range (not ``__year``) so that Elasticsearch/OpenSearch can apply it too;
    the field is a ``FilterField`` on every model that has one. Pages dated by
    first publication only are filtered after the search, like untyped searches.
    """
    lookup = model.search_date_lookup()
    if not lookup:
        return {}
    start = [d for d in (filters.date_from,) if d]
    end = [d for d in (filters.date_to,) if d]
    if filters.year:
        start.append(datetime.date(filters.year, 1, 1))
        end.append(datetime.date(filters.year, 12, 31))
    found = {}
    if start:
        found[f"{lookup}__gte"] = max(start)
    if end:
        found[f"{lookup}__lte"] = min(end)
    return found


def _field_filter(name, value):
    q = Q(pk__in=[])
    for model in searchable_page_models():
        if name in {f.name for f in model._meta.get_fields()}:
            q |= Q(**{f"{model._meta.model_name}__{name}": value})
    return q


def post_filter_q(user, filters: SearchFilters, visible: Q | None = None):
    q = (visible_q(user) if visible is None else visible) & Q(live=True)
    models = models_for_type(filters.type) if filters.type else searchable_page_models()
    q &= Q(content_type__in=ContentType.objects.get_for_models(*models).values())
    if filters.doc_type:
        q &= _field_filter("doc_type", filters.doc_type)
    if filters.issuer:
        q &= _field_filter("issuer", filters.issuer)
    if filters.year:
        q &= Q(search_date__year=filters.year)
    if filters.date_from:
        q &= Q(search_date__gte=filters.date_from)
    if filters.date_to:
        q &= Q(search_date__lte=filters.date_to)
    return q


def visible_dates(ids, user, filters, visible):
    """{page id: date} of the candidates that pass the filters and permissions."""
    rows = (
        Page.objects.filter(pk__in=ids)
        .annotate(search_date=date_expression())
        .filter(post_filter_q(user, filters, visible))
        .values_list("pk", "search_date")
    )
    return dict(rows)
