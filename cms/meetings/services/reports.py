"""The per-unit report: which cells held their regular meeting, and attendance."""

from django.db.models import Count, Q
from django.db.models.functions import Substr

from cms.members.choices import OrgLevel
from cms.members.models import PartyOrganization

from ..choices import AttendanceStatus
from ..models import Attendance, Meeting


def _rate(part, whole):
    return round(100 * part / whole, 1) if whole else None


def unit_report(organization, year, month):
    """Per child unit: share of cells that held their regular meeting, attendance rate.

    Three grouped queries whatever the size of the tree: the child a cell
    belongs to is the prefix of its materialised path.
    """
    steplen = PartyOrganization.steplen
    if organization.level == OrgLevel.CELL:
        children = [organization]
        prefix_len = len(organization.path)
    else:
        children = list(organization.get_children())
        prefix_len = len(organization.path) + steplen
    cells = dict(
        PartyOrganization.objects.filter(level=OrgLevel.CELL, path__startswith=organization.path)
        .annotate(prefix=Substr("path", 1, prefix_len))
        .values_list("prefix")
        .annotate(n=Count("pk"))
        .order_by()
    )
    meetings = (
        Meeting.objects.in_subtree(organization)
        .regular()
        .held()
        .in_month(year, month)
        .annotate(prefix=Substr("cell__path", 1, prefix_len))
    )
    held = dict(meetings.values_list("prefix").annotate(n=Count("cell", distinct=True)).order_by())
    attendance = {
        row["prefix"]: row
        for row in Attendance.objects.filter(meeting__in=meetings.values("pk"))
        .annotate(prefix=Substr("meeting__cell__path", 1, prefix_len))
        .values("prefix")
        .annotate(
            total=Count("pk"),
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
        )
        .order_by()
    }
    rows = []
    for child in children:
        key = child.path[:prefix_len]
        n_cells = cells.get(key, 0)
        n_held = held.get(key, 0)
        att = attendance.get(key, {"total": 0, "present": 0})
        rows.append(
            {
                "unit": child,
                "cells": n_cells,
                "held": n_held,
                "held_rate": _rate(n_held, n_cells),
                "expected": att["total"],
                "present": att["present"],
                "attendance_rate": _rate(att["present"], att["total"]),
            }
        )
    totals = {
        "cells": sum(r["cells"] for r in rows),
        "held": sum(r["held"] for r in rows),
        "expected": sum(r["expected"] for r in rows),
        "present": sum(r["present"] for r in rows),
    }
    totals["held_rate"] = _rate(totals["held"], totals["cells"])
    totals["attendance_rate"] = _rate(totals["present"], totals["expected"])
    return {"rows": rows, "totals": totals}
