"""Each database engine's own dump and restore tool.

PostgreSQL: ``pg_dump --format=custom`` from a snapshot exported by the
transaction that also reads the table fingerprint (so both describe the same
moment), ``pg_restore`` into the target. SQLite: the online backup API, which
copies a consistent image page by page while the site keeps running.
"""

import contextlib
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 (fixed argument lists, no shell)

from django.db import transaction

from .errors import BackupError
from .hashing import table_fingerprint

DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def engine_of(connection):
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại «{vendor}».")
    return vendor


def _pg_arguments(settings_dict):
    arguments = ["--dbname", settings_dict["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments += [option, str(settings_dict[key])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return arguments, env


def _run(command, env):
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(
            f"Không tìm thấy chương trình «{command[0]}» (cài gói postgresql-client)."
        )
    completed = subprocess.run(  # noqa: S603
        [tool, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BackupError(f"«{command[0]}» báo lỗi: {completed.stderr.strip()[:2000]}")


def dump_database(connection, target):
    """Write the database of ``connection`` to ``target``; return the fingerprint of what was written.

    PostgreSQL: ``pg_dump`` runs on a snapshot exported by the transaction
    that reads the fingerprint. SQLite: the backup API copies a consistent
    image, and the fingerprint is read from that copy.
    """
    if connection.vendor == "postgresql":
        with _repeatable_read(connection) as snapshot:
            arguments, env = _pg_arguments(connection.settings_dict)
            command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
            _run([*command, f"--snapshot={snapshot}", "--file", str(target), *arguments], env)
            return fingerprint(connection)
    if connection.in_atomic_block:
        # SQLite cannot copy a database its own connection is writing (the
        # backup API would wait for ever).
        raise BackupError("Không sao lưu được SQLite trong một giao dịch đang mở.")
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    copy = sqlite3.connect(
        f"file:{target}?mode=ro",
        uri=True,
        detect_types=connection.get_connection_params()["detect_types"],
    )
    try:
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        existing = [row[0] for row in cursor.fetchall()]
        return table_fingerprint(cursor, existing, connection.ops.quote_name)
    finally:
        copy.close()


def fingerprint(connection):
    """The table fingerprint of the database behind ``connection`` (``hashing.py``)."""
    existing = connection.introspection.table_names()
    with connection.cursor() as cursor:
        return table_fingerprint(cursor, existing, connection.ops.quote_name)


@contextlib.contextmanager
def _repeatable_read(connection):
    """A transaction whose reads all see one moment; yields its exported snapshot."""
    if connection.in_atomic_block:
        # Inside a caller's transaction: export what it sees.
        yield _export_snapshot(connection)
        return
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield _export_snapshot(connection)


def _export_snapshot(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        return cursor.fetchone()[0]


def restore_database(connection, source, force=False):
    """Load the dump ``source`` into the database of ``connection``."""
    connection.close()
    if connection.vendor == "postgresql":
        arguments, env = _pg_arguments(connection.settings_dict)
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        if force:
            command += ["--clean", "--if-exists"]
        _run([*command, "--single-transaction", *arguments, str(source)], env)
        return
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    destination = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        origin.backup(destination)
    finally:
        origin.close()
        destination.close()


def table_count(connection):
    return len(connection.introspection.table_names())
