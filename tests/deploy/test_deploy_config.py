"""deploy/ as a server would use it: the nginx site file with its production defaults passes
Debian's `nginx -t`, and the systemd units pass `systemd-analyze verify`."""

import os
import shutil
import subprocess
import sys

import pytest
from stack_harness import ROOT


def test_production_site_file_passes_nginx_t(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STDV_")}
    # Production defaults (unix socket, /srv paths), logs and cache moved under tmp_path.
    env.update(STDV_CACHE_DIR=str(tmp_path / "cache"), STDV_ACCESS_LOG=f"{tmp_path}/a.log stdv")
    subprocess.run(
        [sys.executable, "deploy/render.py", "--out", str(tmp_path), "--local"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=30,
    )
    site = (tmp_path / "stdv.conf").read_text()
    assert "server unix:/run/stdv/app.sock max_conns=48" in site
    assert "alias /srv/stdv/app/static/;" in site
    assert "@" not in site.replace("@PLACEHOLDER@", "")
    checked = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
        + ["-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr


def test_systemd_units_verify():
    if not shutil.which("systemd-analyze"):
        pytest.fail("systemd-analyze is missing (Debian package systemd)")
    units = sorted((ROOT / "deploy" / "systemd").iterdir())
    assert {u.name for u in units} >= {
        "stdv-app.service",
        "stdv-worker@.service",
        "stdv-scheduler.service",
    }
    checked = subprocess.run(
        ["systemd-analyze", "verify", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # The units name /srv/stdv/app/.venv, which exists only on a server.
    problems = [
        line
        for line in (checked.stdout + checked.stderr).splitlines()
        if line.strip() and "is not executable: No such file or directory" not in line
    ]
    assert problems == []
