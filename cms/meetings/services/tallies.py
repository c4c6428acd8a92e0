"""Read-only tallies: vote results, the live screen's payload, the meeting page's overview.

Nothing here writes. The quorum itself is ``Meeting.quorum()``.
"""

from django.db.models import Count

from cms.members.models import Member

from .. import live, permissions
from ..choices import AttendanceStatus, MeetingStatus, MotionStatus
from ..models import Ballot, Meeting, VoteReceipt


def ballot_counts(motions):
    """{motion id: {option id: ballots}} of ``motions``, in one query."""
    counts = {}
    rows = (
        Ballot.objects.filter(motion__in=motions)
        .values_list("motion", "option")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for motion_id, option_id, n in rows:
        counts.setdefault(motion_id, {})[option_id] = n
    return counts


def motion_result(motion, as_data=False, counts=None):
    """Counts, shares of those present and whether the motion passed by its rule.

    The first option is the proposal itself ("Tán thành"): the motion passes
    when that option reaches the threshold of the motion's majority rule.
    ``counts`` ({option id: ballots}) when the caller read them for several motions
    (``ballot_counts``).
    """
    if counts is None:
        counts = ballot_counts([motion]).get(motion.pk, {})
    options = list(motion.options.all())
    present = motion.present_count
    if present is None:
        present = motion.meeting.attendances.present().count()
    members = motion.member_count or motion.meeting.expected_count or 0
    threshold = motion.threshold(present, members)
    rows = []
    for option in options:
        count = counts.get(option.pk, 0)
        share = round(100 * count / present, 1) if present else 0.0
        rows.append({"option": option, "count": count, "share": share})
    passed = bool(rows) and rows[0]["count"] >= threshold
    if as_data:
        return {
            "counts": {r["option"].label: r["count"] for r in rows},
            "present": present,
            "members": members,
            "threshold": threshold,
            "passed": passed,
        }
    summary = (
        f"{'Thông qua' if passed else 'Không thông qua'}: «{options[0].label}» "
        f"{rows[0]['count']}/{present} đảng viên có mặt; cần {threshold} "
        f"({motion.get_majority_rule_display().lower()})."
        if rows
        else ""
    )
    return {
        "rows": rows,
        "total": sum(r["count"] for r in rows),
        "present": present,
        "members": members,
        "threshold": threshold,
        "passed": passed,
        "summary": summary,
    }


# --- the live screen --------------------------------------------------------


def build_live_payload(meeting):
    """What the meeting screen polls for. ``access`` is for the view, never sent."""
    quorum = meeting.quorum()
    counts = quorum["counts"]
    rows = list(
        meeting.motions.prefetch_related("options").annotate(receipt_count=Count("receipts"))
    )
    ballots = ballot_counts([motion for motion in rows if motion.status == MotionStatus.CLOSED])
    motions = []
    for motion in rows:
        entry = {
            "id": motion.pk,
            "status": motion.status,
            "votes": motion.receipt_count,
        }
        if motion.status == MotionStatus.CLOSED:
            result = motion_result(motion, counts=ballots.get(motion.pk, {}))
            entry["result"] = {
                "options": [
                    {"label": row["option"].label, "count": row["count"]} for row in result["rows"]
                ],
                "passed": result["passed"],
                "summary": result["summary"],
            }
        motions.append(entry)
    return {
        "access": {"cell": meeting.cell_id, "chair": meeting.chair_id},
        "meeting": meeting.pk,
        "status": meeting.status,
        "attendance": {
            "expected": quorum["expected"],
            "present": quorum["present"],
            "excused": counts["excused"],
            "absent": counts["absent"],
            "pending": counts["pending"],
            "quorum_needed": quorum["needed"],
            "quorum_met": quorum["met"],
        },
        "motions": motions,
        "shape": live.shape(meeting.status, [(m["id"], m["status"]) for m in motions]),
    }


def live_snapshot(meeting_id):
    """``(version, payload)`` of the meeting, from the cache when current; ``(None, None)``
    when there is no such meeting (no version is made up for an id that does not exist)."""
    version = live.known_version(meeting_id)
    if version is None:
        if not Meeting.objects.filter(pk=meeting_id).exists():
            return None, None
        version = live.current_version(meeting_id)

    def build():
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        return build_live_payload(meeting) if meeting is not None else None

    payload = live.cached(meeting_id, version, build)
    return (version, payload) if payload is not None else (None, None)


def access_stub(payload):
    """A ``Meeting`` with just what the permission rules read (pk, cell, chair), no query."""
    access = payload["access"]
    return Meeting(pk=payload["meeting"], cell_id=access["cell"], chair_id=access["chair"])


def live_payload_for(payload, sees_running_count):
    """The payload as this viewer may see it.

    While a motion is open only who runs the meeting (chair, secretary, deputy)
    sees how many have voted; members see that the vote is open, and the
    result once it closes. ``access`` never leaves the server.
    """
    public = {key: value for key, value in payload.items() if key != "access"}
    if not sees_running_count:
        public["motions"] = [
            {key: value for key, value in motion.items() if key != "votes"}
            if motion["status"] != MotionStatus.CLOSED
            else motion
            for motion in payload["motions"]
        ]
    return public


# --- the meeting page -------------------------------------------------------


def meeting_sheet(meeting_id):
    """What the meeting's page shows everyone alike, read in one go: the meeting with its
    cell, chair and recorder, the agenda, the materials, the motions with their options
    and the closed motions' results, the current minutes. ``None`` when there is no such
    meeting. Kept per meeting (``cms.meetings.sheets``) until one of them changes."""
    meeting = Meeting.objects.select_related("cell", "chair", "recorder").filter(pk=meeting_id)
    meeting = meeting.first()
    if meeting is None:
        return None
    # The options and the closed motions' ballots: one query each, however many motions.
    motions = list(meeting.motions.prefetch_related("options"))
    ballots = ballot_counts([motion for motion in motions if motion.is_closed])
    return {
        "meeting": meeting,
        "motions": [
            {
                "motion": motion,
                "result": motion_result(motion, counts=ballots.get(motion.pk, {}))
                if motion.is_closed
                else None,
            }
            for motion in motions
        ],
        "agenda": list(meeting.agenda_items.select_related("material")),
        "materials": list(meeting.materials.all()),
        "minutes": meeting.minutes_versions.current(),
    }


def _quorum(meeting, attendance):
    """The quorum as ``Meeting.quorum()`` gives it, from the live payload's counters."""
    if meeting.status == MeetingStatus.SCHEDULED:
        return None
    return {
        "expected": attendance["expected"],
        "present": attendance["present"],
        "needed": attendance["quorum_needed"],
        "met": attendance["quorum_met"],
        "counts": {key: attendance[key] for key in ("excused", "absent", "pending")},
    }


def meeting_overview(user, sheet, payload):
    """What the meeting page shows to this user (member, secretary or supervisor): the
    ``sheet`` everyone sees, the counters of the live ``payload`` (``live_snapshot``), and
    the user's own attendance and votes, which are read here."""
    meeting = sheet["meeting"]
    member = Member.objects.for_user(user)
    in_cell = member is not None and member.cell_id == meeting.cell_id
    is_manager = permissions.can_manage_meeting(user, meeting)
    sees_count = permissions.can_see_running_count(user, meeting)
    my_attendance = meeting.attendances.filter(member=member).first() if in_cell else None
    present = my_attendance is not None and my_attendance.status == AttendanceStatus.PRESENT
    voted = set(
        VoteReceipt.objects.filter(motion__meeting=meeting, member=member).values_list(
            "motion_id", flat=True
        )
        if in_cell
        else []
    )
    running = {entry["id"]: entry["votes"] for entry in payload["motions"]}
    motions = []
    for entry in sheet["motions"]:
        motion = entry["motion"]
        motions.append(
            {
                **entry,
                "voted": motion.pk in voted,
                "can_vote": in_cell
                and motion.is_open
                and meeting.is_open
                and motion.pk not in voted
                and present,
                "votes": running.get(motion.pk, 0) if sees_count and not motion.is_closed else None,
            }
        )
    return {
        "meeting": meeting,
        "member": member,
        "in_cell": in_cell,
        "is_manager": is_manager,
        "sees_running_count": sees_count,
        "my_attendance": my_attendance,
        "quorum": _quorum(meeting, payload["attendance"]),
        "agenda": sheet["agenda"],
        "materials": sheet["materials"],
        "motions": motions,
        "minutes": sheet["minutes"],
        "can_edit_minutes": permissions.can_edit_minutes(user, meeting),
        "live_shape": payload["shape"],
    }
