"""Motions and votes: create, open, vote, close (and, for secret ballots, mix).

A vote is a receipt (who: ``VoteReceipt``, unique per motion and member, so
the database itself refuses a second vote) and a choice. An open ballot's
choice is a ``Ballot`` with the member. A secret ballot's choice is first a
``SealedBallot`` (ciphertext, see ``sealing.py``) written in the voter's own
transaction, and becomes an anonymous ``Ballot`` only when the motion
closes: every envelope of the motion is opened, the choices are shuffled and
written in that one closing transaction, and the envelopes are deleted.
"""

import secrets
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.log_actions import log

from cms.members.models import Member
from cms.security.audit import record_change

from .. import live, sealing
from ..choices import MeetingStatus, MotionStatus
from ..models import Attendance, Ballot, Motion, MotionOption, SealedBallot, VoteReceipt
from .common import NOT_FOUND, MeetingError, managing_meeting, managing_motion, require
from .tallies import motion_result

ALREADY_VOTED = "Đồng chí đã biểu quyết nội dung này; phiếu đã gửi không thể thay đổi."
UNREADABLE = (
    "Không mở được phiếu kín: khóa bí mật của máy chủ (SECRET_KEY) đã đổi mà không giữ khóa cũ "
    "trong SECRET_KEY_FALLBACKS. Phiếu vẫn được giữ nguyên; hãy báo quản trị hệ thống."
)


# A ballot lists at most this many choices (a cell votes on a handful, not a thousand).
MAX_MOTION_OPTIONS = 20
OPTION_MAX_CHARS = 255  # MotionOption.label
QUESTION_MAX_CHARS = 500  # Motion.question


def create_motion(user, meeting, *, question, options, ballot_type, majority_rule):
    options = [o.strip() for o in options if o and o.strip()]
    require(question.strip(), "Hãy nhập nội dung biểu quyết.")
    require(len(options) >= 2, "Cần ít nhất hai phương án.")
    require(len(set(options)) == len(options), "Các phương án không được trùng nhau.")
    require(
        len(options) <= MAX_MOTION_OPTIONS,
        f"Một nội dung biểu quyết có tối đa {MAX_MOTION_OPTIONS} phương án.",
    )
    require(
        all(len(option) <= OPTION_MAX_CHARS for option in options),
        f"Mỗi phương án dài tối đa {OPTION_MAX_CHARS} ký tự.",
    )
    require(
        len(question.strip()) <= QUESTION_MAX_CHARS,
        f"Nội dung biểu quyết dài tối đa {QUESTION_MAX_CHARS} ký tự.",
    )
    with managing_meeting(user, meeting) as meeting:
        require(meeting.status != MeetingStatus.CLOSED, "Buổi sinh hoạt đã kết thúc.")
        motion = Motion.objects.create(
            meeting=meeting,
            question=question.strip(),
            ballot_type=ballot_type,
            majority_rule=majority_rule,
        )
        MotionOption.objects.bulk_create(
            MotionOption(motion=motion, order=i, label=label) for i, label in enumerate(options)
        )
        log(motion, "meetings.motion.create", user=user, data={"meeting": meeting.pk})
    return motion


def open_motion(user, motion):
    with managing_motion(user, motion) as motion:
        require(
            motion.meeting.status == MeetingStatus.OPEN,
            "Chỉ mở biểu quyết khi buổi sinh hoạt đang diễn ra.",
        )
        require(motion.status == MotionStatus.DRAFT, "Biểu quyết này đã được mở trước đó.")
        motion.status = MotionStatus.OPEN
        motion.opened_at = timezone.now()
        motion.save(update_fields=["status", "opened_at"])
        log(motion, "meetings.motion.open", user=user)
    return motion


