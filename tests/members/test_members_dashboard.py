"""The login-rate dashboard on a fixture reproducing the seed article
(25/03/2024): 14 committees, Cẩm Mỹ 98.7%, Biên Hòa 14.9%, province 57.2%."""

import datetime
import io
import re

from django.contrib.auth.models import Permission
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from cms.members import dashboard
from cms.members.choices import Position
from cms.members.factories import UserFactory, bulk_members
from cms.members.models import LoginRateSnapshot, Member, PartyOrganization, UnitStaff
from cms.visits.models import VisitDay

# committee code → (accounts issued, logged in at least once)
SEED = {
    "BH": (1000, 149),  # 14.9%
    "CM": (300, 296),  # 98.7%
    "KCQ": (250, 244),  # 97.6%
    "LK": (250, 240),  # 96.0%
    "KDN": (300, 287),  # 95.7%
    "VC": (300, 247),  # 82.3%
    "XL": (280, 218),  # 77.9%
    "TB": (200, 90),
    "TN": (200, 100),
    "DQ": (200, 95),
    "TP": (200, 85),
    "LT": (200, 98),
    "NT": (200, 92),
    "QS": (200, 93),
}
URL = "/admin/dang-vien/ty-le-dang-nhap/"


@pytest.fixture
def seed_rates(db):
    # Only the fixture's accounts count as issued.
    Member.objects.update(account_issued_at=None)
    start = 0
    for code, (issued, logged) in SEED.items():
        committee = PartyOrganization.objects.get(code=code)
        cells = list(committee.get_descendants().filter(level="cell"))
        # Spread over two cells so grassroots/cell drill-down has figures.
        half = issued // 2
        bulk_members(cells[0], half, logged_in=min(logged, half), start=start)
        bulk_members(cells[-1], issued - half, logged_in=max(logged - half, 0), start=start + half)
        start += issued
    # One member not issued an account and one inactive: neither counts.
    bulk_members(PartyOrganization.objects.get(code="BH-X1-A1"), 1, issued=False, prefix="8")
    bulk_members(PartyOrganization.objects.get(code="BH-X1-A1"), 1, logged_in=1, prefix="7")
    Member.objects.filter(card_number="700000000").update(status="transferred")


def rows_by_code(rows):
    return {r.unit.code: r for r in rows}


@pytest.mark.django_db
def test_figures_reproduce_the_seed(seed_rates, client, users):
    province = PartyOrganization.get_first_root_node()
    total, rows = dashboard.unit_rows(province)
    assert len(rows) == 14
    by = rows_by_code(rows)
    assert by["CM"].rate_percent == 98.7
    assert by["BH"].rate_percent == 14.9
    assert by["KCQ"].rate_percent == 97.6
    assert by["XL"].rate_percent == 77.9
    assert (total.issued, total.logged_in) == (4080, 2334)
    assert total.rate_percent == 57.2
    assert by["BH"].below_threshold and not by["CM"].below_threshold

    client.force_login(users["tochuc"])
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "57,2%" in body and "98,7%" in body and "14,9%" in body  # Vietnamese decimal comma
    assert body.count('class="is-below"') == 8  # BH and the 7 committees under 60%


@pytest.mark.django_db
def test_sorted_by_rate(seed_rates, client, users):
    client.force_login(users["tochuc"])
    rows = client.get(URL + "?sort=rate").context["rows"]
    assert rows[0].unit.code == "BH" and rows[-1].unit.code == "CM"
    rows = client.get(URL + "?sort=-rate").context["rows"]
    assert rows[0].unit.code == "CM"


