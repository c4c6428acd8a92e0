"""Shared set-up of the members benchmarks: a fresh database with a
province of 14 committees × 10 grassroots organisations × 8 cells.

DATABASE_URL picks the database (default: a SQLite file in /tmp); it is
emptied first, so never point it at a database you care about.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only")


def fresh_database(name):
    url = os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/{name}.sqlite3")
    if url.startswith("sqlite:"):
        path = Path(url.split("sqlite:///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    else:
        import psycopg

        base, dbname = url.rsplit("/", 1)
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def build_tree(grassroots=10, cells=8):
    from cms.members.choices import CellType, OrgLevel
    from cms.members.demo import COMMITTEES
    from cms.members.factories import add_organization

    province = add_organization(None, "DBT", "Đảng bộ tỉnh Đồng Nai", OrgLevel.PROVINCE)
    codes = []
    for code, name in COMMITTEES:
        committee = add_organization(province, code, name, OrgLevel.COMMITTEE)
        for g in range(grassroots):
            gr = add_organization(
                committee, f"{code}-G{g}", f"Đảng bộ xã {g} ({code})", OrgLevel.GRASSROOTS
            )
            for c in range(cells):
                cell_code = f"{code}-G{g}-C{c}"
                add_organization(
                    gr, cell_code, f"Chi bộ ấp {c}", OrgLevel.CELL, CellType.RESIDENTIAL
                )
                codes.append(cell_code)
    return codes
