"""Render the login-rate dashboard over 100,000 members (target ≤ 300 ms).

python bench/members_dashboard_bench.py [--members N] [--runs R]
DATABASE_URL=postgres://postgres@127.0.0.1:5432/stdv_members_dash_bench python bench/members_dashboard_bench.py
"""

import argparse
import datetime
import os
import time

os.environ.setdefault("ALLOWED_HOSTS", "testserver")

from _members_db import build_tree, fresh_database  # noqa: E402
from _timing import time_pages  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    url = fresh_database("stdv_members_dashboard_bench")
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from cms.members.dashboard import take_snapshot
    from cms.members.factories import bulk_members
    from cms.members.models import LoginRateSnapshot, Member, PartyOrganization
    from cms.visits.models import VisitDay
    from tests.account_gates import pass_account_gates

    t = time.perf_counter()
    codes = build_tree()
    cells = list(PartyOrganization.objects.cells())
    per_cell, extra = divmod(args.members, len(cells))
    start = 0
    for i, cell in enumerate(cells):
        n = per_cell + (1 if i < extra else 0)
        rate = ((i * 37) % 100) / 100
        bulk_members(cell, n, logged_in=round(n * rate), start=start)
        start += n
    today = timezone.localdate()
    take_snapshot(today)
    snaps = list(LoginRateSnapshot.objects.filter(date=today))
    LoginRateSnapshot.objects.bulk_create(
        [
            LoginRateSnapshot(
                date=today - datetime.timedelta(days=d),
                unit_id=s.unit_id,
                issued=s.issued,
                logged_in=round(s.logged_in * (1 - d / 120)),
            )
            for s in snaps
            for d in range(1, 90)
        ],
        batch_size=5000,
    )
    VisitDay.objects.bulk_create(
        [
            VisitDay(date=today - datetime.timedelta(days=d), unit_code=code, count=d % 17 + 1)
            for d in range(365)
            for code in ["", *[c.split("-")[0] for c in codes[::80]]]
        ],
        batch_size=5000,
        ignore_conflicts=True,
    )
    print(f"database: {connection.vendor} ({url.split('@')[-1]})")
    print(
        f"data: {Member.objects.count()} members in {len(cells)} cells, "
        f"{LoginRateSnapshot.objects.count()} snapshots, built in {time.perf_counter() - t:.0f} s"
    )

    admin = get_user_model().objects.create_superuser("bench", "b@example.vn", "x")
    client = Client()
    client.force_login(admin)
    pass_account_gates(client, admin)  # 2FA and the processing notice (tests/account_gates.py)
    base = "/admin/dang-vien/ty-le-dang-nhap/"
    pages = [
        ("province", base),
        ("province sorted by rate", base + "?sort=rate"),
        ("committee BH", base + "?unit=BH"),
        ("grassroots BH-G0", base + "?unit=BH-G0"),
        ("never logged in, BH", base + "chua-dang-nhap/BH/"),
        ("XLSX export, province", base + "xuat.xlsx"),
    ]
    time_pages(client, pages, args.runs, target_ms=300)


if __name__ == "__main__":
    main()
