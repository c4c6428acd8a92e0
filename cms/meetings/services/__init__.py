"""Everything that changes a meeting's state, by concern.

- ``schedule``: the suggested agenda, creating, opening and closing a meeting;
- ``attendance``: check-in and marking;
- ``voting``: motions, votes, closing (and mixing secret ballots);
- ``minutes``: the automatic facts, drafts, approval, corrections;
- ``reports``: the per-unit report;
- ``tallies``: read-only results, the live payload and the meeting page overview.

Callers import from here; the quorum is ``Meeting.quorum()``.
"""

from .attendance import check_in, mark_attendance
from .common import NOT_ALLOWED, NOT_FOUND, MeetingError
from .minutes import (
    APPROVED_IMMUTABLE,
    STALE,
    approve_minutes,
    current_minutes,
    facts_of,
    get_or_start_minutes,
    minutes_facts,
    save_minutes,
    start_correction,
)
from .reports import unit_report
from .schedule import (
    close_meeting,
    create_meeting,
    material_item_title,
    month_materials,
    next_meeting_for,
    open_meeting,
    suggested_agenda,
)
from .tallies import (
    access_stub,
    live_payload_for,
    live_snapshot,
    meeting_overview,
    meeting_sheet,
    motion_result,
)
from .voting import (
    ALREADY_VOTED,
    cast_vote,
    close_motion,
    create_motion,
    has_voted,
    open_motion,
)

__all__ = [
    "ALREADY_VOTED",
    "APPROVED_IMMUTABLE",
    "NOT_ALLOWED",
    "NOT_FOUND",
    "STALE",
    "MeetingError",
    "access_stub",
    "approve_minutes",
    "cast_vote",
    "check_in",
    "close_meeting",
    "close_motion",
    "create_meeting",
    "create_motion",
    "current_minutes",
    "facts_of",
    "get_or_start_minutes",
    "has_voted",
    "live_payload_for",
    "live_snapshot",
    "mark_attendance",
    "material_item_title",
    "meeting_overview",
    "meeting_sheet",
    "minutes_facts",
    "month_materials",
    "motion_result",
    "next_meeting_for",
    "open_meeting",
    "open_motion",
    "save_minutes",
    "start_correction",
    "suggested_agenda",
    "unit_report",
]
