"""Runs Wagtail's ``publish_scheduled`` every minute, for as long as the site runs."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = (
        "Xuất bản/gỡ các trang đã hẹn giờ: chạy publish_scheduled mỗi phút (dùng cạnh máy chủ "
        "web; --once để chạy một lần)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Số giây giữa hai lần chạy.")
        parser.add_argument("--once", action="store_true", help="Chạy một lần rồi thoát.")

    def handle(self, *args, **options):
        interval = max(options["interval"], 1)
        while True:
            started = time.monotonic()
            try:
                call_command("publish_scheduled", verbosity=options["verbosity"])
            except Exception as exc:  # a bad page must not stop the scheduler
                self.stderr.write(f"publish_scheduled lỗi: {exc}")
            if options["once"]:
                return
            close_old_connections()
            time.sleep(max(interval - (time.monotonic() - started), 1))
