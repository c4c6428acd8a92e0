"""Resolution study pages (học tập nghị quyết)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from modelcluster.fields import ParentalManyToManyField

from cms.caching.audience import cached_for_audience
from cms.core.blocks import BaseStreamBlock, documents_in_stream
from cms.core.fields import optional_document
from cms.core.page_types import KnownRestrictionsMixin, SectionIndexPage
from cms.core.visibility import visible_to
from cms.members.models import Member
from cms.search.index import VietnameseSearchMixin, page_search_fields

from .blocks import KeyPointsBlock, QuestionsBlock, QuizBlock


class Audience(models.TextChoices):
    ALL = "all", "Toàn thể đảng viên"
    CELL_TYPES = "cell_types", "Một số loại hình chi bộ"
    UNITS = "units", "Một số đơn vị"


class ResolutionIndexPage(SectionIndexPage):
    """Học tập nghị quyết: the resolutions members are studying."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resolutions.ResolutionStudyPage"]

    class Meta:
        verbose_name = "chuyên mục học tập nghị quyết"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        member = Member.objects.for_user(request.user)
        context.update(
            cached_for_audience(
                request,
                "resolutions-index",
                lambda: self._listing(request.user, member),
                self.pk,
                member.cell_id if member else "-",
            )
        )
        return context

    def _listing(self, user, member):
        """Shared by the visitor's audience and cell until the content changes."""
        pages = visible_to(
            ResolutionStudyPage.objects.child_of(self).live().defer_streamfields(), user
        )
        today = timezone.localdate()
        return {
            "resolutions": list(pages.studying(today)),
            "closed_resolutions": list(
                pages.filter(study_deadline__lt=today).order_by("-study_deadline")
            ),
            "own_resolution_ids": (
                set(pages.for_member(member).values_list("pk", flat=True)) if member else set()
            ),
        }


class ResolutionStudyQuerySet(PageQuerySet):
    def studying(self, today):
        """Resolutions whose study period is still open on ``today``."""
        return self.filter(Q(study_deadline__isnull=True) | Q(study_deadline__gte=today)).order_by(
            "study_deadline", "pk"
        )

    def for_member(self, member):
        """Resolutions meant for ``member``: for everyone, their cell type or a unit above them.

        Without a member (anonymous visitors, staff accounts) only resolutions for
        all members.
        """
        everyone = Q(audience=Audience.ALL)
        if member is None:
            return self.filter(everyone)
        cell = member.cell
        unit_paths = [cell.path[:i] for i in range(cell.steplen, len(cell.path) + 1, cell.steplen)]
        return self.filter(
            everyone
            | Q(audience=Audience.CELL_TYPES, audience_cell_types__code=cell.cell_type)
            | Q(audience=Audience.UNITS, audience_units__path__in=unit_paths)
        ).distinct()


class ResolutionStudyPageForm(WagtailAdminPageForm):
    """Lets the page's ``clean()`` see the ticked audience (see BulletinPageForm)."""

    def _post_clean(self):
        for name in ("audience_cell_types", "audience_units"):
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()


