"""The meeting and bulletin suites, run again on the days that used to break them.

Each date starts a fresh pytest (its own SQLite test database, seeded on that
day) with the clock at that date: the last day of a month, the first day of a
month and 31 December.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="runs once, in the SQLite pass (the child runs always use SQLite)",
)
@pytest.mark.parametrize(
    "now",
    ["2026-11-30T20:00:00+07:00", "2026-12-01T07:00:00+07:00", "2026-12-31T21:00:00+07:00"],
    ids=["last-day-of-month", "first-day-of-month", "31-december"],
)
def test_meeting_and_bulletin_suites_pass_on(now):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "PYTEST_XDIST_WORKER", "PYTEST_ADDOPTS"}
        and not k.startswith("PYTEST_XDIST")
    }
    env["STDV_TEST_NOW"] = now
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            "-m",
            "not browser",
            "tests/meetings",
            "tests/bulletins",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
