"""Every content page type at phone width (360 px), in Debian's chromium."""

from pathlib import Path

from django.utils import timezone

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "content"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_content_pages_fit_a_360px_phone(chromium, live_demo):
    live_server = live_demo
    today = timezone.localdate()
    pages = {
        "home": "/",
        "news-index": "/tin-tuc/",
        "news-article": "/tin-tuc/dong-nai-so-ket-quy-i-so-tay-dang-vien/",
        "document-index": "/van-ban/",
        "document-expired": "/van-ban/03-qc-tu/",
        "document": "/van-ban/17-qc-tu/",
        "resolution-index": "/hoc-tap-nghi-quyet/",
        "resolution": "/hoc-tap-nghi-quyet/nghi-quyet-12-nq-tu/",
        "news-article-en": "/en/tin-tuc/dong-nai-so-ket-quy-i-so-tay-dang-vien/",
        "fallback-from-en": "/en/tin-tuc/cam-my-dan-dau-ty-le-dang-nhap/",
        "bulletin-index": "/ban-tin/",
        "bulletin": f"/ban-tin/tai-lieu-sinh-hoat-residential-{today.month:02d}-{today.year}/",
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # anonymous first: the bulletin sends us to the login page
    page.goto(live_server.url + pages["bulletin"])
    assert "/dang-nhap/" in page.url
    page.goto(live_server.url + "/dang-nhap/")
    # members log in with their card number (75000002 is the demo member dangvien)
    page.fill("input[name=username]", "75000002")
    page.fill("input[name=password]", "Demo@2026")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/dang-nhap/" not in page.url
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, (name, response.status)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (name, width)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert not [e for e in errors if "Content Security Policy" in e]
    context.close()
