import factory
import wagtail_factories

from .models import ResolutionIndexPage, ResolutionStudyPage


class ResolutionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResolutionIndexPage

    title = "Học tập nghị quyết"
    slug = "hoc-tap-nghi-quyet"


class ResolutionStudyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResolutionStudyPage

    title = factory.Sequence(lambda n: f"Học tập nghị quyết chuyên đề số {n}")
    summary = "Những nội dung cốt lõi của nghị quyết và nhiệm vụ của chi bộ."
