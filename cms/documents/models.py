"""Official documents (văn bản) of the party organisation."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.search.index import VietnameseSearchMixin


class DocumentType(models.TextChoices):
    RESOLUTION = "nghi_quyet", "Nghị quyết"
    DIRECTIVE = "chi_thi", "Chỉ thị"
    CONCLUSION = "ket_luan", "Kết luận"
    REGULATION = "quy_dinh", "Quy định"
    RULES = "quy_che", "Quy chế"
    GUIDANCE = "huong_dan", "Hướng dẫn"
    NOTICE = "thong_bao", "Thông báo"
    SCHEME = "de_an", "Đề án"
    PLAN = "ke_hoach", "Kế hoạch"
    REPORT = "bao_cao", "Báo cáo"
    DECISION = "quyet_dinh", "Quyết định"


class DocumentIndexPage(Page):
    """Văn bản: lists official documents."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # An index may hold a section per subordinate committee (editorial scopes).
    parent_page_types = ["home.HomePage", "documents.DocumentIndexPage"]
    subpage_types = ["documents.OfficialDocumentPage", "documents.DocumentIndexPage"]

    class Meta:
        verbose_name = "chuyên mục văn bản"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = (
            OfficialDocumentPage.objects.descendant_of(self).live().order_by("-issue_date", "-pk")
        )
        return context


class OfficialDocumentQuerySet(PageQuerySet):
    def in_force(self):
        return self.filter(in_force=True)


class OfficialDocumentPage(VietnameseSearchMixin, Page):
    """One official document: its number, issuer, dates and text."""

    number = models.CharField("số, ký hiệu", max_length=64, help_text="Ví dụ: 04-ĐA/TU")
    doc_type = models.CharField("loại văn bản", max_length=32, choices=DocumentType.choices)
    issuer = models.CharField("cơ quan ban hành", max_length=255, default="Tỉnh ủy Đồng Nai")
    issue_date = models.DateField("ngày ban hành")
    effective_date = models.DateField("ngày hiệu lực", null=True, blank=True)
    signer = models.CharField("người ký", max_length=255, blank=True)
    summary = models.TextField("trích yếu", blank=True)
    body = RichTextField("nội dung", blank=True)
    in_force = models.BooleanField("còn hiệu lực", default=True)

    objects = PageManager.from_queryset(OfficialDocumentQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("doc_type"),
                FieldPanel("issuer"),
                FieldPanel("issue_date"),
                FieldPanel("effective_date"),
                FieldPanel("signer"),
                FieldPanel("in_force"),
            ],
            heading="Thông tin văn bản",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("issuer"),
        index.FilterField("issuer"),
        index.FilterField("doc_type"),
        index.FilterField("issue_date"),
    ]
    search_fields += VietnameseSearchMixin.folded_search_fields
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
