"""The manifest, the worker script, the offline page, the reader's text size and
contrast, and meta descriptions."""

import json
import re

from django.contrib.staticfiles import finders

import pytest

from cms.documents.factories import OfficialDocumentPageFactory
from cms.documents.models import DocumentIndexPage
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsIndexPage
from cms.pwa.reading import html_classes, page_description, reading_prefs

pytestmark = pytest.mark.django_db


def meta_description(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


def test_manifest_is_vietnamese_with_icons_and_theme_colour(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    data = json.loads(response.content)
    assert data["name"] == "Sổ tay đảng viên điện tử"
    assert data["lang"] == "vi" and data["start_url"] == "/" and data["display"] == "standalone"
    assert data["theme_color"] == "#a5120f"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon["purpose"] == "maskable" for icon in data["icons"])
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#a5120f">' in html


def test_worker_is_served_from_the_root_fresh_and_under_the_csp(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    body = response.content.decode()
    config = json.loads(re.match(r"self\.STDV_CONFIG = (\{.*?\});\n", body).group(1))
    assert config["offlinePage"] == "/ngoai-tuyen/"
    assert "/static/css/site.css" in config["shell"] and "/static/js/listen.js" in config["shell"]
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])
    # every file of the shell exists, or the worker would never install
    for url in config["shell"]:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
        else:
            assert client.get(url).status_code == 200, url


def test_offline_page_lists_what_needs_the_network(client):
    html = client.get("/ngoai-tuyen/").content.decode()
    assert "<h1>Đọc khi không có mạng</h1>" in html
    assert "data-offline-list" in html
    assert "Biểu quyết, điểm danh" in html and "tra cứu" in html
    assert "được xóa khi đồng chí đăng xuất" in html


@pytest.mark.parametrize(
    ("cookies", "classes", "size"),
    [
        ({}, "", 100),
        ({"stdv_text_size": "150"}, "text-150", 150),
        ({"stdv_text_size": "200", "stdv_contrast": "high"}, "text-200 contrast-high", 200),
        ({"stdv_text_size": "999", "stdv_contrast": "x"}, "", 100),  # forged: default
        ({"stdv_text_size": "abc"}, "", 100),
    ],
)
def test_text_size_and_contrast_come_from_the_device(client, cookies, classes, size):
    assert html_classes(reading_prefs(cookies)) == classes
    client.cookies.load(cookies)
    html = client.get("/").content.decode()
    assert (f'<html lang="vi" class="{classes}">' if classes else '<html lang="vi">') in html
    assert f"{size}%</output>" in html
    assert ">Cỡ chữ</button>" in html


def test_meta_description_from_search_description_lead_or_summary(client):
    news = NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi")
    with_lead = NewsArticlePageFactory(parent=news, lead="Sa-pô của bài: <ngắn> & rõ.")
    with_seo = NewsArticlePageFactory(parent=news, lead="Sa-pô", search_description="Mô tả riêng")
    document = OfficialDocumentPageFactory(
        parent=DocumentIndexPage.objects.get(slug="van-ban", locale__language_code="vi"),
        number="98-KH/TU",
        summary="Trích yếu " + "rất dài " * 40,
    )
    assert meta_description(client.get(with_lead.url).content.decode()) == (
        "Sa-pô của bài: &lt;ngắn&gt; &amp; rõ."
    )
    assert meta_description(client.get(with_seo.url).content.decode()) == "Mô tả riêng"
    described = page_description(document)
    assert described.startswith("Trích yếu rất dài") and len(described) <= 160
    assert meta_description(client.get(document.url).content.decode()) == described
    # the home page (its intro) and pages outside Wagtail (a generic line) are never empty
    assert meta_description(client.get("/").content.decode())
    assert "Sổ tay đảng viên điện tử của Đảng bộ tỉnh Đồng Nai" in meta_description(
        client.get("/tra-cuu/").content.decode()
    )


def test_pages_keep_the_strict_csp(client, users):
    client.force_login(users["dangvien"])
    for path in ("/", "/tin-tuc/", "/van-ban/", "/ngoai-tuyen/", "/sinh-hoat-chi-bo/"):
        html = client.get(path).content.decode()
        assert "style=" not in html, path
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), path
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html), path
