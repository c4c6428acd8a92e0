"""Import of the member roster (XLSX or CSV) that issues accounts.

The file is read and checked completely before anything is written: when
any row is wrong, nothing of the file is written, and the errors name the
row (as numbered in the spreadsheet, the header being row 1). A dry run
stops after the check and returns the preview. Members are matched by card
number, so importing the same roster again creates nothing new.

Accounts are created without a usable password: no hashing happens here
(Django's hasher costs ~0.2 s per password, 5 hours for 100,000). Members
get one-time activation codes when their cell's list is printed.
"""

import csv
import datetime
import io
import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from cms.home import roles
from cms.search.folding import fold, normalize

from .choices import Gender, OrgLevel, Position
from .models import Member, MemberTransfer, PartyOrganization, normalize_phone
from .services import bulk_log

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
POSITION_LABELS = dict(Position.choices)
CARD_RE = re.compile(r"^[0-9A-Za-z]{4,32}$")
DATE_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
CHUNK = 2000
PREVIEW_LIMIT = 200


class RosterFileError(Exception):
    """The file as a whole cannot be read (format, encoding, header)."""


@dataclass
class ImportResult:
    total_rows: int = 0
    created: list = field(default_factory=list)  # [dict of the new member's fields]
    updated: list = field(default_factory=list)  # [(Member, {label: (old, new)})]
    unchanged: int = 0
    transfers: int = 0
    errors: list = field(default_factory=list)  # ["Dòng 5: …"]
    dry_run: bool = True
    written: bool = False

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        return (
            f"{self.total_rows} dòng: {len(self.created)} đảng viên mới, "
            f"{len(self.updated)} thay đổi ({self.transfers} chuyển chi bộ), "
            f"{self.unchanged} không đổi"
        )


# --- reading ---------------------------------------------------------------


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


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise RosterFileError("Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.") from exc
    ws = wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    return rows


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterFileError(
            "Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: CSV UTF-8)."
        ) from exc
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# --- checking one row ------------------------------------------------------


def _text(value):
    if value is None:
        return ""
    if type(value) is str and value.isascii():
        return " ".join(value.split())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(normalize(str(value)).split())


@lru_cache(maxsize=4096)
def _key(text):
    """Folded lookup key of a short vocabulary value (gender, position)."""
    return " ".join(fold(text).split())


def _date(value, label, errors, prefix, today):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    m = DATE_RE.match(text)
    parsed = None
    if m:
        try:
            parsed = datetime.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            parsed = None
    if parsed is None or parsed.year < 1900 or parsed > today:
        errors.append(
            f"{prefix}{label} “{text}” không hợp lệ (cần dạng ngày/tháng/năm, dd/mm/yyyy)."
        )
        return None
    return parsed


def _phone(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) == 9:  # Excel dropped the leading zero
            digits = "0" + digits
        return digits, normalize_phone(digits)
    raw = _text(value)
    return raw, normalize_phone(raw)


def check_row(values, row_no, cells_by_code, today=None):
    """Parse one row → (record dict, [errors])."""
    today = today or timezone.localdate()
    values = list(values) + [None] * (len(HEADERS) - len(values))
    (card, name, dob, gender, phone, email, cell_code, admitted, full, position) = values[:10]
    errors = []
    p = f"Dòng {row_no}: "
    card = _text(card).replace(" ", "")
    if not card:
        errors.append(p + "thiếu số thẻ đảng viên.")
    elif not CARD_RE.match(card):
        errors.append(
            p + f"số thẻ đảng viên “{card}” không hợp lệ (chỉ gồm chữ và số, 4–32 ký tự)."
        )
    name = _text(name)
    if not name:
        errors.append(p + "thiếu họ và tên.")
    elif len(name) > 255:
        errors.append(p + "họ và tên quá dài.")
    record = {"card_number": card, "full_name": name}
    record["date_of_birth"] = _date(dob, "ngày sinh", errors, p, today)
    record["admission_date"] = _date(admitted, "ngày vào Đảng", errors, p, today)
    record["full_membership_date"] = _date(full, "ngày chính thức", errors, p, today)
    g = _key(_text(gender))
    if g not in GENDERS:
        errors.append(p + f"giới tính “{_text(gender)}” không rõ (ghi Nam hoặc Nữ).")
    record["gender"] = GENDERS.get(g, "")
    raw_phone, record["phone"] = _phone(phone)
    if raw_phone and not record["phone"]:
        errors.append(
            p + f"số điện thoại “{raw_phone}” không hợp lệ (cần 10 chữ số, bắt đầu bằng 0)."
        )
    email = _text(email)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(p + f"email “{email}” không hợp lệ.")
    record["email"] = email
    code = _text(cell_code).upper()
    cell = cells_by_code.get(code)
    if not code:
        errors.append(p + "thiếu mã chi bộ.")
    elif cell is None:
        errors.append(p + f"không có chi bộ mã “{code}”.")
    elif cell.level != OrgLevel.CELL:
        errors.append(p + f"mã “{code}” là {cell.get_level_display().lower()}, không phải chi bộ.")
        cell = None
    record["cell_id"] = cell.pk if cell else None
    pos = _key(_text(position))
    if pos not in POSITIONS:
        errors.append(
            p
            + f"chức vụ “{_text(position)}” không rõ (Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên)."
        )
    record["position"] = POSITIONS.get(pos, Position.MEMBER)
    dob, adm, fm = record["date_of_birth"], record["admission_date"], record["full_membership_date"]
    if dob and adm and adm <= dob:
        errors.append(p + "ngày vào Đảng phải sau ngày sinh.")
    if adm and fm and fm < adm:
        errors.append(p + "ngày chính thức không được trước ngày vào Đảng.")
    return record, errors


