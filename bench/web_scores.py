"""Lighthouse 12 (mobile) and axe-core scores of the main pages, on the production stack.

    .venv/bin/python bench/web_scores.py [--database sqlite:////path/db.sqlite3] [--runs 1]

Serves the site as production does (production settings, collectstatic, WhiteNoise,
gunicorn) on a free local port, against a seeded database (default: a new SQLite
file seeded with ``seed_demo``), logs the demo member ``dangvien`` in through a
session cookie, and prints for the home page, a news article, a document, the
newest internal bulletin, this month's cell material and the member's meeting
page: Lighthouse's performance, accessibility, best-practices and SEO scores
(with what each failing accessibility audit found), CLS, LCP and the bytes transferred
(compressed, images aside), then axe-core's violations in normal, high-contrast
and 200% text modes. ``--project`` runs another checkout (e.g. main, for a before/after).
Lighthouse and axe-core come from the npm registry (scripts/web_tools.sh --lighthouse);
Lighthouse drives Debian's chromium (CHROME_PATH=/usr/bin/chromium).
"""

import argparse
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TOOLS = HERE / "tools" / "web"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MODES = {
    "normal": {},
    "high-contrast": {"stdv_contrast": "high"},
    "text-200": {"stdv_text_size": "200"},
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(project, database):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database,
        PYTHONPATH=str(project),
    )
    # Production settings require Redis (issue 15, item 5).
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
    return env


def setup_pages(project, env):
    """Paths of the pages to measure and a logged-in session cookie for ``dangvien``."""
    code = """
import json, django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from cms.bulletins.models import BulletinPage
from cms.members.models import Member
from tests.account_gates import pass_account_gates
user = get_user_model().objects.get(username="dangvien")
member = Member.objects.get(user=user)
today = timezone.localdate()
material = (BulletinPage.objects.live().cell_material().for_month(today.year, today.month)
            .for_cell_type(member.cell.cell_type).filter(locale__language_code="vi").first())
bulletin = (BulletinPage.objects.live().internal().filter(locale__language_code="vi")
            .newest_first().first())
client = Client()
client.force_login(user)
pass_account_gates(client, user)  # 2FA and the processing notice (tests/account_gates.py)
print(json.dumps({"cookie": client.cookies[settings.SESSION_COOKIE_NAME].value,
                  "cookie_name": settings.SESSION_COOKIE_NAME, "material": material.url,
                  "bulletin": bulletin.url}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def lighthouse(url, cookie_header, attempts=3):
    """One Lighthouse run; a run that fails to record its trace (a loaded machine) is retried."""
    for attempt in range(attempts):
        try:
            return _lighthouse(url, cookie_header)
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise


def _lighthouse(url, cookie_header):
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [
                str(TOOLS / "node_modules" / ".bin" / "lighthouse"),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--extra-headers={json.dumps({'Cookie': cookie_header})}",
            ],
            env=env,
            check=True,
            timeout=300,
        )
        report = json.loads(Path(out.name).read_text())
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    not_images = sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") != "Image")
    document = next((r for r in requests if r.get("resourceType") == "Document"), {})
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "html_kb": round(document.get("transferSize", 0) / 1024, 1),
        "no_images_kb": round(not_images / 1024, 1),
        "failed": sorted(
            a["id"]
            for c in CATEGORIES
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"] and (a := audits[ref["id"]])["score"] is not None and a["score"] < 1
        ),
        # What an accessibility audit found, so a failure can be fixed without a rerun.
        "a11y_nodes": {
            ref["id"]: [
                item.get("node", {}).get("snippet", "")[:120]
                for item in (audits[ref["id"]].get("details") or {}).get("items", [])
            ]
            for ref in report["categories"]["accessibility"]["auditRefs"]
            if audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        },
    }


def axe(base, pages, cookie_name, cookie):
    from playwright.sync_api import sync_playwright

    source = (TOOLS / "node_modules" / "axe-core" / "axe.min.js").read_text()
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for mode, prefs in MODES.items():
            context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
            context.add_init_script(source)
            context.add_cookies(
                [
                    {"name": k, "value": v, "url": base}
                    for k, v in {cookie_name: cookie, **prefs}.items()
                ]
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path)
                found = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
                results[(name, mode)] = [
                    f"{v['id']} ({v['impact']}, {len(v['nodes'])})" for v in found["violations"]
                ]
            context.close()
        browser.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="DATABASE_URL of a seeded database")
    parser.add_argument("--project", default=str(HERE), help="checkout to serve")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    project = Path(args.project).resolve()
    subprocess.run(["bash", str(HERE / "scripts" / "web_tools.sh"), "--lighthouse"], check=True)

    database = args.database
    if not database:
        database = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    env = production_env(project, database)
    python = sys.executable
    manage = [python, "manage.py"]
    if not args.database:
        subprocess.run([*manage, "migrate", "-v0"], cwd=project, env=env, check=True)
        subprocess.run(
            [*manage, "seed_demo", "--allow-production", "--no-index"],
            cwd=project,
            env=env,
            check=True,
        )
    subprocess.run(
        [*manage, "collectstatic", "--no-input", "-v0"], cwd=project, env=env, check=True
    )
    setup = setup_pages(project, env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=project,
        env=env,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(1)
        pages = {
            "home": "/",
            "news-article": "/tin-tuc/dong-nai-so-ket-quy-i-so-tay-dang-vien/",
            "document": "/van-ban/17-qc-tu/",
            "bulletin": setup["bulletin"],
            "cell-material": setup["material"],
            "meetings": "/sinh-hoat-chi-bo/",
        }
        cookie_header = f"{setup['cookie_name']}={setup['cookie']}"
        figures = {}
        print(
            f"Lighthouse 12, mobile, {project.name} on gunicorn + WhiteNoise (production settings)"
        )
        print(f"{'page':15} perf a11y best  seo   CLS  LCP ms  HTML kB  no-img kB")
        for name, path in pages.items():
            runs = sorted(
                (lighthouse(base + path, cookie_header) for _ in range(args.runs)),
                key=lambda r: r["performance"],
            )
            r = runs[len(runs) // 2]
            figures[name] = r
            print(
                f"{name:15} {r['performance']:4} {r['accessibility']:4} {r['best-practices']:4} "
                f"{r['seo']:4} {r['cls']:5} {r['lcp_ms']:7} {r['html_kb']:8} {r['no_images_kb']:10}"
                + (f"   below 100: {', '.join(r['failed'])}" if r["failed"] else "")
            )
            for audit, nodes in r["a11y_nodes"].items():
                print(f"{'':15} {audit}: " + " | ".join(nodes))
        html = urllib.request.urlopen(base + "/", timeout=10).read().decode()
        css = re.search(r'href="(/static/css/[^"]+)"', html).group(1)
        with urllib.request.urlopen(base + css, timeout=10) as static_response:
            print(f"\n{css}: Cache-Control: {static_response.headers['Cache-Control']}")
        print("\naxe-core violations at 360×740 (normal / high contrast / 200% text)")
        found = axe(base, pages, setup["cookie_name"], setup["cookie"])
        for name in pages:
            cells = [", ".join(found[(name, mode)]) or "none" for mode in MODES]
            print(f"{name:15} " + " / ".join(cells))
        figures["axe"] = {f"{n}/{m}": v for (n, m), v in found.items()}
        if args.json:
            Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
