"""Fonts for PDFs written in Vietnamese (reportlab).

reportlab's built-in fonts (Helvetica, Times) have no Vietnamese letters, so
every PDF of the site embeds one TrueType family with the full repertoire:
DejaVu Sans from Debian's ``fonts-dejavu-core`` by default, or the files
named by the ``PDF_FONT`` and ``PDF_FONT_BOLD`` settings. A missing bold
file falls back to the regular one. ``a4_pdf`` lays a story out on A4.
"""

import io
from pathlib import Path

from django.conf import settings

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate

DEFAULT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEFAULT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FAMILY = "StdvSans"
BOLD = f"{FAMILY}-Bold"


def vietnamese_fonts():
    """Register the family once per process; return ``(regular, bold)`` font names."""
    if FAMILY not in pdfmetrics.getRegisteredFontNames():
        regular = str(getattr(settings, "PDF_FONT", DEFAULT_REGULAR))
        bold = Path(getattr(settings, "PDF_FONT_BOLD", DEFAULT_BOLD))
        pdfmetrics.registerFont(TTFont(FAMILY, regular))
        pdfmetrics.registerFont(TTFont(BOLD, str(bold) if bold.exists() else regular))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FAMILY, bold=BOLD, italic=FAMILY, boldItalic=BOLD
        )
    return FAMILY, BOLD


def a4_pdf(story, *, title, author="", margins=(20, 20, 20, 20)):
    """The flowables laid out on A4 pages; ``margins`` in mm (left, right, top, bottom)."""
    sides = ("leftMargin", "rightMargin", "topMargin", "bottomMargin")
    sizes = {side: size * mm for side, size in zip(sides, margins, strict=True)}
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=title, author=author, **sizes).build(story)
    return out.getvalue()
