"""Live counters of a meeting, cheap enough for every cell polling at once.

Each meeting has a version number in the cache, bumped (after commit) by
every write that changes what the secretary's screen shows. The JSON
payload is cached under that version, so a poll costs two cache reads;
the database is asked again (a handful of aggregate queries on indexed
columns) only once per change, not once per poll. The version is also the
ETag: a client that already has it gets a bodiless 304.
"""

import secrets

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count

from .choices import AttendanceStatus, MotionStatus

PAYLOAD_TIMEOUT = 6 * 3600


def version_key(meeting_id):
    return f"meetings:live:v:{meeting_id}"


def payload_key(meeting_id, version):
    return f"meetings:live:p:{meeting_id}:{version}"


def _fresh_version():
    # Random (and bumped by one from there), so a version key lost from the
    # cache does not come back as a number an old payload was stored under.
    # 52 bits stay exact as a JavaScript number.
    return secrets.randbits(52)


def current_version(meeting_id):
    version = cache.get(version_key(meeting_id))
    if version is None:
        version = _fresh_version()
        cache.add(version_key(meeting_id), version, None)
        version = cache.get(version_key(meeting_id), version)
    return version


def _bump(meeting_id):
    try:
        cache.incr(version_key(meeting_id))
    except ValueError:
        cache.set(version_key(meeting_id), _fresh_version(), None)


def reset(meeting_id):
    """A new meeting starts from a fresh random version: ids can be reused (a
    rolled-back transaction, a rebuilt test database), cached payloads must not be."""
    cache.set(version_key(meeting_id), _fresh_version(), None)


def bump(meeting_id):
    """Mark the meeting's live data stale once the current transaction commits."""
    transaction.on_commit(lambda: _bump(meeting_id))


def shape(meeting_status, motions):
    """Changes whenever the page needs new controls rather than new numbers."""
    return f"{meeting_status}|" + ",".join(f"{pk}:{status}" for pk, status in motions)


def build_payload(meeting):
    from .services import motion_result

    counts = dict(meeting.attendances.values_list("status").annotate(n=Count("pk")).order_by())
    expected = meeting.expected_count or sum(counts.values())
    present = counts.get(AttendanceStatus.PRESENT, 0)
    needed = meeting.quorum_needed(expected)
    motions = []
    receipt_counts = dict(
        meeting.motions.values_list("pk").annotate(n=Count("receipts")).order_by()
    )
    for motion in meeting.motions.prefetch_related("options"):
        entry = {
            "id": motion.pk,
            "status": motion.status,
            "votes": receipt_counts.get(motion.pk, 0),
        }
        if motion.status == MotionStatus.CLOSED:
            result = motion_result(motion)
            entry["result"] = {
                "options": [
                    {"label": row["option"].label, "count": row["count"]} for row in result["rows"]
                ],
                "passed": result["passed"],
                "summary": result["summary"],
            }
        motions.append(entry)
    return {
        "meeting": meeting.pk,
        "status": meeting.status,
        "attendance": {
            "expected": expected,
            "present": present,
            "excused": counts.get(AttendanceStatus.EXCUSED, 0),
            "absent": counts.get(AttendanceStatus.ABSENT, 0),
            "pending": counts.get(AttendanceStatus.PENDING, 0),
            "quorum_needed": needed,
            "quorum_met": expected > 0 and present >= needed,
        },
        "motions": motions,
        "shape": shape(meeting.status, [(m["id"], m["status"]) for m in motions]),
    }


def snapshot(meeting_id, version=None):
    """The payload for the meeting, from the cache when it is current."""
    from .models import Meeting

    version = version if version is not None else current_version(meeting_id)
    key = payload_key(meeting_id, version)
    payload = cache.get(key)
    if payload is None:
        payload = build_payload(Meeting.objects.get(pk=meeting_id))
        payload["version"] = version
        cache.set(key, payload, PAYLOAD_TIMEOUT)
    return payload
