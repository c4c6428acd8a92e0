"""Printable credentials lists of a cell: PDF (reportlab) or XLSX.

The PDF embeds the site's Vietnamese TrueType family (``cms.core.pdf``)
because the PDF core fonts cannot show Vietnamese diacritics; the XLSX keeps
names and numbers as text (``cms.core.xlsx``), never as formulas.
"""

from django.conf import settings
from django.utils import timezone

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from cms.core.pdf import a4_pdf, vietnamese_fonts
from cms.core.xlsx import workbook_bytes


def credentials_pdf(cell, issued):
    """One A4 list: name, card number, activation code, and how to log in."""
    regular, bold = vietnamese_fonts()
    title = ParagraphStyle("t", fontName=bold, fontSize=15, leading=20, spaceAfter=4)
    body = ParagraphStyle("b", fontName=regular, fontSize=11, leading=15)
    days = settings.ACTIVATION_CODE_DAYS
    story = [
        Paragraph(f"DANH SÁCH MÃ KÍCH HOẠT TÀI KHOẢN – {cell.name.upper()}", title),
        Paragraph(
            f"Mã chi bộ: {cell.code}. In ngày {timezone.localtime():%d/%m/%Y %H:%M}. "
            f"Mỗi mã chỉ dùng một lần, hết hạn sau {days} ngày.",
            body,
        ),
        Paragraph(
            "Cách đăng nhập: vào trang Sổ tay đảng viên điện tử, mục Đăng nhập; nhập số thẻ "
            "đảng viên và mã kích hoạt (chữ in hoa, có thể bỏ dấu gạch); sau đó đặt mật khẩu "
            "mới của riêng mình (ít nhất 8 ký tự).",
            body,
        ),
        Spacer(1, 6 * mm),
    ]
    rows = [["TT", "Họ và tên", "Số thẻ đảng viên", "Mã kích hoạt", "Ký nhận"]]
    for i, (member, code) in enumerate(issued, start=1):
        rows.append([str(i), member.full_name, member.card_number, code, ""])
    table = Table(rows, colWidths=[10 * mm, 62 * mm, 35 * mm, 45 * mm, 28 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("FONTSIZE", (0, 0), (-1, -1), 11),
                ("FONTNAME", (3, 1), (3, -1), bold),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story.append(table)
    if not issued:
        story.append(
            Paragraph("Mọi đảng viên của chi bộ đã tự đặt mật khẩu: không có mã mới.", body)
        )
    return a4_pdf(story, title=f"Danh sách mã kích hoạt – {cell.name}", margins=(15, 15, 15, 15))


def credentials_xlsx(cell, issued):
    wb = Workbook()
    ws = wb.active
    ws.title = "Mã kích hoạt"
    ws.append([f"Danh sách mã kích hoạt – {cell.name} ({cell.code})"])
    ws.append(["TT", "Họ và tên", "Số thẻ đảng viên", "Số điện thoại", "Mã kích hoạt"])
    for i, (member, code) in enumerate(issued, start=1):
        ws.append([i, member.full_name, member.card_number, member.phone, code])
    for col, width in zip("ABCDE", (6, 32, 20, 16, 20), strict=True):
        ws.column_dimensions[col].width = width
    return workbook_bytes(wb)
