"""SECURITY.md section 5: ``manage.py apply_retention`` deletes what is no longer kept."""

import datetime
import io

from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessAttempt, AccessAttemptExpiration

pytestmark = pytest.mark.django_db


def log_entry(user, days_ago):
    entry = ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        label=str(user),
        action="wagtail.edit",
        user=user,
        timestamp=timezone.now() - datetime.timedelta(days=days_ago),
    )
    return entry.pk


def attempt(name, expires_in_minutes):
    record = AccessAttempt.objects.create(
        username=name, ip_address="203.0.113.9", user_agent="x", get_data="", post_data="",
        http_accept="", path_info="/dang-nhap/", failures_since_start=5,
    )  # fmt: skip
    AccessAttemptExpiration.objects.create(
        access_attempt=record,
        expires_at=timezone.now() + datetime.timedelta(minutes=expires_in_minutes),
    )
    return record.pk


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_retention_deletes_only_what_has_expired(users, settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 365
    user = users["bientap"]
    old_log, recent_log = log_entry(user, 400), log_entry(user, 30)
    old_try, live_try = attempt("a", -5), attempt("b", 30)
    expired, live = SessionStore(), SessionStore()
    expired.set_expiry(-60)
    expired.create()
    live.create()

    summary = run("--dry-run")
    assert "Sẽ xóa" in summary and ModelLogEntry.objects.filter(pk=old_log).exists()

    summary = run()
    assert "Đã xóa 1 mục nhật ký cũ hơn 365 ngày." in summary
    assert not ModelLogEntry.objects.filter(pk=old_log).exists()
    assert ModelLogEntry.objects.filter(pk=recent_log).exists()
    assert list(
        AccessAttempt.objects.filter(pk__in=[old_try, live_try]).values_list("pk", flat=True)
    ) == [live_try]
    assert not Session.objects.filter(session_key=expired.session_key).exists()
    assert Session.objects.filter(session_key=live.session_key).exists()


def test_audit_log_kept_for_ever_when_retention_is_zero(users, settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 0
    old_log = log_entry(users["bientap"], 4000)
    run()
    assert ModelLogEntry.objects.filter(pk=old_log).exists()
