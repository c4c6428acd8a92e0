"""Import 100,000 roster rows: dry run, import, re-import (target ≤ 2 min).

python bench/members_import_bench.py [--rows N] [--xlsx]
DATABASE_URL=postgres://postgres@127.0.0.1:5432/stdv_members_bench python bench/members_import_bench.py
"""

import argparse
import csv
import io
import os
import time

from _members_db import build_tree, fresh_database

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hòa", "Hương", "Lan", "Long"]
POSITIONS = ["Đảng viên"] * 7 + ["Bí thư", "phó bí thư", "Chi ủy viên"]


def roster_rows(n, cells):
    for i in range(n):
        yield [
            f"{75000000 + i}",
            f"{FAMILY[i % 10]} Văn {GIVEN[(i // 10) % 10]} {i}",
            f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1950 + i % 50}",
            "Nam" if i % 2 else "Nữ",
            f"09{i:08d}",
            "" if i % 3 else f"dv{i}@example.vn",
            cells[i % len(cells)],
            f"{1 + i % 28:02d}/{1 + i % 12:02d}/{2000 + i % 20}",
            f"{1 + i % 28:02d}/{1 + i % 12:02d}/{2001 + i % 20}",
            POSITIONS[i % len(POSITIONS)],
        ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--xlsx", action="store_true", help="also time an XLSX file")
    args = parser.parse_args()
    url = fresh_database("stdv_members_import_bench")
    from django.db import connection

    from cms.members.importer import HEADERS, import_roster
    from cms.members.models import Member

    t = time.perf_counter()
    cells = build_tree()
    print(f"database: {connection.vendor} ({url.split('@')[-1]})")
    print(f"tree: {len(cells)} cells built in {time.perf_counter() - t:.1f} s (not timed)")

    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(HEADERS)
    w.writerows(roster_rows(args.rows, cells))
    data = out.getvalue().encode("utf-8")
    print(f"file: {args.rows} rows CSV, {len(data) / 1e6:.1f} MB")

    def timed(label, **kwargs):
        t, c = time.perf_counter(), time.process_time()
        result = import_roster(data, "bench.csv", **kwargs)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - c
        assert result.ok, result.errors[:5]
        print(
            f"{label}: {elapsed:6.1f} s wall, {cpu:6.1f} s CPU of this process  ({result.summary()})"
        )
        return elapsed

    timed("dry run          ", dry_run=True)
    total = timed("import           ", dry_run=False)
    assert Member.objects.count() == args.rows
    timed("re-import (same) ", dry_run=False)
    assert Member.objects.count() == args.rows
    verdict = "OK" if total <= 120 else "TOO SLOW"
    print(f"import of {args.rows} rows: {total:.1f} s wall (target ≤ 120 s): {verdict}")
    print(f"load average while running: {os.getloadavg()}")

    if args.xlsx:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        ws.append(HEADERS)
        for row in roster_rows(args.rows, cells):
            ws.append(row)
        buf = io.BytesIO()
        wb.save(buf)
        data = buf.getvalue()
        t = time.perf_counter()
        result = import_roster(data, "bench.xlsx", dry_run=True)
        print(
            f"XLSX dry run ({len(data) / 1e6:.1f} MB): {time.perf_counter() - t:.1f} s "
            f"({result.summary()})"
        )


if __name__ == "__main__":
    main()
