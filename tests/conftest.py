"""Shared fixtures.

The whole run sees one fixed clock: ``STDV_TEST_NOW`` (ISO 8601, default
10/11/2026 09:00 in Đồng Nai), which then ticks on as real time passes. Tests
that mean a particular day (a month end, 31 December) travel there
themselves; ``tests/test_month_ends.py`` runs the meeting and bulletin suites
with ``STDV_TEST_NOW`` set to month ends, so nothing depends on the day the
suite runs.

The site's fixture tree is built once per test database, right after
migrations, from the same factories and builders as the demo, so every test
starts from the same believable site and rolls back what it changes. Every
test starts in the default language.

``client.force_login(user)`` and ``client.login(...)`` stand for a complete login:
the second factor given and the processing notice acknowledged
(``tests/account_gates.py``); ``@pytest.mark.raw_login`` opts a test out.
"""

import datetime
import os

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

import pytest
import time_machine

from cms.visits import counters
from tests.account_gates import pass_account_gates
from tests.shared_cache import empty_cache

TEST_NOW = datetime.datetime.fromisoformat(
    os.environ.get("STDV_TEST_NOW", "2026-11-10T09:00:00+07:00")
)


def pytest_configure(config):
    # Started here (not in a fixture) so the session-scoped database set-up
    # and every xdist worker see the same day.
    config._stdv_clock = time_machine.travel(TEST_NOW, tick=True)
    config._stdv_clock.start()


def pytest_terminal_summary(terminalreporter, config):
    # pytest-randomly shuffles every run; its header line is hidden by -q (CI),
    # so the seed that reproduces this order is printed at the end as well.
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(
            f"Thứ tự chạy ngẫu nhiên: chạy lại đúng thứ tự này bằng --randomly-seed={seed}"
        )


def pytest_unconfigure(config):
    clock = getattr(config, "_stdv_clock", None)
    if clock is not None:
        clock.stop()


@pytest.fixture(autouse=True)
def _default_language():
    """A language left active by one test must not leak into the next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _test_logins_pass_account_gates(request, monkeypatch):
    """A test login is a full login (second factor, notice); ``raw_login`` tests opt out."""
    if request.node.get_closest_marker("raw_login"):
        return
    bare_login = Client._login

    def _login(client, user, backend=None):
        bare_login(client, user, backend)
        pass_account_gates(client, user)

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--no-index", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty shared cache.

    The test database rolls back after each test, the cache does not: an entry
    built from one test's rows (a member's progress, a route, a version number)
    would otherwise be found by the next test. With Redis only this worker's
    keys go (their prefix names the worker; ``tests/shared_cache.py``).
    """
    empty_cache()
    yield


@pytest.fixture(autouse=True)
def _fresh_counters():
    counters.reset()
    yield
    counters.reset()


@pytest.fixture
def demo_site(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site):
    return demo_site.root_page.specific


@pytest.fixture
def users(db):
    """The demo accounts by username (quantri, bientap, duyetbai, …)."""
    from django.contrib.auth import get_user_model

    return {u.username: u for u in get_user_model().objects.filter(member__isnull=True)} | {
        u.username: u for u in get_user_model().objects.filter(username__in=["bithu", "dangvien"])
    }


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def _playwright():
    """Playwright's driver, started once per test process."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls made by the test itself are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture
def chromium(_playwright):
    """Debian's chromium driven by Playwright (no browser download), a new one per test.

    Closing the browser closes its idle keep-alive sockets, so the live server's
    request threads end and close their database connections; one browser kept for
    the whole session left one idle PostgreSQL connection per socket (about 70 by the
    end of a run, against a limit of 100)."""
    browser = _playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def live_demo(live_server, django_db_blocker):
    """The live server with the demo seeded (transactional tests flush the DB)."""
    with django_db_blocker.unblock():
        call_command("seed_demo", "--no-index", verbosity=0)
    return live_server
