import factory
import wagtail_factories

from cms.core.factories import section_factory

from .models import ResolutionIndexPage, ResolutionStudyPage

ResolutionIndexPageFactory = section_factory(
    ResolutionIndexPage, "Học tập nghị quyết", "hoc-tap-nghi-quyet"
)


class ResolutionStudyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResolutionStudyPage

    title = factory.Sequence(lambda n: f"Học tập nghị quyết chuyên đề số {n}")
    summary = "Những nội dung cốt lõi của nghị quyết và nhiệm vụ của chi bộ."
