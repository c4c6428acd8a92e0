"""A meeting in Chromium: a secretary and two members, each in a separate browser context."""

import datetime
from pathlib import Path

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from cms.meetings import services
from cms.meetings.models import Ballot, Minutes
from cms.members.choices import Position
from cms.members.factories import MemberFactory
from tests.account_gates import acknowledged_earlier

from .conftest import PASSWORD, make_cell

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "meetings"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def phone(browser, base_url, member):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=base_url, locale="vi-VN"
    )
    page = context.new_page()
    acknowledged_earlier(member.user)  # the processing notice: tests/accounts
    page.goto("/dang-nhap/")
    page.fill("#id_username", member.user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)
    return page


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    # no horizontal scroll at 360 px
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_meeting_check_in_vote_result_and_minutes(live_demo, chromium):
    cell = make_cell("CM-X1-BR", name="Chi bộ ấp Trình Duyệt")
    secretary = MemberFactory(cell=cell, position=Position.SECRETARY, full_name="Nguyễn Văn Bí Thư")
    recorder = MemberFactory(cell=cell, full_name="Trần Thị Thư Ký")
    voter = MemberFactory(cell=cell, full_name="Lê Văn Đảng Viên")
    meeting = services.create_meeting(
        secretary.user,
        kind="thematic",
        topic="Sinh hoạt chuyên đề quý IV",
        date=timezone.localdate(),
        start_time=datetime.time(19, 30),
        place="Nhà văn hóa ấp",
        chair=secretary,
        recorder=recorder,
        agenda=[{"title": "Học tập chuyên đề"}],
    )
    url = f"/sinh-hoat-chi-bo/{meeting.pk}/"

    boss = phone(chromium, live_demo.url, secretary)
    boss.goto(url)
    boss.click("button:has-text('Khai mạc buổi sinh hoạt')")
    boss.wait_for_selector("text=Đã khai mạc buổi sinh hoạt")

    members = [phone(chromium, live_demo.url, m) for m in (recorder, voter)]
    for page in members:
        page.goto(url)
        page.click("button:has-text('Điểm danh: tôi có mặt')")
        page.wait_for_selector("text=Đồng chí đã điểm danh: có mặt.")
    shot(members[0], "01-member-checked-in")
    # the secretary's screen counts them without a reload
    expect(boss.locator('[data-live="attendance.present"]')).to_have_text("2", timeout=20000)
    shot(boss, "02-secretary-live-attendance")

    boss.click("text=Thêm nội dung biểu quyết")
    boss.fill("#id_question", "Thông qua nghị quyết chuyên đề quý IV")
    boss.select_option("#id_ballot_type", "secret")
    boss.click("button:has-text('Thêm biểu quyết')")
    boss.click("button:has-text('Mở biểu quyết')")
    boss.wait_for_selector("text=Đã mở biểu quyết.")

    for page in members:
        page.goto(url)
        page.check("label.choice:has-text('Tán thành') input")
        page.click("button:has-text('Gửi phiếu')")
        page.wait_for_selector("text=Đã ghi nhận phiếu biểu quyết của đồng chí.")
    shot(members[1], "03-member-voted")
    expect(boss.locator('[data-live^="motion."]')).to_have_text("2", timeout=20000)
    assert boss.locator("table.result").count() == 0  # no result while voting
    shot(boss, "04-secretary-live-votes")
    boss.click("button:has-text('Kết thúc biểu quyết')")
    boss.wait_for_selector("text=Thông qua: «Tán thành» 2/2")
    shot(boss, "05-secretary-result")
    # the member's page offers a reload and then shows the result
    members[1].wait_for_selector("[data-live-notice]:not([hidden])", timeout=30000)
    members[1].click("[data-live-notice] a")
    members[1].wait_for_selector("text=Thông qua: «Tán thành» 2/2")
    shot(members[1], "06-member-result")
    assert Ballot.objects.filter(motion__meeting=meeting, member__isnull=True).count() == 2

    boss.click("button:has-text('Bế mạc buổi sinh hoạt')")
    boss.wait_for_selector("text=Đã bế mạc buổi sinh hoạt")
    writer = members[0]
    writer.goto(url + "bien-ban/sua/")
    writer.fill(
        "#id_content_0", "Đồng chí Bí thư quán triệt chuyên đề; đảng viên thảo luận sôi nổi."
    )
    writer.fill("#id_conclusion", "Chi bộ thống nhất thực hiện nghị quyết chuyên đề.")
    shot(writer, "07-recorder-editing-minutes")
    writer.click("button:has-text('Lưu biên bản')")
    writer.wait_for_selector("text=Đã lưu biên bản.")
    boss.goto(url + "bien-ban/")
    boss.click("button:has-text('Thông qua biên bản')")
    boss.wait_for_selector("text=Biên bản đã được thông qua và không thể sửa nữa.")
    shot(boss, "08-minutes-approved")
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.is_approved and minutes.facts["present"] == 2
    assert minutes.conclusion == "Chi bộ thống nhất thực hiện nghị quyết chuyên đề."
