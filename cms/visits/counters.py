"""Visit counters for the footer: online now, today, this month, total.

A visit is a visitor (identified by a random cookie) seen after 30 minutes
of absence. Counting never writes to the database on a request: increments
wait in a buffer (Redis when ``REDIS_URL`` is set, otherwise this process's
memory) and are added to ``VisitDay`` rows in one batch at most every
``VISIT_COUNTER_FLUSH_SECONDS``. Readers see the database totals plus what
is still buffered, so the figures are exact either way.
"""

import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from django_redis import get_redis_connection

from .models import VisitDay

VISIT_GAP_SECONDS = 30 * 60
TOTALS_CACHE_KEY = "visit-counters:db-totals"
logger = logging.getLogger(__name__)


def _redis():
    return get_redis_connection("default")


def _prefix():
    return settings.CACHES["default"].get("KEY_PREFIX", "stdv") + ":visits:"


class MemoryBuffer:
    """Buffer for a single process (the embedded default)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending = Counter()
        self.last_seen = {}
        self.last_flush = time.monotonic()

    def hit(self, visitor_id, unit_codes, now):
        """(whether this starts a visit, whether a flush is due)."""
        return self._hit(visitor_id, unit_codes, now), self.flush_due()

    def _hit(self, visitor_id, unit_codes, now):
        with self.lock:
            previous = self.last_seen.get(visitor_id)
            self.last_seen[visitor_id] = now
            if len(self.last_seen) > 200_000:
                cutoff = now - VISIT_GAP_SECONDS
                self.last_seen = {k: v for k, v in self.last_seen.items() if v >= cutoff}
            if previous is not None and now - previous < VISIT_GAP_SECONDS:
                return False
            day = timezone.localdate().isoformat()
            for code in ("", *unit_codes):
                self.pending[(day, code)] += 1
            return True

    def online(self, now):
        cutoff = now - settings.ONLINE_WINDOW_SECONDS
        with self.lock:
            return sum(1 for seen in self.last_seen.values() if seen >= cutoff)

    def pending_and_online(self, now):
        return self.peek_pending(), self.online(now)

    def take_pending(self):
        with self.lock:
            pending, self.pending = self.pending, Counter()
            self.last_flush = time.monotonic()
            return pending

    def peek_pending(self):
        with self.lock:
            return Counter(self.pending)

    def flush_due(self):
        return time.monotonic() - self.last_flush >= settings.VISIT_COUNTER_FLUSH_SECONDS

    def reset(self):
        with self.lock:
            self.pending.clear()
            self.last_seen.clear()


class RedisBuffer:
    """Buffer shared by every worker process through Redis. Its pipelines are plain batches
    (no MULTI/EXEC): each command stands alone, so wrapping them in a transaction would
    add two commands to every member's every request for nothing."""

    def hit(self, visitor_id, unit_codes, now):
        """(whether this starts a visit, whether a flush is due): one round trip, two
        when the request starts a visit."""
        r = _redis()
        p = _prefix()
        pipe = r.pipeline(transaction=False)
        pipe.zadd(p + "online", {visitor_id: now})
        pipe.set(p + "seen:" + visitor_id, 1, nx=True, ex=VISIT_GAP_SECONDS)
        pipe.expire(p + "seen:" + visitor_id, VISIT_GAP_SECONDS)
        self._flush_due(pipe)
        _, new_visit, _, due = pipe.execute()
        if not new_visit:
            return False, bool(due)
        day = timezone.localdate().isoformat()
        pipe = r.pipeline(transaction=False)
        for code in ("", *unit_codes):
            pipe.hincrby(p + "pending", f"{day}|{code}", 1)
        pipe.execute()
        return True, bool(due)

    def _online(self, pipe, now):
        key = _prefix() + "online"
        pipe.zremrangebyscore(key, 0, now - settings.ONLINE_WINDOW_SECONDS)
        pipe.zcard(key)

    def online(self, now):
        pipe = _redis().pipeline(transaction=False)
        self._online(pipe, now)
        return pipe.execute()[1]

    def pending_and_online(self, now):
        """What is still buffered and who is online, in one round trip."""
        pipe = _redis().pipeline(transaction=False)
        pipe.hgetall(_prefix() + "pending")
        self._online(pipe, now)
        raw, _, online = pipe.execute()
        return self._decode(raw), online

    def _decode(self, raw):
        pending = Counter()
        for field, value in raw.items():
            day, code = field.decode().split("|", 1)
            pending[(day, code)] += int(value)
        return pending

    def take_pending(self):
        r = _redis()
        p = _prefix()
        r.set(p + "flush-lock", 1, ex=max(settings.VISIT_COUNTER_FLUSH_SECONDS, 1))
        # Rename is atomic: increments arriving meanwhile go to a new hash.
        staging = p + "flushing"
        try:
            r.rename(p + "pending", staging)
        except Exception:  # no pending hash: nothing to flush
            return Counter()
        pending = self._decode(r.hgetall(staging))
        r.delete(staging)
        return pending

    def peek_pending(self):
        return self._decode(_redis().hgetall(_prefix() + "pending"))

    def _flush_due(self, client):
        interval = max(settings.VISIT_COUNTER_FLUSH_SECONDS, 1)
        return client.set(_prefix() + "flush-lock", 1, nx=True, ex=interval)

    def flush_due(self):
        return bool(self._flush_due(_redis()))

    def reset(self):
        r = _redis()
        keys = list(r.scan_iter(_prefix() + "*"))
        if keys:
            r.delete(*keys)


_memory = MemoryBuffer()


def buffer():
    return RedisBuffer() if settings.REDIS_URL else _memory


def record_visit(visitor_id, unit_codes=()):
    """Note one request of a visitor; returns True when it starts a visit."""
    started, flush_due = buffer().hit(visitor_id, tuple(unit_codes), time.time())
    if flush_due:
        flush()
    return started


def flush():
    """Add buffered increments to the database in one transaction."""
    pending = buffer().take_pending()
    if not pending:
        return 0
    with transaction.atomic():
        for (day, code), n in sorted(pending.items()):
            updated = VisitDay.objects.filter(date=day, unit_code=code).update(count=F("count") + n)
            if not updated:
                VisitDay.objects.create(date=day, unit_code=code, count=n)
    cache.delete(TOTALS_CACHE_KEY)
    return sum(pending.values())


def snapshot():
    """The footer's figures: online now, today, this month, total."""
    today = timezone.localdate()
    totals = cache.get(TOTALS_CACHE_KEY)
    if totals is None or totals.get("date") != today.isoformat():
        totals = VisitDay.objects.totals(today)
        totals["date"] = today.isoformat()
        cache.set(TOTALS_CACHE_KEY, totals, 60)
    result = {k: totals[k] for k in ("today", "month", "total")}
    buf = buffer()
    try:
        pending, online = buf.pending_and_online(time.time())
    except Exception:  # Redis down: the database figures, "online" unknown (None)
        logger.warning("visit counter buffer unavailable", exc_info=True)
        pending, online = Counter(), None
    for (day, code), n in pending.items():
        if code:
            continue
        result["total"] += n
        if day == today.isoformat():
            result["today"] += n
        if day[:7] == today.isoformat()[:7]:
            result["month"] += n
    result["online"] = online
    return result


def reset():
    """Forget buffered state (tests)."""
    buffer().reset()
    cache.delete(TOTALS_CACHE_KEY)
