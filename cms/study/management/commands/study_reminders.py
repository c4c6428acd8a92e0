from django.core.management.base import BaseCommand

from cms.study.notifications import deadline_reminders


class Command(BaseCommand):
    help = "Nhắc đảng viên chưa đọc các nội dung học tập sắp đến hạn (chạy mỗi ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="Số ngày trước hạn.")

    def handle(self, *args, **options):
        sent = deadline_reminders(days=options["days"])
        self.stdout.write(f"Đã gửi {sent} thông báo nhắc hạn học tập.")
