"""Internal bulletins and monthly cell activity materials (members only)."""

from django import forms
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from cms.home.blocks import BaseStreamBlock
from cms.search.index import VietnameseSearchMixin


class BulletinKind(models.TextChoices):
    INTERNAL = "internal", "Bản tin thông báo nội bộ"
    CELL_MATERIAL = "cell_material", "Tài liệu sinh hoạt chi bộ"


class BulletinIndexPage(Page):
    """Bản tin: members-only listing of bulletins and cell materials."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["bulletins.BulletinPage"]

    class Meta:
        verbose_name = "chuyên mục bản tin"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bulletins"] = (
            BulletinPage.objects.child_of(self).live().order_by("-year", "-month", "kind")
        )
        return context


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


class BulletinPage(VietnameseSearchMixin, Page):
    """One issue of a bulletin, e.g. "Số 03/2024", for one or more cell types."""

    kind = models.CharField(
        "loại bản tin", max_length=16, choices=BulletinKind.choices, default=BulletinKind.INTERNAL
    )
    month = models.PositiveSmallIntegerField("tháng")
    year = models.PositiveSmallIntegerField("năm")
    cell_types = ParentalManyToManyField(
        "members.CellTypeOption", verbose_name="dành cho loại hình chi bộ", blank=True
    )
    lead = models.TextField("tóm tắt", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="các mục", blank=True)

    objects = PageManager.from_queryset(BulletinQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("month"), FieldPanel("year")], heading="Số phát hành"),
        FieldPanel("cell_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    search_fields += VietnameseSearchMixin.folded_search_fields
    parent_page_types = ["bulletins.BulletinIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "bản tin"
        verbose_name_plural = "bản tin"

    @property
    def issue_label(self):
        return f"Số {self.month:02d}/{self.year}"
