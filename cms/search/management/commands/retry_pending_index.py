from django.core.management.base import BaseCommand

from cms.search.pending import retry_pending


class Command(BaseCommand):
    help = "Gửi lại lên máy tìm kiếm các cập nhật chỉ mục bị lỡ khi máy chủ không truy cập được."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, limit, **options):
        done, left = retry_pending(limit=limit)
        self.stdout.write(f"Đã cập nhật {done}; còn chờ {left}.")
