import factory
import wagtail_factories

from cms.core.factories import section_factory

from .models import NewsArticlePage, NewsIndexPage

NewsIndexPageFactory = section_factory(NewsIndexPage, "Tin tức", "tin-tuc")


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Tin hoạt động cơ sở số {n}")
    lead = "Các chi bộ trong tỉnh triển khai sinh hoạt theo chuyên đề."
