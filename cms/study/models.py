"""What members are asked to study, and what they did with it.

A study item is a page (a resolution study page, a monthly cell material or
an internal bulletin). ``StudyAssignment`` says who must study it and by
when; ``StudyRead``, ``QuizAttempt`` and ``LearningSummary`` record, one
member and item at a time, what happened. Reports aggregate these rows by the
tree path of the member's cell (see ``reach.py``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from cms.core.fields import by_user
from cms.members.models import PartyOrganization
from cms.resolutions.models import Audience

from .choices import NotificationKind, SummaryStatus

# Hỏi đáp has its own module; named here so Django and callers find the models.
from .question_models import QUESTION_MAX_LENGTH, PublishedQuestion, Question  # noqa: F401

SUMMARY_MAX_LENGTH = 5000
STUDY_PAGE_TYPES = ["resolutions.ResolutionStudyPage", "bulletins.BulletinPage"]


def unit_paths(cell):
    """Tree paths of ``cell`` and every unit above it."""
    step = cell.steplen
    return [cell.path[:i] for i in range(step, len(cell.path) + 1, step)]


class StudyAssignmentQuerySet(models.QuerySet):
    def for_member(self, member):
        """Assignments meant for ``member``: everyone, their cell type, or a unit above them."""
        if member is None:
            return self.none()
        cell = member.cell
        return (
            self.filter(
                Q(audience=Audience.ALL)
                | Q(audience=Audience.CELL_TYPES, cell_types__code=cell.cell_type)
                | Q(audience=Audience.UNITS, units__path__in=unit_paths(cell))
            )
            .distinct()
            .select_related("page")
        )

    def live(self):
        return self.filter(page__live=True)


class StudyAssignmentForm(WagtailAdminModelForm):
    """Asks for the cell types or units the chosen audience needs."""

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if audience == Audience.CELL_TYPES and not data.get("cell_types"):
            self.add_error("cell_types", "Hãy chọn ít nhất một loại hình chi bộ cần học tập.")
        if audience == Audience.UNITS and not data.get("units"):
            self.add_error("units", "Hãy chọn ít nhất một đơn vị cần học tập.")
        return data


class StudyAssignment(models.Model):
    """A page members must study: for everyone, some cell types or some units, by a deadline."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="tài liệu cần học tập",
        on_delete=models.CASCADE,
        related_name="study_assignments",
        help_text="Trang học tập nghị quyết, tài liệu sinh hoạt chi bộ hoặc bản tin nội bộ.",
    )
    audience = models.CharField(
        "đối tượng", max_length=16, choices=Audience.choices, default=Audience.ALL
    )
    cell_types = models.ManyToManyField(
        "members.CellTypeOption",
        verbose_name="các loại hình chi bộ",
        blank=True,
        related_name="+",
    )
    units = models.ManyToManyField(
        PartyOrganization,
        verbose_name="các đơn vị",
        blank=True,
        related_name="+",
        help_text="Đảng viên của đơn vị được chọn và mọi đơn vị trực thuộc.",
    )
    deadline = models.DateField("hạn hoàn thành")
    assigned_on = models.DateField("ngày giao", default=timezone.localdate)

    objects = StudyAssignmentQuerySet.as_manager()
    base_form_class = StudyAssignmentForm

    panels = [
        PageChooserPanel("page", STUDY_PAGE_TYPES),
        FieldPanel("audience"),
        FieldPanel("cell_types"),
        FieldPanel("units"),
        FieldPanel("deadline"),
        FieldPanel("assigned_on"),
    ]

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = "giao học tập"
        verbose_name_plural = "giao học tập"
        permissions = [("view_reach", "Xem báo cáo học tập của toàn Đảng bộ tỉnh")]

    def __str__(self):
        return f"{self.page.title} (hạn {self.deadline:%d/%m/%Y})"

    def member_q(self, prefix=""):
        """A filter on members (or on rows whose ``prefix`` leads to a member) this assignment names."""
        if self.audience == Audience.CELL_TYPES:
            codes = [c.code for c in self.cell_types.all()]
            return Q(**{f"{prefix}cell__cell_type__in": codes})
        if self.audience == Audience.UNITS:
            q = Q(pk__in=[])
            for unit in self.units.all():
                q |= Q(**{f"{prefix}cell__path__startswith": unit.path})
            return q
        return Q()


