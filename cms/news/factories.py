import factory
import wagtail_factories

from .models import NewsArticlePage, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức"
    slug = "tin-tuc"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Tin hoạt động cơ sở số {n}")
    lead = "Các chi bộ trong tỉnh triển khai sinh hoạt theo chuyên đề."
