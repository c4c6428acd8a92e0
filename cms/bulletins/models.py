"""Internal bulletins and monthly cell activity materials (members only)."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from modelcluster.fields import ParentalManyToManyField

from cms.caching.audience import cached_for_audience
from cms.caching.frames import FramedPageMixin
from cms.core.blocks import BaseStreamBlock, documents_in_stream
from cms.core.fields import optional_document
from cms.core.page_types import KnownRestrictionsMixin, SectionIndexPage
from cms.search.index import VietnameseSearchMixin, page_search_fields

from .choices import BulletinKind
from .services import member_cell_type
from .validators import validate_unique_issue


class MembersOnlyMixin:
    """Never served to anonymous visitors, whatever the view restrictions say.

    The section also carries a Wagtail "login" view restriction (so files and
    search follow it); this guard keeps the rule if that restriction is ever
    removed or a section is created without one.
    """

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class BulletinIndexPage(MembersOnlyMixin, SectionIndexPage):
    """Bản tin: members-only listing of bulletins and cell materials."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["bulletins.BulletinPage"]

    class Meta:
        verbose_name = "chuyên mục bản tin"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cell_type = member_cell_type(request.user)
        context.update(
            cached_for_audience(
                request, "bulletins-index", lambda: self._listing(cell_type), self.pk, cell_type
            )
        )
        return context

    def _listing(self, cell_type):
        """Shared by the visitor's audience and cell type until the content changes."""
        bulletins = (
            BulletinPage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .prefetch_related("cell_types")
        )
        return {
            "internal_bulletins": list(bulletins.internal().newest_first()),
            "cell_materials": list(bulletins.cell_material().newest_first()),
            "own_materials": (
                list(bulletins.cell_material().for_cell_type(cell_type).newest_first()[:3])
                if cell_type
                else []
            ),
        }


class BulletinQuerySet(PageQuerySet):
    def cell_material(self):
        return self.filter(kind=BulletinKind.CELL_MATERIAL)

    def internal(self):
        return self.filter(kind=BulletinKind.INTERNAL)

    def for_month(self, year, month):
        return self.filter(year=year, month=month)

    def for_cell_type(self, cell_type):
        if not cell_type:
            return self
        return self.filter(cell_types__code=cell_type)

    def newest_first(self):
        return self.order_by("-year", "-month", "kind", "title")


class BulletinPageForm(WagtailAdminPageForm):
    """Lets the page's ``clean()`` see the ticked cell types.

    A form normally assigns many-to-many choices only after validation, so the
    "one issue per kind, month and cell type" check would see the old ones.
    Assigning a ParentalManyToManyField writes nothing to the database.
    """

    def _post_clean(self):
        if "cell_types" in self.cleaned_data:
            self.instance.cell_types = self.cleaned_data["cell_types"]
        super()._post_clean()


class BulletinPage(
    VietnameseSearchMixin, MembersOnlyMixin, FramedPageMixin, KnownRestrictionsMixin, Page
):
    """One issue of a bulletin, e.g. "Số 03/2024", for one or more cell types."""

    kind = models.CharField(
        "loại bản tin", max_length=16, choices=BulletinKind.choices, default=BulletinKind.INTERNAL
    )
    month = models.PositiveSmallIntegerField(
        "tháng", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    year = models.PositiveSmallIntegerField(
        "năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    cell_types = ParentalManyToManyField(
        "members.CellTypeOption",
        verbose_name="dành cho loại hình chi bộ",
        blank=True,
        help_text="Tài liệu sinh hoạt chi bộ: chọn loại hình chi bộ sử dụng. "
        "Bản tin chung cho mọi chi bộ: để trống.",
    )
    lead = models.TextField("tóm tắt", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="các mục", blank=True)
    pdf = optional_document(
        "bản PDF",
        help_text="Bản in của số bản tin (PDF), chỉ đảng viên đã đăng nhập tải được.",
    )

    objects = PageManager.from_queryset(BulletinQuerySet)()
    base_form_class = BulletinPageForm

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("month"), FieldPanel("year")], heading="Số phát hành"),
        FieldPanel("cell_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("pdf"),
    ]
    search_fields = page_search_fields(search=["lead", "body"], filters=["kind", "year", "month"])
    parent_page_types = ["bulletins.BulletinIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = "bản tin"

    @property
    def issue_label(self):
        return f"Số {self.month:02d}/{self.year}"

    def clean(self):
        super().clean()
        validate_unique_issue(self, self.kind, self.month, self.year, list(self.cell_types.all()))

    search_result_prefetch = ("pdf",)

    def attached_documents(self):
        documents = [self.pdf] if self.pdf_id else []
        return documents + documents_in_stream(self.body)
