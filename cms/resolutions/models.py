"""Resolution study pages (học tập nghị quyết)."""

from django.db import models
from django.db.models import Q

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.home.blocks import BaseStreamBlock
from cms.search.index import VietnameseSearchMixin


class ResolutionIndexPage(Page):
    """Học tập nghị quyết: the resolutions members are studying."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resolutions.ResolutionStudyPage"]

    class Meta:
        verbose_name = "chuyên mục học tập nghị quyết"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resolutions"] = (
            ResolutionStudyPage.objects.child_of(self).live().order_by("-study_deadline", "-pk")
        )
        return context


class ResolutionStudyQuerySet(PageQuerySet):
    def studying(self, today):
        """Resolutions whose study period is still open on ``today``."""
        return self.filter(Q(study_deadline__isnull=True) | Q(study_deadline__gte=today)).order_by(
            "study_deadline"
        )


class ResolutionStudyPage(VietnameseSearchMixin, Page):
    """Study materials for one resolution, linked to its official document."""

    document = models.ForeignKey(
        "documents.OfficialDocumentPage",
        verbose_name="văn bản nghị quyết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_pages",
    )
    summary = models.TextField("tóm tắt", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="tài liệu học tập", blank=True)
    study_deadline = models.DateField("hạn hoàn thành học tập", null=True, blank=True)

    objects = PageManager.from_queryset(ResolutionStudyQuerySet)()

    content_panels = Page.content_panels + [
        PageChooserPanel("document", "documents.OfficialDocumentPage"),
        FieldPanel("summary"),
        FieldPanel("study_deadline"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    search_fields += VietnameseSearchMixin.folded_search_fields
    parent_page_types = ["resolutions.ResolutionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "trang học tập nghị quyết"
        verbose_name_plural = "trang học tập nghị quyết"
