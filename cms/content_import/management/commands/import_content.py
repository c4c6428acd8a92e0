from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.content_import.importer import ContentImporter


class Command(BaseCommand):
    help = (
        "Nhập trang từ tệp JSON Lines (mỗi dòng một trang) của sổ tay cũ. Chạy lại an toàn: "
        "trang đã nhập (theo source_id) được cập nhật, không nhân đôi."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .jsonl")
        parser.add_argument(
            "--user", help="Tên đăng nhập của quản trị viên thực hiện (ghi vào nhật ký)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có tài khoản “{options['user']}”.")
        importer = ContentImporter(base_dir=path.parent, user=user)
        with path.open(encoding="utf-8-sig") as handle:
            summary = importer.run(handle)
        for result in summary.results:
            if result.status == "error":
                self.stderr.write(result.describe())
            elif result.status == "draft":
                self.stdout.write(self.style.WARNING(result.describe()))
            elif options["verbosity"] > 1:
                self.stdout.write(result.describe())
        style = self.style.SUCCESS if not summary.errors else self.style.WARNING
        self.stdout.write(style(summary.describe()))