class ResolutionStudyPage(VietnameseSearchMixin, KnownRestrictionsMixin, Page):
    """Study materials for one resolution, linked to its official document.

    Each page is one thing to study: a later issue records who studied it
    (a StudyRecord per member and page), so the page has a stable id, a
    deadline and an audience that ``is_for(member)`` answers.
    """

    document = models.ForeignKey(
        "documents.OfficialDocumentPage",
        verbose_name="văn bản nghị quyết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_pages",
    )
    summary = models.TextField("tóm tắt", blank=True)
    key_points = StreamField(KeyPointsBlock(), verbose_name="những điểm cốt lõi", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="tài liệu học tập", blank=True)
    questions = StreamField(QuestionsBlock(), verbose_name="hỏi – đáp", blank=True)
    slides = optional_document("bài trình chiếu (PDF, PPTX)")
    audio = optional_document("bài giảng âm thanh (MP3)")
    audio_transcript = models.TextField(
        "bản ghi lời bài giảng âm thanh",
        blank=True,
        help_text="Toàn văn lời giảng, cho đảng viên không nghe được hoặc mạng yếu.",
    )
    video = optional_document("video bài giảng (MP4)")
    video_transcript = models.TextField("bản ghi lời video", blank=True)
    study_deadline = models.DateField("hạn hoàn thành học tập", null=True, blank=True)
    audience = models.CharField(
        "đối tượng học tập", max_length=16, choices=Audience.choices, default=Audience.ALL
    )
    audience_cell_types = ParentalManyToManyField(
        "members.CellTypeOption",
        verbose_name="các loại hình chi bộ",
        blank=True,
        related_name="+",
    )
    audience_units = ParentalManyToManyField(
        "members.PartyOrganization",
        verbose_name="các đơn vị",
        blank=True,
        related_name="+",
        help_text="Đảng viên của đơn vị được chọn và mọi đơn vị trực thuộc.",
    )
    quiz = StreamField(
        QuizBlock(),
        verbose_name="bài tự kiểm tra",
        blank=True,
        help_text="Câu hỏi trắc nghiệm để đảng viên tự kiểm tra sau khi học.",
    )
    quiz_pass_mark = models.PositiveSmallIntegerField(
        "điểm đạt (%)",
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Tỷ lệ câu trả lời đúng tối thiểu để đạt, tính theo phần trăm.",
    )
    asks_for_summary = models.BooleanField(
        "yêu cầu viết bài thu hoạch",
        default=False,
        help_text="Đảng viên viết bài thu hoạch trên hệ thống, gửi bí thư chi bộ nhận xét.",
    )

    objects = PageManager.from_queryset(ResolutionStudyQuerySet)()
    base_form_class = ResolutionStudyPageForm

    content_panels = Page.content_panels + [
        PageChooserPanel("document", "documents.OfficialDocumentPage"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("study_deadline"),
                FieldPanel("audience"),
                FieldPanel("audience_cell_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience_units"),
            ],
            heading="Thời hạn và đối tượng",
        ),
        FieldPanel("key_points"),
        FieldPanel("body"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [FieldPanel("quiz"), FieldPanel("quiz_pass_mark"), FieldPanel("asks_for_summary")],
            heading="Tự kiểm tra và thu hoạch",
        ),
        MultiFieldPanel(
            [
                FieldPanel("slides"),
                FieldPanel("audio"),
                FieldPanel("audio_transcript"),
                FieldPanel("video"),
                FieldPanel("video_transcript"),
            ],
            heading="Bài giảng",
        ),
    ]
    search_fields = page_search_fields(
        search=[
            "summary",
            "key_points",
            "body",
            "questions",
            "audio_transcript",
            "video_transcript",
        ],
        filters=["study_deadline", "audience"],
    )
    parent_page_types = ["resolutions.ResolutionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = "trang học tập nghị quyết"

    def clean(self):
        super().clean()
        if self.audience == Audience.CELL_TYPES and not self.audience_cell_types.all():
            raise ValidationError(
                {"audience_cell_types": "Hãy chọn ít nhất một loại hình chi bộ cần học tập."}
            )
        if self.audience == Audience.UNITS and not self.audience_units.all():
            raise ValidationError({"audience_units": "Hãy chọn ít nhất một đơn vị cần học tập."})

    def is_for(self, member):
        return ResolutionStudyPage.objects.filter(pk=self.pk).for_member(member).exists()

    def audience_label(self):
        if self.audience == Audience.CELL_TYPES:
            names = ", ".join(c.name.lower() for c in self.audience_cell_types.all())
            return f"Chi bộ {names}"
        if self.audience == Audience.UNITS:
            return ", ".join(u.name for u in self.audience_units.all())
        return Audience.ALL.label

    def attached_documents(self):
        documents = [d for d in (self.slides, self.audio, self.video) if d is not None]
        return documents + documents_in_stream(self.body)
