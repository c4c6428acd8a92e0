"""Import of the member roster (XLSX or CSV) that issues accounts.

The file is read and checked completely before anything is written: when
any row is wrong, nothing of the file is written, and the errors name the
row (as numbered in the spreadsheet, the header being row 1). A dry run
stops after the check and returns the preview. Members are matched by card
number, so importing the same roster again creates nothing new.

The file format is in ``roster.py``, the checks of one row in
``roster_rows.py``, the writing in ``roster_write.py``.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .choices import Position
from .models import Member, PartyOrganization
from .roster import HEADERS, RosterFileError, check_header, read_rows, text
from .roster_rows import COMPARED, FIELD_LABELS, check_row
from .roster_write import apply_plan, chunks

__all__ = ["HEADERS", "PREVIEW_LIMIT", "ImportResult", "RosterFileError", "import_roster"]

POSITION_LABELS = dict(Position.choices)
PREVIEW_LIMIT = 200
MAX_ERRORS = 200


@dataclass
class ImportResult:
    total_rows: int = 0
    created: list = field(default_factory=list)  # [dict of the new member's fields]
    updated: list = field(default_factory=list)  # [(Member, {label: (old, new)})]
    unchanged: int = 0
    transfers: int = 0
    errors: list = field(default_factory=list)  # ["Dòng 5: …"], the first MAX_ERRORS
    error_count: int = 0
    dry_run: bool = True
    written: bool = False

    @property
    def ok(self):
        return not self.error_count

    @property
    def more_errors(self):
        """Errors found beyond those kept (a bad file's page stays small)."""
        return self.error_count - len(self.errors)

    def add_errors(self, errors):
        self.error_count += len(errors)
        self.errors.extend(errors[: max(0, MAX_ERRORS - len(self.errors))])

    def summary(self):
        return (
            f"{self.total_rows} dòng: {len(self.created)} đảng viên mới, "
            f"{len(self.updated)} thay đổi ({self.transfers} chuyển chi bộ), "
            f"{self.unchanged} không đổi"
        )


def _note_first(seen, key, row_no):
    """The row where ``key`` was seen first, or ``None`` (and remember this one)."""
    if key in seen:
        return seen[key]
    seen[key] = row_no
    return None


def _check_rows(rows, result, cells_by_code):
    """Every row checked, duplicates within the file included → records."""
    records = []
    today = timezone.localdate()
    seen_cards, seen_phones = {}, {}
    for row_no, values in enumerate(rows[1:], start=2):
        if not any(text(v) for v in values):
            continue
        result.total_rows += 1
        record, errors = check_row(values, row_no, cells_by_code, today)
        card, phone = record["card_number"], record["phone"]
        if card and (first := _note_first(seen_cards, card.upper(), row_no)):
            errors.append(f"Dòng {row_no}: số thẻ đảng viên {card} trùng với dòng {first}.")
        if phone and (first := _note_first(seen_phones, phone, row_no)):
            errors.append(f"Dòng {row_no}: số điện thoại {phone} trùng với dòng {first}.")
        result.add_errors(errors)
        record["row"] = row_no
        records.append(record)
    return records, seen_phones


def _check_phones_against_database(records, seen_phones, result):
    """A phone in the file must not belong to another member who keeps it."""
    file_phone_of = {r["card_number"].upper(): r["phone"] for r in records}
    record_by_row = {r["row"]: r for r in records}
    for chunk in chunks(seen_phones):
        for phone, card in Member.objects.filter(phone__in=chunk).values_list(
            "phone", "card_number"
        ):
            owner = card.upper()
            row_no = seen_phones[phone]
            mine = record_by_row[row_no]
            if owner != mine["card_number"].upper() and file_phone_of.get(owner, phone) == phone:
                result.add_errors(
                    [f"Dòng {row_no}: số điện thoại {phone} đã là của đảng viên số thẻ {card}."]
                )


def _display(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value or ""


def _changes(member, record, code_of):
    changes = {}
    for f in COMPARED:
        old, new = getattr(member, f), record[f]
        if (old or None) != (new or None):
            if f == "cell_id":
                changes[FIELD_LABELS[f]] = (code_of.get(old, old), code_of.get(new, new))
            else:
                changes[FIELD_LABELS[f]] = (_display(old), _display(new))
    return changes


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
    records, seen_phones = _check_rows(rows, result, cells_by_code)
    if not result.ok:
        return result, []
    _check_phones_against_database(records, seen_phones, result)
    if not result.ok:
        return result, []

    existing = {}
    for chunk in chunks([r["card_number"] for r in records]):
        for m in Member.objects.filter(card_number__in=chunk):
            existing[m.card_number.upper()] = m
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
        changes = _changes(member, r, code_of)
        if not changes:
            result.unchanged += 1
            continue
        old_cell = member.cell_id
        for f in COMPARED:
            setattr(member, f, r[f])
        result.updated.append((member, changes))
        if old_cell != member.cell_id:
            result.transfers += 1
        plan.append(("update", member, old_cell))
    return result, plan


def import_roster(data: bytes, filename: str, *, dry_run=True, user=None):
    """Check (and unless ``dry_run`` write) a roster file.

    Raises ``RosterFileError`` when the file itself cannot be used.
    """
    rows = read_rows(data, filename)
    result, plan = plan_import(rows)
    result.dry_run = dry_run
    if result.ok and not dry_run and plan:
        apply_plan(result, plan, user, filename)
        result.written = True
    return result
