"""The live-status poll through a signed address (cms/meetings/live_links.py).

The meeting page gives each viewer an address signed for one meeting and one
view; the address alone grants the poll, so answering it reads no session,
user or member (no database query once the payload is cached), and nginx can
check it and keep the answer for a second (tests/deploy/test_front_cache.py).
"""

import datetime
import re

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine

from cms.meetings import live_links, services

from .conftest import login

pytestmark = pytest.mark.django_db


def poll_url_on_page(client, meeting):
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    found = re.search(r'data-live-url="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_each_viewer_gets_a_signed_address_for_their_view(client, open_meeting, secretary, members):
    login(client, secretary)
    full = poll_url_on_page(client, open_meeting)
    login(client, members[1])
    member = poll_url_on_page(client, open_meeting)
    assert full.startswith(f"/api/sinh-hoat-chi-bo/{open_meeting.pk}/truc-tiep-f.json?e=")
    assert member.startswith(f"/api/sinh-hoat-chi-bo/{open_meeting.pk}/truc-tiep-m.json?e=")


def test_the_address_alone_answers_with_no_query_once_cached_and_304_with_the_etag(
    client, open_meeting, members, django_capture_on_commit_callbacks
):
    login(client, members[1])
    url = poll_url_on_page(client, open_meeting)
    anonymous = Client()  # no session cookie at all: the address grants the poll
    first = anonymous.get(url)
    assert first.status_code == 200 and first.json()["attendance"]["present"] == 0
    assert not first.cookies
    with CaptureQueriesContext(connection) as queries:
        again = anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert queries.captured_queries == []
    with django_capture_on_commit_callbacks(execute=True):
        services.check_in(members[2].user, open_meeting)
    changed = anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["attendance"]["present"] == 1


def test_only_the_full_view_shows_the_running_count(
    client, open_meeting, secretary, members, django_capture_on_commit_callbacks
):
    motion = services.create_motion(
        secretary.user,
        open_meeting,
        question="Thông qua nghị quyết?",
        options=["Tán thành", "Không tán thành"],
        ballot_type="open",
        majority_rule="present_majority",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.open_motion(secretary.user, motion)
    login(client, secretary)
    full = Client().get(poll_url_on_page(client, open_meeting)).json()
    login(client, members[1])
    member = Client().get(poll_url_on_page(client, open_meeting)).json()
    assert full["motions"][0]["votes"] == 0
    assert "votes" not in member["motions"][0]


def test_a_forged_changed_or_expired_address_is_refused_in_vietnamese(
    client, open_meeting, members, meeting
):
    login(client, members[1])
    url = poll_url_on_page(client, open_meeting)
    path, query = url.split("?")
    anonymous = Client()
    as_full = path.replace("truc-tiep-m", "truc-tiep-f") + "?" + query
    other_meeting = path.replace(f"/{open_meeting.pk}/", f"/{open_meeting.pk + 1}/") + "?" + query
    forged = re.sub(r"s=[^&]+", "s=AAAAAAAAAAAAAAAAAAAAAA", url)
    later = re.sub(r"e=\d+", lambda m: f"e={int(m.group(0)[2:]) + 3600}", url)
    for bad in (as_full, other_meeting, forged, later, path):
        response = anonymous.get(bad)
        assert response.status_code == 403, bad
        assert "Liên kết đã hết hạn" in response.json()["error"]
    after = datetime.datetime.now(datetime.UTC) + datetime.timedelta(
        seconds=live_links.LIFETIME + 60
    )
    with time_machine.travel(after):
        assert anonymous.get(url).status_code == 403
    assert anonymous.get(url).status_code == 200


def test_someone_outside_the_cell_gets_no_address(client, open_meeting, other_cell_member):
    login(client, other_cell_member)
    response = client.get(reverse("meetings:detail", args=[open_meeting.pk]))
    assert "data-live-url" not in response.content.decode()


@override_settings(LIVE_LINK_SECRET="")
def test_without_a_secret_pages_poll_the_session_checked_address(client, open_meeting, members):
    login(client, members[1])
    url = poll_url_on_page(client, open_meeting)
    assert url == f"/api/sinh-hoat-chi-bo/{open_meeting.pk}/truc-tiep.json"
    signed = reverse("meetings:live_signed", args=[open_meeting.pk, "m"]) + "?e=9999999999&s=x"
    assert Client().get(signed).status_code == 403
