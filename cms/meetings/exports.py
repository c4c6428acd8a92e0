"""Exports: vote results to XLSX (openpyxl), minutes to PDF (reportlab) and DOCX (python-docx).

The PDF embeds the site's Vietnamese TrueType family (``cms.core.pdf``); the
XLSX stores every text as text (``cms.core.xlsx``), so a question or a name
that looks like a formula never becomes one.
"""

import io
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from cms.core.pdf import a4_pdf, vietnamese_fonts
from cms.core.xlsx import workbook_bytes

from .choices import MINUTES_ITEM_PARTS, BallotType, MotionStatus
from .models import Ballot, VoteReceipt
from .services.tallies import motion_result

TITLE = "BIÊN BẢN SINH HOẠT CHI BỘ"
PARTY_HEADER = "ĐẢNG CỘNG SẢN VIỆT NAM"


def motions_xlsx(meeting):
    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả biểu quyết"
    bold = Font(bold=True)
    sheet.append([meeting.cell.name])
    sheet.append([f"{meeting.get_kind_display()} ngày {meeting.date:%d/%m/%Y}: {meeting.topic}"])
    sheet.append([])
    sheet.append(
        [
            "Nội dung biểu quyết",
            "Hình thức",
            "Quy tắc",
            "Phương án",
            "Số phiếu",
            "Tỷ lệ so với số có mặt (%)",
            "Kết quả",
        ]
    )
    for cell in sheet[4]:
        cell.font = bold
    for motion in meeting.motions.filter(status=MotionStatus.CLOSED).prefetch_related("options"):
        result = motion_result(motion)
        for i, row in enumerate(result["rows"]):
            sheet.append(
                [
                    motion.question if i == 0 else "",
                    motion.get_ballot_type_display() if i == 0 else "",
                    motion.get_majority_rule_display() if i == 0 else "",
                    row["option"].label,
                    row["count"],
                    row["share"],
                    result["summary"] if i == 0 else "",
                ]
            )
    detail = book.create_sheet("Danh sách đã biểu quyết")
    detail.append(["Nội dung biểu quyết", "Đảng viên", "Lựa chọn"])
    for cell in detail[1]:
        cell.font = bold
    for motion in meeting.motions.filter(status=MotionStatus.CLOSED):
        if motion.ballot_type == BallotType.OPEN:
            for ballot in (
                Ballot.objects.filter(motion=motion)
                .select_related("member", "option")
                .order_by("member__full_name")
            ):
                detail.append([motion.question, ballot.member.full_name, ballot.option.label])
        else:
            for receipt in (
                VoteReceipt.objects.filter(motion=motion)
                .select_related("member")
                .order_by("member__full_name")
            ):
                detail.append([motion.question, receipt.member.full_name, "(bỏ phiếu kín)"])
    for ws in (sheet, detail):
        for column, width in zip("ABCDEFG", (50, 20, 30, 25, 10, 14, 60), strict=False):
            ws.column_dimensions[column].width = width
    return workbook_bytes(book)


