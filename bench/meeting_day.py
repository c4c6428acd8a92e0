"""Meeting day on the production stack behind nginx (issue 14).

    .venv/bin/python bench/meeting_day.py            # full run (about 4 minutes of load)
    .venv/bin/python bench/meeting_day.py --quick    # about 75 s of load: under 90 s on an idle machine
    .venv/bin/python bench/meeting_day.py --profile member_home   # + where the time goes

Starts the stack with scripts/prod.sh on its own database (stdv_bench) and port (8090) unless
it already runs, adds meeting-day data (cells, members with sessions, open meetings and
motions), lets each member land on their first page as a login's redirect would (its CPU is
printed beside the others), then drives it with Debian's wrk and bench/meeting_day.lua,
loopback only:

1. the ceiling: nginx serving a static file the size of the home page;
2. each endpoint alone at the same concurrency;
3. the meeting-evening mix, every class at once: anonymous readers and searches, members'
   home and material pages, live-status polls (with ETag), check-ins, votes, secretaries
   opening and closing motions, and logins (about one a second: members log in once a
   meeting and keep their session);
4. the same mix paced at the evening's proportions (docs/scale.md, "The meeting evening as
   load") and a fixed total rate (``--rate``, 1,000 req/s by default): requests follow a
   schedule, as members' do (a poll every 10 s), so the latencies are those of a machine
   serving that rate, not of one driven past its capacity;
5. the check: every acknowledged check-in and vote is in the database exactly once.

Prints per endpoint throughput, p50/p95/p99, errors, the ratio to the ceiling, the targets
of the issue, and the share of the CPU the generator (wrk) used.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meeting_day_data import READER_COOKIE, classes, prepare  # noqa: E402
from meeting_day_load import (  # noqa: E402
    STACK_ENV,
    drain,
    merged_percentiles,
    run,
    stack_cpu,
    stack_url,
)

TARGETS = {
    "anon_home": "≥ 40% trần, p99 ≤ 50 ms",
    "anon_article": "≥ 40% trần, p99 ≤ 50 ms",
    "member_home": "≥ 500 req/s, p99 ≤ 200 ms",
    "material": "≥ 500 req/s, p99 ≤ 200 ms",
    "poll": "≥ 3000 req/s",
    "search": "≥ 150 req/s, p99 ≤ 300 ms",
    "mix (total)": "≥ 1000 req/s, p99 ≤ 300 ms, 0 lỗi",
}


# Requests per second at the province's peak, per class (docs/scale.md, "The meeting evening
# as load"): the paced mix sends them in these proportions.
EVENING = {
    "poll": 2500,
    "member_home": 150,
    "material": 150,
    "checkin": 100,
    "vote": 100,
    "secretary": 10,
    "login": 40,
    "anon_home": 100,
    "anon_article": 100,
    "search": 10,
}


def paced(specs, rate):
    """The mix's classes at ``rate`` requests per second in all, in the evening's proportions:
    each class's requests follow a fixed schedule (``rate`` in bench/meeting_day.lua), with
    connections enough to wait for slow answers; the table prints what was asked and what
    was served."""
    share = rate / sum(EVENING.values())
    out = []
    for name, per_second in EVENING.items():
        wanted = per_second * share
        lua_plan = {k: v for k, v in specs[name][0].items() if k != "delay_ms"}
        lua_plan["rate"] = wanted
        out.append((name, lua_plan, 1, max(2, math.ceil(wanted / 5)), wanted))
    return out


def sh(*args, env=None, check=True):
    return subprocess.run(args, cwd=ROOT, env=env, check=check, text=True)


# --- the stack and Django ------------------------------------------------------------------
def stack_running():
    try:
        with urllib.request.urlopen(stack_url() + "/healthz", timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


def start_stack():
    env = {**os.environ, **STACK_ENV}
    sh("bash", "scripts/prod.sh", "start", env=env)


def setup_django():
    prod_dir = Path(STACK_ENV["STDV_PROD_DIR"])
    os.environ.update(STACK_ENV)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=(prod_dir / "secret_key").read_text().strip(),
        STDV_LIVE_LINK_SECRET=os.environ.get("STDV_LIVE_LINK_SECRET")
        or (prod_dir / "live_link_secret").read_text().strip(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(prod_dir / "media"),
    )
    import django

    django.setup()


# --- the checks before and after the run ---------------------------------------------------
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def preflight(specs):
    """Each GET class answers its first request with 200: a redirect (to the login page, to the
    processing notice) would be measured as a very fast page."""
    opener = urllib.request.build_opener(_NoRedirect)
    for name, (lua_plan, _connections) in specs.items():
        first = lua_plan["requests"][0]
        if first.get("method", "GET") != "GET":
            continue
        request = urllib.request.Request(
            stack_url() + first["path"], headers={"Cookie": first.get("cookie") or ""}
        )
        try:
            status = opener.open(request, timeout=30).status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            sys.exit(f"{name}: {first['path']} trả lời {status}, không phải 200: dừng đo.")


def land(plan):
    """Each member's first page after logging in: the login's redirect to the home page.

    The bench makes its members' sessions directly (a login costs 0.2 s of CPU; logins are
    measured on their own), so this first page is requested here, as the login would:
    it settles the session (idle limit, last seen) and builds the member's own panels.
    What the phases measure is then a member's pages during the evening; this first page's
    CPU (per page, by part of the stack) is returned to be printed beside theirs."""
    from concurrent.futures import ThreadPoolExecutor

    def first_page(member):
        request = urllib.request.Request(stack_url() + "/", headers={"Cookie": member["cookie"]})
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()

    before = stack_cpu()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(first_page, plan["members"]))
    after = stack_cpu()
    pages = len(plan["members"])
    return pages, {part: 1000 * (after[part] - before[part]) / pages for part in after}


# --- the check after the run ---------------------------------------------------------------
def verify(results):
    from cms.meetings.choices import AttendanceStatus
    from cms.meetings.models import Attendance, Ballot, VoteReceipt

    report = {}
    for kind in ("checkin", "vote"):
        result = next(r for r in results if r["name"] == kind)
        acks = Counter(result["acks"])
        refused = set(result["refused"]) - set(acks)
        problems = []
        for ack in acks:
            _, target, member = ack.split(":")
            if kind == "checkin":
                rows = Attendance.objects.filter(meeting_id=target, member_id=member)
                ok = rows.count() == 1 and rows.filter(status=AttendanceStatus.PRESENT).count() == 1
            else:
                ok = VoteReceipt.objects.filter(motion_id=target, member_id=member).count() == 1
            if not ok:
                problems.append(ack)
        report[kind] = {"acknowledged": len(acks), "refused": len(refused), "missing": problems}
    motions = {a.split(":")[1] for a in next(r for r in results if r["name"] == "vote")["acks"]}
    for motion in motions:
        receipts = VoteReceipt.objects.filter(motion_id=motion).count()
        ballots = Ballot.objects.filter(motion_id=motion).count()
        if receipts != ballots:
            report["vote"]["missing"].append(
                f"motion {motion}: {receipts} receipts, {ballots} ballots"
            )
    return report


# --- output --------------------------------------------------------------------------------------
def row(name, r, ceiling_rps, target=""):
    ratio = r["rps"] / ceiling_rps if ceiling_rps else 0
    return (
        f"{name:<22}{r['rps']:>10.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}"
        f"{r['errors']:>8d}{ratio:>9.2%}   {target}"
    )


HEADER = f"{'endpoint':<22}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'/trần':>9}   mục tiêu"


def totals(results):
    total = {
        "rps": sum(r["rps"] for r in results),
        "errors": sum(r["errors"] for r in results),
        "requests": sum(r["requests"] for r in results),
    }
    total["p50"], total["p95"], total["p99"] = merged_percentiles(results)
    return total


def report_checks(checked):
    failures = []
    for kind, found in checked.items():
        print(
            f"Kiểm tra {kind}: {found['acknowledged']} được xác nhận, {found['refused']} bị từ chối "
            f"(503, đảng viên gửi lại), thiếu hoặc trùng: {len(found['missing'])}"
        )
        if found["missing"]:
            failures.append(f"{kind}: {found['missing'][:5]}")
    return failures


def print_cpu(costs):
    """CPU per request by part of the stack, measured in /proc while one connection sends
    requests one after another: what a core can serve, whatever else runs on the machine
    (docs/scale.md builds on these figures)."""
    print("\nCPU mỗi yêu cầu (ms, đo trong /proc, một kết nối tuần tự) và số yêu cầu/giây một lõi")
    print("phục vụ được (ứng dụng + nginx + PostgreSQL; Redis là cả máy chủ dùng chung, cận trên):")
    print(
        f"{'endpoint':<22}{'n':>6}{'p50 ms':>9}{'app':>8}{'nginx':>8}{'db':>8}{'redis≤':>8}"
        f"{'req/s/lõi':>12}"
    )
    for name, (r, cpu) in costs.items():
        requests = r["requests"]
        per = {k: max(0.0, 1000 * v / max(requests, 1)) for k, v in cpu["parts"].items()}
        site = per["app"] + per["nginx"] + per["db"]
        print(
            f"{name:<22}{requests:>6d}{r['p50']:>9.1f}{per['app']:>8.2f}{per['nginx']:>8.3f}"
            f"{per['db']:>8.2f}{per['redis']:>8.2f}{1000 / site if site else 0:>12.0f}"
        )


def profile(name, spec, seconds, workdir):
    """py-spy on every gunicorn worker while one class runs alone: the top functions."""
    master = int((Path(STACK_ENV["STDV_PROD_DIR"]) / "run" / "app.pid").read_text())
    out = Path(workdir) / "profile.txt"
    spy = subprocess.Popen(
        [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(master)]
        + ["--subprocesses", "--duration", str(seconds), "--rate", "200", "--format", "raw"]
        + ["--output", str(out), "--nonblocking"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    run([(name, *spec)], seconds, workdir)
    spy.wait(timeout=seconds + 30)
    own, total = Counter(), 0
    inclusive = Counter()
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        count = int(count)
        frames = stack.split(";")
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    print(f"\nHồ sơ py-spy ({name}, {total} mẫu): hàm tự tốn nhiều nhất")
    for frame, count in own.most_common(15):
        print(f"  {count / total:6.1%}  {frame[:110]}")
    print("Tính cả hàm con (khung của dự án và thư viện chính):")
    shown = 0
    for frame, count in inclusive.most_common(400):
        if any(key in frame for key in ("cms/", "wagtail/", "django/template", "django/db")):
            print(f"  {count / total:6.1%}  {frame[:110]}")
            shown += 1
            if shown == 20:
                break


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short phases (under 90 s)")
    parser.add_argument("--seconds", type=int, help="seconds per endpoint phase")
    parser.add_argument("--mix-seconds", type=int, help="seconds of the mix")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--rate", type=int, default=1000, help="req/s of the paced mix (default 1000)"
    )
    parser.add_argument("--profile", metavar="ENDPOINT", help="py-spy profile of one endpoint")
    args = parser.parse_args()
    seconds = args.seconds or (3 if args.quick else 15)
    mix_seconds = args.mix_seconds or (8 if args.quick else 60)
    began = time.monotonic()

    sh("bash", "deploy/install-debian-packages.sh")
    if not stack_running():
        start_stack()
    setup_django()
    plan = prepare(args.quick)
    specs = classes(plan)
    preflight(specs)
    landing = land(plan)
    workdir = tempfile.mkdtemp(prefix="meeting-day-")

    # The ceiling: a static file of the anonymous home page's size, through the same nginx.
    request = urllib.request.Request(stack_url() + "/", headers={"Cookie": READER_COOKIE})
    with urllib.request.urlopen(request) as r:
        home_size = len(r.read())
    ceiling = ROOT / "static" / "bench-ceiling.html"
    ceiling.write_bytes(b"x" * home_size)
    cores = os.cpu_count()
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print(
        f"Ngày sinh hoạt — {cores} lõi, tải máy trước khi chạy {' '.join(load)}; "
        f"{len(plan['meetings'])} buổi sinh hoạt mở, {len(plan['members'])} đảng viên có phiên, "
        f"trang chủ {home_size} byte; wrk -c{args.connections}, {seconds} s mỗi pha, hỗn hợp {mix_seconds} s"
    )

    # Cost: one connection, requests one after another, on a drained stack: CPU per request
    # of each part, free of queues left by other phases (the basis of docs/scale.md).
    costs = {}
    for name in (
        "anon_home",
        "search",
        "member_home",
        "material",
        "poll",
        "checkin",
        "vote",
        "login",
    ):
        lua_plan = dict(specs[name][0])
        if name in ("checkin", "vote"):  # their own members: the mix sends the others
            count = 40 if args.quick else 100
            lua_plan["requests"], specs[name][0]["requests"] = (
                lua_plan["requests"][-count:],
                lua_plan["requests"][:-count],
            )
        drain(30 if args.quick else 120)
        results, cpu = run([(name, lua_plan, 1, 1)], 2 if args.quick else 8, workdir)
        costs[name] = (results[0], cpu)

    c = args.connections
    ceiling_spec = {"requests": [{"path": "/static/bench-ceiling.html", "cookie": ""}]}
    alone = {}
    phases = [("ceiling", ceiling_spec)] + [
        (name, specs[name][0])
        for name in ("anon_home", "anon_article", "search", "member_home", "material", "poll")
    ]
    for name, lua_plan in phases:
        drain(20 if args.quick else 90)
        results, cpu = run([(name, lua_plan, 2, c)], seconds, workdir)
        alone[name] = (results[0], cpu)
    ceiling_rps = alone["ceiling"][0]["rps"]

    # Half of the remaining check-ins and votes for each mix: one member, one motion, once.
    paced_specs = {name: (dict(lua_plan), conns) for name, (lua_plan, conns) in specs.items()}
    for name in ("checkin", "vote"):
        requests = specs[name][0]["requests"]
        half = len(requests) // 2
        specs[name][0]["requests"] = requests[:half]
        paced_specs[name][0]["requests"] = requests[half:]
    mix_specs = [
        (name, lua_plan, min(2, conns), conns) for name, (lua_plan, conns) in specs.items()
    ]
    drain(20 if args.quick else 90)
    mix, mix_cpu = run(mix_specs, mix_seconds, workdir)
    checked = verify(mix)
    pacing = paced(paced_specs, args.rate)
    drain(20 if args.quick else 90)
    paced_mix, paced_cpu = run([spec[:4] for spec in pacing], mix_seconds, workdir)
    checked_paced = verify(paced_mix)

    print("\nTừng endpoint một mình (cùng bộ sinh tải, cùng số kết nối):")
    print(HEADER)
    for name, (r, cpu) in alone.items():
        print(
            row(name, r, ceiling_rps, TARGETS.get(name, ""))
            + f"   [wrk {cpu['generator_share']:.0%} CPU]"
        )
    print_cpu(costs)
    pages, per = landing
    print(
        f"trang đầu sau đăng nhập ({pages} đảng viên, 2 kết nối): ứng dụng {per['app']:.2f} ms, "
        f"PostgreSQL {per['db']:.2f} ms, Redis ≤ {per['redis']:.2f} ms CPU mỗi trang"
    )
    print(
        f"\nHỗn hợp buổi tối sinh hoạt ({sum(c for *_, c in mix_specs)} kết nối, mọi lớp cùng lúc):"
    )
    print(HEADER)
    for r in mix:
        print(row(r["name"], r, ceiling_rps))
    print(row("mix (total)", totals(mix), ceiling_rps, TARGETS["mix (total)"]))
    print(
        f"\nBộ sinh tải (wrk) dùng {mix_cpu['generator_share']:.0%} CPU của máy trong pha hỗn hợp "
        f"(máy bận {mix_cpu['machine_busy']:.0%}); trần: {alone['ceiling'][1]['generator_share']:.0%}."
    )
    failures = report_checks(checked)

    print(
        f"\nHỗn hợp theo nhịp buổi tối ({args.rate} req/s đặt ra, tỷ lệ của docs/scale.md; "
        f"{sum(spec[3] for spec in pacing)} kết nối, yêu cầu theo lịch cố định):"
    )
    print(HEADER + "   (đặt ra)")
    for r, spec in zip(paced_mix, pacing, strict=True):
        print(row(r["name"], r, ceiling_rps) + f"{spec[4]:>8.1f}")
    print(row("mix (total)", totals(paced_mix), ceiling_rps, TARGETS["mix (total)"]))
    print(
        f"Máy bận {paced_cpu['machine_busy']:.0%} trong pha này; wrk dùng "
        f"{paced_cpu['generator_share']:.0%} CPU của máy."
    )
    failures += report_checks(checked_paced)
    if args.profile:
        profile(args.profile, (specs[args.profile][0], 2, c), max(seconds, 10), workdir)
    print(f"\nThời gian chạy: {time.monotonic() - began:.0f} s")
    if failures:
        print("LỖI: " + "; ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
