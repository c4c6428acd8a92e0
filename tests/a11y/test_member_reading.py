"""A member on a 360 px phone, in Debian's chromium, from the first login to reading
offline; then every main page checked with axe-core in normal, high-contrast and
200% text, at 200% zoom, for sideways scrolling, broken words, focus rings and
layout shift.

One test (one seeding of the site) on purpose: the browser suites re-seed the
demo for every test, which costs far more than the checks themselves.
"""

from django.utils import timezone

import pytest

from cms.bulletins.models import BulletinPage
from cms.members import services
from cms.members.factories import MemberFactory
from cms.members.models import Member
from tests.a11y.checks import (
    CLS_OBSERVER,
    PHONE,
    PHONE_ZOOMED,
    SHOTS,
    SPEECH_STUB,
    axe_source,
    broken_words,
    content_top,
    page_width,
    report,
    run_axe,
    spoken,
    weak_focus_rings,
)
from tests.account_gates import acknowledged_earlier

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Hoa-sen-2026!"


def shot(page, name, full_page=False):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def new_phone(chromium, base_url, viewport=PHONE, cookies=None):
    context = chromium.new_context(viewport=viewport, locale="vi-VN", base_url=base_url)
    context.add_init_script(SPEECH_STUB)
    context.add_init_script(CLS_OBSERVER)
    if cookies:
        context.add_cookies([{"name": k, "value": v, "url": base_url} for k, v in cookies.items()])
    return context


def log_in(page, card_number, password):
    acknowledged_earlier(Member.objects.get(card_number=card_number).user)  # tests/accounts
    page.goto("/dang-nhap/")
    page.fill("#id_username", card_number)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_member_reads_enlarges_listens_and_reads_offline(chromium, live_demo):
    base = live_demo.url
    cell = Member.objects.get(user__username="dangvien").cell
    member = MemberFactory(cell=cell, card_number="75009999")
    member.user.set_unusable_password()
    member.user.save()
    [(_, code)] = services.issue_codes([member])
    today = timezone.localdate()
    material = (
        BulletinPage.objects.live()
        .cell_material()
        .for_month(today.year, today.month)
        .for_cell_type(cell.cell_type)
        .filter(locale__language_code="vi")
        .first()
    )
    assert material is not None

    context = new_phone(chromium, base)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    # First login with the activation code: made to choose a password first.
    log_in(page, member.card_number, code)
    assert "/doi-mat-khau/" in page.url
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.url.rstrip("/") == base.rstrip("/")
    # The worker is installed after the first page; from now on it keeps what is read.
    assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")

    # Home: the menu is folded from the first paint (no shift), and the page fits.
    page.reload()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__cls") <= 0.02
    assert not page.get_by_role("link", name="Văn bản", exact=True).is_visible()

    # Text size: A+ up to 200%, kept on the device, drawn by the server at that size.
    page.get_by_role("button", name="Cỡ chữ", exact=True).click()
    larger = page.get_by_role("button", name="Chữ lớn hơn")
    for _ in range(4):
        larger.click()
    assert page.locator("[data-text-size-value]").inner_text() == "200%"
    assert larger.is_disabled()
    response = page.reload()
    assert '<html lang="vi" class="text-200">' in response.text()
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 36
    assert page_width(page) <= PHONE["width"]
    assert content_top(page) <= PHONE["height"] / 3
    page.get_by_role("button", name="Cỡ chữ", exact=True).click()
    shot(page, "text-size-200")
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert "text-200" not in page.evaluate("document.documentElement.className")
    page.get_by_role("button", name="Tương phản cao").click()
    assert "contrast-high" in page.evaluate("document.documentElement.className")
    page.get_by_role("button", name="Tương phản cao").click()

    # This month's cell material, read aloud: title, lead, then the body, in Vietnamese.
    page.goto(material.url)
    listen = page.get_by_role("button", name="Nghe đọc")
    assert listen.is_visible()
    listen.click()
    page.wait_for_function("() => window.__spoken.length >= 3")
    said = spoken(page)
    assert said[0]["text"] == material.title
    assert said[0]["lang"] == "vi-VN" and said[0]["voice"] == "vi-VN"
    assert material.lead.startswith(said[1]["text"].rstrip("."))
    menu = {"Danh mục", "Tin tức", "Đăng xuất", "Cỡ chữ", "Tra cứu"}
    assert not menu & {s["text"] for s in said}
    assert page.evaluate("CSS.highlights.has('listen-sentence')")
    shot(page, "listen")
    page.get_by_role("button", name="Tạm dừng").click()
    count = len(spoken(page))
    page.wait_for_timeout(600)
    assert len(spoken(page)) == count  # paused: nothing more said
    page.select_option("#listen-rate", "1.25")
    page.get_by_role("button", name="Đọc tiếp").click()
    page.wait_for_function(f"() => window.__spoken.length > {count}")
    resumed = spoken(page)
    # the interrupted sentence is read again from its start, faster
    assert resumed[count]["text"] == resumed[count - 1]["text"]
    assert resumed[count]["rate"] == 1.25
    page.get_by_role("button", name="Dừng", exact=True).click()
    assert not page.evaluate("CSS.highlights.has('listen-sentence')")

    # Search without accents, then a document and its PDF.
    page.goto("/tra-cuu/?q=nghi+quyet+hoc+tap")
    assert page.locator(".search-results li").count() > 0
    page.goto("/van-ban/12-nq-tu/")
    pdf_url = page.locator(".attachments a").first.get_attribute("href")
    status, kind = page.evaluate(
        "url => fetch(url).then(r => [r.status, r.headers.get('content-type')])", pdf_url
    )
    assert status == 200 and kind == "application/pdf"

    # "Tải về để đọc khi không có mạng": this month's material and the resolutions, one tap.
    page.goto("/")
    page.get_by_role("button", name="Tải về để đọc khi không có mạng").click()
    status = page.locator("[data-offline-save-status]")
    status.filter(has_text="Đã tải về").wait_for(timeout=30000)

    # Offline: the material and the document are still there; meetings need the network.
    context.set_offline(True)
    page.goto(material.url)
    assert page.locator("h1").inner_text() == material.title
    assert page.locator("[data-offline-notice]").is_visible()
    page.goto("/van-ban/12-nq-tu/")
    assert "12-NQ/TU" in page.locator("main").inner_text()
    assert (
        page.evaluate("url => fetch(url).then(r => r.headers.get('content-type'))", pdf_url)
        == "application/pdf"
    )
    page.goto("/sinh-hoat-chi-bo/")
    assert page.locator("h1").inner_text() == "Đọc khi không có mạng"
    assert page.locator("[data-offline-wanted]").is_visible()
    page.locator("[data-offline-list] a").first.wait_for()
    saved = page.locator("[data-offline-list] a").all_inner_texts()
    assert material.title in saved, saved
    shot(page, "offline", full_page=True)

    # Logging out drops everything kept for this member.
    context.set_offline(False)
    page.goto("/")
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()
    kept = page.evaluate(
        "caches.open('stdv-pages').then(c => c.keys()).then(k => k.map(r => r.url))"
    )
    assert not [url for url in kept if "ban-tin" in url or "van-ban" in url], kept
    assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")
    context.set_offline(True)
    page.goto(material.url)
    assert page.locator("h1").inner_text() == "Đọc khi không có mạng"
    context.set_offline(False)
    assert not errors, errors
    context.close()

    # No "Nghe đọc" where the device has no Vietnamese voice: an English-only device,
    # and Debian's chromium as it is (no voice at all).
    for stub in ("window.__noVietnamese = true;", None):
        other = chromium.new_context(viewport=PHONE, locale="vi-VN", base_url=base)
        if stub:
            other.add_init_script(stub)
            other.add_init_script(SPEECH_STUB)
        view = other.new_page()
        view.goto("/van-ban/17-qc-tu/")
        view.wait_for_timeout(300)
        assert view.locator("[data-listen-player]").is_hidden()
        other.close()

    sweep(chromium, base, member, material)


