"""Property-based fuzzing (hypothesis) of the search, the roster import and the meeting forms.

Whatever the input: never a 500, never a half-written import or meeting, and a
Vietnamese message whenever something is refused. Runs are short
(``max_examples`` 25–40, no deadline) so the suite stays fast.
"""

import csv
import datetime
import io

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.meetings import services
from cms.meetings.choices import BallotType, MajorityRule, MeetingKind
from cms.meetings.models import Meeting, Motion
from cms.members.choices import Position
from cms.members.factories import MemberFactory
from cms.members.importer import HEADERS, RosterFileError, import_roster
from cms.members.models import Member, PartyOrganization

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
# Anything a keyboard, a paste or a script can send, except lone surrogates (not UTF-8).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
ENGLISH_DEFAULTS = (
    "This field is required",
    "Enter a valid",
    "Ensure this value",
    "Select a valid",
)


def assert_vietnamese_refusal(response):
    html = response.content.decode()
    assert not any(phrase in html for phrase in ENGLISH_DEFAULTS), html[:2000]
    return html


# --- search -----------------------------------------------------------------


@FUZZ
@given(query=TEXT)
def test_search_never_fails(client, query):
    response = client.get("/tra-cuu/", {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "không hợp lệ" in response.content.decode()


@FUZZ
@given(query=TEXT)
def test_search_api_never_fails(client, query):
    response = client.get("/api/search/suggest/", {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "không hợp lệ" in response.content.decode()


# --- roster import ------------------------------------------------------------

VALID_ROW = [
    "HN-990001",
    "Nguyễn Văn Thử",
    "05/03/1968",
    "Nam",
    "0912000001",
    "",
    "CM-X1-A1",
    "01/02/1995",
    "01/02/1996",
    "Đảng viên",
]
CELL = st.one_of(TEXT, st.sampled_from(["", "31/02/2020", "0" * 40, "=1+1", "Nữ", "CM-X1-A1"]))


def _csv(rows):
    out = io.StringIO()
    csv.writer(out).writerows([HEADERS, *rows])
    return out.getvalue().encode()


@settings(FUZZ, max_examples=30)
@given(
    bad=st.lists(st.lists(CELL, min_size=0, max_size=12), min_size=1, max_size=5),
    position=st.integers(min_value=0, max_value=5),
)
def test_roster_rows_are_all_or_nothing(users, bad, position):
    rows = [VALID_ROW, *bad]
    before = Member.objects.count()
    try:
        result = import_roster(_csv(rows), "danh-sach.csv", dry_run=False, user=users["tochuc"])
    except RosterFileError as error:
        assert str(error) and str(error)[0].isupper()  # a sentence, in Vietnamese
        assert Member.objects.count() == before
        return
    if result.error_count:
        assert not result.written
        assert Member.objects.count() == before
        assert all(message.startswith("Dòng ") for message in result.errors)
    else:
        assert result.written
    Member.objects.filter(card_number=VALID_ROW[0]).delete()  # next example starts clean


# --- meeting forms ------------------------------------------------------------


@pytest.fixture
def secretary(db):
    cell = PartyOrganization.objects.get(code="CM-X1-A1")
    return MemberFactory(cell=cell, position=Position.SECRETARY, full_name="Nguyễn Văn Chủ Trì")


@pytest.fixture
def meeting(secretary):
    recorder = MemberFactory(cell=secretary.cell, full_name="Trần Thị Thư Ký")
    return services.create_meeting(
        secretary.user,
        kind=MeetingKind.THEMATIC,
        topic="Sinh hoạt chuyên đề",
        date=timezone.localdate(),
        start_time=datetime.time(19, 30),
        place="Nhà văn hóa ấp",
        chair=secretary,
        recorder=recorder,
        agenda=[{"title": "Đánh giá nhiệm vụ tháng trước"}],
    )


@settings(FUZZ, max_examples=30)
@given(
    question=TEXT,
    options=st.one_of(TEXT, st.just("\n".join(f"Phương án {n}" for n in range(40)))),
    ballot_type=st.one_of(st.sampled_from(BallotType.values), TEXT),
    majority_rule=st.one_of(st.sampled_from(MajorityRule.values), TEXT),
)
def test_motion_form_never_fails(secretary, meeting, question, options, ballot_type, majority_rule):
    client = Client()
    client.force_login(secretary.user)
    before = Motion.objects.filter(meeting=meeting).count()
    response = client.post(
        reverse("meetings:motion_create", args=[meeting.pk]),
        {
            "question": question,
            "options": options,
            "ballot_type": ballot_type,
            "majority_rule": majority_rule,
        },
    )
    assert response.status_code in (200, 302, 400)
    created = Motion.objects.filter(meeting=meeting).count() - before
    if response.status_code == 302:
        assert created == 1
        motion = Motion.objects.filter(meeting=meeting).latest("pk")
        assert 2 <= motion.options.count() <= 20
        motion.delete()
    else:
        assert created == 0
        if response.status_code == 200:
            html = assert_vietnamese_refusal(response)
            assert "errorlist" in html or "không" in html


@settings(FUZZ, max_examples=30)
@given(
    topic=TEXT,
    place=TEXT,
    date=st.one_of(st.dates().map(datetime.date.isoformat), TEXT),
    start_time=st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), TEXT),
    total=st.one_of(st.sampled_from(["0", "1", "-1", "1000000", "abc"]), TEXT),
)
def test_meeting_form_never_fails(secretary, topic, place, date, start_time, total):
    client = Client()
    client.force_login(secretary.user)
    before = Meeting.objects.filter(cell=secretary.cell).count()
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.THEMATIC,
            "topic": topic,
            "date": date,
            "start_time": start_time,
            "place": place,
            "chair": secretary.pk,
            "recorder": secretary.pk,
            "agenda-TOTAL_FORMS": total,
            "agenda-INITIAL_FORMS": "0",
            "agenda-0-title": topic,
            "notice": "",
        },
    )
    assert response.status_code in (200, 302, 400)
    created = Meeting.objects.filter(cell=secretary.cell).count() - before
    if response.status_code == 302:
        assert created == 1
        Meeting.objects.filter(cell=secretary.cell).latest("pk").delete()
    else:
        assert created == 0
        if response.status_code == 200:
            assert_vietnamese_refusal(response)
