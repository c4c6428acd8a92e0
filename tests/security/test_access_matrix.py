"""Every cell of the access-control matrix (cms/security/access_matrix.py), requested."""

import datetime
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest

from cms.bulletins.models import BulletinPage
from cms.files.models import ProtectedDocument
from cms.meetings import services
from cms.meetings.choices import MeetingKind
from cms.meetings.models import Meeting
from cms.members.choices import CellType, OrgLevel, Position
from cms.members.factories import MemberFactory, add_organization
from cms.members.models import PartyOrganization
from cms.news.models import NewsArticlePage
from cms.security.access_matrix import RESOURCES, cells, replace_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ids(users):
    own = (
        Meeting.objects.filter(cell=users["bithu"].member.cell, minutes_versions__isnull=False)
        .order_by("pk")
        .first()
    )
    parent = PartyOrganization.objects.get(code="CM-X1")
    other_cell = add_organization(
        parent, "CM-X1-MT", "Chi bộ ấp Ma Trận", OrgLevel.CELL, CellType.RESIDENTIAL
    )
    secretary = MemberFactory(cell=other_cell, position=Position.SECRETARY)
    other = services.create_meeting(
        secretary.user,
        kind=MeetingKind.REGULAR,
        topic="Sinh hoạt chi bộ ấp Ma Trận",
        date=timezone.localdate(),
        start_time=datetime.time(19, 30),
        place="Nhà văn hóa ấp",
        chair=secretary,
        recorder=MemberFactory(cell=other_cell),
        agenda=[{"title": "Nhiệm vụ tháng"}],
    )
    other = services.open_meeting(secretary.user, other)
    bulletin = BulletinPage.objects.live().not_public().order_by("pk").first()
    services.get_or_start_minutes(secretary.user, other)
    return {
        "own": own.pk,
        "other": other.pk,
        "guess": Meeting.objects.order_by("-pk").first().pk + 1000,
        "draft": NewsArticlePage.objects.order_by("pk").first().pk,
        "bulletin_url": bulletin.url,
        "document_url": ProtectedDocument.objects.order_by("pk").first().url,
    }


def _outcome(response, method="GET"):
    status = response.status_code
    if status == 200:
        return "ok"
    location = response.get("Location", "")
    if status == 302 and ("dang-nhap" in location or "login" in location):
        return "login"
    if method == "POST" and status == 302 and location != "/admin/":
        return "ok"  # the action was taken, back to its page
    if status in (403, 404):
        return "deny"
    if status == 302 and location == "/admin/":
        return "deny"  # Wagtail's refusal: back to the dashboard with a message
    return f"HTTP {status}"


@pytest.mark.parametrize(("role", "resource", "expected"), list(cells()))
def test_cell(users, ids, role, resource, expected):
    _label, method, path = RESOURCES[resource]
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(users[role])
    response = client.generic(method, path.format(**ids))
    outcome = _outcome(response, method)
    assert response.status_code != 500
    if expected == "deny":
        assert outcome in ("deny", "login"), (role, resource, response.status_code)
    else:
        assert outcome == expected, (role, resource, response.status_code)


def test_security_md_shows_the_matrix():
    text = (Path(settings.BASE_DIR) / "SECURITY.md").read_text()
    assert replace_in(text) == text, "run: manage.py access_matrix --write"
