"""A PostgreSQL streaming replica of the test database's server, made here with
``pg_basebackup`` and run on a free port (tests/deploy/test_replica.py)."""

import os
import socket
import subprocess
import time

from django.db import connection

import psycopg

PG_BIN = "/usr/lib/postgresql/15/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(args, **kwargs):
    """pg_ctl refuses root: run PostgreSQL's tools as the postgres user when we are root."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def primary_params():
    s = connection.settings_dict
    return {
        "host": s["HOST"] or "127.0.0.1",
        "port": int(s["PORT"] or 5432),
        "user": s["USER"] or "postgres",
        "password": s["PASSWORD"] or None,
    }


def admin(port=None, dbname="postgres"):
    params = primary_params()
    if port is not None:
        params["port"] = port
    return psycopg.connect(**params, dbname=dbname, autocommit=True, connect_timeout=5)


class Cluster:
    def __init__(self, root, port):
        self.root, self.port = root, port
        self.data = os.path.join(root, "data")
        self.log = os.path.join(root, "replica.log")

    def pg_ctl(self, *args):
        return as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.data, "-l", self.log, *args])

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root}"
        done = self.pg_ctl("-w", "-t", "60", "-o", options, "start")
        if done.returncode:
            with open(self.log) as log:
                raise RuntimeError(f"replica did not start: {done.stderr}\n{log.read()[-3000:]}")

    def stop(self, mode="fast"):
        return self.pg_ctl("-w", "-m", mode, "stop")

    def wait_for_replay(self, timeout=30):
        """Until the replica has replayed everything the primary has written so far."""
        with admin() as primary:
            target = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        deadline = time.monotonic() + timeout
        with admin(self.port) as replica:
            while True:
                caught_up = replica.execute(
                    "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]
                ).fetchone()[0]
                if caught_up:
                    return
                if time.monotonic() > deadline:
                    raise AssertionError(f"replica has not replayed up to {target} in {timeout}s")
                time.sleep(0.05)


def replication_blocked():
    with admin() as primary:
        wal_level = primary.execute("SHOW wal_level").fetchone()[0]
        senders = int(primary.execute("SHOW max_wal_senders").fetchone()[0])
        hba = primary.execute(
            "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database)"
            " AND type IN ('host', 'hostssl', 'hostnossl')"
        ).fetchone()[0]
    if wal_level not in ("replica", "logical"):
        return f"the primary has wal_level={wal_level} (needs replica; a restart is needed)"
    if senders < 1:
        return "the primary has max_wal_senders=0 (a restart is needed)"
    if not hba:
        return (
            "the primary's pg_hba.conf allows no replication connection: add "
            "'host replication postgres 127.0.0.1/32 trust' and SELECT pg_reload_conf() "
            "(scripts/test.sh does this when it may)"
        )
    return None


def standby_conf():
    """Hot standby needs these at least as high as on the primary."""
    names = [
        "max_connections",
        "max_worker_processes",
        "max_wal_senders",
        "max_prepared_transactions",
        "max_locks_per_transaction",
    ]
    with admin() as primary:
        values = {n: primary.execute(f"SHOW {n}").fetchone()[0] for n in names}
    lines = [f"{n} = {v}" for n, v in values.items()]
    lines += ["hot_standby = on", "hot_standby_feedback = on", "shared_buffers = 32MB"]
    return "\n".join(lines) + "\n"
