"""Issue 15, items 5 and 6: Redis down is not the site down, and sessions outlive Redis.

The cache and session settings are read from ``cms/settings/base.py`` itself with
``REDIS_URL`` pointing at the real Redis (db 7) or at a closed port.
"""

import runpy
import uuid
import warnings

from django.test import Client

import pytest
import redis

from tests.account_gates import acknowledged_earlier

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

# A database of its own: a test below empties it (FLUSHDB), which must not touch what the
# other tests keep (the suite's cache, a test stack's, tests/deploy/stack_harness.py).
LIVE_REDIS = "redis://127.0.0.1:6379/9"
DEAD_REDIS = "redis://127.0.0.1:1/7"  # nothing listens there: connection refused


def use_redis(settings, monkeypatch, url):
    """The settings base.py builds for ``REDIS_URL=url``, applied to this test."""
    monkeypatch.setenv("REDIS_URL", url)
    monkeypatch.setenv("CACHE_KEY_PREFIX", f"stdv-sec-{uuid.uuid4().hex[:8]}")
    with warnings.catch_warnings():  # re-running an imported module is what we want here
        warnings.simplefilter("ignore", RuntimeWarning)
        built = runpy.run_module("cms.settings.base")
    settings.REDIS_URL = built["REDIS_URL"]
    settings.CACHES = built["CACHES"]
    settings.SESSION_ENGINE = built["SESSION_ENGINE"]
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = built.get(
        "DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS", False
    )
    return built


@pytest.fixture
def live_redis():
    connection = redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return connection


def log_in(client, member):
    acknowledged_earlier(member.user)  # not this suite's subject (tests/accounts)
    response = client.post("/dang-nhap/", {"username": member.card_number, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_production_cache_settings_degrade_and_keep_sessions(settings, monkeypatch):
    built = use_redis(settings, monkeypatch, LIVE_REDIS)
    assert built["CACHES"]["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert built["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_site_keeps_serving_with_redis_down(settings, monkeypatch, make_member):
    member = make_member()
    use_redis(settings, monkeypatch, DEAD_REDIS)
    client = Client()
    for url in ("/", "/tin-tuc/", "/tra-cuu/?q=ngh%E1%BB%8B+quy%E1%BA%BFt", "/dang-nhap/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Lượt truy cập" in client.get("/").content.decode()
    log_in(client, member)
    for url in ("/", "/tra-cuu/?q=%C4%91%E1%BA%A3ng+vi%C3%AAn"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.wsgi_request.user.pk == member.user_id


def test_sessions_survive_a_redis_restart(settings, monkeypatch, make_member, live_redis):
    member = make_member()
    use_redis(settings, monkeypatch, LIVE_REDIS)
    client = Client()
    log_in(client, member)
    assert client.get("/").wsgi_request.user.pk == member.user_id
    live_redis.flushdb()  # what a restart without persistence leaves
    assert client.get("/").wsgi_request.user.pk == member.user_id


def test_sessions_survive_redis_going_down_and_back(settings, monkeypatch, make_member, live_redis):
    member = make_member()
    use_redis(settings, monkeypatch, LIVE_REDIS)
    client = Client()
    log_in(client, member)
    use_redis(settings, monkeypatch, DEAD_REDIS)
    response = client.get("/")
    assert response.status_code == 200 and response.wsgi_request.user.pk == member.user_id
    use_redis(settings, monkeypatch, LIVE_REDIS)
    assert client.get("/").wsgi_request.user.pk == member.user_id
