"""``manage.py restore <folder>``: checks every hash, then restores (cms/security/backup)."""

from django.core.management.base import BaseCommand, CommandError

from cms.security.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu và kho tệp trống."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Thư mục bản sao lưu (có manifest.json).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ghi đè cả khi cơ sở dữ liệu hoặc kho tệp đích không trống.",
        )

    def handle(self, *args, folder, force=False, **options):
        try:
            summary = restore_backup(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã khôi phục {summary['tables']} bảng và {summary['files']} tệp; "
            "mọi mã SHA-256 và số dòng đều khớp bản kê."
        )
