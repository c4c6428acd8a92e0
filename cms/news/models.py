"""News articles (tin, bài), their categories and tags, and the index that lists them."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from cms.caching.audience import cached_for_audience
from cms.caching.frames import FramedPageMixin
from cms.core.blocks import BaseStreamBlock, documents_in_stream
from cms.core.fields import optional_image
from cms.core.page_types import KnownRestrictionsMixin, SectionIndexPage
from cms.core.visibility import visible_to
from cms.search.index import VietnameseSearchMixin, page_search_fields

from .feeds import NewsAtomFeed, NewsRssFeed

PAGE_SIZE = 10


class NewsCategory(models.Model):
    """A news category (chuyên mục), e.g. Xây dựng Đảng, Gương điển hình."""

    name = models.CharField("tên chuyên mục", max_length=120, unique=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text="Chữ không dấu, nối bằng gạch ngang, ví dụ: xay-dung-dang.",
    )
    description = models.TextField("mô tả", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "chuyên mục tin"
        verbose_name_plural = "chuyên mục tin"

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsArticleQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-pk")

    def in_category(self, slug):
        return self.filter(categories__slug=slug) if slug else self

    def tagged(self, tag):
        return self.filter(tags__name=tag) if tag else self


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """Tin tức: lists articles newest first, by category or tag, with RSS/Atom feeds."""

    # An index may hold a section per subordinate committee (editorial scopes).
    parent_page_types = ["home.HomePage", "news.NewsIndexPage"]
    subpage_types = ["news.NewsArticlePage", "news.NewsIndexPage"]

    class Meta:
        verbose_name = "chuyên mục tin tức"

    def articles(self, user=None):
        """Live articles in this section and its sub-sections that ``user`` may open."""
        return visible_to(NewsArticlePage.objects.descendant_of(self).live(), user).newest_first()

    def public_articles(self):
        return NewsArticlePage.objects.descendant_of(self).live().public().newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        category_slug = request.GET.get("chuyen-muc", "").strip()
        tag = request.GET.get("the", "").strip()
        # The matching ids and the section's lists are shared by the visitor's
        # audience until the content changes; the page's articles cost one
        # query (and one for their categories).
        shared = cached_for_audience(
            request,
            "news-index",
            lambda: self._listing(request.user, category_slug, tag),
            self.pk,
            category_slug,
            tag,
        )
        category = shared["category"]
        paginator = Paginator(shared["ids"], PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("trang", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        by_id = (
            NewsArticlePage.objects.filter(pk__in=page_obj.object_list)
            .prefetch_related("categories")
            .in_bulk()
        )
        page_obj.object_list = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
        context.update(
            {
                "articles": page_obj.object_list,
                "page_obj": page_obj,
                "categories": shared["categories"],
                "current_category": category,
                "current_tag": tag,
                "filter_query": "&".join(
                    part
                    for part in [
                        f"chuyen-muc={category.slug}" if category else "",
                        f"the={tag}" if tag else "",
                    ]
                    if part
                ),
                "sections": shared["sections"],
            }
        )
        return context

    def _listing(self, user, category_slug, tag):
        category = (
            NewsCategory.objects.filter(slug=category_slug).first() if category_slug else None
        )
        articles = self.articles(user).in_category(category.slug if category else None).tagged(tag)
        return {
            "category": category,
            "ids": list(articles.distinct().values_list("pk", flat=True)),
            "categories": list(NewsCategory.objects.all()),
            "sections": list(NewsIndexPage.objects.child_of(self).live().public()),
        }

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("rss/")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsRelatedDocument(Orderable):
    """An official document an article refers to."""

    page = ParentalKey(
        "news.NewsArticlePage", related_name="related_document_links", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "documents.OfficialDocumentPage",
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("document", "documents.OfficialDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản liên quan"
        verbose_name_plural = "văn bản liên quan"


class NewsArticlePage(VietnameseSearchMixin, FramedPageMixin, KnownRestrictionsMixin, Page):
    """A news item or article written by the editorial board."""

    date = models.DateField("ngày đăng", default=timezone.localdate)
    lead = models.TextField("sa-pô", blank=True, help_text="Một hai câu tóm tắt bài viết.")
    lead_image = optional_image("ảnh đại diện")
    lead_image_caption = models.CharField("chú thích ảnh đại diện", max_length=255, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="nội dung", blank=True)
    categories = ParentalManyToManyField(
        "news.NewsCategory", verbose_name="chuyên mục", blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager(
        through=NewsArticleTag,
        verbose_name="thẻ",
        blank=True,
        help_text="Từ khóa, cách nhau bằng dấu phẩy, ví dụ: chuyển đổi số, sinh hoạt chi bộ.",
    )

    objects = PageManager.from_queryset(NewsArticleQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading="Ảnh đại diện",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("tags")],
            heading="Phân loại",
        ),
        InlinePanel("related_document_links", heading="Văn bản liên quan", label="văn bản"),
    ]
    search_fields = page_search_fields(
        search=["lead", "body"],
        filters=["date"],
        extra=[
            index.RelatedFields("categories", [index.SearchField("name")]),
            index.RelatedFields("tags", [index.SearchField("name")]),
        ],
    )
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = "tin bài"

    def attached_documents(self):
        return documents_in_stream(self.body)

    def related_documents(self):
        return [
            link.document
            for link in self.related_document_links.select_related("document")
            if link.document.live
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_documents"] = self.related_documents()
        context["news_index"] = NewsIndexPage.objects.ancestor_of(self).live().last()
        return context
