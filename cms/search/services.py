"""The one search service every view calls.

``search(q, user, filters)`` runs the same steps on every backend:

1. ``parse_query`` folds what was typed into safe tokens (+ accent codes, phrases).
2. The configured backend (database, Elasticsearch or OpenSearch) returns up to
   ``SEARCH_MAX_CANDIDATES`` pages, OR-matched and ranked, already limited to
   live, searchable page types the user may read.
3. Filters, permissions (again) and dates are applied in the database.
4. The top ``RERANK_DEPTH`` are re-ordered by one Python rule (title coverage,
   accent-exact title words, phrase in title, document number), so every
   backend puts the same pages first.
5. One page of results gets its snippet.

If the external backend fails, the ``database`` backend answers.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from .backends import circuit_open, trip_circuit
from .folding import exact_codes, normalize, tokens
from .index import date_expression, models_for_type, searchable_page_models
from .permissions import visibility_q
from .query import ParsedQuery, parse_query
from .snippets import make_snippet

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
RERANK_DEPTH = 50
SORTS = ("relevance", "date")


def max_candidates():
    return getattr(settings, "SEARCH_MAX_CANDIDATES", 500)


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


@dataclass
class SearchResponse:
    query: ParsedQuery
    total: int = 0
    capped: bool = False
    results: list[dict] = field(default_factory=list)
    page: int = 1
    num_pages: int = 1
    notices: list[str] = field(default_factory=list)
    backend: str = ""

    def as_json(self):
        return {
            "total": self.total,
            "results": [
                {k: r[k] for k in ("title", "url", "type", "date", "snippet")} for r in self.results
            ],
            "page": self.page,
            "num_pages": self.num_pages,
            "capped": self.capped,
            "notices": self.notices,
        }


# --- backends with fallback ------------------------------------------------


def _backend_order():
    configured = settings.WAGTAILSEARCH_BACKENDS
    order = ["default"]
    if (
        "database" in configured
        and configured["default"]["BACKEND"] != configured["database"]["BACKEND"]
    ):
        order.append("database")
    return order


def run_on_backend(work):
    """``work(backend)`` on the default backend, else on the database one."""
    order = _backend_order()
    for i, name in enumerate(order):
        last = i == len(order) - 1
        if not last and circuit_open(name):
            continue
        try:
            result = work(get_search_backend(name))
        except Exception:
            if last:
                raise
            logger.warning(
                "Search backend %s failed; answering from the database", name, exc_info=True
            )
            trip_circuit(name)
            continue
        if len(order) > 1 and i == 0:
            from .pending import retry_soon_if_pending

            retry_soon_if_pending()
        return result, name
    raise RuntimeError("no search backend")  # pragma: no cover


# --- querysets ---------------------------------------------------------------


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
    return qs.filter(visibility_q(user) if visible is None else visible)


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


def _post_filter_q(user, filters: SearchFilters, visible: Q | None = None):
    q = (visibility_q(user) if visible is None else visible) & Q(live=True)
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


# --- ranking -----------------------------------------------------------------


def _contains_run(needle, haystack):
    n = len(needle)
    if not n or n > len(haystack):
        return False
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def rerank_score(pq: ParsedQuery, page, rank: int, depth: int, has_all_words: bool) -> float:
    """One rule for every backend: backend order, then what a reader sees first."""
    title = tokens(page.title)
    title_set = set(title)
    visible = title_set | set(tokens(page.search_meta_text()))
    score = 1.0 - rank / max(depth, 1)
    if has_all_words:
        score += 2.0
    else:
        score += 2.0 * sum(t in visible for t in pq.terms) / len(pq.terms)
    score += 1.5 * sum(t in title_set for t in pq.terms) / len(pq.terms)
    if pq.exact:
        codes = set(exact_codes(page.title).split())
        score += 1.0 * sum(c in codes for c in pq.exact) / len(pq.exact)
    if len(pq.terms) > 1 and _contains_run(pq.terms, title):
        score += 1.0
    score += sum(1.0 for p in pq.phrases if _contains_run(p, title))
    number = tokens(getattr(page, "number", "") or "")
    if len(number) > 1 and _contains_run(number, pq.terms):
        score += 3.0
    return score


def ranked_ids(backend, query, queryset, limit):
    """Page ids in the backend's rank order (without loading pages where it can)."""
    results = backend.search(query, queryset.only("pk"))
    compiler = getattr(results, "query_compiler", None)
    if hasattr(compiler, "ranked_ids"):
        return compiler.ranked_ids(compiler.get_config(backend), limit)
    return [p.pk for p in results[:limit]]


