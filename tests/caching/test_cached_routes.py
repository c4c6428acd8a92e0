"""Wagtail's pages served from the cached site, home page and route
(cms/caching/routing.py, HomePage.route): the view restrictions Wagtail checks
come with the cached route, and a change to them, or to a page, shows on the
very next request."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def article():
    return NewsArticlePage.objects.live().public().first()


def sql_of_repeated_get(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return " ".join(q["sql"] for q in captured.captured_queries)


def test_a_repeated_page_asks_for_neither_site_nor_restrictions(client, users):
    client.force_login(users["dangvien"])
    sql = sql_of_repeated_get(client, article().url)
    for table in ("wagtailcore_site", "wagtailcore_pageviewrestriction", "wagtailcore_locale"):
        assert f'FROM "{table}"' not in sql  # the page's locale comes joined to the page


def test_a_restriction_added_after_the_route_was_kept_is_checked_at_once(client, users):
    page = article()
    client.force_login(users["dangvien"])
    assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Chỉ nhóm thử")])
    response = client.get(page.url)
    assert response.status_code == 302
    assert "dang-nhap" in response["Location"] or "login" in response["Location"]

    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_members_only_sections_stay_closed_to_anonymous_visitors(client, users):
    client.force_login(users["dangvien"])
    assert client.get("/ban-tin/").status_code == 200
    client.logout()
    assert client.get("/ban-tin/").status_code == 302


def test_a_new_home_page_title_shows_on_the_next_request(client, users, home_page):
    client.force_login(users["dangvien"])
    assert client.get("/").status_code == 200
    home_page.title = "Trang chủ mới của Sổ tay"
    home_page.save_revision().publish()
    assert "Trang chủ mới của Sổ tay" in client.get("/").content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(client, users):
    page = article()
    client.force_login(users["dangvien"])
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404
