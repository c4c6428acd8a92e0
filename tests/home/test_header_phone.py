"""The logged-in header at phone width (360×740) in Debian's chromium: a
long Vietnamese name is shown whole, inside the screen, never clipped."""

from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "header"
NAMES = {
    "huong": ("Nguyễn Thị Thanh", "Hương"),
    # Among the longest real family names (descendants of the Nguyễn princes).
    "giang": ("Công Tằng Tôn Nữ Thị Thanh Hương", "Giang"),
}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("username", "path"), [("huong", "/"), ("giang", "/"), ("huong", "/en/")])
def test_long_member_name_is_not_clipped_at_360px(chromium, live_demo, username, path):
    family, given = NAMES[username]
    full_name = f"{family} {given}"
    # Vietnamese order: family and middle names first, so get_full_name() reads right.
    user = get_user_model().objects.create_user(
        username=username, password="Demo@2026", first_name=family, last_name=given
    )
    assert user.get_full_name() == full_name
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_demo.url + "/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "Demo@2026")
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    page.goto(live_demo.url + path)

    name = page.locator(".site-header .user-name")
    box = page.evaluate(
        """() => {
            const el = document.querySelector('.site-header .user-name');
            const r = el.getBoundingClientRect();
            return {sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight,
                    ch: el.clientHeight, left: r.left, right: r.right,
                    text: el.innerText, page: document.documentElement.scrollWidth};
        }"""
    )
    page.screenshot(path=str(ARTIFACTS / f"{username}-{path.strip('/') or 'vi'}.png"))
    assert box["sw"] <= box["cw"] and box["sh"] <= box["ch"], box
    assert box["left"] >= 0 and box["right"] <= 360, box
    assert box["page"] <= 360, box
    # The whole name is on screen (wrapped if need be) and is what assistive technology reads.
    assert " ".join(box["text"].split()) == full_name
    assert name.get_attribute("title") is None  # nothing hidden that would need a tooltip
    context.close()
