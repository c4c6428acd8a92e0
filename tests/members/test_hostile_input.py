"""Hostile input to the members' pages answers a clear Vietnamese message or a
404, never a 500: rosters without sheets, zip bombs, endless files, thousands
of bad rows (a short page), NUL bytes in unit codes."""

import io
import re
import time
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from cms.members.importer import MAX_ERRORS, import_roster
from cms.members.roster import RosterFileError, template_xlsx
from tests.members.test_members_import import GOOD, csv_bytes, snapshot, xlsx

pytestmark = pytest.mark.django_db

IMPORT = "/admin/dang-vien/nhap-danh-sach/"


def without_sheets():
    """A real XLSX with its worksheets taken out of the package."""
    source = zipfile.ZipFile(io.BytesIO(template_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename.startswith("xl/worksheets/"):
                continue
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheet [^>]*/>", b"", data)
            target.writestr(item, data)
    return out.getvalue()


def upload(client, users, name, data):
    client.force_login(users["tochuc"])
    response = client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    return response.content.decode()


def test_a_workbook_without_sheets_is_refused_in_vietnamese(client, users):
    before = snapshot()
    with pytest.raises(RosterFileError) as refusal:
        import_roster(without_sheets(), "ds.xlsx")
    assert "trang tính" in str(refusal.value) or "không đọc được" in str(refusal.value).lower()
    assert str(refusal.value) in upload(client, users, "ds.xlsx", without_sheets())
    assert snapshot() == before


def test_a_zip_bomb_is_refused_before_it_is_read(client, users, settings):
    settings.MEMBERS_IMPORT_MAX_UNPACKED_BYTES = 200_000
    padding = [["", f"{i} " + "x" * 30_000, "", "", "", "", "", "", "", ""] for i in range(40)]
    bomb = xlsx(GOOD + padding)  # ~1.2 MB of XML, a few kB of zip
    assert len(bomb) < 100_000
    started = time.monotonic()
    with pytest.raises(RosterFileError, match="quá lớn khi giải nén"):
        import_roster(bomb, "ds.xlsx")
    assert time.monotonic() - started < 1
    assert "quá lớn khi giải nén" in upload(client, users, "ds.xlsx", bomb)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_too_many_rows_are_refused(settings, kind):
    settings.MEMBERS_IMPORT_MAX_ROWS = 10
    rows = [[f"8100{i:04d}", *GOOD[0][1:4], "", *GOOD[0][5:]] for i in range(11)]  # no phone
    data = xlsx(rows) if kind == "xlsx" else csv_bytes(rows)
    with pytest.raises(RosterFileError, match="hơn 10 dòng"):
        import_roster(data, f"ds.{kind}")
    settings.MEMBERS_IMPORT_MAX_ROWS = 11
    assert import_roster(data, f"ds.{kind}").ok


def test_thousands_of_bad_rows_give_a_short_page(client, users):
    rows = [[f"8200{i:04d}", "", "", "", "", "", "XX-99", "", "", ""] for i in range(1500)]
    result = import_roster(csv_bytes(rows), "ds.csv")
    assert result.error_count == 3000  # no name, no such cell: two per row
    assert len(result.errors) == MAX_ERRORS
    assert not result.ok
    body = upload(client, users, "ds.csv", csv_bytes(rows))
    assert "3000 lỗi" in body
    assert f"… và {3000 - MAX_ERRORS} lỗi khác" in body
    assert len(body) < 200_000
    assert "Dòng 2: thiếu họ và tên." in body


@pytest.mark.parametrize(
    "path",
    [
        "/quan-ly-tai-khoan/chi-bo/%00/",
        "/quan-ly-tai-khoan/chi-bo/CM-X1-A1%00/",
        "/quan-ly-tai-khoan/chi-bo/%00/in-ma-kich-hoat/",
        "/admin/dang-vien/ty-le-dang-nhap/?unit=%00",
        "/admin/dang-vien/ty-le-dang-nhap/?unit=BH%00",
        "/admin/dang-vien/ty-le-dang-nhap/chua-dang-nhap/%00/",
        "/admin/dang-vien/ty-le-dang-nhap/xuat.xlsx?unit=%00",
    ],
)
def test_nul_bytes_in_unit_codes_are_refused_at_the_edge(client, users, path):
    # cms/security/edge.py answers before any view or query (issue 15, item 7).
    client.force_login(users["tochuc"])
    response = client.post(path) if "in-ma-kich-hoat" in path else client.get(path)
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
