"""Login-rate figures for the organisation department's dashboard.

Every figure comes from aggregated queries over the tree paths: the
members under a unit are grouped by the prefix of their cell's path that
names the child unit, so one query gives all the children of a unit,
whatever the number of members.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery, Sum
from django.utils import timezone

from cms.visits.models import VisitDay

from .choices import MemberStatus, OrgLevel, Position
from .models import LoginRateSnapshot, Member, PartyOrganization

SORT_KEYS = {
    "code": lambda r: r.unit.path,
    "name": lambda r: r.unit.name,
    "issued": lambda r: r.issued,
    "logged_in": lambda r: r.logged_in,
    "never": lambda r: r.never,
    "rate": lambda r: (r.rate, r.issued),
    "visits_month": lambda r: r.visits_month,
}


@dataclass
class UnitRow:
    unit: PartyOrganization
    issued: int = 0
    logged_in: int = 0
    visits_today: int = 0
    visits_month: int = 0

    @property
    def rate(self):
        return self.logged_in / self.issued if self.issued else 0.0

    @property
    def never(self):
        return self.issued - self.logged_in

    @property
    def rate_percent(self):
        return round(self.rate * 100, 1)

    @property
    def below_threshold(self):
        return self.issued > 0 and self.rate < settings.LOGIN_RATE_THRESHOLD


def visit_code(unit):
    """The ``VisitDay.unit_code`` of a unit (the province counts under "")."""
    return "" if unit.depth == 1 else unit.code


def unit_rows(unit, sort="code"):
    """``(total, children)`` of ``unit``: its own figures and one row per child."""
    children = list(unit.get_children()) if unit.level != OrgLevel.CELL else []
    steplen = PartyOrganization.steplen
    counts = {
        row["prefix"]: row
        for row in Member.objects.filter(cell__path__startswith=unit.path).login_rates_by_prefix(
            (unit.depth + 1) * steplen if children else unit.depth * steplen
        )
    }
    rows = [UnitRow(child) for child in children]
    for row in rows:
        c = counts.get(row.unit.path)
        if c:
            row.issued, row.logged_in = c["issued"], c["logged_in"]
    total = UnitRow(unit)
    if children:
        total.issued = sum(r.issued for r in rows)
        total.logged_in = sum(r.logged_in for r in rows)
    elif unit.path in counts:
        total.issued = counts[unit.path]["issued"]
        total.logged_in = counts[unit.path]["logged_in"]
    _add_visits([total, *rows])
    key = sort.lstrip("-")
    if key in SORT_KEYS:
        rows.sort(key=SORT_KEYS[key], reverse=sort.startswith("-"))
    return total, rows


def _add_visits(rows):
    today = timezone.localdate()
    by_code = {visit_code(r.unit): r for r in rows}
    figures = (
        VisitDay.objects.filter(
            unit_code__in=by_code, date__gte=today.replace(day=1), date__lte=today
        )
        .values("unit_code")
        .annotate(month=Sum("count"), today=Sum("count", filter=Q(date=today)))
        .order_by()
    )
    for f in figures:
        row = by_code[f["unit_code"]]
        row.visits_month = f["month"] or 0
        row.visits_today = f["today"] or 0


def visits_history(unit, days=14, months=12):
    """Visits of ``unit`` per day (last ``days``) and per month (last ``months``)."""
    today = timezone.localdate()
    code = visit_code(unit)
    start_day = today - datetime.timedelta(days=days - 1)
    per_day = dict(
        VisitDay.objects.filter(unit_code=code, date__gte=start_day, date__lte=today).values_list(
            "date", "count"
        )
    )
    daily = [
        (d, per_day.get(d, 0))
        for d in (start_day + datetime.timedelta(days=i) for i in range(days))
    ]
    first = today.replace(day=1)
    month_starts = []
    y, m = first.year, first.month
    for _ in range(months):
        month_starts.append(datetime.date(y, m, 1))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    month_starts.reverse()
    rows = VisitDay.objects.filter(unit_code=code, date__gte=month_starts[0]).values_list(
        "date", "count"
    )
    per_month = {}
    for d, n in rows:
        per_month[(d.year, d.month)] = per_month.get((d.year, d.month), 0) + n
    monthly = [(s, per_month.get((s.year, s.month), 0)) for s in month_starts]
    return daily, monthly


def never_logged_in(unit):
    """Members under ``unit`` issued an account who never logged in, with
    their cell secretary's name (for follow-up)."""
    secretary = Member.objects.filter(
        cell=OuterRef("cell"), position=Position.SECRETARY, status=MemberStatus.ACTIVE
    ).values("full_name")[:1]
    return (
        Member.objects.active()
        .never_logged_in()
        .in_subtree(unit)
        .select_related("cell")
        .annotate(secretary_name=Subquery(secretary))
        .order_by("cell__path", "full_name", "card_number")
    )


