import re

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_vietnamese_with_navigation_and_counters(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Sổ tay đảng viên điện tử" in html
    assert "Đảng bộ tỉnh Đồng Nai" in html
    for label in [
        "Tin tức",
        "Văn bản",
        "Bản tin",
        "Học tập nghị quyết",
        "Sinh hoạt chi bộ",
        "Tra cứu",
    ]:
        assert f">{label}</a>" in html
    assert "Đăng nhập" in html
    for label in ["Đang trực tuyến", "Hôm nay", "Tháng này", "Tổng cộng"]:
        assert label in html
    # the visitor's own visit is already counted
    assert re.search(r'data-counter="today">1<', html)
    # no inline scripts or style attributes, nothing from another host
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "style=" not in html
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html


def test_home_page_lists_latest_news_and_documents(client, home_page):
    html = client.get("/").content.decode()
    assert "Đồng Nai sơ kết quý I việc sử dụng Sổ tay đảng viên điện tử" in html
    assert "21-KH/TU" in html
    assert "Học tập Nghị quyết 12-NQ/TU" in html


def test_dates_are_shown_day_month_year(client, home_page):
    html = client.get("/tin-tuc/dong-nai-so-ket-quy-i-so-tay-dang-vien/").content.decode()
    assert "26/03/2024" in html


def test_csp_header_forbids_inline_script(client, home_page):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
