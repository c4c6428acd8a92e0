from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"]["ok"] is True
    assert data["cache"]["ok"] is True
    assert data["search"]["ok"] is True


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
)
def test_healthz_is_503_when_the_cache_does_not_answer(client):
    from django.core.cache import caches

    caches._settings = None  # let the override take effect for this connection handler
    response = client.get("/healthz")
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "error"
    assert data["cache"]["ok"] is False
    assert data["database"]["ok"] is True


def test_healthz_is_503_when_the_search_cluster_is_down(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:1"],
            "INDEX": "healthz-test",
            "TIMEOUT": 1,
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["search"]["ok"] is False
