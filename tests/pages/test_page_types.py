"""Where each page type may live: Wagtail's own page-type assertions."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.bulletins.models import BulletinIndexPage, BulletinPage
from cms.documents.models import DocumentIndexPage, OfficialDocumentPage
from cms.home.models import HomePage
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.resolutions.models import ResolutionIndexPage, ResolutionStudyPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {NewsIndexPage, DocumentIndexPage, BulletinIndexPage, ResolutionIndexPage},
        )
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage, NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage, NewsIndexPage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(DocumentIndexPage, NewsArticlePage)

    def test_documents(self):
        self.assertAllowedParentPageTypes(DocumentIndexPage, {HomePage, DocumentIndexPage})
        self.assertAllowedSubpageTypes(DocumentIndexPage, {OfficialDocumentPage, DocumentIndexPage})
        self.assertAllowedParentPageTypes(OfficialDocumentPage, {DocumentIndexPage})
        self.assertAllowedSubpageTypes(OfficialDocumentPage, set())
        self.assertCanCreateAt(DocumentIndexPage, OfficialDocumentPage)
        self.assertCanNotCreateAt(NewsIndexPage, OfficialDocumentPage)

    def test_bulletins(self):
        self.assertAllowedParentPageTypes(BulletinIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BulletinIndexPage, {BulletinPage})
        self.assertAllowedParentPageTypes(BulletinPage, {BulletinIndexPage})
        self.assertAllowedSubpageTypes(BulletinPage, set())
        self.assertCanCreateAt(BulletinIndexPage, BulletinPage)
        self.assertCanNotCreateAt(ResolutionIndexPage, BulletinPage)

    def test_resolutions(self):
        self.assertAllowedParentPageTypes(ResolutionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResolutionIndexPage, {ResolutionStudyPage})
        self.assertAllowedParentPageTypes(ResolutionStudyPage, {ResolutionIndexPage})
        self.assertAllowedSubpageTypes(ResolutionStudyPage, set())
        self.assertCanCreateAt(ResolutionIndexPage, ResolutionStudyPage)
        self.assertCanNotCreateAt(BulletinIndexPage, ResolutionStudyPage)
