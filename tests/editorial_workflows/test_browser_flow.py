"""The editorial flow in Chromium, screen by screen, with screenshots.

author submits → reviewer requests changes → author resubmits → reviewer
approves → screening passes → approver publishes → the page is live; then a
page with a TỐI MẬT stamp is blocked and a security officer clears it.
Screenshots go to artifacts/screenshots/workflow/.
"""

import re
from pathlib import Path

from django.contrib.auth import get_user_model

from wagtail.models import Workflow

import pytest

from cms.news.models import NewsArticlePage, NewsIndexPage
from tests.account_gates import second_factor_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "workflow"
PASSWORD = "Demo@2026"
ENGLISH = re.compile(
    r"\b(Approve|Request changes|Submit|Awaiting|Dashboard|Save draft|Publish|Cancel|Pages)\b"
)


class Screen:
    def __init__(self, browser, base_url):
        self.browser = browser
        self.base = base_url
        self.n = 0
        SHOTS.mkdir(parents=True, exist_ok=True)

    def login(self, username):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.goto(f"{self.base}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        second_factor_in_browser(page, username)
        page.wait_for_url(re.compile(r"/admin/$"))
        return page

    def shot(self, page, name):
        self.n += 1
        page.screenshot(path=str(SHOTS / f"{self.n:02d}-{name}.png"), full_page=True)
        visible = page.inner_text("body")
        found = ENGLISH.findall(visible)
        assert not found, f"English on screen {name}: {found}"

    def footer_action(self, page, label):
        """Click an action of the editor's footer menu (opening the menu when needed)."""
        name = (
            label if isinstance(label, re.Pattern) else re.compile(f"^\\s*{re.escape(label)}\\s*$")
        )
        button = page.locator("footer").get_by_role("button", name=name)
        if not button.first.is_visible():
            page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        button.first.click()


def test_whole_flow_in_chromium(live_demo, chromium):
    live_server, browser = live_demo, chromium
    author = get_user_model().objects.get(username="bientap")
    index = NewsIndexPage.objects.get(depth=3, locale__language_code="vi")
    draft = NewsArticlePage(
        title="Đảng bộ xã Cẩm Mỹ 1 hoàn thành cấp tài khoản",
        slug="cam-my-1-hoan-thanh-cap-tai-khoan",
        lead="100% đảng viên được cấp tài khoản Sổ tay.",
        body=[("paragraph", "<p>Đảng bộ xã đã hướng dẫn đảng viên đổi mật khẩu lần đầu.</p>")],
        owner=author,
        live=False,
    )
    index.add_child(instance=draft)
    draft.save_revision(user=author)
    edit_url = f"/admin/pages/{draft.pk}/edit/"
    screen = Screen(browser, live_server.url)

    # 1. The author submits for review.
    page = screen.login("bientap")
    page.goto(screen.base + edit_url)
    screen.shot(page, "tac-gia-mo-bai")
    screen.footer_action(page, re.compile(r"^\s*Gửi tới Tin bài và văn bản"))
    page.wait_for_load_state("networkidle")
    screen.shot(page, "tac-gia-da-gui-duyet")

    # 2. The reviewer sees it in "Chờ tôi duyệt" and asks for changes.
    page = screen.login("duyetbai")
    assert "Chờ tôi duyệt" in page.inner_text("body")
    assert draft.title in page.inner_text("#cho-toi-duyet-section")
    screen.shot(page, "bien-tap-bang-dieu-khien")
    page.goto(screen.base + edit_url)
    screen.footer_action(page, "Yêu cầu chỉnh sửa")
    page.fill("textarea[name=comment]", "Bổ sung số đảng viên đã đăng nhập.")
    page.wait_for_timeout(400)  # let the modal finish fading in
    screen.shot(page, "bien-tap-yeu-cau-sua")
    # Wait for the POST's answer itself: under load, networkidle can come first.
    with page.expect_navigation(timeout=60_000):
        page.locator(".modal button[type=submit]").click()
    page.wait_for_load_state("networkidle")

    # 3. The author sees the comment and resubmits.
    page = screen.login("bientap")
    assert "Bổ sung số đảng viên đã đăng nhập." in page.inner_text("body")
    screen.shot(page, "tac-gia-nhan-thong-bao")
    page.goto(screen.base + edit_url)
    screen.footer_action(page, "Gửi lại cho Biên tập")
    page.wait_for_load_state("networkidle")
    screen.shot(page, "tac-gia-gui-lai")

    # 4. The reviewer approves; screening passes by itself.
    page = screen.login("duyetbai")
    page.goto(screen.base + edit_url)
    screen.shot(page, "bien-tap-mo-bai-gui-lai")
    screen.footer_action(page, "Đồng ý, chuyển bước tiếp")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    draft.refresh_from_db()
    assert draft.current_workflow_task.name == "Phê duyệt"

    # 5. The approver publishes.
    page = screen.login("pheduyet")
    assert draft.title in page.inner_text("#cho-toi-duyet-section")
    screen.shot(page, "phe-duyet-bang-dieu-khien")
    page.goto(screen.base + edit_url)
    screen.shot(page, "phe-duyet-mo-bai")
    screen.footer_action(page, "Phê duyệt và xuất bản")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    draft.refresh_from_db()
    assert draft.live
    screen.shot(page, "phe-duyet-xong")

    # 6. The page is live on the public site.
    public = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    public.goto(screen.base + draft.url)
    assert "đổi mật khẩu lần đầu" in public.inner_text("main")
    public.screenshot(path=str(SHOTS / f"{screen.n + 1:02d}-trang-da-xuat-ban.png"), full_page=True)
    screen.n += 1

    # 7. A page stamped TỐI MẬT is blocked; the security officer clears it.
    secret = NewsArticlePage(
        title="Báo cáo nhanh tình hình an ninh",
        slug="bao-cao-nhanh-an-ninh",
        body=[("paragraph", "<p>TỐI MẬT</p><p>Tình hình an ninh trên địa bàn.</p>")],
        owner=author,
        live=False,
    )
    index.add_child(instance=secret)
    secret.save_revision(user=author)
    Workflow.objects.get(pk=secret.get_workflow().pk).start(secret, author)
    state = secret.current_workflow_task_state
    state.approve(user=get_user_model().objects.get(username="duyetbai"))
    secret.refresh_from_db()
    screening_state = secret.current_workflow_task_state
    assert secret.current_workflow_task.name == "Kiểm tra bảo mật"

    page = screen.login("baomat")
    screen.shot(page, "bao-mat-bang-dieu-khien")
    page.goto(f"{screen.base}/admin/duyet-noi-dung/kiem-tra-bao-mat/{screening_state.pk}/")
    assert "TỐI MẬT" in page.inner_text("mark")
    screen.shot(page, "bao-mat-phat-hien")
    page.fill("textarea[name=comment]", "Bài mẫu huấn luyện, không chứa thông tin mật thật.")
    page.get_by_role("button", name="Gỡ chặn", exact=True).click()
    page.wait_for_load_state("networkidle")
    screen.shot(page, "bao-mat-da-go-chan")
    secret.refresh_from_db()
    assert secret.current_workflow_task.name == "Phê duyệt"

    # 8. The history report.
    page = screen.login("pheduyet")
    page.goto(f"{screen.base}/admin/duyet-noi-dung/lich-su/")
    assert "Kiểm tra bảo mật: gỡ chặn" in page.inner_text("body")
    screen.shot(page, "lich-su-duyet")
