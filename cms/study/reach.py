"""Reach report figures: how far one study item reached the members of a unit.

As in the login-rate dashboard, members under a unit are grouped by the
prefix of their cell's tree path that names the child unit, so one
aggregated query gives every child of a unit whatever the number of members;
whether a member read, passed, submitted or was reviewed is membership in
the set of members who did it on that page (see ``_member_ids``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr

from openpyxl import Workbook

from cms.core.xlsx import workbook_bytes
from cms.members.choices import OrgLevel
from cms.members.models import Member, PartyOrganization
from cms.resolutions.models import ResolutionStudyPage

from .choices import SummaryStatus
from .models import LearningSummary, QuizAttempt, StudyRead

FIGURES = ("read", "passed", "submitted", "reviewed")


def target():
    """The share of assigned members a unit should reach (STUDY_REACH_TARGET, default 80 %)."""
    return float(getattr(settings, "STUDY_REACH_TARGET", 0.8))


class _Share:
    """``<figure>_share`` of a row: that figure as a percentage of the assigned members."""

    def __set_name__(self, owner, name):
        self.figure = name.removesuffix("_share")

    def __get__(self, row, owner=None):
        return self if row is None else row.share(self.figure)


@dataclass
class ReachRow:
    unit: PartyOrganization | None = None
    member: Member | None = None
    assignment: object = None
    kind: "ItemKind | None" = None
    assigned: int = 0
    read: int = 0
    passed: int = 0
    submitted: int = 0
    reviewed: int = 0

    def share(self, name):
        return round(100 * getattr(self, name) / self.assigned, 1) if self.assigned else 0.0

    read_share = _Share()
    passed_share = _Share()
    submitted_share = _Share()
    reviewed_share = _Share()

    @property
    def below_target(self):
        return self.assigned > 0 and self.read / self.assigned < target()


@dataclass
class ItemKind:
    """Which figures mean something for an item (a bulletin has no quiz)."""

    has_quiz: bool
    asks_for_summary: bool


def item_kind(page):
    resolution = ResolutionStudyPage.objects.filter(pk=page.pk).first()
    if resolution is None:
        return ItemKind(False, False)
    return ItemKind(bool(len(resolution.quiz)), resolution.asks_for_summary)


def _member_ids(page_id):
    """Per figure, the ids of the members who reached it on ``page_id`` (subqueries).

    As ``id IN (SELECT member_id …)`` they are uncorrelated: PostgreSQL hashes each
    set once (a "hashed SubPlan") instead of probing an index for every member.
    """
    on_page = {"page_id": page_id}
    return {
        "read": StudyRead.objects.filter(**on_page).values("member_id"),
        "passed": QuizAttempt.objects.filter(passed=True, **on_page).values("member_id"),
        "submitted": LearningSummary.objects.sent().filter(**on_page).values("member_id"),
        "reviewed": LearningSummary.objects.filter(status=SummaryStatus.REVIEWED, **on_page).values(
            "member_id"
        ),
    }


def _flags(page_id):
    """``EXISTS`` expressions, one per figure, on a member queryset (one cell's rows)."""
    mine = {"member": OuterRef("pk"), "page_id": page_id}
    return {
        "read": Exists(StudyRead.objects.filter(**mine)),
        "passed": Exists(QuizAttempt.objects.filter(passed=True, **mine)),
        "submitted": Exists(LearningSummary.objects.sent().filter(**mine)),
        "reviewed": Exists(LearningSummary.objects.filter(status=SummaryStatus.REVIEWED, **mine)),
    }


def assigned_members(assignment, unit):
    return (
        Member.objects.active()
        .filter(cell__path__startswith=unit.path)
        .filter(assignment.member_q())
    )


def unit_rows(assignment, unit):
    """``(total, children)``: the unit's own figures and one row per child unit."""
    children = list(unit.get_children()) if unit.level != OrgLevel.CELL else []
    length = (unit.depth + (1 if children else 0)) * PartyOrganization.steplen
    flags = {name: Q(pk__in=ids) for name, ids in _member_ids(assignment.page_id).items()}
    counts = {
        row["prefix"]: row
        for row in assigned_members(assignment, unit)
        .annotate(prefix=Substr("cell__path", 1, length))
        .values("prefix")
        .annotate(
            assigned=Count("id"),
            **{name: Count("id", filter=flag) for name, flag in flags.items()},
        )
        .order_by()
    }
    rows = [_row(ReachRow(unit=child), counts.get(child.path)) for child in children]
    total = ReachRow(unit=unit)
    if children:
        for name in ("assigned", *FIGURES):
            setattr(total, name, sum(getattr(r, name) for r in rows))
    else:
        _row(total, counts.get(unit.path))
    return total, rows


def _row(row, counts):
    if counts:
        for name in ("assigned", *FIGURES):
            setattr(row, name, counts[name])
    return row


def item_rows(assignments, unit):
    """One row per study item: how far each reached the members under ``unit``.

    One aggregated query per item (the assigned members under the unit, with the
    same subqueries as ``unit_rows``), so the overview costs as many queries as
    items are assigned, whatever the number of members.
    """
    rows = []
    for assignment in assignments:
        flags = {name: Q(pk__in=ids) for name, ids in _member_ids(assignment.page_id).items()}
        counts = assigned_members(assignment, unit).aggregate(
            assigned=Count("id"), **{name: Count("id", filter=flag) for name, flag in flags.items()}
        )
        row = _row(ReachRow(unit=unit, assignment=assignment), counts)
        row.kind = item_kind(assignment.page)
        rows.append(row)
    return rows


def member_rows(assignment, cell):
    """One row per assigned member of ``cell`` (personal data: callers audit the view)."""
    members = (
        assigned_members(assignment, cell)
        .annotate(**_flags(assignment.page_id))
        .order_by("full_name", "card_number")
    )
    rows = []
    for m in members:
        row = ReachRow(member=m, assigned=1)
        for name in FIGURES:
            setattr(row, name, int(getattr(m, name)))
        rows.append(row)
    return rows


HEADINGS = ["Đã giao", "Đã đọc", "Tỷ lệ đọc (%)", "Đạt kiểm tra", "Tỷ lệ đạt (%)"]
HEADINGS += ["Đã gửi thu hoạch", "Tỷ lệ gửi (%)", "Đã nhận xét", "Tỷ lệ nhận xét (%)"]


def report_xlsx(assignment, unit, total, rows, members=None):
    """The report as a workbook; names of units and members stay text (cms.core.xlsx)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo học tập"
    sheet.append([f"Báo cáo học tập: {assignment.page.title}"])
    sheet.append([f"Đơn vị: {unit.name}", f"Hạn: {assignment.deadline:%d/%m/%Y}"])
    sheet.append([])
    first = ["Đảng viên", "Số thẻ"] if members is not None else ["Mã đơn vị", "Đơn vị"]
    sheet.append(first + HEADINGS)

    def figures(r):
        out = [r.assigned]
        for name in FIGURES:
            out += [getattr(r, name), r.share(name)]
        return out

    if members is not None:
        for r in members:
            sheet.append([r.member.full_name, r.member.card_number, *figures(r)])
    else:
        for r in rows:
            sheet.append([r.unit.code, r.unit.name, *figures(r)])
    sheet.append(["", "Tổng cộng", *figures(total)])
    return workbook_bytes(book)
