"""News articles (tin, bài) and the index that lists them."""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.home.blocks import BaseStreamBlock
from cms.search.index import VietnameseSearchMixin


class NewsIndexPage(Page):
    """Tin tức: lists articles, newest first."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # An index may hold a section per subordinate committee (editorial scopes).
    parent_page_types = ["home.HomePage", "news.NewsIndexPage"]
    subpage_types = ["news.NewsArticlePage", "news.NewsIndexPage"]

    class Meta:
        verbose_name = "chuyên mục tin tức"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            NewsArticlePage.objects.descendant_of(self).live().order_by("-date", "-pk")
        )
        return context


class NewsArticlePage(VietnameseSearchMixin, Page):
    """A news item or article written by the editorial board."""

    date = models.DateField("ngày đăng", default=timezone.localdate)
    lead = models.TextField("sa-pô", blank=True, help_text="Một hai câu tóm tắt bài viết.")
    body = StreamField(BaseStreamBlock(), verbose_name="nội dung", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    search_fields += VietnameseSearchMixin.folded_search_fields
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "tin bài"
        verbose_name_plural = "tin bài"
