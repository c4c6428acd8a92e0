"""One ranking rule for every backend, and where the readings of a query go.

The backend returns candidates in its own order; the top ``RERANK_DEPTH`` are
re-ordered here by what a reader sees first (title coverage, accent-exact
title words, the words as a run, the document number), so every backend puts
the same pages first. Pages found only through another reading of the query
(``interpret.py``) come after every page that matches all the words as typed.
"""

import datetime
import logging

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from cms.core.folding import exact_codes, tokens

from .query import ParsedQuery

logger = logging.getLogger(__name__)

RERANK_DEPTH = 50


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


def all_words_query(pq):
    """Every folded word of ``pq`` (``None`` where that is the query itself)."""
    if len(pq.terms) < 2 or pq.phrases:
        return None
    return PlainText(" ".join(pq.terms), operator="and")


def with_all_words(pq, ids, backend_name):
    """Which of ``ids`` contain every query word (one small backend query)."""
    query = all_words_query(pq)
    if query is None:
        return set(ids)
    try:
        backend = get_search_backend(backend_name)
        return set(ranked_ids(backend, query, Page.objects.filter(id__in=ids), None))
    except Exception:
        logger.warning("All-words check failed", exc_info=True)
        return set()


def by_date(ids, dates):
    return sorted(ids, key=lambda pk: (dates.get(pk) or datetime.date.min, pk), reverse=True)


def load_pages(ids, pages):
    """Put the specific pages of ``ids`` that ``pages`` lacks into it ({id: page}).

    Titles and metadata only: the bodies are read for the shown page of results.
    The literal query and every reading of it share one ``pages``, so a page
    found by several readings is loaded once.
    """
    missing = [pk for pk in ids if pk not in pages]
    if missing:
        pages.update(
            (p.pk, p) for p in Page.objects.filter(pk__in=missing).defer_streamfields().specific()
        )
    return pages


def rerank(pq, ids, backend_name, pages=None, all_complete=False):
    """(ids in final order, the reranked ones that hold every query word).

    ``pages`` ({id: specific page}) is filled with what the top of ``ids``
    needs; ``all_complete`` says ``ids`` came from ``all_words_query``."""
    top = ids[:RERANK_DEPTH]
    pages = load_pages(top, {} if pages is None else pages)
    complete = set(top) if all_complete else with_all_words(pq, top, backend_name)
    scored = sorted(
        (
            (rerank_score(pq, pages[pk], i, len(top), pk in complete), -i, pk)
            for i, pk in enumerate(top)
            if pk in pages
        ),
        reverse=True,
    )
    return [pk for _s, _i, pk in scored] + ids[RERANK_DEPTH:], complete & pages.keys()


def merge_readings(literal, complete, found):
    """The literal order with the readings' pages put in.

    ``found`` is ``[(reading, ordered ids, complete ids), …]``, closest reading
    first. The literal list keeps its places up to its last page that has every
    word as typed; then come the pages that have every word of a reading, then
    the rest of the literal list, then the rest of the readings'. Returns the
    order and, for pages brought in by a reading, that reading.
    """
    last = max((i for i, pk in enumerate(literal) if pk in complete), default=-1)
    head, tail = literal[: last + 1], literal[last + 1 :]
    seen = set(head)
    inserted, rest, reading_of = [], [], {}
    for reading, ordered, reading_complete in found:
        for pk in ordered:
            if pk in reading_complete and pk not in seen:
                seen.add(pk)
                inserted.append(pk)
                reading_of[pk] = reading
    tail = [pk for pk in tail if pk not in seen]
    seen.update(tail)
    for reading, ordered, _complete in found:
        for pk in ordered:
            if pk not in seen:
                seen.add(pk)
                rest.append(pk)
                reading_of[pk] = reading
    return head + inserted + tail + rest, reading_of
