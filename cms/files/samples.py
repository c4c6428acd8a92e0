"""Small real files (PDF, DOCX, PNG) built in memory for the demo and the tests.

The PDFs carry Vietnamese text, so reportlab needs a TrueType font with the
Vietnamese glyphs: DejaVu Sans (Debian package ``fonts-dejavu-core``), or any
font ``fc-match`` offers.
"""

import io
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@lru_cache(maxsize=1)
def vietnamese_font_path():
    if DEJAVU.exists():
        return DEJAVU
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "sans:lang=vi"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if found.endswith((".ttf", ".TTF")) and Path(found).exists():
            return Path(found)
    raise RuntimeError(
        "Không tìm thấy phông chữ có dấu tiếng Việt để tạo PDF: cài gói fonts-dejavu-core "
        "(apt-get install fonts-dejavu-core)."
    )


def _register_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "VietSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VietSans", str(vietnamese_font_path())))
    return "VietSans"


def build_pdf(lines, title="Tài liệu"):
    """A PDF with a text layer: one line of ``lines`` per row, new page as needed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _register_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    width, height = A4
    y = height - 72
    pdf.setFont(font, 12)
    for line in lines:
        if y < 72:
            pdf.showPage()
            pdf.setFont(font, 12)
            y = height - 72
        pdf.drawString(72, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build_png(width=40, height=30, colour=(180, 30, 30)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def build_scanned_pdf():
    """A PDF whose only page is a picture: what a scanner produces."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    image = ImageReader(io.BytesIO(build_png(400, 560, (235, 235, 225))))
    pdf.drawImage(image, 40, 40, width=515, height=760)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build_docx(paragraphs, table_rows=()):
    """A DOCX with ``paragraphs`` then a table of ``table_rows`` (lists of cell texts)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
