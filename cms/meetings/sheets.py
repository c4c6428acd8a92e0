"""What a meeting's page shows everyone alike, kept per meeting until it changes.

Every member who opens the meeting page, after each check-in and each vote,
sees the same meeting, agenda, materials, motions, results and minutes; only
their own attendance and votes, and the counters, differ. The shared part
(``services.meeting_sheet``) is kept in the shared cache (``cms.caching.personal``)
under the meeting's version, the content version (the materials are pages), the
day, and the meeting's *shape* (its status and its motions' statuses, from the
live payload), so opening or closing the meeting or a motion needs no
forgetting. Any other change to what the sheet holds forgets the meeting's
entry: the model signals in ``caching.py``, and the writes that bypass them
call ``forget_sheet`` themselves. A renamed chair or recorder, or a renamed cell,
shows when the entry expires (``AUDIENCE_CACHE_SECONDS``, 5 minutes). The counters
come from the live payload, which every check-in and vote makes stale (``live.py``).
"""

from cms.caching.personal import cached_personal, forget

MEETING_SHEET = "meeting-sheet"


def kept_sheet(request, meeting_id, shape, build):
    """``build()`` (the sheet, or ``None`` for a meeting that does not exist), kept."""
    return cached_personal(request, MEETING_SHEET, meeting_id, f"sheet:{shape}", build)


def forget_sheet(meeting_ids):
    forget(MEETING_SHEET, meeting_ids)
