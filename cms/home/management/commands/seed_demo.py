from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.home.demo import seed_all


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu của Đảng bộ tỉnh Đồng Nai (chạy lại không thay đổi gì)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Cho phép chạy với cấu hình production (không khuyến nghị).",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Không dựng lại chỉ mục tìm kiếm."
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED and not options["allow_production"]:
            raise CommandError(
                "seed_demo không chạy với cấu hình production; thêm --allow-production nếu thật sự cần."
            )
        seed_all(self.stdout)
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Đã tạo xong dữ liệu mẫu."))
