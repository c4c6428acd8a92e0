"""A query asked for on every request with only a primary key changing, compiled once.

The logged-in user's query (``cms.members.backends``) joins the member and their cell and
carries the groups and the content version: compiling it costs the ORM three times what
running it costs PostgreSQL. ``PreparedGet`` compiles it once per thread and database, then
runs the kept SQL with the new key and builds the instances as the ORM's own iterator
does (``from_db``, the related populators, the annotations), so the objects are the
ones ``queryset.get(pk=…)`` returns. A thread keeps its own compilation because a compiler
belongs to its thread's connection.
"""

import threading

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models.query import get_related_populators

# A key no row has, to find where the key goes among the compiled query's parameters.
_PROBE = -2_147_000_123  # within a 32-bit key: the ORM drops a lookup out of range


class _Compiled:
    def __init__(self, queryset, db):
        compiler = queryset.filter(pk=_PROBE).query.get_compiler(using=db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.at = self.params.index(_PROBE)
        self.compiler = compiler
        select, klass_info = compiler.select, compiler.klass_info
        self.converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [f[0].target.attname for f in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, db)
        self.annotations = dict(compiler.annotation_col_map or {})

    def fetch(self, db, pk):
        params = list(self.params)
        params[self.at] = pk
        with connections[db].cursor() as cursor:
            cursor.execute(self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        if self.converters:
            row = next(iter(self.compiler.apply_converters([row], self.converters)))
        obj = self.model.from_db(db, self.init_list, row[self.start : self.end])
        for populator in self.populators:
            populator.populate(row, obj)
        for name, position in self.annotations.items():
            setattr(obj, name, row[position])
        return obj


class PreparedGet:
    """``build().get(pk=pk)``, or ``None`` when there is no such row; ``build()`` is called
    once, and its query compiled once per thread and database (the router still chooses
    the database for each call)."""

    def __init__(self, build):
        self._build = build
        self._queryset = None
        self._local = threading.local()

    def queryset(self):
        if self._queryset is None:
            self._queryset = self._build()
        return self._queryset

    def get(self, pk):
        queryset = self.queryset()
        try:
            pk = queryset.model._meta.pk.to_python(pk)
        except ValidationError:
            return None
        if pk is None:
            return None
        db = queryset.db
        kept = self._local.__dict__.get(db)
        if kept is None:
            kept = self._local.__dict__[db] = _Compiled(queryset, db)
        return kept.fetch(db, pk)
