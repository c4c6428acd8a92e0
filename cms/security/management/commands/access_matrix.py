"""``manage.py access_matrix``: print the matrix, or ``--write`` it into SECURITY.md."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.security.access_matrix import render_markdown, replace_in


class Command(BaseCommand):
    help = "In bảng phân quyền (vai trò × tài nguyên), hoặc ghi nó vào SECURITY.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Ghi vào SECURITY.md.")

    def handle(self, *args, write=False, **options):
        if not write:
            self.stdout.write(render_markdown())
            return
        path = Path(settings.BASE_DIR) / "SECURITY.md"
        path.write_text(replace_in(path.read_text()))
        self.stdout.write(f"Đã cập nhật bảng phân quyền trong {path}")
