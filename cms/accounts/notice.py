"""The personal-data processing notice (Nghị định 13/2023/NĐ-CP, Điều 13; Luật Bảo vệ dữ
liệu cá nhân 91/2025/QH15): every member reads and acknowledges it once per version,
before any other member page. Its text is ``accounts/notice_text.html``; changing what it
says means raising ``NOTICE_VERSION``, and every member acknowledges again.
"""

from wagtail.log_actions import log

from cms.members.models import Member
from cms.security.audit import loggable

from .models import NoticeAcknowledgement

NOTICE_VERSION = "2026-11"


def applies_to(user):
    """Members (accounts with a member profile) see the notice; staff-only accounts do not."""
    return Member.objects.for_user(user) is not None


def acknowledged(user, version=NOTICE_VERSION):
    return NoticeAcknowledgement.objects.of(user, version).exists()


def acknowledge(user, version=NOTICE_VERSION):
    record, created = NoticeAcknowledgement.objects.get_or_create(
        user=loggable(user), version=version
    )
    if created:
        log(loggable(user), "accounts.notice_ack", user=user, data={"version": version})
    return record