def minutes_sections(minutes, facts):
    """The minutes as (heading, [paragraphs]) in the standard order; shared by PDF and DOCX."""
    sections = []
    present_line = (
        f"Tổng số đảng viên phải dự: {facts['expected']}; có mặt: {facts['present']}; "
        f"vắng: {facts['expected'] - facts['present']}."
    )
    quorum_line = (
        "Buổi sinh hoạt đủ số lượng đảng viên theo quy định."
        if facts["quorum_met"]
        else f"Buổi sinh hoạt không đủ số lượng (cần {facts['quorum_needed']} đảng viên có mặt)."
    )
    absentees = [
        f"{a['name']}: {a['status'].lower()}{' – lý do: ' + a['reason'] if a['reason'] else ''}"
        for a in facts["absentees"]
    ]
    sections.append(
        (
            "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
            [
                f"Thời gian: bắt đầu lúc {facts['start_time']} ngày {facts['date']}.",
                f"Địa điểm: {facts['place']}.",
                f"Chủ trì: đồng chí {facts['chair']}. Thư ký: đồng chí {facts['recorder']}.",
                present_line,
                *(
                    ["Đảng viên vắng mặt:"] + [f"– {line}" for line in absentees]
                    if absentees
                    else []
                ),
                quorum_line,
            ],
        )
    )
    content = []
    for i, item in enumerate(minutes.items, start=1):
        content.append(f"{i}. {item.get('title', '')}")
        for key, label in MINUTES_ITEM_PARTS:
            if item.get(key):
                content.append(f"{label}: {item[key]}")
    if minutes.general_opinions:
        content.append(f"Ý kiến phát biểu khác: {minutes.general_opinions}")
    sections.append(("II. NỘI DUNG SINH HOẠT", content or ["(chưa ghi)"]))
    votes = []
    for motion in facts["motions"]:
        votes.append(
            f"{motion['question']} ({motion['ballot_type'].lower()}; {motion['rule'].lower()})"
        )
        for option in motion["options"]:
            votes.append(
                f"– {option['label']}: {option['count']} phiếu ({option['share']}% số có mặt)"
            )
        votes.append(motion["summary"])
    sections.append(("III. KẾT QUẢ BIỂU QUYẾT", votes or ["Không có nội dung biểu quyết."]))
    ending = [minutes.conclusion or "(chưa ghi)"]
    if minutes.end_time:
        ending.append(f"Buổi sinh hoạt kết thúc lúc {minutes.end_time:%H:%M} cùng ngày.")
    sections.append(("IV. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ", ending))
    if minutes.correction_reason:
        sections.append((f"ĐÍNH CHÍNH (phiên bản {minutes.number})", [minutes.correction_reason]))
    status = (
        f"Biên bản đã được thông qua lúc {minutes.approved_at:%H:%M ngày %d/%m/%Y}."
        if minutes.is_approved and minutes.approved_at
        else "DỰ THẢO – chưa được thông qua."
    )
    sections.append(("", [status]))
    return sections


def minutes_pdf(minutes, facts):
    regular, bold = vietnamese_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=12, leading=17)
    center = ParagraphStyle("center", parent=base, alignment=1)
    title = ParagraphStyle(
        "title", parent=base, fontName=bold, fontSize=15, leading=20, alignment=1
    )
    heading = ParagraphStyle("heading", parent=base, fontName=bold, spaceBefore=8)
    story = [
        Table(
            [[Paragraph(escape(facts["cell"].upper()), center), Paragraph(PARTY_HEADER, center)]],
            colWidths=[80 * mm, 85 * mm],
        ),
        Spacer(1, 8 * mm),
        Paragraph(TITLE, title),
        Paragraph(escape(f"{facts['kind']}: {facts['topic']}"), center),
        Spacer(1, 4 * mm),
    ]
    for head, paragraphs in minutes_sections(minutes, facts):
        if head:
            story.append(Paragraph(escape(head), heading))
        for text in paragraphs:
            story.append(Paragraph(escape(text).replace("\n", "<br/>"), base))
    story.append(Spacer(1, 10 * mm))
    story.append(
        Table(
            [
                [Paragraph("THƯ KÝ", center), Paragraph("CHỦ TRÌ", center)],
                [
                    Paragraph(escape(facts["recorder"]), center),
                    Paragraph(escape(facts["chair"]), center),
                ],
            ],
            colWidths=[80 * mm, 85 * mm],
            rowHeights=[10 * mm, 22 * mm],
        )
    )
    return a4_pdf(story, title=TITLE, author=facts["cell"], margins=(25, 20, 20, 20))


def minutes_docx(minutes, facts):
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = facts["cell"].upper()
    header.cell(0, 1).text = PARTY_HEADER
    for cell in header.rows[0].cells:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(TITLE)
    run.bold = True
    run.font.size = Pt(15)
    subtitle = document.add_paragraph(f"{facts['kind']}: {facts['topic']}")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for head, paragraphs in minutes_sections(minutes, facts):
        if head:
            document.add_paragraph().add_run(head).bold = True
        for text in paragraphs:
            document.add_paragraph(text)
    signatures = document.add_table(rows=2, cols=2)
    signatures.cell(0, 0).text = "THƯ KÝ"
    signatures.cell(0, 1).text = "CHỦ TRÌ"
    signatures.cell(1, 0).text = facts["recorder"]
    signatures.cell(1, 1).text = facts["chair"]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
