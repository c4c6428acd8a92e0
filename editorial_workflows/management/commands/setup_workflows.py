from django.core.management.base import BaseCommand

from editorial_workflows.setup import default_sections, setup


class Command(BaseCommand):
    help = (
        "Tạo các nhóm vai trò, phạm vi biên tập và quy trình duyệt cho các chuyên mục hiện có "
        "(chạy lại không thay đổi gì)."
    )

    def handle(self, *args, **options):
        main, propaganda, committees = default_sections()
        setup(main, propaganda, committees)
        self.stdout.write(self.style.SUCCESS("Đã thiết lập quy trình duyệt nội dung."))
