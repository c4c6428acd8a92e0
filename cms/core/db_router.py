"""Read replicas: reads go to the "replica" alias, writes and read-after-write to "default".

Configured by cms/settings/replica.py when DATABASE_REPLICA_URL is set (docs/scale.md,
"Read replicas"). Reads stay on the primary

- for the rest of a request (or thread, outside requests) once a statement that writes has run
  on the primary (an execute wrapper watches its SQL);
- inside ``transaction.atomic`` on the primary;
- for a few seconds after a logged-in reader's POST (a cookie set by ``ReplicaPinMiddleware``);
- while the replica is unreachable or behind by more than ``DATABASE_REPLICA_MAX_LAG`` seconds:
  that state is kept for ``DATABASE_REPLICA_RETRY_SECONDS`` so that no request waits for the
  connect timeout again.
"""

import contextlib
import contextvars
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "stdv_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# One mutable scope per request (set by the middleware) or per thread/context outside requests.
_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("db_pin", default=None)
_health = {"down_until": 0.0, "lag_checked_until": 0.0}
_health_lock = threading.Lock()

# Seconds behind the primary: 0 when everything received has been replayed.
LAG_SQL = (
    "SELECT CASE WHEN pg_last_wal_receive_lsn() IS NULL"
    " OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
    " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END"
)


def _current_scope():
    scope = _scope.get()
    if scope is None:
        scope = {"pinned": False}
        _scope.set(scope)
    return scope


def pin_to_primary():
    """Send every further read of this request (or thread) to the primary."""
    _current_scope()["pinned"] = True


def is_pinned():
    return _current_scope()["pinned"]


def new_scope(pinned=False):
    """Start a fresh pin scope; returns the token for ``end_scope``."""
    return _scope.set({"pinned": pinned})


def end_scope(token):
    _scope.reset(token)


def mark_replica_down(seconds=None):
    retry = seconds if seconds is not None else settings.DATABASE_REPLICA_RETRY_SECONDS
    with _health_lock:
        _health["down_until"] = time.monotonic() + retry


def reset_replica_state():
    with _health_lock:
        _health["down_until"] = 0.0
        _health["lag_checked_until"] = 0.0


# Statements that change nothing: anything else run on the primary pins the scope.
READ_ONLY_SQL = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SET ", "SHOW")


def _pin_on_write(execute, sql, params, many, context):
    if not sql.lstrip()[:9].upper().startswith(READ_ONLY_SQL):
        pin_to_primary()
    return execute(sql, params, many, context)


def watch_writes(conn):
    """Pin whenever ``conn`` (the primary) runs a statement that writes. Installed first in
    the list, so that ``execute_wrapper()`` blocks, which pop the last one, keep it."""
    if _pin_on_write not in conn.execute_wrappers:
        conn.execute_wrappers.insert(0, _pin_on_write)


def _replica_lag(conn):
    if conn.vendor != "postgresql":
        return 0.0
    with conn.connection.cursor() as cursor:  # raw: no entry in the query log
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0] or 0)


def replica_usable():
    """True when the replica answers and is not too far behind (cached for a few seconds)."""
    now = time.monotonic()
    if now < _health["down_until"]:
        return False
    conn = connections[REPLICA]
    try:
        conn.close_if_health_check_failed()
        conn.ensure_connection()
        if now >= _health["lag_checked_until"]:
            lag = _replica_lag(conn)
            with _health_lock:
                _health["lag_checked_until"] = now + settings.DATABASE_REPLICA_LAG_CHECK_SECONDS
            if lag > settings.DATABASE_REPLICA_MAX_LAG:
                logger.warning("Read replica is %.1f s behind: reading from the primary", lag)
                mark_replica_down()
                return False
    except DatabaseError as error:
        logger.warning("Read replica unreachable (%s): reading from the primary", error)
        with contextlib.suppress(DatabaseError):
            conn.close()
        mark_replica_down()
        return False
    return True


class ReplicaRouter:
    """Reads to the replica, writes to the primary; both aliases hold the same data."""

    def db_for_read(self, model, **hints):
        if REPLICA not in connections.settings:
            return PRIMARY
        if is_pinned() or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA if replica_usable() else PRIMARY

    def db_for_write(self, model, **hints):
        # Not a pin by itself: get_or_create() and the like read through here too (Wagtail's
        # site settings on every page); the statement that really writes pins.
        watch_writes(connections[PRIMARY])
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA, None}

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaPinMiddleware:
    """A fresh pin per request; unsafe requests and the PIN_COOKIE pin it from the start, and
    a logged-in reader's write leaves the cookie for DATABASE_REPLICA_PIN_SECONDS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unsafe = request.method not in SAFE_METHODS
        token = new_scope(pinned=unsafe or PIN_COOKIE in request.COOKIES)
        watch_writes(connections[PRIMARY])
        try:
            response = self.get_response(request)
            wrote = is_pinned()
        finally:
            end_scope(token)
        user = getattr(request, "user", None)
        if unsafe and wrote and user is not None and user.is_authenticated:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
