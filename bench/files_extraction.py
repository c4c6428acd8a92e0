"""How long text extraction takes: prints seconds per PDF/DOCX of a given size.

Run: python bench/files_extraction.py [pages]
"""

import io
import sys
import time

import django

sys.path.insert(0, ".")
import os  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
django.setup()

from cms.files.extraction import extract_text  # noqa: E402
from cms.files.samples import build_docx, build_pdf, build_scanned_pdf  # noqa: E402
from cms.files.validation import check_upload  # noqa: E402

LINE = (
    "Nghị quyết về tiếp tục xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh."
)


def timed(label, data, name, kind):
    start = time.perf_counter()
    check_upload(io.BytesIO(data), name)
    checked = time.perf_counter()
    text, layer = extract_text(io.BytesIO(data), kind)
    done = time.perf_counter()
    print(
        f"{label:<28} {len(data) / 1024:>9.0f} KB  check {1000 * (checked - start):7.1f} ms  "
        f"extract {done - checked:6.2f} s  {len(text):>8} chars  text_layer={layer}"
    )


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    timed(f"PDF {pages} pages", build_pdf([LINE] * 40 * pages), "a.pdf", "pdf")
    timed(f"DOCX {pages * 40} paragraphs", build_docx([LINE] * 40 * pages), "a.docx", "docx")
    timed("scanned PDF (1 page)", build_scanned_pdf(), "s.pdf", "pdf")


if __name__ == "__main__":
    main()