def _with_all_words(pq, ids, backend_name):
    """Which of ``ids`` contain every query word (one small backend query)."""
    if len(pq.terms) < 2 or pq.phrases:
        return set(ids)
    try:
        backend = get_search_backend(backend_name)
        query = PlainText(" ".join(pq.terms), operator="and")
        return set(ranked_ids(backend, query, Page.objects.filter(id__in=ids), None))
    except Exception:
        logger.warning("All-words check failed", exc_info=True)
        return set()


def _ranked(pq, candidate_ids, rows, sort, backend_name):
    dates = dict(rows)
    ids = [pk for pk in candidate_ids if pk in dates]
    if sort == "date":
        ids.sort(key=lambda pk: (dates[pk] or datetime.date.min, pk), reverse=True)
        return ids
    top = ids[:RERANK_DEPTH]
    # Titles and metadata only: the bodies are read for the shown page of results.
    pages = {p.pk: p for p in Page.objects.filter(pk__in=top).defer_streamfields().specific()}
    complete = _with_all_words(pq, top, backend_name)
    scored = sorted(
        (
            (rerank_score(pq, pages[pk], i, len(top), pk in complete), -i, pk)
            for i, pk in enumerate(top)
            if pk in pages
        ),
        reverse=True,
    )
    return [pk for _s, _i, pk in scored] + ids[RERANK_DEPTH:]


def result_item(page, pq: ParsedQuery, request=None, date=None):
    source = page.search_body_text() or page.search_meta_text()
    date = date or page.search_date()
    return {
        "title": page.title,
        "url": page.get_url(request=request) or "",
        "type": page.search_type_key(),
        "type_label": page._meta.verbose_name,
        "date": date.isoformat() if date else None,
        "snippet": make_snippet(source, pq.terms),
        "page": page,
    }


def search(raw_query, user, filters: SearchFilters | None = None, request=None) -> SearchResponse:
    filters = filters or SearchFilters()
    pq = parse_query(raw_query)
    response = SearchResponse(query=pq, page=filters.page, notices=list(filters.problems))
    if pq.notice:
        response.notices.append(pq.notice)
    if not pq:
        return response

    limit = max_candidates()
    visible = visibility_q(user)
    queryset = searchable_queryset(user, filters, visible)

    def work(backend):
        return ranked_ids(backend, pq.backend_query(), queryset, limit)

    try:
        candidate_ids, response.backend = run_on_backend(work)
    except Exception:
        logger.exception("Search failed for %r", pq.text)
        response.notices.append(_("Tra cứu tạm thời gặp sự cố, xin thử lại sau ít phút."))
        return response

    rows = (
        Page.objects.filter(pk__in=candidate_ids)
        .annotate(search_date=date_expression())
        .filter(_post_filter_q(user, filters, visible))
        .values_list("pk", "search_date")
    )
    ordered = _ranked(pq, candidate_ids, list(rows), filters.sort, response.backend)
    dates = dict(rows)
    response.total = len(ordered)
    response.capped = len(candidate_ids) >= limit
    paginator = Paginator(ordered, PAGE_SIZE)
    page_obj = paginator.get_page(filters.page)
    response.page, response.num_pages = page_obj.number, paginator.num_pages
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_obj.object_list).specific()}
    response.results = [
        result_item(pages[pk], pq, request=request, date=dates.get(pk))
        for pk in page_obj.object_list
        if pk in pages
    ]
    return response


def suggest(raw_query, user, limit=8, request=None) -> list[dict]:
    """Title suggestions as the user types (prefix match on the folded title)."""
    pq = parse_query(raw_query)
    if not pq or len("".join(pq.terms)) < 2:
        return []
    queryset = searchable_queryset(user, SearchFilters())

    def work(backend):
        results = backend.autocomplete(
            " ".join(pq.terms), queryset.only("pk", "title", "url_path"), operator="and"
        )
        return list(results[:limit])

    try:
        pages, _name = run_on_backend(work)
    except Exception:
        logger.exception("Suggest failed for %r", pq.text)
        return []
    return [{"title": p.title, "url": p.get_url(request=request) or ""} for p in pages]


def search_pages(query, user):
    """The pages of the first result page, for callers that only need pages."""
    return [r["page"] for r in search(query, user).results]
