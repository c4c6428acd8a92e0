"""Issue 15: minutes are private answers (item 11) and their versions are checked (item 10)."""

from django.urls import reverse

import pytest

from cms.meetings import services

from .conftest import login
from .test_minutes import held  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_minutes_pages_and_exports_are_never_stored(client, held, secretary, recorder):  # noqa: F811
    services.get_or_start_minutes(recorder.user, held)
    login(client, secretary)
    assert_private(client.get(reverse("meetings:minutes", args=[held.pk])))
    assert_private(client.get(reverse("meetings:minutes_edit", args=[held.pk])))
    for fmt in ("pdf", "docx"):
        assert_private(client.get(reverse("meetings:minutes_export", args=[held.pk, 1, fmt])))
    assert_private(client.get(reverse("meetings:motions_xlsx", args=[held.pk])))
