import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

import pytest

from cms.documents.models import OfficialDocumentPage
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsArticlePage, NewsCategory, NewsIndexPage, NewsRelatedDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi")


def test_article_created_through_page_api_renders_all_parts(client, index):
    category = NewsCategory.objects.get(slug="guong-dien-hinh")
    document = OfficialDocumentPage.objects.get(number="12-NQ/TU")
    page = NewsArticlePage(
        title="Chi bộ Trường Tiểu học Xuân Lộc giúp học trò nghèo đến lớp",
        slug="chi-bo-truong-tieu-hoc",
        lead="Mỗi đảng viên nhận đỡ đầu một em học sinh có hoàn cảnh khó khăn.",
        body=[
            ("heading", "Việc nhỏ, ý nghĩa lớn"),
            ("paragraph", "<p>Chi bộ vận động được 40 suất học bổng.</p>"),
            ("quote", {"text": "Không để em nào bỏ học.", "attribution": "Bí thư chi bộ"}),
        ],
        categories=[category],
        related_document_links=[NewsRelatedDocument(document=document)],
    )
    index.add_child(instance=page)
    page.tags.add("khuyến học")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for text in [
        page.title,
        "Mỗi đảng viên nhận đỡ đầu",
        "Việc nhỏ, ý nghĩa lớn",
        "40 suất học bổng",
        "Không để em nào bỏ học.",
        "Gương điển hình",
        "Văn bản liên quan",
        "12-NQ/TU",
        "khuyến học",
    ]:
        assert text in html
    assert list(page.attached_documents()) == []


def test_index_is_newest_first_and_paginated(client, index):
    for i in range(12):
        NewsArticlePageFactory(parent=index, title=f"Tin phân trang {i:02d}")
    first = client.get("/tin-tuc/").content.decode()
    assert "Trang 1/2" in first
    second = client.get("/tin-tuc/?trang=2").content.decode()
    assert "Trang 2/2" in second
    assert "Cẩm Mỹ dẫn đầu" in first + second
    assert client.get("/tin-tuc/?trang=99").status_code == 200
    assert client.get("/tin-tuc/?trang=abc").status_code == 200


def test_index_filters_by_category_and_tag(client):
    html = client.get("/tin-tuc/?chuyen-muc=guong-dien-hinh").content.decode()
    assert "Gương điển hình: nữ bí thư chi bộ ấp" in html
    assert "Cẩm Mỹ dẫn đầu" not in html
    html = client.get("/tin-tuc/?the=tỷ lệ đăng nhập").content.decode()
    assert "Cẩm Mỹ dẫn đầu" in html and "Gương điển hình: nữ bí thư" not in html
    assert "Các bài có thẻ" in html


def test_feeds_list_only_public_live_articles(client, index):
    hidden = NewsArticlePageFactory(parent=index, title="Tin nội bộ chỉ đảng viên xem")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = NewsArticlePageFactory(parent=index, title="Bản nháp chưa đăng", live=False)
    assert draft.live is False
    rss = client.get("/tin-tuc/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    titles = [t.text for t in ET.fromstring(rss.content).iter("title")]
    assert "Đồng Nai sơ kết quý I việc sử dụng Sổ tay đảng viên điện tử" in titles
    assert "Tin nội bộ chỉ đảng viên xem" not in titles
    assert "Bản nháp chưa đăng" not in titles
    atom = client.get("/tin-tuc/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"Tin n\xe1\xbb\x99i b\xe1\xbb\x99" not in atom.content
    # the members-only article is still listed for a logged-in member, not for anonymous
    assert "Tin nội bộ chỉ đảng viên xem" not in client.get("/tin-tuc/").content.decode()


def test_members_see_members_only_article_in_listing(client, users, index):
    hidden = NewsArticlePageFactory(parent=index, title="Tin nội bộ chỉ đảng viên xem")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(users["dangvien"])
    assert "Tin nội bộ chỉ đảng viên xem" in client.get("/tin-tuc/").content.decode()
