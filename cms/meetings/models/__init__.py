"""Cell meetings: the schedule, attendance, votes and minutes of a chi bộ.

A meeting belongs to one cell. Members check in, vote and read; the cell's
secretary (or the meeting's chair) runs it; the recorder drafts the minutes
and the chair approves them. Queries live in the querysets of these modules (the
quorum in ``Meeting.quorum()``), rules in ``permissions.py`` and every state
change goes through the ``services`` package.
"""

from .meeting import (
    AgendaItem,
    Attendance,
    Meeting,
    SupervisionScope,
    default_quorum_rule,
    more_than_half,
    two_thirds,
)
from .minutes import ImmutableMinutesError, Minutes
from .voting import Ballot, Motion, MotionOption, SealedBallot, VoteReceipt

__all__ = [
    "AgendaItem",
    "Attendance",
    "Ballot",
    "ImmutableMinutesError",
    "Meeting",
    "Minutes",
    "Motion",
    "MotionOption",
    "SealedBallot",
    "SupervisionScope",
    "VoteReceipt",
    "default_quorum_rule",
    "more_than_half",
    "two_thirds",
]
