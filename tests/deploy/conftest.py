"""The stack the deploy tests run: a copy of the test database (seeded demo included),
gunicorn with the production settings, Debian's nginx with deploy/'s configuration."""

import shutil
import sqlite3
import time
from urllib.parse import urlsplit

from django.db import connection, connections

import psycopg
import pytest
from stack_harness import Driver, Stack, stack_environment

from tests.pg_admin import postgres_admin


def _copy_postgres(name, copy):
    connections.close_all()
    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        for attempt in range(20):  # the template may still see a closing connection
            try:
                admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
                break
            except psycopg.errors.ObjectInUse:
                if attempt == 19:
                    raise
                time.sleep(0.25)


def _drop_postgres(copy):
    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


@pytest.fixture(scope="session")
def stack_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A URL of a database holding everything the test database holds."""
    if not shutil.which("nginx"):
        pytest.fail(
            "Debian's nginx is missing: scripts/test.sh installs it (apt-get install nginx)"
        )
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            path = tmp_path_factory.mktemp("stack-db") / "db.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            yield f"sqlite:///{path}"
            return
        name = connection.settings_dict["NAME"]
        copy = f"{name}_stack"
        _copy_postgres(name, copy)
        url = urlsplit(f"postgres://x/{copy}")
        settings = connection.settings_dict
        yield (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}{url.path}"
        )
        _drop_postgres(copy)


@pytest.fixture(scope="session")
def stack_env(stack_database, tmp_path_factory):
    return stack_environment(stack_database, tmp_path_factory.mktemp("stack-env"))


@pytest.fixture(scope="session")
def driver(stack_env):
    process = Driver(stack_env)
    process.call("migrate")  # the production-only apps (django_tasks_db)
    yield process
    process.stop()


@pytest.fixture(scope="session")
def stack(driver, stack_env, tmp_path_factory):
    running = Stack(
        tmp_path_factory.mktemp("stack"), stack_env, workers=2, threads=4, background=True
    ).start()
    yield running
    running.stop()
