from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.study.models import StudyRead
from tests.shared_cache import empty_cache

pytestmark = pytest.mark.django_db


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_opening_a_page_records_one_read_with_at_most_one_query(
    client, tree, member_in, resolution
):
    empty_cache()
    first, second = member_in("TST-A"), member_in("TST-B")
    client.force_login(first.user)
    client.get(resolution.url)  # warms the site's own caches
    client.force_login(second.user)
    client.get("/")  # the session's own first-request work (idle timeout) is not the page's
    opening = _count(client, resolution.url)
    again = _count(client, resolution.url)
    assert opening - again == 1
    assert StudyRead.objects.filter(page=resolution).count() == 2
    # the record is written once, even when the cache forgot it
    empty_cache()
    client.get(resolution.url)
    assert StudyRead.objects.filter(page=resolution, member=second).count() == 1


def test_anonymous_visitors_leave_no_record_and_no_cookie(client, resolution):
    response = client.get(resolution.url)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    # the same caching headers as a page that is not a study item
    home = client.get("/")
    for header in ("Vary", "Cache-Control"):
        assert response.get(header) == home.get(header)
    assert not StudyRead.objects.filter(page=resolution).exists()


def test_staff_accounts_without_a_member_record_nothing(client, users, resolution):
    client.force_login(users["bientap"])
    assert client.get(resolution.url).status_code == 200
    assert not StudyRead.objects.filter(page=resolution).exists()
