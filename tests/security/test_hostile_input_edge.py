"""Issue 15, item 7: NUL bytes and control characters are refused at the edge with a
Vietnamese 400 page in the site's layout, whatever the database (also run on
PostgreSQL with DATABASE_URL); a page edit POST without its block counts is a 400."""

from django.test import Client

import pytest

from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db

SITE_LAYOUT = "Bỏ qua, đến nội dung chính"

HOSTILE_GETS = [
    "/tin-tuc/?chuyen-muc=%00",
    "/tin-tuc/?the=%00",
    "/tin-tuc/?the=nghi%00quyet",
    "/tin-tuc/?chuyen-muc=%FF%FE",
    "/tin-tuc/?%00=1",
    "/tra-cuu/?q=%00",
    "/en/tra-cuu/?q=%C4%91%E1%BA%A3ng%00",
    "/quan-ly-tai-khoan/chi-bo/%00/",
    "/quan-ly-tai-khoan/chi-bo/CM-X1-A1%00/",
    "/admin/dang-vien/ty-le-dang-nhap/?unit=%00",
    "/admin/dang-vien/ty-le-dang-nhap/chua-dang-nhap/%00/",
    "/admin/dang-vien/ty-le-dang-nhap/xuat.xlsx?unit=%00",
    "/admin/pages/search/?q=%00",
    "/%00/",
    "/tin-tuc/%01%02/",
    "/van-ban/%0D%0Aset-cookie:x=1/",
    "/sinh-hoat-chi-bo/?page=%00",
    "/documents/1/%00.pdf",
]


@pytest.fixture
def staff_client(users):
    client = Client()
    client.force_login(users["tochuc"])
    return client


def assert_refused(response):
    assert response.status_code == 400
    html = response.content.decode()
    if response.wsgi_request.path.startswith("/en/"):
        assert "invalid characters" in html and "Skip to main content" in html
    else:
        assert "không hợp lệ" in html and SITE_LAYOUT in html


@pytest.mark.parametrize("url", HOSTILE_GETS)
def test_hostile_addresses_get_a_vietnamese_400(staff_client, url):
    assert_refused(staff_client.get(url))


@pytest.mark.parametrize("url", HOSTILE_GETS[:7])
def test_hostile_addresses_get_a_vietnamese_400_anonymously(client, url):
    assert_refused(client.get(url))


def test_nul_in_a_form_field_is_refused(client):
    form = "application/x-www-form-urlencoded"
    assert_refused(client.post("/dang-nhap/", "username=abc%00&password=x", content_type=form))
    assert_refused(client.post("/dang-nhap/", {"username": "abc\x00", "password": "x"}))


def test_ordinary_text_still_passes(client):
    assert client.get("/tra-cuu/?q=%C4%91%E1%BA%A3ng+vi%C3%AAn%09x").status_code == 200
    assert client.get("/tin-tuc/?the=nghi-quyet").status_code == 200


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"body-count": "abc"},
        {"body-count": "3"},
        {"body-count": "1", "body-0-type": "paragraph"},
    ],
)
def test_page_edit_without_block_counts_is_a_400(users, payload):
    page = NewsArticlePage.objects.live().first()
    client = Client()
    client.force_login(users["quantri"])
    url = f"/admin/pages/{page.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": page.title, "slug": page.slug, **payload})
    assert response.status_code == 400
    assert "thiếu dữ liệu" in response.content.decode()
