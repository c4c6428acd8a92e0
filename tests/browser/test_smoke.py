"""The home page in a real browser at phone and desktop widths."""

from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "home"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)])
def test_home_page_fits_the_screen_without_console_errors(chromium, live_demo, width, height):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(live_demo.url + "/")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.title().startswith("Sổ tay đảng viên điện tử")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"horizontal scroll: {scroll_width}px > {width}px"
    font_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font_size >= 18
    page.screenshot(path=str(SHOTS / f"home-{width}.png"), full_page=True)
    if width == 360:
        # the menu folds away on a phone and opens with its button
        nav_link = page.get_by_role("link", name="Văn bản", exact=True)
        assert not nav_link.is_visible()
        page.get_by_role("button", name="Danh mục").click()
        assert nav_link.is_visible()
        page.screenshot(path=str(SHOTS / "home-360-menu.png"))
    assert errors == []
    context.close()
