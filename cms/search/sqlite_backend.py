"""Wagtail's SQLite FTS5 backend, with ``bm25`` computed once per match.

Stock Wagtail orders pages by a correlated subquery that runs the FTS
``MATCH`` again for every matching page, so a common word over 20,000 pages
took minutes. ``ranked_ids`` asks the FTS table once, ordered by ``bm25``,
and checks the pages against the caller's queryset by key, in chunks.

Settings use it on SQLite (``cms/settings/base.py``); it needs SQLite's FTS5,
which Python's sqlite3 on Debian has.
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .database_backend import object_id_subquery

SQLITE_CHUNK = 1000


class RankedMixin:
    def search(self, config, start, stop, score_field=None):
        plain = not isinstance(normalize(self.query), (MatchAll, Not))
        if plain and self.order_by_relevance and score_field is None and stop is not None:
            ids = self.ranked_ids(config, stop)[start or 0 : stop]
            objects = self.queryset.in_bulk(ids)
            return [objects[pk] for pk in ids if pk in objects]
        return super().search(config, start, stop, score_field)

    def ranked_ids(self, config, limit=None):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return [obj.pk for obj in self.search(config, None, limit)]
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        entries = SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        if limit is None:
            # Which pages of a (small) queryset match: unordered, looked up by key.
            return [
                int(oid)
                for oid in entries.filter(
                    index_entry__object_id__in=object_id_subquery(self.queryset)
                ).values_list("index_entry__object_id", flat=True)
            ]
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        ranked = (
            entries.annotate(score=rank)
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )
        ids, start = [], 0
        while len(ids) < limit:
            chunk = [int(oid) for oid in ranked[start : start + SQLITE_CHUNK] if oid.isdigit()]
            if not chunk:
                break
            allowed = set(self.queryset.filter(pk__in=chunk).values_list("pk", flat=True))
            ids += [pk for pk in chunk if pk in allowed]
            start += SQLITE_CHUNK
        return ids[:limit]


class RankedSQLiteSearchQueryCompiler(RankedMixin, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(RankedMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler


SearchBackend = RankedSQLiteSearchBackend
