"""Who may do what with a cell's meetings: the one place these rules live.

- Members of the cell (active) see its meetings, check in, vote, read minutes.
- The cell's secretary and deputy secretary (and the meeting's chair) run it.
- The recorder (and the cell's leaders) edit the draft minutes; the chair approves.
- Officers of a superior committee (``SupervisionScope`` on an ancestor unit)
  read meetings, minutes and reports of their subtree. Nobody else does,
  not even staff accounts: minutes are the cell's internal record.
"""

from cms.members.choices import MemberStatus, Position

from .models import SupervisionScope

LEADER_POSITIONS = {Position.SECRETARY, Position.DEPUTY_SECRETARY}


def member_of(user):
    """The user's active member profile, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_meetings_member"):
        try:
            member = user.member
        except Exception:
            member = None
        if member is not None and member.status != MemberStatus.ACTIVE:
            member = None
        user._meetings_member = member
    return user._meetings_member


def ancestor_paths(path, steplen=4):
    return [path[:i] for i in range(steplen, len(path) + 1, steplen)]


def supervises(user, organization):
    if not getattr(user, "is_authenticated", False):
        return False
    return SupervisionScope.objects.filter(
        user=user, organization__path__in=ancestor_paths(organization.path)
    ).exists()


def supervised_units(user):
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        s.organization
        for s in SupervisionScope.objects.filter(user=user).select_related("organization")
    ]


def is_cell_member(user, cell_id):
    member = member_of(user)
    return member is not None and member.cell_id == cell_id


def is_cell_leader(user, cell_id):
    member = member_of(user)
    return member is not None and member.cell_id == cell_id and member.position in LEADER_POSITIONS


def can_create_meeting(user):
    member = member_of(user)
    return member is not None and member.position in LEADER_POSITIONS


def can_view_meeting(user, meeting):
    return is_cell_member(user, meeting.cell_id) or supervises(user, meeting.cell)


def can_manage_meeting(user, meeting):
    member = member_of(user)
    if member is None or member.cell_id != meeting.cell_id:
        return False
    return member.position in LEADER_POSITIONS or member.pk == meeting.chair_id


def can_read_minutes(user, meeting):
    return can_view_meeting(user, meeting)


def can_edit_minutes(user, meeting):
    member = member_of(user)
    if member is None or member.cell_id != meeting.cell_id:
        return False
    return member.pk in (meeting.recorder_id, meeting.chair_id) or (
        member.position in LEADER_POSITIONS
    )


def can_approve_minutes(user, meeting):
    member = member_of(user)
    if member is None or member.cell_id != meeting.cell_id:
        return False
    if meeting.chair_id:
        return member.pk == meeting.chair_id
    return member.position in LEADER_POSITIONS


def report_units(user):
    """The units whose report the user may read: supervised units, or a leader's own cell."""
    units = supervised_units(user)
    member = member_of(user)
    if member is not None and member.position in LEADER_POSITIONS:
        units.append(member.cell)
    return units


def can_read_report(user, organization):
    if supervises(user, organization):
        return True
    return is_cell_leader(user, organization.pk) and organization.pk == member_of(user).cell_id
