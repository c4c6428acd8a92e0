"""Shared fixtures.

The demo Đồng Nai (``seed_demo``) is built once per test database, right
after migrations, so every test starts from the same believable site and
rolls back what it changes.
"""

from django.core.management import call_command

import pytest

from cms.home import counters


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--no-index", verbosity=0)


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
def chromium():
    """Debian's chromium driven by Playwright (no browser download)."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls made by the test itself are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_demo(live_server, django_db_blocker):
    """The live server with the demo seeded (transactional tests flush the DB)."""
    with django_db_blocker.unblock():
        call_command("seed_demo", "--no-index", verbosity=0)
    return live_server