def take_snapshot(day=None):
    """Store today's figures of the province, committees and grassroots
    organisations (three aggregated queries). Idempotent per day."""
    day = day or timezone.localdate()
    steplen = PartyOrganization.steplen
    units = {
        u.path: u
        for u in PartyOrganization.objects.exclude(level=OrgLevel.CELL).only("id", "path", "depth")
    }
    depths = sorted({len(p) // steplen for p in units})
    snaps = []
    for depth in depths:
        for row in Member.objects.login_rates_by_prefix(depth * steplen):
            unit = units.get(row["prefix"])
            if unit is not None:
                snaps.append(
                    LoginRateSnapshot(
                        date=day, unit=unit, issued=row["issued"], logged_in=row["logged_in"]
                    )
                )
    LoginRateSnapshot.objects.filter(date=day).delete()
    LoginRateSnapshot.objects.bulk_create(snaps, batch_size=1000)
    return len(snaps)


def trend_chart(unit, days=90, width=640, height=220):
    """Points of the login-rate trend of ``unit`` for a server-rendered SVG."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    snaps = list(LoginRateSnapshot.objects.filter(unit=unit, date__gte=since).order_by("date"))
    if not snaps:
        return None
    pad_left, pad_bottom, pad_top = 44, 26, 10
    plot_w, plot_h = width - pad_left - 10, height - pad_bottom - pad_top
    first, last = snaps[0].date, snaps[-1].date
    span = max((last - first).days, 1)

    def xy(date, rate):
        x = pad_left + plot_w * ((date - first).days / span)
        y = pad_top + plot_h * (1 - rate)
        return round(x, 1), round(y, 1)

    points = [xy(s.date, s.rate) for s in snaps]
    threshold_y = round(pad_top + plot_h * (1 - settings.LOGIN_RATE_THRESHOLD), 1)
    grid = [
        {"y": round(pad_top + plot_h * (1 - f), 1), "label": f"{int(f * 100)}%"}
        for f in (0, 0.25, 0.5, 0.75, 1)
    ]
    return {
        "width": width,
        "height": height,
        "points": " ".join(f"{x},{y}" for x, y in points),
        "dots": [{"x": x, "y": y, "snap": s} for (x, y), s in zip(points, snaps, strict=True)],
        "threshold_y": threshold_y,
        "threshold_label": f"{int(settings.LOGIN_RATE_THRESHOLD * 100)}%",
        "grid": grid,
        "x0": pad_left,
        "x1": width - 10,
        "label_y": height - 6,
        "first": first,
        "last": last,
        "latest": snaps[-1],
    }


def export_xlsx(unit, total, rows):
    """The dashboard table as a workbook (figures as numbers, rate as 0–1)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Tỷ lệ đăng nhập"
    ws.append([f"Tỷ lệ đảng viên đăng nhập – {unit.name}", f"ngày {timezone.localdate():%d/%m/%Y}"])
    header = [
        "Mã đơn vị",
        "Đơn vị",
        "Đã cấp tài khoản",
        "Đã đăng nhập",
        "Chưa đăng nhập",
        "Tỷ lệ",
        "Lượt truy cập hôm nay",
        "Lượt truy cập tháng này",
    ]
    ws.append(header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    warn = PatternFill("solid", fgColor="FFE0B2")
    for i, row in enumerate([total, *rows]):
        ws.append(
            [
                row.unit.code,
                ("Tổng – " if i == 0 else "") + row.unit.name,
                row.issued,
                row.logged_in,
                row.never,
                round(row.rate, 4),
                row.visits_today,
                row.visits_month,
            ]
        )
        ws.cell(ws.max_row, 6).number_format = "0.0%"
        if i == 0:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
        elif row.below_threshold:
            for cell in ws[ws.max_row]:
                cell.fill = warn
    for col, width in zip("ABCDEFGH", (12, 44, 16, 14, 16, 10, 18, 20), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
