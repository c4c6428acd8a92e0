"""``manage.py backup``: database, media and private files, manifest (cms/security/backup)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.security.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu, tệp đa phương tiện và tệp riêng tư kèm bản kê mã SHA-256."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=settings.BACKUP_ROOT,
            help="Thư mục chứa các bản sao lưu (mặc định: BACKUP_ROOT).",
        )

    def handle(self, *args, output, **options):
        try:
            folder = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã sao lưu vào {folder}")
        return str(folder)