PAGES = {
    "home": "/",
    "news-article": "/tin-tuc/dong-nai-so-ket-quy-i-so-tay-dang-vien/",
    "document": "/van-ban/17-qc-tu/",
    "resolution": "/hoc-tap-nghi-quyet/nghi-quyet-12-nq-tu/",
    "search-filters": "/tra-cuu/?q=nghi+quyet&year=2025",
    "meetings": "/sinh-hoat-chi-bo/",
    "offline": "/ngoai-tuyen/",
}
FOCUS_PAGES = ("home", "document", "search-filters", "material")
MODES = {
    "normal": {},
    "high-contrast": {"stdv_contrast": "high"},
    "text-200": {"stdv_text_size": "200"},
}


def sweep(chromium, base, member, material):
    """Every main page, as the member, in each mode: axe, width, words, focus, shifts."""
    pages = dict(PAGES, material=material.url)
    source = axe_source()
    problems = {}
    figures = {}
    for mode, cookies in MODES.items():
        context = new_phone(chromium, base, cookies=cookies)
        context.add_init_script(source)
        page = context.new_page()
        log_in(page, member.card_number, PASSWORD)
        for name, path in pages.items():
            page.goto(path)
            page.wait_for_load_state()
            key = f"{name}/{mode}"
            found = {}
            if violations := run_axe(page):
                found["axe"] = violations
            if (width := page_width(page)) > PHONE["width"]:
                found["width"] = width
            if words := broken_words(page):
                found["broken words"] = words[:10]
            if mode == "text-200" and content_top(page) > PHONE["height"] / 3:
                found["content starts low"] = content_top(page)
            focus_checked = mode != "text-200" and name in FOCUS_PAGES
            if focus_checked and (weak := weak_focus_rings(page)):
                found["focus"] = weak[:5]
            if mode == "normal":
                page.reload()
                page.wait_for_timeout(300)
                figures[name] = {"cls": round(page.evaluate("window.__cls"), 4)}
                if figures[name]["cls"] > 0.02:
                    found["cls"] = figures[name]["cls"]
            if mode == "text-200" and name == "search-filters":
                shot(page, "search-filters-text-200", full_page=True)
            if found:
                problems[key] = found
        context.close()

    # 200% browser zoom on the same phone: nothing scrolls sideways, the header stays small.
    context = new_phone(chromium, base, viewport=PHONE_ZOOMED)
    page = context.new_page()
    log_in(page, member.card_number, PASSWORD)
    for name, path in pages.items():
        page.goto(path)
        if (width := page_width(page)) > PHONE_ZOOMED["width"]:
            problems.setdefault(f"{name}/zoom-200", {})["width"] = width
        if words := broken_words(page):
            problems.setdefault(f"{name}/zoom-200", {})["broken words"] = words[:10]
        if name == "home":
            figures["zoom-200-content-top"] = content_top(page)
            shot(page, "home-zoom-200")
    context.close()
    report("sweep", {"problems": problems, "figures": figures})
    assert not problems, problems
    assert figures["zoom-200-content-top"] <= PHONE_ZOOMED["height"] / 3
