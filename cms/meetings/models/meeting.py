"""The meeting itself: schedule, agenda, attendance and quorum; who supervises a subtree."""

import math

from django.conf import settings
from django.db import models
from django.db.models import Count, Q

from cms.core.fields import by_user
from cms.members.choices import OrgLevel

from ..choices import AttendanceStatus, MeetingKind, MeetingStatus, QuorumRule


def _cell_member(label):
    """A meeting role (chair, recorder) held by one of the cell's members."""
    return models.ForeignKey(
        "members.Member",
        verbose_name=label,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
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
    chair = _cell_member("chủ trì")
    recorder = _cell_member("thư ký")
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
    created_by = by_user(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "buổi sinh hoạt chi bộ"
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

    def attendance_counts(self):
        return self.attendances.status_counts()

    def quorum(self, counts=None):
        """The one quorum rule: enough of the members who must attend are present.

        Before the meeting opens nobody is expected yet; ``expected_count`` is the
        snapshot taken at opening, so members who join or leave later change nothing.
        """
        counts = counts if counts is not None else self.attendance_counts()
        expected = self.expected_count or sum(counts.values())
        needed = self.quorum_needed(expected)
        present = counts[AttendanceStatus.PRESENT]
        return {
            "expected": expected,
            "present": present,
            "needed": needed,
            "met": expected > 0 and present >= needed,
            "counts": counts,
        }


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
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "nội dung sinh hoạt"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class AttendanceQuerySet(models.QuerySet):
    def present(self):
        return self.filter(status=AttendanceStatus.PRESENT)

    def status_counts(self):
        """How many rows have each status, every status named (zeros included)."""
        counts = dict(self.values_list("status").annotate(n=Count("pk")).order_by())
        return {status: counts.get(status, 0) for status in AttendanceStatus.values}


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

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "điểm danh"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="meetings_one_attendance")
        ]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self):
        return f"{self.member} – {self.get_status_display()}"


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
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "phạm vi theo dõi sinh hoạt chi bộ"
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="meetings_one_scope")
        ]

    def __str__(self):
        return f"{self.user} – {self.organization}"
