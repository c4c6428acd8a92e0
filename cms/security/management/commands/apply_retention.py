"""Deletes what the retention rules of SECURITY.md (section 5) say is no longer kept.

- sessions past their expiry (Django's ``clearsessions``);
- failed-login records whose cool-off has expired (django-axes);
- audit-log entries (``wagtailcore_modellogentry``) older than ``AUDIT_LOG_RETENTION_DAYS``
  (365 by default; 0 keeps them for ever).

Run it daily (``python manage.py apply_retention``); ``--dry-run`` only counts.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry

from axes.models import AccessAttempt


class Command(BaseCommand):
    help = "Xóa dữ liệu đã hết thời hạn lưu giữ (phiên đăng nhập, lần đăng nhập sai, nhật ký)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xóa.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        targets = {
            "phiên đăng nhập hết hạn": Session.objects.filter(expire_date__lt=now),
            "lần đăng nhập sai đã hết thời gian chờ": AccessAttempt.objects.filter(
                expiration__expires_at__lt=now
            ),
        }
        days = settings.AUDIT_LOG_RETENTION_DAYS
        if days:
            cutoff = now - datetime.timedelta(days=days)
            targets[f"mục nhật ký cũ hơn {days} ngày"] = ModelLogEntry.objects.filter(
                timestamp__lt=cutoff
            )
        with transaction.atomic():
            for label, queryset in targets.items():
                count = queryset.count()
                if not dry_run:
                    queryset.delete()
                verb = "Sẽ xóa" if dry_run else "Đã xóa"
                self.stdout.write(f"{verb} {count} {label}.")
