"""List the Wagtail admin strings the project's Vietnamese catalogue does not translate.

    python manage.py i18n_missing                 # every domain
    python manage.py i18n_missing --domain djangojs
    python manage.py i18n_missing --fail-under 0.98   # non-zero exit below 98 %
    python manage.py i18n_missing --add           # append them, empty, to cms/locale/vi/...

Run it after upgrading Wagtail or wagtail-localize: the new msgids are listed at once.
After translating, recompile: ``msgfmt --check -o django.mo django.po`` (or
``python manage.py compilemessages``) and commit both the .po and the .mo.
"""

from django.core.management.base import BaseCommand, CommandError

from cms.home import i18n_coverage


class Command(BaseCommand):
    help = (
        "Liệt kê các chuỗi của Wagtail / wagtail-localize chưa được dịch trong "
        "cms/locale/vi và in tỷ lệ đã dịch."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--domain",
            choices=i18n_coverage.DOMAINS,
            default=None,
            help="Chỉ kiểm tra một miền gettext (django hoặc djangojs).",
        )
        parser.add_argument(
            "--fail-under",
            type=float,
            default=None,
            metavar="RATIO",
            help="Báo lỗi (mã thoát khác 0) nếu tỷ lệ đã dịch nhỏ hơn RATIO, ví dụ 0.95.",
        )
        parser.add_argument(
            "--add",
            action="store_true",
            help="Thêm các chuỗi còn thiếu (msgstr trống) vào tệp .po của dự án để dịch.",
        )

    def handle(self, *args, **options):
        domain = options.get("domain")
        fail_under = options.get("fail_under")

        for dom, keys in i18n_coverage.missing_by_domain(domain).items():
            path = i18n_coverage.project_catalogue_path(dom)
            self.stdout.write(f"# {path} — {len(keys)} chuỗi chưa dịch")
            for msgctxt, msgid in keys:
                prefix = f"[{msgctxt}] " if msgctxt else ""
                self.stdout.write(f"{prefix}{msgid!r}")
            if options.get("add") and keys:
                added = i18n_coverage.add_missing_entries(dom)
                self.stdout.write(
                    f"Đã thêm {added} mục trống vào {path}; hãy dịch rồi biên dịch lại .mo."
                )

        translated, total, ratio = i18n_coverage.coverage(domain)
        line = f"Tỷ lệ đã dịch: {translated}/{total} = {ratio:.2%}"
        if fail_under is not None and ratio < fail_under:
            raise CommandError(f"{line} (thấp hơn ngưỡng {fail_under:.2%})")
        self.stdout.write(self.style.SUCCESS(line) if ratio == 1 else line)