def _mix_sealed_ballots(motion):
    """Open the motion's envelopes and write the choices as shuffled anonymous ballots.

    Runs in the closing transaction with the motion row locked, so no vote
    comes in between; if anything fails, the envelopes stay for the next try.
    """
    envelopes = list(SealedBallot.objects.filter(motion=motion).values_list("envelope", flat=True))
    try:
        chosen = [sealing.unseal(motion.pk, envelope) for envelope in envelopes]
    except sealing.UnreadableEnvelope as error:
        raise MeetingError(UNREADABLE) from error
    valid = set(motion.options.values_list("pk", flat=True))
    require(set(chosen) <= valid, UNREADABLE)
    secrets.SystemRandom().shuffle(chosen)
    Ballot.objects.bulk_create(
        Ballot(id=uuid.uuid4(), motion=motion, option_id=option_id) for option_id in chosen
    )
    SealedBallot.objects.filter(motion=motion).delete()


def close_locked_motion(user, motion):
    """Close a motion whose row the caller holds locked: freeze the counts, publish the result."""
    meeting = motion.meeting
    motion.status = MotionStatus.CLOSED
    motion.closed_at = timezone.now()
    motion.present_count = meeting.attendances.present().count()
    motion.member_count = meeting.expected_count or meeting.attendances.count()
    motion.save(update_fields=["status", "closed_at", "present_count", "member_count"])
    if motion.is_secret:
        _mix_sealed_ballots(motion)
    log(motion, "meetings.motion.close", user=user, data=motion_result(motion, as_data=True))
    live.bump(meeting.pk)


def close_motion(user, motion):
    with managing_motion(user, motion) as motion:
        require(motion.status == MotionStatus.OPEN, "Biểu quyết này không ở trạng thái đang mở.")
        close_locked_motion(user, motion)
    return motion


def _record(motion, member, option):
    """The receipt and the choice, in the caller's transaction."""
    VoteReceipt.objects.create(motion=motion, member=member)
    if motion.is_secret:
        SealedBallot.objects.create(
            id=uuid.uuid4(), motion=motion, envelope=sealing.seal(motion.pk, option.pk)
        )
        return {}
    Ballot.objects.create(id=uuid.uuid4(), motion=motion, option=option, member=member)
    return {"option": option.label}


def cast_vote(user, motion_id, option_id):
    """Record one vote: a receipt (who) and a ballot or sealed ballot (what), in one transaction.

    Refusals: not a member of the motion's cell (including a guessed id of
    another cell's motion), motion not open, meeting closed, member not
    checked in as present, a second vote, an option of another motion.
    """
    member = Member.objects.for_user(user)
    require(member is not None, NOT_FOUND)
    try:
        with transaction.atomic():
            # Only the motion's row is locked: it orders the votes of one motion
            # against its closing; different motions never wait for each other,
            # and closing the meeting (which holds the meeting's row) cannot
            # deadlock with a vote.
            motion = (
                Motion.objects.select_for_update(of=("self",))
                .select_related("meeting")
                .filter(pk=motion_id, meeting__cell_id=member.cell_id)
                .first()
            )
            require(motion is not None, NOT_FOUND)
            require(
                motion.meeting.status == MeetingStatus.OPEN
                and motion.status != MotionStatus.CLOSED,
                "Biểu quyết đã kết thúc, không nhận thêm phiếu.",
            )
            require(motion.status == MotionStatus.OPEN, "Biểu quyết chưa được mở.")
            require(
                Attendance.objects.present()
                .filter(meeting_id=motion.meeting_id, member=member)
                .exists(),
                "Đồng chí chưa điểm danh có mặt nên chưa thể biểu quyết.",
            )
            option = motion.options.filter(pk=option_id).first()
            require(option is not None, "Phương án không hợp lệ.")
            require(not has_voted(member, motion), ALREADY_VOTED)
            choice = _record(motion, member, option)
            record_change(
                motion,
                "meetings.vote",
                user=user,
                data={"meeting": motion.meeting_id, "member": member.pk, **choice},
            )
            live.bump(motion.meeting_id)
    except IntegrityError as error:
        # Two requests of the same member raced past the check above; the
        # unique constraint let exactly one through.
        raise MeetingError(ALREADY_VOTED) from error


def has_voted(member, motion):
    return VoteReceipt.objects.filter(motion=motion, member=member).exists()
