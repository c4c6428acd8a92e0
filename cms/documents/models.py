"""Official documents (văn bản) of the party organisation."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.fields import ParentalKey

from cms.caching.audience import cached_for_audience
from cms.caching.frames import FramedPageMixin
from cms.core.page_types import KnownRestrictionsMixin, SectionIndexPage
from cms.core.pages import others_in_same_language
from cms.core.visibility import visible_to
from cms.search.index import VietnameseSearchMixin, page_search_fields

from .validators import (
    duplicate_number_message,
    normalize_document_number,
    validate_document_number,
)


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


SORT_ORDERS = {
    "moi-nhat": ("-issue_date", "-pk"),
    "cu-nhat": ("issue_date", "pk"),
}


class OfficialDocumentQuerySet(PageQuerySet):
    def in_force(self):
        return self.filter(in_force=True)

    def of_type(self, doc_type):
        return self.filter(doc_type=doc_type) if doc_type else self

    def issued_by(self, issuer):
        return self.filter(issuer=issuer) if issuer else self

    def issued_in(self, year):
        return self.filter(issue_date__year=year) if year else self

    def sorted_by(self, key):
        return self.order_by(*SORT_ORDERS.get(key, SORT_ORDERS["moi-nhat"]))

    def same_number(self, number, issuer):
        return self.filter(number=number, issuer=issuer)


class DocumentIndexPage(SectionIndexPage):
    """Văn bản: lists official documents, filtered by type, issuing body and year."""

    # An index may hold a section per subordinate committee (editorial scopes).
    parent_page_types = ["home.HomePage", "documents.DocumentIndexPage"]
    subpage_types = ["documents.OfficialDocumentPage", "documents.DocumentIndexPage"]

    class Meta:
        verbose_name = "chuyên mục văn bản"

    def documents(self, user=None):
        return visible_to(OfficialDocumentPage.objects.descendant_of(self).live(), user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        doc_type = request.GET.get("loai", "")
        if doc_type not in DocumentType.values:
            doc_type = ""
        issuer = request.GET.get("co-quan", "").strip()
        year = request.GET.get("nam", "")
        year = int(year) if year.isdigit() else None
        sort = request.GET.get("sap-xep", "moi-nhat")
        if sort not in SORT_ORDERS:
            sort = "moi-nhat"
        context.update(
            cached_for_audience(
                request,
                "documents-index",
                lambda: self._listing(request.user, doc_type, issuer, year, sort),
                self.pk,
                doc_type,
                issuer,
                year,
                sort,
            )
        )
        context.update(
            {
                "doc_types": DocumentType.choices,
                "sort_orders": [("moi-nhat", "Mới nhất trước"), ("cu-nhat", "Cũ nhất trước")],
                "selected": {"loai": doc_type, "co_quan": issuer, "nam": year, "sap_xep": sort},
            }
        )
        return context

    def _listing(self, user, doc_type, issuer, year, sort):
        """Shared by the visitor's audience until the content changes."""
        available = self.documents(user)
        return {
            "documents": list(
                available.of_type(doc_type)
                .issued_by(issuer)
                .issued_in(year)
                .sorted_by(sort)
                .defer_streamfields()
            ),
            "issuers": sorted(set(available.values_list("issuer", flat=True))),
            "years": sorted(
                {d.year for d in available.values_list("issue_date", flat=True)}, reverse=True
            ),
            "sections": list(DocumentIndexPage.objects.child_of(self).live().public()),
        }


class OfficialDocumentAttachment(Orderable):
    """A file attached to an official document (the signed scan, appendices…)."""

    page = ParentalKey(
        "documents.OfficialDocumentPage", related_name="attachments", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name="tệp",
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        "tên hiển thị", max_length=255, blank=True, help_text="Để trống: dùng tên của tệp."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    @property
    def display_title(self):
        return self.title or self.document.title


class OfficialDocumentPage(VietnameseSearchMixin, FramedPageMixin, KnownRestrictionsMixin, Page):
    """One official document: its number, issuer, dates, validity, text and files."""

    number = models.CharField(
        "số, ký hiệu",
        max_length=64,
        validators=[validate_document_number],
        help_text="Ví dụ: 04-ĐA/TU, 12-NQ/TW, 35-HD/BTCTW. Số và cơ quan ban hành không được trùng.",
    )
    doc_type = models.CharField("loại văn bản", max_length=32, choices=DocumentType.choices)
    issuer = models.CharField("cơ quan ban hành", max_length=255, default="Tỉnh ủy Đồng Nai")
    issue_date = models.DateField("ngày ban hành")
    effective_date = models.DateField("ngày hiệu lực", null=True, blank=True)
    signer = models.CharField("người ký", max_length=255, blank=True)
    summary = models.TextField("trích yếu", blank=True)
    body = RichTextField("nội dung", blank=True)
    in_force = models.BooleanField("còn hiệu lực", default=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name="được thay thế bởi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text="Chỉ chọn khi văn bản này đã hết hiệu lực.",
    )

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
            ],
            heading="Thông tin văn bản",
        ),
        MultiFieldPanel(
            [
                FieldPanel("in_force", widget=forms.CheckboxInput),
                PageChooserPanel("replaced_by", "documents.OfficialDocumentPage"),
            ],
            heading="Hiệu lực",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading="Tệp đính kèm", label="tệp"),
    ]
    search_fields = page_search_fields(
        search=["number", "summary", "body", "issuer", "signer"],
        filters=["doc_type", "issuer", "issue_date", "in_force"],
        extra=[index.AutocompleteField("number")],
    )
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = "văn bản"

    def clean(self):
        super().clean()
        errors = {}
        self.number = normalize_document_number(self.number)
        self.issuer = " ".join((self.issuer or "").split())
        if self.number and self.issuer:
            other = self.numbering_conflict()
            if other is not None:
                errors["number"] = duplicate_number_message(self.number, self.issuer, other)
        if self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            errors["effective_date"] = "Ngày hiệu lực không thể trước ngày ban hành."
        if self.replaced_by_id:
            if self.pk and self.replaced_by_id == self.pk:
                errors["replaced_by"] = "Văn bản không thể thay thế chính nó."
            elif self.in_force:
                errors["replaced_by"] = (
                    "Văn bản còn hiệu lực thì không có văn bản thay thế: bỏ chọn “còn hiệu lực” "
                    "hoặc bỏ văn bản thay thế."
                )
        if errors:
            raise ValidationError(errors)

    def numbering_conflict(self):
        """Another document (same language) with this number and issuer, if any."""
        others = OfficialDocumentPage.objects.same_number(self.number, self.issuer)
        return others_in_same_language(others, self).first()

    # Read with the page's text (search snippets); prefetched for a page of results.
    search_result_prefetch = ("attachments__document",)

    def attached_documents(self):
        return [a.document for a in self.attachments.all() if a.document_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["replacement"] = (
            self.replaced_by if self.replaced_by and self.replaced_by.live else None
        )
        context["replaced_documents"] = self.replaces.live()
        context["study_pages"] = visible_to(self.study_pages.live(), request.user)
        return context