@pytest.mark.django_db
def test_drill_down_to_cells_and_never_logged_in(seed_rates, client, users):
    client.force_login(users["tochuc"])
    ctx = client.get(URL + "?unit=CM").context
    assert ctx["total"].rate_percent == 98.7
    grassroots = rows_by_code(ctx["rows"])
    assert sum(r.issued for r in grassroots.values()) == 300
    cells = client.get(URL + "?unit=CM-X1").context["rows"]
    assert {r.unit.level for r in cells} == {"cell"}
    cm_x1_a1 = rows_by_code(cells)["CM-X1-A1"]
    assert (cm_x1_a1.issued, cm_x1_a1.logged_in) == (150, 150)

    # Biên Hòa: 851 never logged in, each with the cell secretary's name.
    secretary = Member.objects.filter(cell__code="BH-CQ-YT").first()
    Member.objects.filter(pk=secretary.pk).update(position=Position.SECRETARY)
    response = client.get(URL + "chua-dang-nhap/BH/")
    assert response.context["page_obj"].paginator.count == 851
    assert response.context["page_obj"].paginator.num_pages == 9
    response = client.get(URL + "chua-dang-nhap/BH-CQ-YT/")
    listed = list(response.context["page_obj"])
    assert len(listed) == 100 and all(m.secretary_name == secretary.full_name for m in listed)


@pytest.mark.django_db
def test_export_reads_back(seed_rates, client, users):
    client.force_login(users["tochuc"])
    response = client.get(URL + "xuat.xlsx?unit=DBT")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows[0][2:6] == (4080, 2334, 1746, round(2334 / 4080, 4))
    exported = {r[0]: r for r in rows[1:]}
    assert len(exported) == 14
    assert exported["CM"][2:4] == (300, 296) and round(exported["CM"][5] * 100, 1) == 98.7
    assert exported["BH"][2:4] == (1000, 149) and round(exported["BH"][5] * 100, 1) == 14.9
    assert ws.cell(4, 6).number_format == "0.0%"


@pytest.mark.django_db
def test_committee_staff_see_their_subtree_only(seed_rates, client):
    staff = UserFactory(username="canbo_cm_dash")
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    UnitStaff.objects.create(user=staff, unit=PartyOrganization.objects.get(code="CM"))
    client.force_login(staff)
    response = client.get(URL)
    assert response.status_code == 200 and response.context["unit"].code == "CM"
    assert client.get(URL + "?unit=CM-X1").status_code == 200
    assert client.get(URL + "?unit=BH").status_code == 403
    assert client.get(URL + "?unit=DBT").status_code == 403
    assert client.get(URL + "xuat.xlsx?unit=BH").status_code == 403


@pytest.mark.django_db
def test_others_refused(client, users):
    client.force_login(users["bientap"])
    assert client.get(URL).status_code == 403
    client.force_login(users["bithu"])  # no admin access
    assert client.get(URL).status_code == 302


@pytest.mark.django_db
def test_snapshots_and_trend_chart(seed_rates, client, users):
    today = timezone.localdate()
    n = dashboard.take_snapshot(today - datetime.timedelta(days=1))
    assert n > 14
    dashboard.take_snapshot(today)
    dashboard.take_snapshot(today)  # idempotent
    province = PartyOrganization.get_first_root_node()
    snap = LoginRateSnapshot.objects.get(date=today, unit=province)
    assert (snap.issued, snap.logged_in) == (4080, 2334)
    client.force_login(users["tochuc"])
    body = client.get(URL).content.decode()
    main = body.split("members-admin", 1)[1]
    assert '<polyline class="trend"' in main and "<script" not in main
    # Coordinates keep a decimal point in Vietnamese (66,0 is no SVG number).
    svg = main.split('<svg class="members-chart"', 1)[1].split("</svg>", 1)[0]
    coordinates = re.findall(r'\b(?:x1|x2|y1|y2|x|y|cx|cy)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in coordinates), coordinates


@pytest.mark.django_db
def test_visits_per_unit(client, users):
    today = timezone.localdate()
    VisitDay.objects.bulk_create(
        [
            VisitDay(date=today, unit_code="", count=50),
            VisitDay(date=today, unit_code="CM", count=7),
            VisitDay(date=today - datetime.timedelta(days=40), unit_code="CM", count=5),
            VisitDay(date=today, unit_code="BH", count=3),
        ]
    )
    client.force_login(users["tochuc"])
    ctx = client.get(URL).context
    assert ctx["total"].visits_today == 50
    by = rows_by_code(ctx["rows"])
    assert (by["CM"].visits_today, by["CM"].visits_month) == (7, 7)
    ctx = client.get(URL + "?unit=CM").context
    assert ctx["daily"][-1] == (today, 7)
    assert sum(n for _, n in ctx["monthly"]) == 12
