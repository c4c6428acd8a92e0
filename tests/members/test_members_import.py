"""Roster import: a good file, every kind of bad row (nothing written),
the dry run, re-import without duplicates, updates with transfer history."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
import time_machine
from openpyxl import Workbook, load_workbook

from cms.core import roles
from cms.members.choices import Gender, Position
from cms.members.importer import HEADERS, RosterFileError, import_roster
from cms.members.models import ActivationCode, Member, MemberTransfer, PendingRoster
from tests.shared_cache import empty_cache

GOOD = [
    [
        "80000001",
        "Nguyễn Văn An",
        "05/03/1968",
        "Nam",
        "0933 000 001",
        "",
        "CM-X1-A1",
        "12/05/1995",
        "12/05/1996",
        "Bí thư chi bộ",
    ],
    [
        "80000002",
        "Trần Thị Bích Hằng",
        "17/11/1975",
        "Nữ",
        "0933000002",
        "hang@example.vn",
        "cm-x1-a1",
        "02/09/2001",
        "02/09/2002",
        "PHO BI THU",
    ],
    [
        "80000003",
        "Lê Hữu Phước",
        "01/01/1980",
        "nam",
        "+84933000003",
        "",
        "BH-CQ-VP",
        "03/02/2010",
        "03/02/2011",
        "cấp ủy viên",
    ],
    ["80000004", "Phạm Thị Thu", "20/12/1990", "NỮ", "", "", "BH-CQ-VP", "19/05/2015", "", ""],
]


def xlsx(rows, header=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows, sep=","):
    lines = [sep.join(HEADERS)] + [sep.join(r) for r in rows]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def snapshot():
    User = get_user_model()
    return (
        Member.objects.count(),
        User.objects.count(),
        MemberTransfer.objects.count(),
        ModelLogEntry.objects.count(),
        list(Member.objects.order_by("pk").values_list("full_name", "phone", "cell_id")),
    )


@pytest.mark.django_db
def test_good_xlsx_file(users):
    result = import_roster(xlsx(GOOD), "ds.xlsx", dry_run=False, user=users["tochuc"])
    assert result.ok and result.written and len(result.created) == 4
    an = Member.objects.get(card_number="80000001")
    assert an.full_name == "Nguyễn Văn An"
    assert an.date_of_birth.isoformat() == "1968-03-05"
    assert an.phone == "0933000001" and an.gender == Gender.MALE
    assert an.cell.code == "CM-X1-A1" and an.position == Position.SECRETARY
    assert an.user.username == "80000001" and not an.user.has_usable_password()
    assert an.account_issued_at is None  # issued when the cell's list is printed
    assert not ActivationCode.objects.filter(member=an).exists()
    assert an.user.groups.filter(name=roles.CELL_SECRETARIES).exists()
    assert an.user.groups.filter(name=roles.MEMBERS).exists()
    hang = Member.objects.get(card_number="80000002")
    assert hang.position == Position.DEPUTY_SECRETARY and hang.gender == Gender.FEMALE
    assert Member.objects.get(card_number="80000003").position == Position.COMMITTEE_MEMBER
    assert Member.objects.get(card_number="80000003").phone == "0933000003"
    thu = Member.objects.get(card_number="80000004")
    assert thu.position == Position.MEMBER and thu.full_membership_date is None
    entry = ModelLogEntry.objects.filter(
        action="members.import_create", object_id=str(an.cell_id)
    ).latest("pk")
    assert set(entry.data["members"]) == {"80000001", "80000002"}
    assert entry.user == users["tochuc"]
    assert ModelLogEntry.objects.filter(action="members.import").latest("pk").data["created"] == 4


@pytest.mark.django_db
def test_good_csv_file_with_semicolons():
    result = import_roster(csv_bytes(GOOD, ";"), "ds.csv", dry_run=False)
    assert result.ok and len(result.created) == 4
    assert Member.objects.get(card_number="80000002").full_name == "Trần Thị Bích Hằng"


@pytest.mark.django_db
def test_reimport_creates_no_duplicates_and_updates_with_history():
    import_roster(xlsx(GOOD), "ds.xlsx", dry_run=False)
    before = Member.objects.count()
    again = import_roster(xlsx(GOOD), "ds.xlsx", dry_run=False)
    assert not again.created and not again.updated and again.unchanged == 4
    assert Member.objects.count() == before
    changed = [list(r) for r in GOOD]
    changed[0][6] = "LK-X1-A2"  # moved to another cell
    changed[1][4] = "0933999999"
    result = import_roster(xlsx(changed), "ds2.xlsx", dry_run=False)
    assert len(result.updated) == 2 and result.transfers == 1
    assert Member.objects.count() == before
    an = Member.objects.get(card_number="80000001")
    assert an.cell.code == "LK-X1-A2"
    t = MemberTransfer.objects.get(member=an)
    assert (t.from_cell.code, t.to_cell.code) == ("CM-X1-A1", "LK-X1-A2")
    assert Member.objects.get(card_number="80000002").phone == "0933999999"


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    before = snapshot()
    result = import_roster(xlsx(GOOD), "ds.xlsx", dry_run=True)
    assert result.ok and not result.written and len(result.created) == 4
    assert snapshot() == before


def bad(row_index, column, value):
    rows = [list(r) for r in GOOD]
    rows[row_index][HEADERS.index(column)] = value
    return rows


BAD_CASES = [
    (bad(1, "Số thẻ đảng viên", ""), "Dòng 3: thiếu số thẻ đảng viên"),
    (bad(2, "Số thẻ đảng viên", "80000001"), "Dòng 4: số thẻ đảng viên 80000001 trùng với dòng 2"),
    (bad(1, "Họ và tên", ""), "Dòng 3: thiếu họ và tên"),
    (bad(3, "Mã chi bộ", "XX-99"), "Dòng 5: không có chi bộ mã “XX-99”"),
    (bad(3, "Mã chi bộ", "CM-X1"), "Dòng 5: mã “CM-X1” là tổ chức cơ sở đảng, không phải chi bộ"),
    (bad(0, "Ngày sinh", "31/02/1968"), "Dòng 2: ngày sinh “31/02/1968” không hợp lệ"),
    (bad(0, "Ngày vào Đảng", "1995-05-12x"), "Dòng 2: ngày vào Đảng “1995-05-12x” không hợp lệ"),
    (
        bad(0, "Ngày chính thức", "01/01/1990"),
        "Dòng 2: ngày chính thức không được trước ngày vào Đảng",
    ),
    (bad(2, "Số điện thoại", "12345"), "Dòng 4: số điện thoại “12345” không hợp lệ"),
    (bad(2, "Số điện thoại", "0933000001"), "Dòng 4: số điện thoại 0933000001 trùng với dòng 2"),
    (bad(2, "Email", "khong-phai-email"), "Dòng 4: email “khong-phai-email” không hợp lệ"),
    (bad(2, "Giới tính", "X"), "Dòng 4: giới tính “X” không rõ"),
    (bad(2, "Chức vụ", "Chủ tịch"), "Dòng 4: chức vụ “Chủ tịch” không rõ"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("rows, message", BAD_CASES)
def test_each_bad_row_changes_nothing(rows, message):
    import_roster(xlsx(GOOD[:1]), "truoc.xlsx", dry_run=False)  # an existing member
    before = snapshot()
    result = import_roster(xlsx(rows), "ds.xlsx", dry_run=False)
    assert not result.ok and not result.written
    assert any(message in e for e in result.errors), result.errors
    assert snapshot() == before


@pytest.mark.django_db
def test_phone_of_another_member_refused(make_member):
    make_member(phone="0933000003")
    result = import_roster(xlsx(GOOD), "ds.xlsx", dry_run=False)
    assert "Dòng 4: số điện thoại 0933000003 đã là của đảng viên" in " ".join(result.errors)
    assert not Member.objects.filter(card_number__startswith="8000000").exists()


@pytest.mark.django_db
def test_wrong_header_refused():
    header = list(HEADERS)
    header[2], header[3] = header[3], header[2]
    with pytest.raises(RosterFileError, match="tiêu đề"):
        import_roster(xlsx(GOOD, header), "ds.xlsx", dry_run=False)


@pytest.mark.django_db
def test_non_utf8_csv_refused():
    data = csv_bytes(GOOD).decode("utf-8").encode("cp1258", errors="replace")
    with pytest.raises(RosterFileError, match="UTF-8"):
        import_roster(data, "ds.csv", dry_run=False)


@pytest.mark.django_db
def test_excel_dates_and_numbers(users):
    rows = [
        [
            80000009,
            "Võ Văn Kiệt",
            datetime.datetime(1970, 1, 2),
            "Nam",
            933000009,
            None,
            "CM-X1-A1",
            datetime.date(1999, 5, 19),
            None,
            "Đảng viên",
        ]
    ]
    result = import_roster(xlsx(rows), "ds.xlsx", dry_run=False)
    assert result.ok, result.errors
    m = Member.objects.get(card_number="80000009")
    assert m.phone == "0933000009" and m.date_of_birth == datetime.date(1970, 1, 2)


@pytest.mark.django_db
def test_command_dry_run_and_errors(tmp_path, capsys):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx(GOOD))
    call_command("import_members", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Xem trước" in out and "+ 80000001 Nguyễn Văn An" in out
    assert not Member.objects.filter(card_number="80000001").exists()
    call_command("import_members", str(path))
    assert Member.objects.filter(card_number__startswith="8000000").count() == 4
    path.write_bytes(xlsx(bad(3, "Mã chi bộ", "XX-99")))
    with pytest.raises(CommandError, match="không ghi dòng nào"):
        call_command("import_members", str(path))


@pytest.mark.django_db
def test_admin_import_preview_then_confirm(client, users, make_member):
    url = "/admin/dang-vien/nhap-danh-sach/"
    client.force_login(make_member().user)
    assert client.get(url).status_code == 302  # no admin access at all: to the admin login
    client.force_login(users["bientap"])
    assert client.get(url).status_code == 403
    client.force_login(users["tochuc"])
    template = client.get(url + "mau.xlsx")
    assert [c.value for c in load_workbook(io.BytesIO(template.content)).active[1]] == HEADERS
    response = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", xlsx(GOOD))})
    assert response.status_code == 200
    assert "4 đảng viên mới" in response.content.decode()
    assert not Member.objects.filter(card_number="80000001").exists()
    token = response.context["token"]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert Member.objects.filter(card_number__startswith="8000000").count() == 4
    response = client.post(
        url, {"file": SimpleUploadedFile("ds.xlsx", xlsx(bad(3, "Mã chi bộ", "XX-99")))}
    )
    body = response.content.decode()
    assert "Dòng 5: không có chi bộ mã “XX-99”" in body and not response.context["token"]


@pytest.mark.django_db
def test_preview_waits_in_the_database_not_in_a_process_cache(client, users):
    """Production without Redis has a cache per worker: the confirmation may reach
    another process. The preview's file waits in the database, for 30 minutes."""
    url = "/admin/dang-vien/nhap-danh-sach/"
    client.force_login(users["tochuc"])
    response = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", xlsx(GOOD))})
    token = response.context["token"]
    empty_cache()  # as seen from another worker process
    assert client.post(url, {"token": token}).status_code == 302
    assert Member.objects.filter(card_number__startswith="8000000").count() == 4
    assert not PendingRoster.objects.exists()

    response = client.post(
        url, {"file": SimpleUploadedFile("ds.xlsx", xlsx(bad(2, "Họ và tên", "Lê Văn Mới")))}
    )
    token = response.context["token"]
    assert token
    # Another person cannot confirm it, and it expires.
    client.force_login(users["quantri"])
    assert client.post(url, {"token": token}).status_code == 302
    assert Member.objects.get(card_number="80000003").full_name == "Lê Hữu Phước"
    client.force_login(users["tochuc"])
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=31)):
        response = client.post(url, {"token": token}, follow=True)
    assert "Bản xem trước đã hết hạn" in response.content.decode()
    assert Member.objects.get(card_number="80000003").full_name == "Lê Hữu Phước"
