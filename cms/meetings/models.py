"""Cell meetings: the schedule, attendance, votes and minutes of a chi bộ.

A meeting belongs to one cell. Members check in, vote and read; the cell's
secretary (or the meeting's chair) runs it; the recorder drafts the minutes
and the chair approves them. Queries live in the querysets below, rules in
``permissions.py`` and every state change goes through ``services.py``.
"""

import math
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from cms.members.choices import OrgLevel

from .choices import (
    AttendanceStatus,
    BallotType,
    MajorityRule,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    MotionStatus,
    QuorumRule,
)


def default_quorum_rule():
    return getattr(settings, "MEETINGS_QUORUM_RULE", QuorumRule.MORE_THAN_HALF)


def more_than_half(n):
    return n // 2 + 1


def two_thirds(n):
    return math.ceil(2 * n / 3)


class MeetingQuerySet(models.QuerySet):
    def for_cell(self, cell):
        return self.filter(cell=cell)

    def in_subtree(self, organization):
        return self.filter(cell__path__startswith=organization.path)

    def upcoming(self, today):
        return self.filter(
            Q(status=MeetingStatus.OPEN) | Q(status=MeetingStatus.SCHEDULED, date__gte=today)
        ).order_by("date", "start_time")

    def held(self):
        return self.exclude(status=MeetingStatus.SCHEDULED)

    def regular(self):
        return self.filter(kind=MeetingKind.REGULAR)

    def in_month(self, year, month):
        return self.filter(date__year=year, date__month=month)


