"""Wagtail's database backend, with a faster plan on PostgreSQL.

Stock Wagtail ranks every match with ``ts_rank`` over ``title || body``; the
concatenation defeats the GIN indexes and ranking 20,000 matching pages took
about 2 s per query in ``bench/search_bench.py``. On PostgreSQL this backend
(same index tables, same query objects) plans instead:

1. pages whose *folded title* (the ``autocomplete`` column, which holds
   ``search_title_folded``) matches, ranked by ``ts_rank`` on the small title
   vectors (GIN index on ``autocomplete``);
2. then pages matching only in the body (GIN index on ``body``): fully ranked
   with ``ts_rank`` when there are at most ``FULL_RANK_MAX`` of them,
   otherwise the first ones found (the service re-ranks the top).

The service re-ranks the top of the list in Python anyway, so results agree
with the other backends. SQLite (FTS5 ``bm25``) and other databases use
Wagtail's backend unchanged.
"""

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F

from wagtail.search.query import Phrase, PlainText

FULL_RANK_MAX = 400


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up
    from wagtail.search.backends.database import SearchBackend as stock

    if connection.vendor != "postgresql":
        return stock(params)
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    class TieredPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        def search(self, config, start, stop, score_field=None, backend=None):
            if not isinstance(self.query, (PlainText, Phrase)) or not self.order_by_relevance:
                return super().search(config, start, stop, score_field, backend)
            ids = self.ranked_ids(config, stop)[start or 0 : stop]
            objects = self.queryset.in_bulk(ids)
            return [objects[pk] for pk in ids if pk in objects]

        def ranked_ids(self, config, limit=None):
            """Primary keys in rank order, without loading the objects."""
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

    class TieredPostgresSearchResults(PostgresSearchResults):
        def _do_count(self):
            return len(self.get_queryset())

    class TieredPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = TieredPostgresSearchQueryCompiler
        results_class = TieredPostgresSearchResults

    return TieredPostgresSearchBackend(params)
