"""Wagtail's database backend, with a faster plan on PostgreSQL.

Stock Wagtail ranks every match with ``ts_rank`` over ``title || body`` joined
to the page table; with an OR of common words that ranks most of the corpus
(about 2 s a query at 20,000 pages in ``bench/search_bench.py``). On
PostgreSQL this backend (same index table, same query objects) plans a
:class:`~cms.search.query.FoldedQuery` instead by *coordination level*, the
way classic search engines rank OR queries:

1. pages whose folded title holds all the query's words, then all but one,
   and so on (tiers of ``k`` of ``n`` words, each an OR of ANDs that the GIN
   index on the ``autocomplete`` column answers), each tier ordered by
   ``ts_rank`` on the small title vectors when it has at most ``RANK_MAX``
   rows;
2. then pages matching in the body (all words, then any), ranked when there
   are at most ``BODY_RANK_MAX`` of them, otherwise the first ones found.

The index table is queried on its own and each tier's pages are then
checked against the caller's queryset (live, type, permissions), so the
page table is never joined to the whole index. The service re-ranks the top
of the list in Python anyway, so results agree with the other backends.
Phrases and other queries keep a simpler two-tier plan (title, then body).
SQLite has its own plan (``sqlite_backend``); other databases use Wagtail's backend.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.query import Phrase, PlainText

from .database_backend import LEXEME, any_of, coordination_tiers, object_id_subquery
from .query import FoldedQuery

FULL_RANK_MAX = 400
RANK_MAX = 1500
BODY_RANK_MAX = 300


class TieredPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, (PlainText, Phrase)) or not self.order_by_relevance:
            return super().search(config, start, stop, score_field, backend)
        ids = self.ranked_ids(config, stop)[start or 0 : stop]
        objects = self.queryset.in_bulk(ids)
        return [objects[pk] for pk in ids if pk in objects]

    def ranked_ids(self, config, limit=None):
        """Primary keys in rank order, without loading the objects."""
        if isinstance(self.query, FoldedQuery) and limit is not None:
            return self.coordinated_ids(config, limit)
        if isinstance(self.query, PlainText) and self.query.operator == "and" and limit is None:
            return self.matching_ids(config)
        query = self.build_tsquery(self.query, config=config)
        title_rank = SearchRank(F("index_entries__autocomplete"), query) + SearchRank(
            F("index_entries__title"), query
        ) * F("index_entries__title_norm")
        title_ids = list(
            self.queryset.filter(index_entries__autocomplete=query)
            .annotate(_title_rank=title_rank)
            .order_by("-_title_rank", "-pk")
            .values_list("pk", flat=True)[:limit]
        )
        ids = list(title_ids)
        if limit is None or len(ids) < limit:
            body = self.queryset.filter(index_entries__body=query).exclude(pk__in=title_ids)
            few = list(body.values_list("pk", flat=True)[: FULL_RANK_MAX + 1])
            if len(few) <= FULL_RANK_MAX:
                ranked = (
                    self.queryset.filter(pk__in=few)
                    .annotate(_body_rank=SearchRank(F("index_entries__body"), query))
                    .order_by("-_body_rank", "-pk")
                    .values_list("pk", flat=True)
                )
                ids += list(ranked)
            else:
                rest = None if limit is None else limit - len(ids)
                # Unordered, so PostgreSQL stops at the first ``rest`` matches.
                ids += list(body.order_by().values_list("pk", flat=True)[:rest])
        return ids[:limit] if limit is not None else ids

    def matching_ids(self, config):
        """Which pages of a (small) queryset match, unordered: the index rows of
        just those pages, looked up by key, never a join over the whole index."""
        query = self.build_tsquery(self.query, config=config)
        return [
            int(oid)
            for oid in self._entries()
            .filter(object_id__in=object_id_subquery(self.queryset))
            .filter(Q(body=query) | Q(autocomplete=query))
            .values_list("object_id", flat=True)
        ]

    # --- coordination levels (FoldedQuery) -----------------------------

    def _raw(self, text, config):
        return SearchQuery(text, search_type="raw", config=config)

    def _entries(self):
        return IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        )

    def _tier(self, column, match, rank, cap, need, seen_entries):
        """(entry id, page id) of one tier: all of it ranked when it has at most
        ``cap`` rows, otherwise the first ``need`` rows found (unordered, so
        PostgreSQL stops early)."""
        rows = list(
            self._entries()
            .filter(**{column: match})
            .exclude(pk__in=seen_entries)
            .order_by()
            .values_list("pk", "object_id")[: max(cap, need) + 1]
        )
        if len(rows) > cap:
            return rows[:need]
        if len(rows) > 1:
            rows = list(
                self._entries()
                .filter(pk__in=[pk for pk, _ in rows])
                .annotate(_rank=rank)
                .order_by("-_rank", "-pk")
                .values_list("pk", "object_id")
            )
        return rows

    def coordinated_ids(self, config, limit):
        query = self.query
        folded = any_of(query.terms)
        title_rank = SearchRank(F("autocomplete"), self._raw(folded, config))
        accented = [w for w in query.accented if LEXEME.match(w)]
        if accented:
            title_rank = title_rank + SearchRank(F("title"), self._raw(any_of(accented), config))
        everything = [t for t in query.terms + query.exact if LEXEME.match(t)]
        body_rank = SearchRank(F("body"), self._raw(any_of(everything), config))
        plan = [
            ("autocomplete", tier, title_rank, RANK_MAX) for tier in coordination_tiers(query.terms)
        ]
        body_tiers = coordination_tiers(query.terms)
        if len(body_tiers) > 1:
            body_tiers = [body_tiers[0], body_tiers[-1]]
        plan += [("body", tier, body_rank, BODY_RANK_MAX) for tier in body_tiers]

        ids, seen_entries, seen_pages = [], [], set()
        for column, tier, rank, cap in plan:
            need = limit - len(ids)
            rows = self._tier(column, self._raw(tier, config), rank, cap, need, seen_entries)
            seen_entries += [pk for pk, _ in rows]
            page_ids = [int(oid) for _, oid in rows if oid.isdigit()]
            allowed = set(self.queryset.filter(pk__in=page_ids).values_list("pk", flat=True))
            for pk in page_ids:
                if pk in allowed and pk not in seen_pages:
                    seen_pages.add(pk)
                    ids.append(pk)
            if len(ids) >= limit:
                break
        return ids[:limit]


class TieredPostgresSearchResults(PostgresSearchResults):
    def _do_count(self):
        return len(self.get_queryset())


class TieredPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = TieredPostgresSearchQueryCompiler
    results_class = TieredPostgresSearchResults


SearchBackend = TieredPostgresSearchBackend
