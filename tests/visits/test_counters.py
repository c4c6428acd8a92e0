"""The footer's visit counters: exact figures, no database write per request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.visits import counters
from cms.visits.models import VisitDay

pytestmark = pytest.mark.django_db


def writes(queries):
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
        and "home_visitday" in q["sql"]
    ]


def test_a_visit_is_counted_once_per_visitor_and_shown_in_the_footer(client, home_page):
    client.get("/")
    client.get("/tin-tuc/")
    client.get("/van-ban/")
    figures = counters.snapshot()
    assert figures["today"] == 1 and figures["month"] == 1 and figures["total"] == 1
    assert figures["online"] == 1
    other = client.__class__()
    other.get("/")
    figures = counters.snapshot()
    assert figures["today"] == 2 and figures["online"] == 2


def test_requests_do_not_write_to_the_database_until_the_flush(client, home_page, settings):
    settings.VISIT_COUNTER_FLUSH_SECONDS = 3600
    counters.flush()
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            client.__class__().get("/")
    assert writes(queries.captured_queries) == []
    assert VisitDay.objects.province().count() == 0 or VisitDay.objects.totals()["today"] == 0
    assert counters.snapshot()["today"] == 3
    assert counters.flush() == 3
    assert VisitDay.objects.totals()["today"] == 3
    # after the flush the figures are the same, now read from the database
    assert counters.snapshot()["today"] == 3


def test_assets_admin_and_health_checks_are_not_visits(client, home_page):
    client.get("/healthz")
    client.get("/static/css/site.css")
    client.get("/admin/login/")
    assert counters.snapshot()["total"] == 0


def test_public_pages_deny_framing_and_the_admin_may_frame_its_previews(client, home_page):
    assert client.get("/")["X-Frame-Options"] == "DENY"
    assert client.get("/admin/login/")["X-Frame-Options"] == "SAMEORIGIN"


def test_a_members_visit_also_counts_for_their_units(client, home_page, users):
    counters.flush()
    client.force_login(users["dangvien"])
    client.get("/")
    counters.flush()
    codes = set(VisitDay.objects.exclude(unit_code="").values_list("unit_code", flat=True))
    assert {"CM", "CM-X1", "CM-X1-A1"} <= codes
