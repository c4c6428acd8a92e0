"""The load side of bench/meeting_day.py: wrk processes driven by bench/meeting_day.lua, the
stack's address, and CPU accounting in /proc (per part of the stack and for wrk itself)."""

import itertools
import json
import os
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STACK_ENV = {
    "STDV_PROD_DIR": str(ROOT / ".prod-bench"),
    "STDV_PORT": "8090",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/stdv_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "CACHE_KEY_PREFIX": "stdv-bench",
    # Every bench request comes from 127.0.0.1, while members log in from thousands of
    # addresses: the per-address login limit (deploy/render.py) would refuse the paced
    # mix's logins as a flood. The login pool still bounds them.
    "STDV_LOGIN_RATE": "6000r/m",
    "STDV_LOGIN_BURST": "600",
}


def stack_url():
    return f"http://127.0.0.1:{STACK_ENV['STDV_PORT']}"


# --- wrk -----------------------------------------------------------------------------------------
def lua_string(text):
    """A Lua 5.1 string literal: printable ASCII as is, every other byte as \\ddd."""
    out = []
    for byte in text.encode():
        char = chr(byte)
        out.append(char if 32 <= byte < 127 and char not in '"\\' else f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def lua_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return lua_string(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"[{lua_string(k)}]={lua_value(v)}" for k, v in value.items()) + "}"
    return "{" + ",".join(lua_value(v) for v in value) + "}"


class Wrk:
    """One wrk process on one class of requests."""

    def __init__(self, name, lua_plan, threads, connections, seconds, workdir):
        self.name = name
        lua_plan = dict(lua_plan, threads=threads)
        if lua_plan.pop("unique", False):
            lua_plan["requests"] = [
                dict(r, path=f"{r['path']}&p={i}")
                for i, r in enumerate(
                    itertools.islice(itertools.cycle(lua_plan["requests"]), 20_000)
                )
            ]
        plan_file = Path(workdir) / f"{name}-{uuid.uuid4().hex[:6]}.lua"
        plan_file.write_text("return " + lua_value(lua_plan) + "\n")
        self.started = time.monotonic()
        # Files, not pipes: the acknowledgements can outgrow a pipe's buffer.
        self.out = open(plan_file.with_suffix(".out"), "w+")  # noqa: SIM115
        self.err = open(plan_file.with_suffix(".err"), "w+")  # noqa: SIM115
        self.process = subprocess.Popen(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
            + ["-s", str(ROOT / "bench" / "meeting_day.lua"), stack_url()],
            env={**os.environ, "BENCH_PLAN": str(plan_file)},
            stdout=self.out,
            stderr=self.err,
        )

    def wait(self):
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self.out.seek(0)
        self.err.seek(0)
        out, err = self.out.read(), self.err.read()
        self.out.close()
        self.err.close()
        line = next((x for x in out.splitlines() if x.startswith("BENCH_RESULT ")), None)
        if line is None:
            raise RuntimeError(f"wrk {self.name} failed: {out}\n{err}")
        result = json.loads(line.removeprefix("BENCH_RESULT "))
        result["name"] = self.name
        result["cpu_s"] = usage.ru_utime + usage.ru_stime
        seconds = result["duration_us"] / 1e6
        result["rps"] = result["requests"] / seconds if seconds else 0
        result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
        dist = result["dist_us"]
        result["p50"], result["p95"], result["p99"] = (
            dist[49] / 1000,
            dist[94] / 1000,
            dist[98] / 1000,
        )
        return result


def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields), idle


TICK = os.sysconf("SC_CLK_TCK")


def process_table():
    """pid → (parent pid, command line, CPU seconds) of every process."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry.name}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        table[int(entry.name)] = (
            int(fields[1]),
            cmdline,
            (int(fields[11]) + int(fields[12])) / TICK,
        )
    return table


def stack_cpu():
    """CPU seconds used so far by the stack's parts. The database counts only the backends
    of the bench's database; Redis is the whole (shared) server, an upper bound."""
    table = process_table()
    run_dir = Path(STACK_ENV["STDV_PROD_DIR"])

    def tree(pid_file):
        try:
            root = int(pid_file.read_text())
        except (OSError, ValueError):
            return 0.0
        pids = {root} | {pid for pid, (ppid, _, _) in table.items() if ppid == root}
        return sum(table[pid][2] for pid in pids if pid in table)

    database = STACK_ENV["DATABASE_URL"].rsplit("/", 1)[1]
    return {
        "app": tree(run_dir / "run" / "app.pid"),
        "nginx": tree(run_dir / "nginx" / "nginx.pid"),
        "db": sum(
            c
            for _, cmd, c in table.values()
            if cmd.startswith("postgres: ") and f" {database} " in cmd
        ),
        "redis": sum(c for _, cmd, c in table.values() if cmd.startswith("redis-server")),
    }


def drain(limit):
    """Waits until the app answers quickly again (abandoned requests of a phase finished)."""
    deadline = time.monotonic() + limit
    quick = 0
    while time.monotonic() < deadline and quick < 2:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(stack_url() + "/healthz", timeout=5):
                pass
            quick = quick + 1 if time.monotonic() - started < 0.2 else 0
        except OSError:
            quick = 0
        time.sleep(0.3)


def run(specs, seconds, workdir):
    """Runs wrk processes side by side; returns their results and the CPU figures."""
    total0, idle0 = cpu_times()
    parts0 = stack_cpu()
    started = time.monotonic()
    procs = [Wrk(name, lua_plan, t, c, seconds, workdir) for name, lua_plan, t, c in specs]
    results = [p.wait() for p in procs]
    wall = time.monotonic() - started
    parts1 = stack_cpu()
    total1, idle1 = cpu_times()
    ticks = total1 - total0
    busy = (ticks - (idle1 - idle0)) / ticks if ticks else 0
    cores = os.cpu_count()
    wrk_cpu = sum(r["cpu_s"] for r in results)
    parts = {name: parts1[name] - parts0[name] for name in parts0}
    parts["wrk"] = wrk_cpu
    return results, {
        "wall": wall,
        "machine_busy": busy,
        "generator_share": wrk_cpu / (wall * cores),
        "parts": parts,
    }


def merged_percentiles(results):
    """p50/p95/p99 of several classes together, from each class's percentile table."""
    samples = []
    for r in results:
        weight = r["requests"] / 100
        samples += [(value, weight) for value in r["dist_us"][:99]]
        samples.append((r["dist_us"][100], weight))
    samples.sort()
    total = sum(w for _, w in samples)
    out, acc, wanted = {}, 0, [0.50, 0.95, 0.99]
    for value, weight in samples:
        acc += weight
        while wanted and acc >= wanted[0] * total:
            out[wanted.pop(0)] = value / 1000
    return out.get(0.5, 0), out.get(0.95, 0), out.get(0.99, 0)
