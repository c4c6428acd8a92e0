from django.core.management.base import BaseCommand

from cms.members.dashboard import take_snapshot


class Command(BaseCommand):
    help = "Chụp số liệu tỷ lệ đăng nhập hôm nay (chạy mỗi ngày, ví dụ bằng cron)."

    def handle(self, *args, **options):
        n = take_snapshot()
        self.stdout.write(self.style.SUCCESS(f"Đã lưu số liệu của {n} đơn vị."))
