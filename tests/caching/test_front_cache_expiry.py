"""How long nginx may serve a kept page (cms/caching/middleware.py): nginx counts whole
seconds and keeps a copy while its clock's second is not past the expiry, so the site sends
the expiry as an absolute second."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

import pytest

from cms.caching.middleware import FrontCacheMiddleware, expires_at


def nginx_serves_until(header, stored_at):
    """When nginx (ngx_http_file_cache_read: valid_sec < ngx_time()) stops serving a copy."""
    valid_sec = int(header[1:]) if header.startswith("@") else int(stored_at) + int(header)
    return valid_sec + 1


@pytest.mark.parametrize("stored_at", [1_795_000_000.001, 1_795_000_000.5, 1_795_000_000.999])
def test_a_copy_is_never_served_longer_than_the_fresh_seconds(stored_at):
    with override_settings(FRONT_CACHE_SECONDS=1):
        age_limit = nginx_serves_until(expires_at(stored_at), stored_at) - stored_at
    assert 0 < age_limit <= 1.0


def test_relative_seconds_would_keep_a_late_copy_almost_two_seconds():
    # Why the header is absolute: "1" stored early in a second lives ~2 s.
    stored_at = 1_795_000_000.001
    assert nginx_serves_until("1", stored_at) - stored_at > 1.9


@pytest.mark.django_db
@override_settings(FRONT_CACHE_SECONDS=3)
def test_anonymous_answers_carry_the_absolute_expiry(time_machine):
    time_machine.move_to(1_795_000_000.25, tick=False)
    request = RequestFactory().get("/tin-tuc/")
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = "vi"
    response = FrontCacheMiddleware(lambda r: HttpResponse("<p>Tin</p>"))(request)
    assert response["X-Accel-Expires"] == "@1795000002"
    assert response["ETag"].startswith('"a')
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_etag_and_the_page_caches_share_one_read_of_the_version(django_assert_num_queries):
    from cms.caching.audience import content_tag
    from cms.caching.models import ContentVersion

    ContentVersion.objects.bump()
    ContentVersion.objects.bump()
    request = RequestFactory().get("/tin-tuc/")
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = "vi"
    with django_assert_num_queries(1):
        response = FrontCacheMiddleware(lambda r: HttpResponse(content_tag(r)))(request)
    assert response["ETag"].startswith(f'"a{ContentVersion.objects.current()}.')
    assert response.content.decode() == ContentVersion.objects.tag()
