"""robots.txt: search engines read the public pages, not the admin, login or search."""

from django.urls import Resolver404, resolve
from django.utils import translation

import pytest

pytestmark = pytest.mark.django_db


def disallowed(text):
    return [
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Disallow:")
    ]


def test_robots_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    paths = disallowed(response.content.decode())
    for private in ("/admin/", "/api/search/", "/tra-cuu/"):
        assert private in paths
    # Members' pages send crawlers to the login page; listing them would only name them,
    # and Lighthouse's SEO audit would count a member's page as blocked.
    assert "/sinh-hoat-chi-bo/" not in paths
    assert "/" not in paths  # the public pages stay open to search engines


def test_every_disallowed_path_is_a_real_address(client):
    # A renamed route would leave a stale line: each one must still resolve to a view
    # other than Wagtail's page serving (which would mean "no such route").
    for path in disallowed(client.get("/robots.txt").content.decode()):
        language = "en" if path.startswith("/en/") else "vi"
        try:
            with translation.override(language):
                match = resolve(path)
        except Resolver404:
            pytest.fail(f"{path} no longer exists")
        assert match.url_name != "wagtail_serve", path
