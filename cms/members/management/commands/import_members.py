from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.members.importer import PREVIEW_LIMIT, RosterFileError, import_roster


class Command(BaseCommand):
    help = "Nhập danh sách đảng viên (XLSX hoặc CSV) và tạo tài khoản; --dry-run để xem trước."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra và xem trước, không ghi gì."
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        try:
            result = import_roster(path.read_bytes(), path.name, dry_run=dry_run)
        except RosterFileError as exc:
            raise CommandError(str(exc)) from exc
        if not result.ok:
            for error in result.errors:
                self.stderr.write(error)
            if result.more_errors:
                self.stderr.write(f"… và {result.more_errors} lỗi khác.")
            raise CommandError(
                f"{result.error_count} lỗi: không ghi dòng nào của tệp. Sửa các dòng trên rồi nhập lại."
            )
        verbose = options["verbosity"] >= 2 or dry_run
        if verbose:
            for m in result.created[:PREVIEW_LIMIT]:
                self.stdout.write(f"+ {m['card_number']} {m['full_name']}")
            for m, changes in result.updated[:PREVIEW_LIMIT]:
                detail = "; ".join(f"{k}: {a} → {b}" for k, (a, b) in changes.items())
                self.stdout.write(f"~ {m.card_number} {m.full_name}: {detail}")
        prefix = "Xem trước (chưa ghi gì)" if dry_run else "Đã nhập"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {result.summary()}."))
