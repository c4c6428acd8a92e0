"""Small real files for the demo: PDFs written with reportlab, a silent MP3.

Each is found again by title, so seeding twice stores nothing new.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

FONT_PATHS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
]


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for path in FONT_PATHS:
        if path.exists():
            if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(path)))
            return "DejaVuSans"
    return "Helvetica"


def pdf_bytes(title, paragraphs):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = _font()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="Tỉnh ủy Đồng Nai")
    heading = ParagraphStyle("h", fontName=font, fontSize=15, leading=20, spaceAfter=12)
    body = ParagraphStyle("b", fontName=font, fontSize=12, leading=17, spaceAfter=8)
    story = [Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", body), Spacer(1, 8), Paragraph(title, heading)]
    story += [Paragraph(p, body) for p in paragraphs]
    doc.build(story)
    return buffer.getvalue()


def silent_mp3_bytes(seconds=2):
    """MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz): a valid, tiny MP3."""
    frame = bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(413)
    return frame * int(seconds * 38.28 + 1)


def demo_document(title, filename, content):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, file=ContentFile(content, name=filename))
    document._set_document_file_metadata()
    document.save()
    return document


def demo_pdf(title, filename, paragraphs):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    return demo_document(title, filename, pdf_bytes(title, paragraphs))
