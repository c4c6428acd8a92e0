"""Wagtail's ``update_index``, then the vocabulary of the look-up's readings."""

from wagtail.search.management.commands.update_index import Command as UpdateIndexCommand

from cms.search.vocabulary import rebuild


class Command(UpdateIndexCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm, rồi đếm lại các từ của những trang đã xuất bản "
        "(dùng để sửa lỗi gõ và tách chữ viết liền khi tra cứu)."
    )

    def handle(self, **options):
        super().handle(**options)
        words = rebuild()
        if options.get("verbosity", 1):
            self.stdout.write(f"Từ vựng tra cứu: {words} từ.")
