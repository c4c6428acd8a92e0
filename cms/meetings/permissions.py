"""Who may do what with a cell's meetings: the one place these rules live.

- Members of the cell (active) see its meetings, check in, vote, read minutes.
- The cell's secretary and deputy secretary (and the meeting's chair) run it.
- The recorder (and the cell's leaders) edit the draft minutes; the chair approves.
- Officers of a superior committee (``SupervisionScope`` on an ancestor unit)
  read meetings, minutes and reports of their subtree. Nobody else does,
  not even staff accounts: minutes are the cell's internal record.
"""

from cms.members.choices import Position
from cms.members.models import Member

from .models import SupervisionScope

LEADER_POSITIONS = {Position.SECRETARY, Position.DEPUTY_SECRETARY}


def ancestor_paths(path, steplen=4):
    return [path[:i] for i in range(steplen, len(path) + 1, steplen)]


def supervises(user, organization):
    if not getattr(user, "is_authenticated", False):
        return False
    return SupervisionScope.objects.filter(
        user=user, organization__path__in=ancestor_paths(organization.path)
    ).exists()


def _cell_member(user, cell_id):
    """The user's active member profile if it belongs to this cell, else ``None``."""
    member = Member.objects.for_user(user)
    return member if member is not None and member.cell_id == cell_id else None


def supervised_units(user):
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        s.organization
        for s in SupervisionScope.objects.filter(user=user).select_related("organization")
    ]


def is_cell_member(user, cell_id):
    return _cell_member(user, cell_id) is not None


def is_cell_leader(user, cell_id):
    member = _cell_member(user, cell_id)
    return member is not None and member.position in LEADER_POSITIONS


def can_create_meeting(user):
    member = Member.objects.for_user(user)
    return member is not None and member.position in LEADER_POSITIONS


def can_view_meeting(user, meeting):
    return is_cell_member(user, meeting.cell_id) or supervises(user, meeting.cell)


def can_manage_meeting(user, meeting):
    member = _cell_member(user, meeting.cell_id)
    if member is None:
        return False
    return member.position in LEADER_POSITIONS or member.pk == meeting.chair_id


def can_see_running_count(user, meeting):
    """How many have voted on an open motion: for who runs the meeting only.

    Members see that the vote is open and, once it closes, the result; a
    running count would let them press those who have not voted yet.
    """
    return can_manage_meeting(user, meeting)


def can_read_minutes(user, meeting):
    return can_view_meeting(user, meeting)


def can_edit_minutes(user, meeting):
    member = _cell_member(user, meeting.cell_id)
    if member is None:
        return False
    return member.pk in (meeting.recorder_id, meeting.chair_id) or (
        member.position in LEADER_POSITIONS
    )


def can_approve_minutes(user, meeting):
    member = _cell_member(user, meeting.cell_id)
    if member is None:
        return False
    if meeting.chair_id:
        return member.pk == meeting.chair_id
    return member.position in LEADER_POSITIONS


def report_units(user):
    """The units whose report the user may read: supervised units, or a leader's own cell."""
    units = supervised_units(user)
    member = Member.objects.for_user(user)
    if member is not None and member.position in LEADER_POSITIONS:
        units.append(member.cell)
    return units


def can_read_report(user, organization):
    return supervises(user, organization) or is_cell_leader(user, organization.pk)
