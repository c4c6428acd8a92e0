"""The roster file: its columns, reading XLSX/CSV into rows, and the blank template.

The template and the importer share ``HEADERS``, so the file a committee fills
in is the file the importer expects.
"""

import csv
import io
import zipfile

from django.conf import settings

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from cms.core.folding import fold, normalize

HEADERS = [
    "Số thẻ đảng viên",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số điện thoại",
    "Email",
    "Mã chi bộ",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Chức vụ",
]
COLUMN_WIDTHS = (18, 28, 12, 10, 14, 24, 14, 14, 14, 16)

TEMPLATE_GUIDE = [
    "Mỗi dòng của trang đầu là một đảng viên; dòng 1 là tiêu đề, giữ nguyên.",
    "Số thẻ đảng viên: bắt buộc, không trùng nhau; dùng để đăng nhập.",
    "Ngày sinh, Ngày vào Đảng, Ngày chính thức: dạng ngày/tháng/năm, ví dụ 05/03/1968.",
    "Giới tính: Nam hoặc Nữ. Email có thể để trống.",
    "Số điện thoại: 10 chữ số, bắt đầu bằng 0; cũng dùng để đăng nhập.",
    "Mã chi bộ: mã của chi bộ trong hệ thống, ví dụ CM-X1-A1.",
    "Chức vụ: Bí thư, Phó Bí thư, Chi ủy viên (Cấp ủy viên) hoặc Đảng viên; để trống là Đảng viên.",
    "Nhập lại cùng danh sách không tạo trùng: đảng viên được nhận ra theo số thẻ.",
]


class RosterFileError(Exception):
    """The file as a whole cannot be read (format, encoding, header)."""


def text(value):
    """A cell's value as one line of NFC text ("" for an empty cell)."""
    if value is None:
        return ""
    if type(value) is str and value.isascii():
        return " ".join(value.split())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(normalize(str(value)).split())


def read_rows(data: bytes, filename: str):
    """Rows of the file as lists of cell values, header first."""
    name = (filename or "").lower()
    if data[:2] == b"PK" or name.endswith(".xlsx"):
        return _read_xlsx(data)
    if name.endswith(".xls"):
        raise RosterFileError(
            "Tệp .xls (Excel 97–2003) không được hỗ trợ: đề nghị lưu lại dưới dạng .xlsx hoặc .csv."
        )
    return _read_csv(data)


def _unpacked_size(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise RosterFileError("Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.") from exc


def _too_many_rows():
    limit = f"{settings.MEMBERS_IMPORT_MAX_ROWS:_}".replace("_", ".")
    return RosterFileError(
        f"Tệp có hơn {limit} dòng: đề nghị chia nhỏ danh sách (ví dụ theo từng đảng bộ) "
        "rồi nhập lần lượt."
    )


def _read_xlsx(data):
    # Zip sizes are what the reader inflates at most: a small file that unpacks
    # into gigabytes is refused before any of it is read.
    if _unpacked_size(data) > settings.MEMBERS_IMPORT_MAX_UNPACKED_BYTES:
        raise RosterFileError(
            "Tệp Excel quá lớn khi giải nén: đề nghị lưu lại chỉ với trang danh sách, "
            "hoặc dùng tệp CSV."
        )
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise RosterFileError("Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.") from exc
    try:
        if not wb.worksheets:
            raise RosterFileError("Tệp Excel không có trang tính nào: đề nghị dùng tệp mẫu.")
        rows = []
        for row in wb.worksheets[0].iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > settings.MEMBERS_IMPORT_MAX_ROWS + 1:
                raise _too_many_rows()
        return rows
    finally:
        wb.close()


def _read_csv(data):
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterFileError(
            "Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: CSV UTF-8)."
        ) from exc
    first = decoded.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = []
    try:
        for row in csv.reader(io.StringIO(decoded), delimiter=delimiter):
            rows.append(row)
            if len(rows) > settings.MEMBERS_IMPORT_MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as exc:
        raise RosterFileError(f"Tệp CSV không đọc được: {exc}.") from exc
    return rows


def check_header(header):
    got = [text(v) for v in (header or [])]
    while got and not got[-1]:
        got.pop()
    if [fold(h) for h in got] != [fold(h) for h in HEADERS]:
        raise RosterFileError(
            "Dòng 1 (tiêu đề) không đúng mẫu. Tiêu đề phải là: "
            + ", ".join(HEADERS)
            + ". Đề nghị tải tệp mẫu và dán dữ liệu vào."
        )


def template_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách đảng viên"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJ", COLUMN_WIDTHS, strict=True):
        ws.column_dimensions[col].width = width
    guide = wb.create_sheet("Hướng dẫn")
    for line in TEMPLATE_GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_csv():
    out = io.StringIO()
    csv.writer(out).writerow(HEADERS)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
