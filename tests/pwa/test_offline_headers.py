"""What the service worker is told it may keep, and for whom (cms/pwa/offline.py)."""

from urllib.parse import unquote

import pytest

from cms.bulletins.factories import BulletinPageFactory
from cms.bulletins.models import BulletinIndexPage
from cms.documents.factories import OfficialDocumentPageFactory
from cms.documents.models import DocumentIndexPage
from cms.members.factories import MemberFactory
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsIndexPage
from cms.pwa.offline import ANONYMOUS, reader_marker
from cms.visits import counters

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return NewsArticlePageFactory(
        parent=NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi"),
        title="Chi bộ ấp Bình Lộc học Nghị quyết",
        lead="Chi bộ tổ chức học tập ngay trong tháng.",
    )


@pytest.fixture
def member():
    return MemberFactory().user


def test_article_is_kept_with_its_title_and_kind(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    assert response["X-Offline"] == "keep"
    assert unquote(response["X-Offline-Title"]) == "Chi bộ ấp Bình Lộc học Nghị quyết"
    assert unquote(response["X-Offline-Kind"]) == "Tin bài"
    assert response["X-Reader"] == ANONYMOUS
    assert "Cookie" in response["Vary"]


def test_document_and_members_only_bulletin_are_kept_for_the_member(client, member):
    document = OfficialDocumentPageFactory(
        parent=DocumentIndexPage.objects.get(slug="van-ban", locale__language_code="vi"),
        title="Kế hoạch học tập",
        number="99-KH/TU",
    )
    bulletin = BulletinPageFactory(
        parent=BulletinIndexPage.objects.get(slug="ban-tin", locale__language_code="vi"),
        month=1,
        year=2001,
    )
    # Anonymous visitors are sent to log in: nothing to keep.
    response = client.get(bulletin.url)
    assert response.status_code == 302 and "X-Offline" not in response
    client.force_login(member)
    for page in (document, bulletin):
        response = client.get(page.url)
        assert response.status_code == 200
        assert response["X-Offline"] == "keep"
        assert response["X-Reader"] == reader_marker(member)


@pytest.mark.parametrize("path", ["/sinh-hoat-chi-bo/", "/tra-cuu/?q=nghi+quyet", "/dang-nhap/"])
def test_meetings_search_and_login_are_never_kept(client, member, path):
    if path != "/dang-nhap/":
        client.force_login(member)
    response = client.get(path)
    assert response.status_code == 200
    assert "X-Offline" not in response
    assert "X-Offline-Title" not in response


def test_each_reader_has_their_own_marker(client, member):
    other = MemberFactory().user
    assert reader_marker(member) != reader_marker(other)
    assert reader_marker(member) == reader_marker(member)
    assert ANONYMOUS not in (reader_marker(member), reader_marker(other))
    assert str(member.pk) not in reader_marker(member)  # a keyed hash, not the id
    client.force_login(member)
    assert client.get("/")["X-Reader"] == reader_marker(member)


def test_logout_tells_the_browser_to_drop_what_the_site_stored(client, member):
    client.force_login(member)
    response = client.post("/dang-xuat/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert response["X-Reader"] == ANONYMOUS
    # Only at logout: pages never carry it.
    assert "Clear-Site-Data" not in client.get("/")


def test_admin_responses_carry_no_worker_headers(client, users):
    client.force_login(users["quantri"])
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "X-Reader" not in response and "X-Offline" not in response


def test_worker_requests_are_not_counted_as_visits(client):
    before = counters.snapshot()["today"]
    for path in ("/sw.js", "/manifest.webmanifest", "/ngoai-tuyen/"):
        assert client.get(path).status_code == 200
    assert counters.snapshot()["today"] == before
    client.get("/")  # a page is
    assert counters.snapshot()["today"] == before + 1