class StudyRead(models.Model):
    """A member opened an item (written once, the first time)."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="study_reads"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField("lần đầu đọc", default=timezone.now)

    class Meta:
        verbose_name = "lượt đọc tài liệu"
        verbose_name_plural = "lượt đọc tài liệu"
        constraints = [models.UniqueConstraint(fields=["page", "member"], name="unique_study_read")]

    def __str__(self):
        return f"{self.member_id} đã đọc {self.page_id}"


class QuizAttemptQuerySet(models.QuerySet):
    def best_for(self, member, page):
        return self.filter(member=member, page=page).order_by("-correct", "submitted_at").first()


class QuizAttempt(models.Model):
    """One submitted self-check quiz; every attempt is kept, the best one counts."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    page = models.ForeignKey(
        "resolutions.ResolutionStudyPage", on_delete=models.CASCADE, related_name="+"
    )
    answers = models.JSONField("các lựa chọn", default=dict)
    correct = models.PositiveSmallIntegerField("số câu đúng")
    total = models.PositiveSmallIntegerField("số câu hỏi")
    passed = models.BooleanField("đạt", default=False)
    submitted_at = models.DateTimeField("thời điểm nộp", default=timezone.now)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "lượt làm bài tự kiểm tra"
        verbose_name_plural = "lượt làm bài tự kiểm tra"
        indexes = [models.Index(fields=["page", "member", "passed"])]

    def __str__(self):
        return f"{self.member_id}: {self.correct}/{self.total}"

    @property
    def percent(self):
        return round(100 * self.correct / self.total) if self.total else 0


class LearningSummaryQuerySet(models.QuerySet):
    def for_cell(self, cell):
        return self.filter(member__cell=cell)

    def awaiting_review(self):
        return self.filter(status=SummaryStatus.SUBMITTED)

    def sent(self):
        return self.exclude(status=SummaryStatus.DRAFT)


class LearningSummary(models.Model):
    """Bài thu hoạch: a member's written summary of a resolution, reviewed by the cell secretary."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="learning_summaries"
    )
    page = models.ForeignKey(
        "resolutions.ResolutionStudyPage", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField("nội dung", max_length=SUMMARY_MAX_LENGTH, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=SummaryStatus.choices, default=SummaryStatus.DRAFT
    )
    updated_at = models.DateTimeField("lưu lần cuối", default=timezone.now)
    submitted_at = models.DateTimeField("ngày gửi", null=True, blank=True)
    reviewed_at = models.DateTimeField("ngày nhận xét", null=True, blank=True)
    reviewer = by_user(verbose_name="người nhận xét", blank=True)
    comment = models.TextField("nhận xét của bí thư", blank=True)

    objects = LearningSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = "bài thu hoạch"
        verbose_name_plural = "bài thu hoạch"
        constraints = [
            models.UniqueConstraint(fields=["page", "member"], name="unique_learning_summary")
        ]

    def __str__(self):
        return f"Bài thu hoạch của {self.member.full_name}: {self.page.title}"

    @property
    def is_draft(self):
        return self.status == SummaryStatus.DRAFT


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Thông báo: one message in a person's inbox on the site (no push service)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_notifications"
    )
    kind = models.CharField("loại", max_length=16, choices=NotificationKind.choices)
    title = models.CharField("nội dung", max_length=255)
    link = models.CharField("đường dẫn", max_length=500, blank=True)
    created_at = models.DateTimeField("thời điểm", default=timezone.now)
    read_at = models.DateTimeField("đã xem lúc", null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title


class Bookmark(models.Model):
    """Đọc sau: a page a person saved to read later, listed in their study space."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_bookmarks"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField("lưu lúc", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "đọc sau"
        verbose_name_plural = "đọc sau"
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="unique_bookmark")]

    def __str__(self):
        return f"{self.user_id} → {self.page_id}"
