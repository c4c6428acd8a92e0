"""The home page and site-wide settings."""

from django.db import models
from django.http import Http404
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.caching.audience import cached_for_audience
from cms.caching.frames import FramedPageMixin
from cms.caching.sites import site_for_request
from cms.core.page_types import KnownRestrictionsMixin, view_restrictions_of
from cms.members.models import Member


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

    @classmethod
    def for_request(cls, request):
        """Every page shows the names: kept in the shared cache with the
        content version (a save of the settings bumps it), not read from the
        database on each request."""
        site = site_for_request(request)
        return cached_for_audience(
            request,
            "branding",
            lambda: super(SiteBranding, cls).for_request(request),
            site.pk if site else "-",
        )

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


class HomePage(FramedPageMixin, KnownRestrictionsMixin, Page):
    """The portal's front page: what a member should read today."""

    intro = RichTextField("lời giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "documents.DocumentIndexPage",
        "bulletins.BulletinIndexPage",
        "resolutions.ResolutionIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Who the lists are for (their cell and its type); the lists themselves are read
        # by the template only where their rendered copy is not kept (home_tags).
        context["member"] = Member.objects.for_user(request.user)
        return context

    def frame_parts(self, request):
        """The lists are the member's cell's (``home_page.html``)."""
        member = Member.objects.for_user(request.user)
        return (member.cell_id, member.cell_type) if member else (None, None)

    def slot_extra(self, request):
        return {"member": Member.objects.for_user(request.user)}

    def route(self, request, path_components):
        """Wagtail walks the tree one level per query (two with ``.specific``);
        the page at an address is kept instead, until the content changes, with
        its locale and the view restrictions Wagtail will check
        (``KnownRestrictionsMixin``): a kept page costs no query. Sub-routes of
        routable pages (``/tin-tuc/chuyen-muc/…``) and unknown paths take
        Wagtail's walk."""
        if not path_components:
            return super().route(request, path_components)
        page = cached_for_audience(
            request,
            # Not "route" nor "page-route": those names held (type, id, …) tuples.
            "page-at",
            lambda: self._find_target(request, path_components),
            self.pk,
            "/".join(path_components),
        )
        if not page:
            return super().route(request, path_components)
        return page.route(request, [])

    def _find_target(self, request, path_components):
        try:
            found = super().route(request, path_components).page
        except Http404:
            return ()
        if found.url_path != f"{self.url_path}{'/'.join(path_components)}/":
            return ()  # a sub-route of a routable page
        page = type(found).objects.select_related("locale").get(pk=found.pk)
        page.known_view_restrictions = view_restrictions_of(page)
        return page
