"""The database failing inside a request (a restart, a fail-over, SQLite busy past its
timeout): a Vietnamese "retry" answer with 503 and Retry-After, never a 500 or a trace."""

from django.db.utils import InterfaceError, OperationalError
from django.test import Client

import pytest

from cms.home.models import HomePage
from cms.search import views as search_views

pytestmark = pytest.mark.django_db


def failing(error):
    def serve(*args, **kwargs):
        raise error

    return serve


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
        OperationalError("database is locked"),
    ],
)
def test_a_lost_database_asks_to_retry(monkeypatch, error):
    monkeypatch.setattr(HomePage, "serve", failing(error))
    response = Client(raise_request_exception=False).get("/")
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Hệ thống đang bận, vui lòng thử lại" in body
    assert "Traceback" not in body and str(error) not in body
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_json_api_answers_in_json(monkeypatch):
    monkeypatch.setattr(search_views, "search_for_request", failing(OperationalError("gone")))
    response = Client(raise_request_exception=False).get("/api/search/?q=nghi+quyet")
    assert response.status_code == 503
    assert response.json()["error"].startswith("Hệ thống đang bận")


def test_other_faults_keep_the_error_page(monkeypatch):
    monkeypatch.setattr(HomePage, "serve", failing(ValueError("bug")))
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()
