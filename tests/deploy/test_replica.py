"""Read replicas against a REAL PostgreSQL streaming replica started here (issue 14).

The module makes a second cluster with ``pg_basebackup -R -X stream`` from the test database's
server, starts it on a free port and points a "replica" alias at the same (test) database name
there. Requests then run through the router and its middleware (cms/core/db_router.py) with the
queries of each alias counted. The tests run in autocommit (no test transaction), so what they
write is committed and streams to the replica; they remove their own rows.
"""

import copy
import os
import shutil
import socket
import tempfile
import time
import uuid

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import close_old_connections, connection, connections
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path

from wagtail.models import Page, Site

import pytest
from replica_cluster import (
    PG_BIN,
    Cluster,
    admin,
    as_postgres,
    free_port,
    primary_params,
    replication_blocked,
    standby_conf,
)

from cms.core import db_router
from cms.visits import counters

ROUTER = "cms.core.db_router.ReplicaRouter"
PIN_MIDDLEWARE = "cms.core.db_router.ReplicaPinMiddleware"
CONNECT_TIMEOUT = 2

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL=postgres://…): a streaming replica is a "
        "PostgreSQL cluster made with pg_basebackup",
    ),
]


@pytest.fixture(scope="module")
def replica_cluster(django_db_setup, django_db_blocker):
    if not os.path.exists(f"{PG_BIN}/pg_basebackup"):
        pytest.skip(f"PostgreSQL 15 server tools are missing ({PG_BIN})")
    with django_db_blocker.unblock():
        blocked = replication_blocked()
    if blocked:
        pytest.skip(f"cannot start a streaming replica: {blocked}")
    root = tempfile.mkdtemp(prefix="stdv-replica-")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    os.chmod(root, 0o700)
    cluster = Cluster(root, free_port())
    try:
        p = primary_params()
        made = as_postgres(
            [f"{PG_BIN}/pg_basebackup", "-h", p["host"], "-p", str(p["port"]), "-U", p["user"]]
            + ["-D", cluster.data, "-R", "-X", "stream", "-c", "fast"],
            timeout=300,
        )
        assert made.returncode == 0, made.stderr
        # Debian keeps the configuration outside the data directory: give the copy its own.
        for name, text in [
            ("postgresql.conf", standby_conf()),
            ("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n"),
            ("pg_ident.conf", ""),
        ]:
            target = os.path.join(cluster.data, name)
            with open(target, "w") as f:
                f.write(text)
            if os.geteuid() == 0:
                shutil.chown(target, "postgres", "postgres")
        cluster.start()
        yield cluster
    finally:
        cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


# --- the site with the replica alias and the router -----------------------------------------


def _add_replica_alias(settings_dict):
    connections.settings["replica"] = settings_dict
    if "replica" in connections:
        connections["replica"].close()
        del connections["replica"]


def _replica_settings(port, host="127.0.0.1"):
    cfg = copy.deepcopy(connection.settings_dict)
    cfg.update(HOST=host, PORT=port, CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True)
    cfg["OPTIONS"] = {**cfg.get("OPTIONS", {}), "connect_timeout": CONNECT_TIMEOUT}
    cfg["TEST"] = {**cfg.get("TEST", {}), "MIRROR": None}
    return cfg


@pytest.fixture
def site_with_replica(replica_cluster, django_db_blocker, settings):
    """Autocommit database access (no test transaction), the router, the middleware and a
    "replica" alias naming the test database on the replica's port; the demo site present."""
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.MIDDLEWARE = [PIN_MIDDLEWARE, *settings.MIDDLEWARE]
    settings.DATABASE_REPLICA_MAX_LAG = 30
    settings.DATABASE_REPLICA_LAG_CHECK_SECONDS = 5
    settings.DATABASE_REPLICA_RETRY_SECONDS = 10
    # The visit counters write their buffer now and then, which pins that one request to the
    # primary (a write): keep it out of the counted requests.
    settings.VISIT_COUNTER_FLUSH_SECONDS = 10**9
    counters.buffer().flush_due()
    with django_db_blocker.unblock():
        # A transactional test run before this one may have flushed the demo.
        if not Site.objects.using("default").filter(is_default_site=True).exists():
            call_command("seed_demo", "--no-index", verbosity=0)
        _add_replica_alias(_replica_settings(replica_cluster.port))
        replica_cluster.wait_for_replay()
        db_router.reset_replica_state()
        token = db_router.new_scope()
        try:
            yield replica_cluster
        finally:
            db_router.end_scope(token)
            db_router.reset_replica_state()
            connections["replica"].close()
            del connections["replica"]
            connections.settings.pop("replica", None)
            connections.close_all()


