"""The one search service every view calls.

``search(q, user, filters)`` runs the same steps on every backend:

1. ``parse_query`` folds what was typed into safe tokens (+ accent codes, phrases).
2. The configured backend (database, Elasticsearch or OpenSearch) returns up to
   ``SEARCH_MAX_CANDIDATES`` pages, OR-matched and ranked, already limited to
   live, searchable page types the user may read.
3. Filters, permissions (again) and dates are applied in the database.
4. The top ``RERANK_DEPTH`` are re-ordered by one Python rule (``ranking.py``:
   title coverage, accent-exact title words, phrase in title, document
   number), so every backend puts the same pages first.
5. Unless enough pages hold every word as typed, the query's other readings
   (``interpret.py``: Telex/VNI keystrokes, abbreviations, numbers, joined
   words, typos) are searched too; their pages come after the literal
   matches, marked with the reading they came from, and the best reading is
   offered as "Có phải bạn muốn tìm" when the literal query finds little.
6. One page of results gets its snippet.

If the external backend fails, the ``database`` backend answers.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.caching.audience import cached_for_audience
from cms.caching.sites import site_for_request
from cms.core.folding import normalize
from cms.core.visibility import visible_q

from .circuit import circuit_open, trip_circuit
from .filters import SearchFilters, searchable_queryset, visible_dates
from .interpret import Reading, interpret
from .query import ParsedQuery, parse_query
from .ranking import (
    RERANK_DEPTH,
    all_words_query,
    by_date,
    load_pages,
    merge_readings,
    ranked_ids,
    rerank,
)
from .snippets import make_snippet
from .tasks import retry_soon_if_pending

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
READING_CANDIDATES = 50  # the re-ranked depth: the rest of a reading would come last anyway
FEW_RESULTS = 3
SPELLINGS = ("abbreviation", "number")
# Readings offered only when no page holds every word as typed: other spellings,
# and typo corrections (a correctly typed query that finds its pages is not a typo).
OFFERED_ONLY_WHEN_NOTHING_COMPLETE = (*SPELLINGS, "typo")


def max_candidates():
    return getattr(settings, "SEARCH_MAX_CANDIDATES", 500)


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
    did_you_mean: Reading | None = None

    def as_json(self):
        offer = self.did_you_mean
        return {
            "total": self.total,
            "results": [
                {k: r[k] for k in ("title", "url", "type", "date", "snippet")}
                | {"reading": r["reading"].text if r["reading"] else None}
                for r in self.results
            ],
            "did_you_mean": offer.text if offer else None,
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
            retry_soon_if_pending()
        return result, name
    raise RuntimeError("no search backend")  # pragma: no cover


def result_item(page, pq: ParsedQuery, request=None, date=None, reading=None):
    source = page.search_body_text() or page.search_meta_text()
    date = date or page.search_date()
    terms = pq.terms + (reading.query.terms if reading else [])
    return {
        "title": page.title,
        "url": page.get_url(request=request) or "",
        "type": page.search_type_key(),
        "type_label": page._meta.verbose_name,
        "date": date.isoformat() if date else None,
        "snippet": make_snippet(source, terms),
        "reading": reading,
        "page": page,
    }


def _prefetch_attached(pages):
    """Each page type's attached files in one query (the snippets read their text)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, instances in by_model.items():
        lookups = getattr(model, "search_result_prefetch", ())
        if lookups:
            prefetch_related_objects(instances, *lookups)


def _search_readings(
    readings, pages, literal_found, queryset, backend_name, user, filters, visible
):
    """``([(reading, ordered ids, complete ids), …], {page id: date})``.

    Each reading is one backend query; the filters and permissions, the pages
    for re-ranking and their dates are then read once for all readings
    together. A failing reading is skipped.

    A reading's pages that lack some of its words come after every page the
    literal query found (``merge_readings``): when that already fills the
    first page of results, a reading asks the backend only for the pages
    holding all its words, a much cheaper query than ranking every page that
    holds any of them.
    """
    backend = get_search_backend(backend_name)
    complete_only = literal_found >= PAGE_SIZE
    searched = []
    for reading in readings:
        query = all_words_query(reading.query) if complete_only else None
        try:
            ids = ranked_ids(
                backend, query or reading.query.backend_query(), queryset, READING_CANDIDATES
            )
        except Exception:
            logger.warning("Search failed for the reading %r", reading.text, exc_info=True)
            continue
        searched.append((reading, ids, query is not None))
    dates = visible_dates({pk for _r, ids, _c in searched for pk in ids}, user, filters, visible)
    visible_ids = [[pk for pk in ids if pk in dates] for _r, ids, _c in searched]
    load_pages([pk for ids in visible_ids for pk in ids[:RERANK_DEPTH]], pages)
    found = [
        (reading, *rerank(reading.query, ids, backend_name, pages, all_complete))
        for (reading, _all, all_complete), ids in zip(searched, visible_ids, strict=True)
    ]
    return found, dates


