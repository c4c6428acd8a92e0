"""The home page, site-wide settings and the visit counters' durable store."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """The names shown in every page's header (editable in Cài đặt)."""

    site_name = models.CharField("tên trang", max_length=120, default="Sổ tay đảng viên điện tử")
    owner_name = models.CharField(
        "đơn vị chủ quản", max_length=120, default="Đảng bộ tỉnh Đồng Nai"
    )
    footer_text = models.TextField(
        "chân trang",
        blank=True,
        default="Cơ quan chủ quản: Tỉnh ủy Đồng Nai. Ban Biên tập Sổ tay đảng viên điện tử.",
    )

    # What the English site (/en/) shows; empty falls back to the Vietnamese.
    site_name_en = models.CharField(
        "tên trang (tiếng Anh)",
        max_length=120,
        blank=True,
        default="Electronic Party Member Handbook",
    )
    owner_name_en = models.CharField(
        "đơn vị chủ quản (tiếng Anh)",
        max_length=120,
        blank=True,
        default="Đồng Nai Provincial Party Organisation",
    )
    footer_text_en = models.TextField(
        "chân trang (tiếng Anh)",
        blank=True,
        default=(
            "Governing body: Đồng Nai Provincial Party Committee. "
            "Editorial Board of the Electronic Party Member Handbook."
        ),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("owner_name"),
        FieldPanel("footer_text"),
        FieldPanel("site_name_en"),
        FieldPanel("owner_name_en"),
        FieldPanel("footer_text_en"),
    ]

    class Meta:
        verbose_name = "nhận diện trang"

    def _in_language(self, name):
        if get_language() == "en":
            return getattr(self, f"{name}_en") or getattr(self, name)
        return getattr(self, name)

    @property
    def display_site_name(self):
        return self._in_language("site_name")

    @property
    def display_owner_name(self):
        return self._in_language("owner_name")

    @property
    def display_footer_text(self):
        return self._in_language("footer_text")


class HomePage(Page):
    """The portal's front page: what a member should read today."""

    intro = RichTextField("lời giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        from .services import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(request))
        return context


class VisitDayQuerySet(models.QuerySet):
    def province(self):
        return self.filter(unit_code="")

    def totals(self, today=None):
        today = today or timezone.localdate()
        rows = self.province()
        return {
            "today": rows.filter(date=today).aggregate(n=models.Sum("count"))["n"] or 0,
            "month": rows.filter(date__year=today.year, date__month=today.month).aggregate(
                n=models.Sum("count")
            )["n"]
            or 0,
            "total": rows.aggregate(n=models.Sum("count"))["n"] or 0,
        }


class VisitDay(models.Model):
    """Visits per day, for the whole province (``unit_code=""``) or one unit.

    Written in batches by ``cms.home.counters.flush``, never per request.
    """

    date = models.DateField("ngày")
    unit_code = models.CharField("mã đơn vị", max_length=32, blank=True, default="")
    count = models.PositiveIntegerField("lượt truy cập", default=0)

    objects = VisitDayQuerySet.as_manager()

    class Meta:
        verbose_name = "lượt truy cập theo ngày"
        verbose_name_plural = "lượt truy cập theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["date", "unit_code"], name="unique_visit_day_unit")
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.unit_code or 'toàn tỉnh'}: {self.count}"
