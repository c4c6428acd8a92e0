""" "Có phải bạn muốn tìm" on a phone: Telex typed without an input method."""

from pathlib import Path

import pytest

from cms.documents.factories import OfficialDocumentPageFactory
from cms.documents.models import DocumentIndexPage

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "search"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_did_you_mean_at_360_px(chromium, live_demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    documents = DocumentIndexPage.objects.get(depth=3, slug="van-ban", locale__language_code="vi")
    page_ = OfficialDocumentPageFactory(
        parent=documents,
        title="Kế hoạch tuyên truyền kỷ niệm 95 năm ngày thành lập Đảng",
        number="45-KH/BTGTU",
        doc_type="ke_hoach",
        issuer="Ban Tuyên giáo Tỉnh ủy",
        summary="Tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân.",
    )
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    browser = context.new_page()
    errors = []
    browser.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    browser.on("pageerror", lambda exc: errors.append(str(exc)))
    response = browser.goto(live_demo.url + "/tra-cuu/?q=tuyeen+truyeenf")
    assert response.status == 200
    offer = browser.get_by_role("link", name="tuyên truyền", exact=True)
    assert offer.is_visible()
    assert browser.get_by_text("Có phải bạn muốn tìm:").is_visible()
    first = browser.locator(".search-result").first
    assert page_.title in first.inner_text()
    assert "Tìm theo cách đọc “tuyên truyền”" in first.inner_text()
    scroll_width = browser.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, f"horizontal scroll: {scroll_width}px > 360px"
    browser.screenshot(path=str(SHOTS / "did-you-mean-360.png"), full_page=True)
    offer.click()
    browser.wait_for_load_state()
    assert browser.locator("#q").input_value() == "tuyên truyền"
    assert page_.title in browser.locator(".search-result").first.inner_text()
    assert not browser.get_by_text("Có phải bạn muốn tìm:").count()
    assert errors == []
    context.close()
