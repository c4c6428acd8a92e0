"""Checking one row of a roster: each value parsed, each mistake named with its row."""

import datetime
import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from cms.core.folding import fold

from .choices import Gender, OrgLevel, Position
from .models import normalize_phone
from .roster import HEADERS, text

POSITIONS = {
    "bi thu": Position.SECRETARY,
    "bi thu chi bo": Position.SECRETARY,
    "pho bi thu": Position.DEPUTY_SECRETARY,
    "pho bi thu chi bo": Position.DEPUTY_SECRETARY,
    "chi uy vien": Position.COMMITTEE_MEMBER,
    "cap uy vien": Position.COMMITTEE_MEMBER,
    "dang vien": Position.MEMBER,
    "": Position.MEMBER,
}
GENDERS = {"nam": Gender.MALE, "nu": Gender.FEMALE, "": ""}
# The member fields a row sets, with their labels in the preview of changes.
FIELD_LABELS = {
    "full_name": "Họ và tên",
    "date_of_birth": "Ngày sinh",
    "gender": "Giới tính",
    "phone": "Số điện thoại",
    "email": "Email",
    "cell_id": "Chi bộ",
    "admission_date": "Ngày vào Đảng",
    "full_membership_date": "Ngày chính thức",
    "position": "Chức vụ",
}
COMPARED = list(FIELD_LABELS)
CARD_RE = re.compile(r"^[0-9A-Za-z]{4,32}$")
DATE_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


@lru_cache(maxsize=4096)
def _key(value):
    """Folded lookup key of a short vocabulary value (gender, position)."""
    return " ".join(fold(value).split())


def _date(value, label, errors, prefix, today):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    m = DATE_RE.match(raw)
    parsed = None
    if m:
        try:
            parsed = datetime.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            parsed = None
    if parsed is None or parsed.year < 1900 or parsed > today:
        errors.append(
            f"{prefix}{label} “{raw}” không hợp lệ (cần dạng ngày/tháng/năm, dd/mm/yyyy)."
        )
        return None
    return parsed


def _phone(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) == 9:  # Excel dropped the leading zero
            digits = "0" + digits
        return digits, normalize_phone(digits)
    raw = text(value)
    return raw, normalize_phone(raw)


def _card(value, errors, p):
    card = text(value).replace(" ", "")
    if not card:
        errors.append(p + "thiếu số thẻ đảng viên.")
    elif not CARD_RE.match(card):
        errors.append(
            p + f"số thẻ đảng viên “{card}” không hợp lệ (chỉ gồm chữ và số, 4–32 ký tự)."
        )
    return card


def _name(value, errors, p):
    name = text(value)
    if not name:
        errors.append(p + "thiếu họ và tên.")
    elif len(name) > 255:
        errors.append(p + "họ và tên quá dài.")
    return name


def _email(value, errors, p):
    email = text(value)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(p + f"email “{email}” không hợp lệ.")
    return email


def _cell(value, cells_by_code, errors, p):
    code = text(value).upper()
    cell = cells_by_code.get(code)
    if not code:
        errors.append(p + "thiếu mã chi bộ.")
    elif cell is None:
        errors.append(p + f"không có chi bộ mã “{code}”.")
    elif cell.level != OrgLevel.CELL:
        errors.append(p + f"mã “{code}” là {cell.get_level_display().lower()}, không phải chi bộ.")
        cell = None
    return cell.pk if cell else None


def check_row(values, row_no, cells_by_code, today=None):
    """Parse one row → (record dict, [errors])."""
    today = today or timezone.localdate()
    values = list(values) + [None] * (len(HEADERS) - len(values))
    (card, name, dob, gender, phone, email, cell_code, admitted, full, position) = values[:10]
    errors = []
    p = f"Dòng {row_no}: "
    record = {"card_number": _card(card, errors, p), "full_name": _name(name, errors, p)}
    record["date_of_birth"] = _date(dob, "ngày sinh", errors, p, today)
    record["admission_date"] = _date(admitted, "ngày vào Đảng", errors, p, today)
    record["full_membership_date"] = _date(full, "ngày chính thức", errors, p, today)
    g = _key(text(gender))
    if g not in GENDERS:
        errors.append(p + f"giới tính “{text(gender)}” không rõ (ghi Nam hoặc Nữ).")
    record["gender"] = GENDERS.get(g, "")
    raw_phone, record["phone"] = _phone(phone)
    if raw_phone and not record["phone"]:
        errors.append(
            p + f"số điện thoại “{raw_phone}” không hợp lệ (cần 10 chữ số, bắt đầu bằng 0)."
        )
    record["email"] = _email(email, errors, p)
    record["cell_id"] = _cell(cell_code, cells_by_code, errors, p)
    pos = _key(text(position))
    if pos not in POSITIONS:
        errors.append(
            p + f"chức vụ “{text(position)}” không rõ (Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên)."
        )
    record["position"] = POSITIONS.get(pos, Position.MEMBER)
    dob, adm, fm = record["date_of_birth"], record["admission_date"], record["full_membership_date"]
    if dob and adm and adm <= dob:
        errors.append(p + "ngày vào Đảng phải sau ngày sinh.")
    if adm and fm and fm < adm:
        errors.append(p + "ngày chính thức không được trước ngày vào Đảng.")
    return record, errors
