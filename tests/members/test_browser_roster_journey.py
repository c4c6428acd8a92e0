"""The organisation officer's journey in Chromium: import a roster, print the new
members' activation codes, and see the login-rate dashboard move when one of them
logs in for the first time on their phone."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cms.home.demo import demo_password
from cms.members.importer import HEADERS
from cms.members.models import Member, PartyOrganization
from tests.account_gates import second_factor_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "members"
CELL = "CM-X1-A1"
NEW = [
    ["81000001", "Võ Thị Kim Ngân", "14/02/1984", "Nữ", "0933 100 001", "", CELL, "03/02/2012"],
    ["81000002", "Huỳnh Văn Phúc", "30/04/1979", "Nam", "0933100002", "", CELL, "19/05/2009"],
]
NEW_PASSWORD = "Ngân@Ấp2026"


def roster_file(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in NEW:
        sheet.append(row + [""] * (len(HEADERS) - len(row)))
    path = tmp_path / "danh-sach-moi.xlsx"
    book.save(path)
    return path


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def cell_row(page, code):
    """The dashboard's figures for one unit: issued, logged in, never (as numbers)."""
    cells = page.locator("table tbody tr", has=page.locator(f"td:text-is('{code}')")).locator("td")
    return [int(re.sub(r"\D", "", cells.nth(i).inner_text()) or 0) for i in (2, 3, 4)]


def test_officer_imports_prints_codes_and_sees_the_login_rate_move(chromium, live_demo, tmp_path):
    base = live_demo.url
    parent = PartyOrganization.objects.get(code=CELL).get_parent().code
    office = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    officer = office.new_page()
    officer.goto(f"{base}/admin/login/")
    officer.fill("#id_username", "tochuc")
    officer.fill("#id_password", demo_password())
    officer.click("form button[type=submit]")
    second_factor_in_browser(officer, "tochuc")  # staff type a code after the password
    officer.wait_for_url(lambda url: "/admin/" in url and "/xac-thuc-hai-buoc/" not in url)

    dashboard = f"{base}/admin/dang-vien/ty-le-dang-nhap/?unit={parent}"
    officer.goto(dashboard)
    issued, logged_in, never = cell_row(officer, CELL)

    # Import: a preview first (nothing written), then the confirmation.
    officer.goto(f"{base}/admin/dang-vien/nhap-danh-sach/")
    officer.set_input_files("input[type=file]", str(roster_file(tmp_path)))
    officer.click("button:has-text('Kiểm tra và xem trước')")
    officer.wait_for_load_state()
    assert "2 đảng viên mới" in officer.content()
    assert not Member.objects.filter(card_number="81000001").exists()
    shot(officer, "01-import-preview")
    officer.click("button:has-text('Ghi vào hệ thống')")
    officer.wait_for_load_state()
    assert Member.objects.filter(card_number__in=["81000001", "81000002"]).count() == 2
    shot(officer, "02-import-done")

    # The cell's activation codes, as the Excel sheet a secretary hands out.
    officer.goto(f"{base}/quan-ly-tai-khoan/chi-bo/{CELL}/")
    with officer.expect_download() as download:
        officer.click("button:has-text('Tải danh sách (Excel)')")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    codes = {str(row[2]): row[4] for row in sheet.iter_rows(min_row=3, values_only=True)}
    code = codes["81000001"]

    officer.goto(dashboard)
    issued_after, logged_in_after, never_after = cell_row(officer, CELL)
    assert issued_after >= issued + 2 and logged_in_after == logged_in

    # The new member, on a phone: first login with the code, made to choose a password.
    phone = chromium.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    member = phone.new_page()
    member.goto(f"{base}/dang-nhap/")
    member.fill("#id_username", "81000001")
    member.fill("#id_password", code)
    member.click("main form button[type=submit]")
    member.wait_for_url(lambda url: "/doi-mat-khau/" in url)
    member.fill("#id_new_password1", NEW_PASSWORD)
    member.fill("#id_new_password2", NEW_PASSWORD)
    member.click("main form button[type=submit]")
    # Then, once, the notice on how the site handles their personal data.
    member.wait_for_url(lambda url: "/thong-bao-du-lieu-ca-nhan/" in url)
    member.check("#id_agree")
    member.click("main form button[type=submit]")
    member.wait_for_url(lambda url: "/thong-bao-du-lieu-ca-nhan/" not in url)
    assert "Võ Thị Kim Ngân" in member.content()
    shot(member, "03-new-member-home")

    # Back at the office: one more member of the cell has logged in.
    officer.goto(dashboard)
    now_issued, now_logged_in, now_never = cell_row(officer, CELL)
    assert now_logged_in == logged_in_after + 1
    assert now_never == never_after - 1 and now_issued == issued_after
    shot(officer, "04-dashboard-after-login")
    office.close()
    phone.close()
