"""``record_change``: the audit entry of a check-in or a vote, written in one INSERT, is the
entry Wagtail's ``log`` writes (cms/security/audit.py)."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.log_actions import LogContext, log
from wagtail.models import ModelLogEntry

import pytest

from cms.meetings.models import Attendance
from cms.security.audit import record_change

pytestmark = pytest.mark.django_db

FIELDS = ("content_type_id", "object_id", "label", "action", "data", "user_id", "uuid")


def _entry(entry):
    return {name: getattr(entry, name) for name in FIELDS}


def test_a_change_is_logged_as_wagtail_logs_it_in_one_query(open_meeting, members):
    attendance = Attendance.objects.get(meeting=open_meeting, member=members[1])
    user = members[1].user
    data = {"meeting": open_meeting.pk}
    wagtail = log(attendance, "meetings.attendance.check_in", user=user, data=data)
    with CaptureQueriesContext(connection) as captured:
        ours = record_change(attendance, "meetings.attendance.check_in", user=user, data=data)
    assert [q["sql"].split()[0] for q in captured.captured_queries] == ["INSERT"]
    saved = ModelLogEntry.objects.exclude(pk=wagtail.pk).get(
        action="meetings.attendance.check_in", object_id=str(attendance.pk)
    )
    assert _entry(saved) == _entry(wagtail) == _entry(ours)
    assert saved.label == str(attendance) and saved.user == user


def test_the_log_context_and_the_registered_actions_still_hold(open_meeting, members):
    attendance = Attendance.objects.get(meeting=open_meeting, member=members[2])
    with LogContext(user=members[2].user) as context:
        entry = record_change(attendance, "meetings.attendance.check_in", user=None, data={})
    entry = ModelLogEntry.objects.get(pk=entry.pk)
    assert entry.uuid == context.uuid and entry.user == members[2].user
    before = ModelLogEntry.objects.count()
    with pytest.raises(ValidationError):
        record_change(attendance, "meetings.not_an_action", user=members[2].user, data={})
    assert ModelLogEntry.objects.count() == before