def _order(pq, candidate_ids, dates, context):
    """Final order, the reading each page came from, and the reading to offer.

    The query's other readings are worked out and searched only when the
    literal query does not fill the first page with pages holding every word
    as typed (with ``sort=date``: when it finds less than a page).
    """
    ids = [pk for pk in candidate_ids if pk in dates]
    by_date_only = context["filters"].sort == "date"
    if by_date_only and len(ids) >= PAGE_SIZE:
        return ids, {}, None
    pages = {}
    ordered, complete = rerank(pq, ids, context["backend_name"], pages)
    if len(complete) >= PAGE_SIZE:
        return ordered, {}, None
    readings = interpret(pq, context["user"])
    if not readings:
        return ordered, {}, None
    found, reading_dates = _search_readings(readings, pages, len(ids), **context)  # closest first
    dates.update(reading_dates)
    merged, reading_of = merge_readings(ordered, complete, found)
    return merged, reading_of, _offer(found, ordered, complete)


def _offer(found, ordered, complete):
    """The closest reading that finds more than the literal query, which finds little.

    "Finds": pages with every word (any page when the literal query finds none).
    Abbreviations and numbers are other spellings, not corrections, and a
    query whose every word is found as typed has no typo: those readings are
    offered only when no page has every word as typed.
    """
    if len(complete) >= FEW_RESULTS:
        return None
    for reading, reading_ordered, reading_complete in found:
        if reading.kind in OFFERED_ONLY_WHEN_NOTHING_COMPLETE and complete:
            continue
        if len(reading_complete) > len(complete) or (reading_ordered and not ordered):
            return reading
    return None


def search(raw_query, user, filters: SearchFilters | None = None, request=None) -> SearchResponse:
    filters = filters or SearchFilters()
    pq = parse_query(raw_query)
    response = SearchResponse(query=pq, page=filters.page, notices=list(filters.problems))
    if pq.notice:
        response.notices.append(pq.notice)
    if not pq:
        return response

    limit = max_candidates()
    visible = visible_q(user)
    queryset = searchable_queryset(user, filters, visible)

    def work(backend):
        return ranked_ids(backend, pq.backend_query(), queryset, limit)

    try:
        candidate_ids, response.backend = run_on_backend(work)
    except Exception:
        logger.exception("Search failed for %r", pq.text)
        response.notices.append(_("Tra cứu tạm thời gặp sự cố, xin thử lại sau ít phút."))
        return response

    dates = visible_dates(candidate_ids, user, filters, visible)
    context = {
        "queryset": queryset,
        "backend_name": response.backend,
        "user": user,
        "filters": filters,
        "visible": visible,
    }
    ordered, reading_of, response.did_you_mean = _order(pq, candidate_ids, dates, context)
    if filters.sort == "date":
        ordered = by_date(ordered, dates)
    response.total = len(ordered)
    response.capped = len(candidate_ids) >= limit
    paginator = Paginator(ordered, PAGE_SIZE)
    page_obj = paginator.get_page(filters.page)
    response.page, response.num_pages = page_obj.number, paginator.num_pages
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_obj.object_list).specific()}
    _prefetch_attached(pages.values())
    response.results = [
        result_item(pages[pk], pq, request=request, date=dates.get(pk), reading=reading_of.get(pk))
        for pk in page_obj.object_list
        if pk in pages
    ]
    return response


def search_for_request(request) -> tuple[SearchResponse, SearchFilters]:
    """``search`` for a page view, shared for a short while by everyone of the
    visitor's audience who asks the same normalised question (a meeting
    evening repeats the same few look-ups). The key names the content version,
    so a publish is never hidden behind a kept answer; the short life covers
    the index catching up in the background worker. Failed look-ups are not kept."""
    filters = SearchFilters.from_params(request.GET)
    site_for_request(request)  # from the cache: every result's address asks for the site
    raw = request.GET.get("q", "")
    question = " ".join(normalize(raw).lower().split())
    others = sorted((k, v) for k, v in request.GET.lists() if k != "q")
    digest = hashlib.sha256(repr((question, others)).encode()).hexdigest()
    response = cached_for_audience(
        request,
        "search",
        lambda: search(raw, request.user, filters, request=request),
        digest,
        request.get_host(),
        seconds=getattr(settings, "SEARCH_CACHE_SECONDS", 30),
        keep=lambda found: bool(found.backend) or not question,
    )
    return response, filters


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