# --- the whole file --------------------------------------------------------


def _chunks(items, size=CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def check_header(header):
    got = [_text(v) for v in (header or [])]
    while got and not got[-1]:
        got.pop()
    if [fold(h) for h in got] != [fold(h) for h in HEADERS]:
        raise RosterFileError(
            "Dòng 1 (tiêu đề) không đúng mẫu. Tiêu đề phải là: "
            + ", ".join(HEADERS)
            + ". Đề nghị tải tệp mẫu và dán dữ liệu vào."
        )


def plan_import(rows):
    """Check every row and compare with the database; writes nothing."""
    result = ImportResult()
    if not rows:
        raise RosterFileError("Tệp trống.")
    check_header(rows[0])
    cells_by_code = {
        o.code.upper(): o
        for o in PartyOrganization.objects.only("id", "code", "level", "path", "depth")
    }
    records = []
    today = timezone.localdate()
    seen_cards, seen_phones = {}, {}
    for row_no, values in enumerate(rows[1:], start=2):
        if not any(_text(v) for v in values):
            continue
        result.total_rows += 1
        record, errors = check_row(values, row_no, cells_by_code, today)
        card = record["card_number"].upper()
        if card and card in seen_cards:
            errors.append(
                f"Dòng {row_no}: số thẻ đảng viên {record['card_number']} trùng với dòng {seen_cards[card]}."
            )
        elif card:
            seen_cards[card] = row_no
        phone = record["phone"]
        if phone and phone in seen_phones:
            errors.append(
                f"Dòng {row_no}: số điện thoại {phone} trùng với dòng {seen_phones[phone]}."
            )
        elif phone:
            seen_phones[phone] = row_no
        result.errors.extend(errors)
        record["row"] = row_no
        records.append(record)
    if result.errors:
        return result, []

    existing = {}
    for chunk in _chunks([r["card_number"] for r in records]):
        for m in Member.objects.filter(card_number__in=chunk):
            existing[m.card_number.upper()] = m
    # A phone in the file must not belong to another member who keeps it.
    file_phone_of = {r["card_number"].upper(): r["phone"] for r in records}
    record_by_row = {r["row"]: r for r in records}
    for chunk in _chunks(seen_phones):
        for phone, card in Member.objects.filter(phone__in=chunk).values_list(
            "phone", "card_number"
        ):
            owner = card.upper()
            row_no = seen_phones[phone]
            mine = record_by_row[row_no]
            if owner != mine["card_number"].upper() and file_phone_of.get(owner, phone) == phone:
                result.errors.append(
                    f"Dòng {row_no}: số điện thoại {phone} đã là của đảng viên số thẻ {card}."
                )
    if result.errors:
        return result, []

    code_of = {o.pk: o.code for o in cells_by_code.values()}
    plan = []
    for r in records:
        member = existing.get(r["card_number"].upper())
        if member is None:
            new = {k: r[k] for k in ["card_number", *COMPARED]}
            new["position_label"] = POSITION_LABELS[new["position"]]
            result.created.append(new)
            plan.append(("create", new, None))
            continue
        changes = {}
        for f in COMPARED:
            old, new = getattr(member, f), r[f]
            if (old or None) != (new or None):
                if f == "cell_id":
                    changes[FIELD_LABELS[f]] = (code_of.get(old, old), code_of.get(new, new))
                else:
                    changes[FIELD_LABELS[f]] = (_display(old), _display(new))
        if changes:
            old_cell = member.cell_id
            for f in COMPARED:
                setattr(member, f, r[f])
            result.updated.append((member, changes))
            if old_cell != member.cell_id:
                result.transfers += 1
            plan.append(("update", member, old_cell))
        else:
            result.unchanged += 1
    return result, plan


def _display(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value or ""


def _split_name(full_name):
    """(family and middle names, given name): stored in that order as
    first_name/last_name so that get_full_name() reads "Nguyễn Văn An"."""
    family, _, given = full_name.rpartition(" ")
    return family[:150], given[:150]


@transaction.atomic
def _apply(result, plan, user, filename):
    User = get_user_model()
    created = [
        Member(user_id=None, **{k: r[k] for k in ["card_number", *COMPARED]})
        for kind, r, _ in plan
        if kind == "create"
    ]
    updates = [(m, old) for kind, m, old in plan if kind == "update"]

    # Accounts: a user per new member, login name = card number, no password.
    cards = [m.card_number for m in created]
    user_ids = {}
    for chunk in _chunks(cards):
        for pk, username in User.objects.filter(
            username__in=chunk, member__isnull=True
        ).values_list("pk", "username"):
            user_ids[username] = pk
    new_users = []
    for m in created:
        if m.card_number not in user_ids:
            family, given = _split_name(m.full_name)
            new_users.append(
                User(
                    username=m.card_number,
                    first_name=family,
                    last_name=given,
                    email=m.email,
                    password="!" + secrets.token_urlsafe(24),  # unusable, no hashing
                    is_active=True,
                )
            )
    User.objects.bulk_create(new_users, batch_size=CHUNK)
    missing = [u.username for u in new_users if u.pk is None]
    for chunk in _chunks(missing):
        user_ids.update(
            {
                n: pk
                for pk, n in User.objects.filter(username__in=chunk).values_list("pk", "username")
            }
        )
    user_ids.update({u.username: u.pk for u in new_users if u.pk is not None})
    for m in created:
        m.user_id = user_ids[m.card_number]
    Member.objects.bulk_create(created, batch_size=CHUNK)
    if any(m.pk is None for m in created):
        by_card = {}
        for chunk in _chunks([m.card_number for m in created]):
            by_card.update(
                dict(Member.objects.filter(card_number__in=chunk).values_list("card_number", "pk"))
            )
        for m in created:
            m.pk = m.id = by_card[m.card_number]

    if updates:
        Member.objects.bulk_update([m for m, _ in updates], COMPARED, batch_size=500)
    today = timezone.localdate()
    transfers = [
        MemberTransfer(
            member=m,
            from_cell_id=old,
            to_cell_id=m.cell_id,
            transferred_on=today,
            note=f"Nhập danh sách {filename}"[:255],
            created_by=user,
        )
        for m, old in updates
        if old != m.cell_id
    ]
    MemberTransfer.objects.bulk_create(transfers, batch_size=CHUNK)

    groups = roles.ensure_groups()
    through = User.groups.through
    links = [through(user_id=m.user_id, group_id=groups[roles.MEMBERS].pk) for m in created]
    links += [
        through(user_id=m.user_id, group_id=groups[roles.CELL_SECRETARIES].pk)
        for m in [*created, *(m for m, _ in updates)]
        if m.position == Position.SECRETARY
    ]
    through.objects.bulk_create(links, batch_size=CHUNK, ignore_conflicts=True)

    # Audit: one entry per cell and kind, naming every card (an entry per
    # member would double the rows written by a province-wide import).
    changes_of = {id(m): c for m, c in result.updated}
    per_cell = {}
    for m in created:
        per_cell.setdefault((m.cell_id, "members.import_create"), {})[m.card_number] = "mới"
    for m, _ in updates:
        per_cell.setdefault((m.cell_id, "members.import_update"), {})[m.card_number] = {
            k: list(v) for k, v in changes_of.get(id(m), {}).items()
        }
    cells = PartyOrganization.objects.in_bulk({cell_id for cell_id, _ in per_cell})
    by_action = {}
    for (cell_id, action), members in per_cell.items():
        by_action.setdefault(action, []).append((cells[cell_id], members))
    for action, items in by_action.items():
        data = {id(cell): {"file": filename, "members": members} for cell, members in items}
        bulk_log([cell for cell, _ in items], action, user=user, data=lambda c, d=data: d[id(c)])
    root = PartyOrganization.get_first_root_node()
    if root is not None:
        log(
            root,
            "members.import",
            user=user,
            data={
                "file": filename,
                "created": len(created),
                "updated": len(updates),
                "transfers": len(transfers),
                "unchanged": result.unchanged,
            },
        )


def import_roster(data: bytes, filename: str, *, dry_run=True, user=None):
    """Check (and unless ``dry_run`` write) a roster file.

    Raises ``RosterFileError`` when the file itself cannot be used.
    """
    rows = read_rows(data, filename)
    result, plan = plan_import(rows)
    result.dry_run = dry_run
    if result.ok and not dry_run and plan:
        _apply(result, plan, user, filename)
        result.written = True
    return result


def template_xlsx():
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách đảng viên"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJ", (18, 28, 12, 10, 14, 24, 14, 14, 14, 16), strict=True):
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