class Meeting(models.Model):
    """One sitting of a cell: regular (monthly), thematic or extraordinary."""

    cell = models.ForeignKey(
        "members.PartyOrganization",
        verbose_name="chi bộ",
        on_delete=models.PROTECT,
        related_name="meetings",
        limit_choices_to={"level": OrgLevel.CELL},
    )
    kind = models.CharField(
        "hình thức", max_length=16, choices=MeetingKind.choices, default=MeetingKind.REGULAR
    )
    topic = models.CharField("chủ đề", max_length=255)
    date = models.DateField("ngày")
    start_time = models.TimeField("giờ bắt đầu")
    place = models.CharField("địa điểm", max_length=255)
    chair = models.ForeignKey(
        "members.Member",
        verbose_name="chủ trì",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorder = models.ForeignKey(
        "members.Member",
        verbose_name="thư ký",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notice = models.TextField(
        "thông báo", blank=True, help_text="Lời nhắn gửi đảng viên trước buổi sinh hoạt."
    )
    materials = models.ManyToManyField(
        "bulletins.BulletinPage", verbose_name="tài liệu", blank=True, related_name="+"
    )
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=MeetingStatus.choices,
        default=MeetingStatus.SCHEDULED,
    )
    quorum_rule = models.CharField(
        "quy tắc hợp lệ", max_length=32, choices=QuorumRule.choices, default=default_quorum_rule
    )
    expected_count = models.PositiveIntegerField(
        "số đảng viên phải dự", null=True, blank=True, editable=False
    )
    opened_at = models.DateTimeField("khai mạc lúc", null=True, blank=True)
    closed_at = models.DateTimeField("bế mạc lúc", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "buổi sinh hoạt chi bộ"
        verbose_name_plural = "buổi sinh hoạt chi bộ"
        ordering = ["-date", "-start_time"]
        indexes = [
            models.Index(fields=["cell", "date"]),
            models.Index(fields=["date", "kind", "status"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y} – {self.cell}"

    @property
    def is_open(self):
        return self.status == MeetingStatus.OPEN

    @property
    def is_closed(self):
        return self.status == MeetingStatus.CLOSED

    def quorum_needed(self, expected):
        if self.quorum_rule == QuorumRule.TWO_THIRDS:
            return two_thirds(expected)
        return more_than_half(expected)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    title = models.CharField("nội dung", max_length=255)
    description = models.TextField("ghi chú", blank=True)
    material = models.ForeignKey(
        "bulletins.BulletinPage",
        verbose_name="tài liệu",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "nội dung sinh hoạt"
        verbose_name_plural = "nội dung sinh hoạt"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    """Điểm danh: one row per member who must attend, created when the meeting opens."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="meeting_attendances"
    )
    status = models.CharField(
        "điểm danh",
        max_length=16,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.PENDING,
    )
    reason = models.CharField("lý do vắng", max_length=255, blank=True)
    checked_in_at = models.DateTimeField("điểm danh lúc", null=True, blank=True)
    self_checked_in = models.BooleanField("tự điểm danh", default=False)

    class Meta:
        verbose_name = "điểm danh"
        verbose_name_plural = "điểm danh"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="meetings_one_attendance")
        ]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self):
        return f"{self.member} – {self.get_status_display()}"


class Motion(models.Model):
    """Một nội dung biểu quyết: a question with options, open or secret."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="motions")
    question = models.CharField("nội dung biểu quyết", max_length=500)
    ballot_type = models.CharField(
        "hình thức", max_length=8, choices=BallotType.choices, default=BallotType.OPEN
    )
    majority_rule = models.CharField(
        "quy tắc thông qua",
        max_length=24,
        choices=MajorityRule.choices,
        default=MajorityRule.PRESENT_MAJORITY,
    )
    status = models.CharField(
        "trạng thái", max_length=8, choices=MotionStatus.choices, default=MotionStatus.DRAFT
    )
    present_count = models.PositiveIntegerField("số có mặt khi kết thúc", null=True, blank=True)
    member_count = models.PositiveIntegerField("tổng số đảng viên", null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "biểu quyết"
        verbose_name_plural = "biểu quyết"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.question

    @property
    def is_secret(self):
        return self.ballot_type == BallotType.SECRET

    @property
    def is_open(self):
        return self.status == MotionStatus.OPEN

    @property
    def is_closed(self):
        return self.status == MotionStatus.CLOSED

    def threshold(self, present, members):
        if self.majority_rule == MajorityRule.MEMBERS_MAJORITY:
            return more_than_half(members)
        if self.majority_rule == MajorityRule.TWO_THIRDS:
            return two_thirds(present)
        return more_than_half(present)


class MotionOption(models.Model):
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField("phương án", max_length=255)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class VoteReceipt(models.Model):
    """THAT a member voted on a motion (never what they chose in a secret ballot).

    The unique constraint is what makes "one vote per member" hold under
    concurrency: the second insert fails in the database.
    """

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    voted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "xác nhận đã biểu quyết"
        verbose_name_plural = "xác nhận đã biểu quyết"
        constraints = [
            models.UniqueConstraint(fields=["motion", "member"], name="meetings_one_receipt")
        ]

    def __str__(self):
        return f"{self.member} đã biểu quyết: {self.motion}"


class Ballot(models.Model):
    """The choice. For a secret ballot ``member`` is empty and nothing else links it to a voter.

    The key is a random UUID and there is no timestamp, so neither the id
    order nor a time can be matched with the receipts' order.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="ballots")
    option = models.ForeignKey(MotionOption, on_delete=models.PROTECT, related_name="ballots")
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sealed = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = "phiếu biểu quyết"
        verbose_name_plural = "phiếu biểu quyết"
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "member"],
                condition=Q(member__isnull=False),
                name="meetings_one_open_ballot",
            )
        ]

    def __str__(self):
        return f"Phiếu: {self.option}"


class MinutesQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MinutesStatus.APPROVED)


class ImmutableMinutesError(Exception):
    pass


class Minutes(models.Model):
    """Biên bản sinh hoạt chi bộ, one row per version.

    Version 1 is the draft the recorder writes; once the chair approves it
    it never changes. A correction is a new version (with its reason) that
    goes through the same approval; the older versions stay as history.
    ``lock_version`` is checked in every UPDATE so that of two people saving
    the same draft, the second is told instead of overwriting the first.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="minutes_versions")
    number = models.PositiveSmallIntegerField("phiên bản", default=1)
    status = models.CharField(
        "trạng thái", max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    items = models.JSONField("nội dung theo từng vấn đề", default=list, blank=True)
    general_opinions = models.TextField("ý kiến phát biểu khác", blank=True)
    conclusion = models.TextField("kết luận của chủ trì", blank=True)
    end_time = models.TimeField("kết thúc lúc", null=True, blank=True)
    facts = models.JSONField(
        "số liệu tự động", default=dict, blank=True, help_text="Chốt khi biên bản được thông qua."
    )
    correction_reason = models.TextField("lý do đính chính", blank=True)
    lock_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = "biên bản"
        verbose_name_plural = "biên bản"
        ordering = ["meeting", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="meetings_minutes_version")
        ]

    def __str__(self):
        return f"Biên bản {self.meeting} (phiên bản {self.number})"

    @property
    def is_approved(self):
        return self.status == MinutesStatus.APPROVED

    def save(self, *args, **kwargs):
        if (
            self.pk
            and type(self).objects.filter(pk=self.pk, status=MinutesStatus.APPROVED).exists()
        ):
            raise ImmutableMinutesError("Biên bản đã được thông qua, không thể sửa.")
        super().save(*args, **kwargs)


class SupervisionScope(models.Model):
    """A superior committee's officer who may read the meetings and minutes of a subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_scopes"
    )
    organization = models.ForeignKey(
        "members.PartyOrganization",
        verbose_name="tổ chức đảng",
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = "phạm vi theo dõi sinh hoạt chi bộ"
        verbose_name_plural = "phạm vi theo dõi sinh hoạt chi bộ"
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="meetings_one_scope")
        ]

    def __str__(self):
        return f"{self.user} – {self.organization}"
