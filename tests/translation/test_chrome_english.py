"""The site chrome (skip link, header, menu, footer, login, 404) follows the
language of the address: English under /en/ from cms/locale/en, Vietnamese
(the source language) everywhere else."""

import re

import pytest

pytestmark = pytest.mark.django_db

VIETNAMESE_CHROME = [
    "Bỏ qua, đến nội dung chính",
    ">Đăng nhập<",
    ">Danh mục<",
    "Danh mục chính",
    "Lượt truy cập",
    "Đang trực tuyến",
    "Tổng cộng",
    ">Văn bản<",
    ">Học tập nghị quyết<",
]
ENGLISH_CHROME = [
    "Skip to main content",
    ">Log in<",
    ">Menu<",
    "Main menu",
    ">Visits<",
    "Online now",
    ">Total<",
    ">Documents<",
    ">Resolution study<",
]


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def nav_links(html):
    nav = re.search(r'<nav id="main-nav".*?</nav>', html, re.S).group(0)
    return dict(
        (label, href) for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
    )


def test_english_pages_have_english_chrome(client):
    html = page_html(client, "/en/")
    assert '<html lang="en">' in html
    for words in ENGLISH_CHROME:
        assert words in html, words
    for words in VIETNAMESE_CHROME:
        assert words not in html, words
    assert 'href="/en/dang-nhap/?next=/en/"' in html
    links = nav_links(html)
    # Sections with an English version link to it; the others to the Vietnamese page.
    assert links["News"] == "/en/tin-tuc/"
    assert links["Documents"] == "/van-ban/"
    assert links["Search"] == "/tra-cuu/"


def test_vietnamese_pages_keep_vietnamese_chrome(client):
    html = page_html(client, "/")
    assert '<html lang="vi">' in html
    for words in VIETNAMESE_CHROME:
        assert words in html, words
    for words in ENGLISH_CHROME:
        assert words not in html, words
    assert nav_links(html)["Tin tức"] == "/tin-tuc/"


def test_language_switcher_works_both_ways(client):
    html = page_html(client, "/")
    switcher = re.search(r'<nav class="lang-switcher".*?</nav>', html, re.S).group(0)
    english = re.search(r'<a href="([^"]+)" lang="en"', switcher).group(1)
    assert english == "/en/"
    html = page_html(client, english)
    assert "Lượt truy cập" not in html and "Visits" in html
    switcher = re.search(r'<nav class="lang-switcher".*?</nav>', html, re.S).group(0)
    vietnamese = re.search(r'<a href="([^"]+)" lang="vi"', switcher).group(1)
    assert vietnamese == "/"
    assert "Lượt truy cập" in page_html(client, vietnamese)


def test_login_page_in_both_languages(client, users):
    html = page_html(client, "/en/dang-nhap/")
    assert "<h1>Log in</h1>" in html
    assert "Party card number or phone number" in html and "Password" in html
    assert "Mật khẩu" not in html
    response = client.post("/en/dang-nhap/", {"username": "75000002", "password": "sai-mat-khau"})
    assert (
        "The party card number/phone number or the password is wrong" in response.content.decode()
    )

    html = page_html(client, "/dang-nhap/")
    assert "<h1>Đăng nhập</h1>" in html and "Mật khẩu" in html and "Password" not in html
    response = client.post("/dang-nhap/", {"username": "75000002", "password": "sai-mat-khau"})
    assert "hoặc mật khẩu không đúng" in response.content.decode()


def test_logged_in_header_and_not_found_page_in_english(client, users):
    client.force_login(users["dangvien"])
    html = page_html(client, "/en/")
    assert ">Log out<" in html and "Đăng xuất" not in html
    response = client.get("/en/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'href="/en/"' in html
    assert "Không tìm thấy trang" not in html


def assert_each_language_alone(vi, en, *pairs):
    """Each (Vietnamese, English) pair: only the Vietnamese on ``vi``, only the English on ``en``."""
    for vietnamese, english in pairs:
        assert vietnamese in vi and english not in vi
        assert english in en and vietnamese not in en


def test_search_page_follows_the_address_language(client, home_page):
    vi = page_html(client, "/tra-cuu/?q=dang+vien&year=abc")
    en = page_html(client, "/en/tra-cuu/?q=dang+vien&year=abc")
    assert_each_language_alone(
        vi,
        en,
        ("Từ khóa (có dấu hoặc không dấu)", "Keywords (with or without Vietnamese accents)"),
        (">Lọc kết quả<", ">Filter results<"),
        (">Phù hợp nhất<", ">Most relevant<"),
        ("kết quả cho “dang vien”", "results for “dang vien”"),
        ("Năm không hợp lệ, đã bỏ qua.", "Invalid year, ignored."),
    )
    # The English page's form and suggestions stay on the English address.
    assert 'data-suggest-url="/en/api/search/suggest/"' in en
    assert 'data-suggest-url="/api/search/suggest/"' in vi
    # Type labels are translated too.
    assert ">News article<" in en and ">Tin bài<" in vi


def test_home_page_sections_follow_the_address_language(client, home_page):
    vi = page_html(client, "/")
    en = page_html(client, "/en/")
    assert_each_language_alone(
        vi,
        en,
        (">Tin tức mới<", ">Latest news<"),
        (">Văn bản mới<", ">Latest documents<"),
        (">Nghị quyết đang học tập<", ">Resolutions being studied<"),
        ("Mời đồng chí <a href=", "Please <a href="),
    )
    assert 'href="/en/dang-nhap/?next=/"' in en and 'href="/dang-nhap/?next=/"' in vi


def test_site_name_and_footer_follow_the_address_language(client, home_page):
    from cms.home.models import SiteBranding

    vi = page_html(client, "/van-ban/")
    en = page_html(client, "/en/")
    assert "Sổ tay đảng viên điện tử" in vi and "Electronic Party Member Handbook" not in vi
    assert "Electronic Party Member Handbook" in en
    assert "Governing body: Đồng Nai Provincial Party Committee." in en
    assert "Cơ quan chủ quản: Tỉnh ủy Đồng Nai" not in en
    # An empty English name falls back to the Vietnamese one.
    branding = SiteBranding.objects.get()
    branding.site_name_en = ""
    branding.save()
    assert "Sổ tay đảng viên điện tử" in page_html(client, "/en/")
