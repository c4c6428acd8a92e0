"""The study pages on a 360 px phone in Debian's chromium: no sideways scrolling, and
screenshots of the member's space, a quiz result and the reach report
(``artifacts/screenshots/study/``). One test, one seeding of the site."""

from pathlib import Path

import pytest

from cms.members.models import Member
from tests.account_gates import second_factor_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "study"
PHONE = {"width": 360, "height": 740}
DEMO_PASSWORD = "Demo@2026"


def _log_in(page, login):
    """The members' login page; then the steps after the password (tests/account_gates.py):
    a member has acknowledged the processing notice, staff type a code."""
    member = Member.objects.filter(card_number=login).select_related("user").first()
    username = member.user.username if member else login
    page.goto("/dang-nhap/")
    page.fill("#id_username", login)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    second_factor_in_browser(page, username)
    page.wait_for_load_state()


def _check(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: {width} px wide"
    unlabelled = page.evaluate(
        """() => Array.from(document.querySelectorAll('main input:not([type=hidden]), main select, main textarea'))
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
            .map(el => el.name)"""
    )
    assert unlabelled == [], f"{name}: {unlabelled}"


def _badge_overflow(page):
    """How far the unread badge sticks out of its button (0 when it sits inside)."""
    return page.evaluate(
        """() => {
            const badge = document.querySelector('.study-badge');
            if (!badge) return null;
            const b = badge.getBoundingClientRect();
            const a = badge.closest('a').getBoundingClientRect();
            return Math.max(0, a.left - b.left, b.right - a.right, a.top - b.top, b.bottom - a.bottom);
        }"""
    )


def _covered_by_userbar(page):
    """Report cells the admin userbar's button covers, at the top, middle and end of the page."""
    covered = []
    for where in (
        "0",
        "document.documentElement.scrollHeight / 2",
        "document.documentElement.scrollHeight",
    ):
        page.evaluate(f"window.scrollTo(0, {where})")
        page.wait_for_timeout(150)
        box = page.locator("#wagtail-userbar-trigger").bounding_box()
        assert box is not None, "the userbar is shown to the propaganda department"
        covered += page.evaluate(
            """(u) => Array.from(document.querySelectorAll('.study-table th, .study-table td'))
                .filter(c => { const r = c.getBoundingClientRect();
                    return r.width && r.left < u.x + u.width && r.right > u.x
                        && r.top < u.y + u.height && r.bottom > u.y; })
                .map(c => c.innerText)""",
            box,
        )
    page.evaluate("window.scrollTo(0, 0)")
    return covered


def test_member_space_quiz_result_and_report_at_360_px(live_demo, chromium):
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", base_url=live_demo.url)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # Đọc tiếp: the browser remembers how far a long material was read
    page.goto("/hoc-tap-nghi-quyet/nghi-quyet-12-nq-tu/")
    assert page.locator("[data-continue]").is_hidden()
    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)")
    page.wait_for_timeout(800)
    page.goto("/")
    page.goto("/hoc-tap-nghi-quyet/nghi-quyet-12-nq-tu/")
    button = page.get_by_role("button", name="Đọc tiếp từ chỗ đã đọc")
    button.wait_for()
    # Over the page, inside the phone's screen: showing it moved no text.
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["x"] >= 0
    assert (
        page.evaluate("getComputedStyle(document.querySelector('[data-continue]')).position")
        == "fixed"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "doc-tiep-360.png"))
    button.click()
    assert page.evaluate("window.scrollY") > 200
    assert page.locator("[data-continue]").is_hidden()

    _log_in(page, "75000002")
    page.goto("/hoc-tap-cua-toi/")
    assert page.locator("h1").inner_text() == "Học tập của tôi"
    assert page.get_by_text("Học tập Nghị quyết 12-NQ/TU").count() >= 1
    _check(page, "hoc-tap-cua-toi-360")
    assert _badge_overflow(page) == 0
    context.add_cookies([{"name": "stdv_text_size", "value": "200", "url": live_demo.url}])
    page.reload()
    _check(page, "hoc-tap-cua-toi-360-chu-200")
    assert _badge_overflow(page) == 0
    context.clear_cookies(name="stdv_text_size")
    page.reload()

    page.get_by_role("link", name="Làm bài").first.click()
    page.wait_for_load_state()
    page.locator("fieldset").first.locator("input").first.check()  # right for question 1
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Nộp bài").click()
    page.wait_for_load_state()
    assert "Kết quả: đúng" in page.locator(".study-result").inner_text()
    assert page.get_by_text("Đáp án đúng").count() >= 1
    _check(page, "ket-qua-tu-kiem-tra-360")

    page.context.clear_cookies()
    _log_in(page, "tuyengiao")
    page.goto("/bao-cao-hoc-tap/")
    assert "Báo cáo học tập" in page.locator("h1").inner_text()
    page.locator("table a").first.click()
    page.wait_for_load_state()
    _check(page, "bao-cao-hoc-tap-360")
    page.screenshot(path=str(SHOTS / "bao-cao-hoc-tap-360-man-hinh.png"))
    assert _covered_by_userbar(page) == []
    page.get_by_role("link", name="Mọi nội dung học tập của đơn vị").click()
    page.wait_for_load_state()
    assert page.locator(".study-table tbody tr").count() >= 3
    _check(page, "bao-cao-moi-noi-dung-360")
    assert _covered_by_userbar(page) == []
    assert not [e for e in errors if "Content Security Policy" in e]
    context.close()