class _Executed:
    """The queries one alias ran, without connecting it (CaptureQueriesContext connects first,
    which is what a test of an unreachable replica must not do)."""

    def __init__(self, alias):
        self.alias, self.captured_queries = alias, []

    def _record(self, execute, sql, params, many, context):
        self.captured_queries.append({"sql": sql})
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = connections[self.alias].execute_wrapper(self._record)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def _get(client, url="/", replica_up=True, **kwargs):
    """One request with the queries of each alias counted. As a server does at the start of a
    request (the test client leaves it out), connections are health-checked again."""
    close_old_connections()
    replica_queries = (
        CaptureQueriesContext(connections["replica"]) if replica_up else _Executed("replica")
    )
    with CaptureQueriesContext(connections["default"]) as primary, replica_queries as replica:
        response = client.get(url, **kwargs)
    return response, primary, replica


def _selects(captured):
    return [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().startswith("SELECT")]


def _page_reads(captured):
    """Reads other than get_or_create()'s, which Django sends to the write database: Wagtail's
    site settings, when the page is rendered rather than served from the fragment cache."""
    return [q for q in _selects(captured) if '"home_sitebranding"' not in q]


@pytest.mark.django_db  # also makes pytest-django create the test database for the module
def test_the_router_keeps_migrations_and_transactions_on_the_primary(settings):
    from django.db import transaction

    settings.DATABASE_ROUTERS = [ROUTER]
    router = db_router.ReplicaRouter()
    assert router.allow_migrate("default", "wagtailcore") is True
    assert router.allow_migrate("replica", "wagtailcore") is False
    site = Site(pk=1)
    site._state.db = "replica"
    assert router.allow_relation(site, Page(pk=1)) is True
    token = db_router.new_scope()
    try:
        with transaction.atomic():  # the test's own transaction is atomic as well
            assert router.db_for_read(Site) == "default"
        assert router.db_for_write(Site) == "default"
        Site.objects.get_or_create(is_default_site=True)  # reads through db_for_write (router)
        assert not db_router.is_pinned()
        Site.objects.filter(pk=-1).update(site_name="x")  # an UPDATE on the primary
        assert db_router.is_pinned()
    finally:
        db_router.end_scope(token)


def test_an_anonymous_page_read_goes_to_the_replica(site_with_replica, client):
    response, primary, replica = _get(client)
    assert response.status_code == 200
    assert _selects(replica), "the home page read nothing from the replica"
    assert not _page_reads(primary), _page_reads(primary)
    assert len(_selects(replica)) > len(_selects(primary))


def test_a_pinned_reader_reads_the_primary(site_with_replica, client):
    client.cookies[db_router.PIN_COOKIE] = "1"
    response, primary, replica = _get(client)
    assert response.status_code == 200
    assert _selects(primary)
    assert not replica.captured_queries


def _write_then_read(request):
    """A GET that reads, writes, then reads again (as a view that records something would)."""
    site = Site.objects.get(is_default_site=True)  # before any write: the replica
    Site.objects.filter(pk=site.pk).update(site_name=site.site_name)  # a write: the primary
    Page.objects.filter(depth=1).count()  # after the write: the primary as well
    return HttpResponse("ok")


urlpatterns = [path("write-then-read/", _write_then_read)]


def test_a_write_then_a_read_in_one_request_reads_the_primary(site_with_replica, client, settings):
    settings.ROOT_URLCONF = __name__
    response, primary, replica = _get(client, "/write-then-read/")
    assert response.status_code == 200
    assert any("wagtailcore_site" in q for q in _selects(replica))
    assert not any("wagtailcore_page" in q for q in _selects(replica))
    writes = [q["sql"] for q in primary.captured_queries if q["sql"].startswith("UPDATE")]
    assert writes and any("wagtailcore_page" in q for q in _selects(primary))
    # The next request starts unpinned again.
    response, primary, replica = _get(client, "/write-then-read/")
    assert any("wagtailcore_site" in q for q in _selects(replica))


