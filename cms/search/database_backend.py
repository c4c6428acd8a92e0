"""What the database search backends share (``postgres_backend``, ``sqlite_backend``).

Settings pick the module for the database engine (``cms/settings/base.py``);
each imports only its own engine's Wagtail backend, which cannot be loaded
on the other engine.
"""

import itertools
import math
import re

from django.db.models import CharField, Subquery
from django.db.models.functions import Cast

MAX_COMBINATIONS = 28
LEXEME = re.compile(r"^[^\W_]+$")


def any_of(words):
    return " | ".join(f"'{w}'" for w in words)


def object_id_subquery(queryset):
    """The queryset's keys as index-table ``object_id`` values (text), for a keyed lookup."""
    keyed = queryset.order_by().annotate(_object_id=Cast("pk", output_field=CharField()))
    return Subquery(keyed.values("_object_id"))


def coordination_tiers(terms):
    """tsquery texts for "at least k of the n words", k from n down to 1.

    Levels needing more than ``MAX_COMBINATIONS`` ANDs are skipped (long
    queries), but "any word" always comes last.
    """
    terms = [t for t in terms if LEXEME.match(t)]
    n = len(terms)
    tiers = []
    for k in range(n, 1, -1):
        if math.comb(n, k) <= MAX_COMBINATIONS:
            tiers.append(
                " | ".join(
                    "(" + " & ".join(f"'{t}'" for t in combo) + ")"
                    for combo in itertools.combinations(terms, k)
                )
            )
    if terms:
        tiers.append(any_of(terms))
    return tiers