def test_a_logged_in_post_pins_that_reader_for_a_few_seconds(site_with_replica, client):
    User = get_user_model()
    username = f"replica-{uuid.uuid4().hex[:8]}"
    User.objects.create_user(username=username, password="Demo@2026")
    try:
        site_with_replica.wait_for_replay()
        response = client.post("/dang-nhap/", {"username": username, "password": "Demo@2026"})
        assert response.status_code == 302, response.status_code
        pin = response.cookies[db_router.PIN_COOKIE]
        assert pin["max-age"] == 5 and pin["httponly"]
        response, primary, replica = _get(client)
        assert response.status_code == 200
        assert _selects(primary) and not replica.captured_queries
        # Once the cookie has gone (a few seconds later) the reader is back on the replica.
        del client.cookies[db_router.PIN_COOKIE]
        response, primary, replica = _get(client)
        assert response.status_code == 200 and _selects(replica)
    finally:
        User.objects.filter(username=username).delete()


def test_rows_written_on_the_primary_stream_to_the_replica(site_with_replica):
    User = get_user_model()
    username = f"replica-{uuid.uuid4().hex[:8]}"
    User.objects.create_user(username=username)
    try:
        site_with_replica.wait_for_replay()
        assert User.objects.using("replica").filter(username=username).exists()
        User.objects.filter(username=username).update(first_name="Đã sao chép")
        site_with_replica.wait_for_replay()
        assert User.objects.using("replica").get(username=username).first_name == "Đã sao chép"
    finally:
        User.objects.filter(username=username).delete()


def test_a_replica_that_falls_behind_is_not_read(site_with_replica, client, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 0.5
    settings.DATABASE_REPLICA_LAG_CHECK_SECONDS = 0
    with admin(site_with_replica.port) as replica_admin:
        replica_admin.execute("SELECT pg_wal_replay_pause()")
        User = get_user_model()
        username = f"replica-{uuid.uuid4().hex[:8]}"
        try:
            User.objects.create_user(username=username)  # not replayed while paused
            time.sleep(1)
            db_router.reset_replica_state()
            response, primary, replica = _get(client)
            assert response.status_code == 200
            assert _selects(primary) and not replica.captured_queries
        finally:
            replica_admin.execute("SELECT pg_wal_replay_resume()")
            User.objects.filter(username=username).delete()
    # Caught up, it is read again (usual limit: a shared server's other WAL moves the estimate).
    settings.DATABASE_REPLICA_MAX_LAG = 30
    site_with_replica.wait_for_replay()
    db_router.reset_replica_state()
    response, primary, replica = _get(client)
    assert _selects(replica) and not _page_reads(primary)


def test_a_stopped_replica_the_site_answers_from_the_primary(site_with_replica, client):
    response, primary, replica = _get(client)
    assert _selects(replica), (_selects(primary), response.status_code)  # connected
    stopped = site_with_replica.stop("fast")
    assert stopped.returncode == 0, stopped.stderr
    try:
        for _ in range(3):
            started = time.monotonic()
            response, primary, replica = _get(client, replica_up=False)
            took = time.monotonic() - started
            assert response.status_code == 200
            assert _selects(primary) and not replica.captured_queries
            assert took < CONNECT_TIMEOUT + 3, took
    finally:
        site_with_replica.start()


def _hung_server():
    """A port that accepts TCP connections and never answers: a replica that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    return listener


def test_a_hung_replica_costs_one_connect_timeout_then_is_skipped(site_with_replica, client):
    listener = _hung_server()
    try:
        _add_replica_alias(_replica_settings(listener.getsockname()[1]))
        started = time.monotonic()
        response, primary, replica = _get(client, replica_up=False)
        first = time.monotonic() - started
        assert response.status_code == 200 and _selects(primary)
        assert first < CONNECT_TIMEOUT + 3, first
        # The "replica down" state is kept: the next requests do not wait again.
        started = time.monotonic()
        for _ in range(3):
            response, primary, replica = _get(client, replica_up=False)
            assert response.status_code == 200 and not replica.captured_queries
        assert time.monotonic() - started < first, "later requests waited for the replica again"
    finally:
        listener.close()
        _add_replica_alias(_replica_settings(site_with_replica.port))
