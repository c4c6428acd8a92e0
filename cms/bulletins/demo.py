"""Demo bulletins and monthly cell materials; the section is members only."""

from django.utils import timezone

from cms.core.months import add_months, next_monthly_day
from cms.core.pages import child_page, demo_section
from cms.documents.demo_files import demo_pdf
from cms.members.models import CellTypeOption

from .factories import BulletinIndexPageFactory, BulletinPageFactory
from .models import BulletinKind
from .services import ensure_members_only

# cell type → (focus of the month, what the cell discusses)
CELL_MATERIAL_TEXT = {
    "residential": (
        "Vận động nhân dân giữ gìn an ninh trật tự, vệ sinh môi trường khu dân cư; rà soát hộ "
        "nghèo, hộ cận nghèo.",
        "Chi bộ phân công đảng viên phụ trách từng tổ dân cư, nắm tình hình các hộ khó khăn và "
        "báo cáo tại buổi sinh hoạt tháng sau.",
    ),
    "enterprise": (
        "Lãnh đạo thực hiện kế hoạch sản xuất kinh doanh, chăm lo việc làm và đời sống người lao "
        "động.",
        "Chi bộ thảo luận giải pháp giữ chân người lao động có tay nghề và phối hợp với công đoàn "
        "tổ chức đối thoại định kỳ.",
    ),
    "agency": (
        "Cải cách hành chính, nâng cao tinh thần phục vụ nhân dân của cán bộ, công chức.",
        "Mỗi đảng viên nêu một việc cụ thể sẽ làm để rút ngắn thời gian giải quyết hồ sơ của "
        "người dân trong tháng.",
    ),
    "school": (
        "Đổi mới phương pháp dạy học, giữ gìn kỷ cương, nề nếp trường học.",
        "Chi bộ bàn cách giúp học sinh có hoàn cảnh khó khăn và phân công đảng viên kèm cặp "
        "giáo viên trẻ.",
    ),
}
# Cell types that receive the current month's material (the older months: the first three).
CURRENT_MONTH_TYPES = ["residential", "enterprise", "agency", "school"]

INTERNAL_SECTIONS = [
    (
        "Tình hình chung",
        "Tình hình kinh tế – xã hội của tỉnh tháng qua tiếp tục ổn định; các cấp ủy tập trung "
        "lãnh đạo thực hiện nhiệm vụ chính trị, chuẩn bị tốt cho kỳ sinh hoạt chi bộ thường kỳ.",
    ),
    (
        "Nhiệm vụ trọng tâm",
        "Tiếp tục nâng tỷ lệ đảng viên đăng nhập Sổ tay đảng viên điện tử; các đơn vị dưới 60% "
        "báo cáo kết quả rà soát về Ban Tổ chức Tỉnh ủy trước ngày 25.",
    ),
]


# Cells meet on this day of the month; the month's material is published ahead of it.
MEETING_DAY = 4


def issue_month(today):
    """The month of the next regular meeting: its material is "this month's"."""
    next_meeting = next_monthly_day(today, MEETING_DAY)
    return next_meeting.year, next_meeting.month


def seed(ctx):
    index = demo_section(
        ctx,
        "bulletin_index",
        BulletinIndexPageFactory,
        "Bản tin thông báo nội bộ và tài liệu sinh hoạt chi bộ hằng tháng (dành cho đảng viên).",
    )
    ensure_members_only(index)
    options = {o.code: o for o in CellTypeOption.objects.all()}
    current = issue_month(timezone.localdate())
    for n in range(3):
        year, month = add_months(*current, -n)
        body = []
        for heading, text in INTERNAL_SECTIONS:
            body += [("heading", heading), ("paragraph", f"<p>{text}</p>")]
        title = f"Bản tin thông báo nội bộ số {month:02d}/{year}"
        pdf = None
        if n == 0:
            pdf = demo_pdf(
                title, f"ban-tin-noi-bo-{month:02d}-{year}.pdf", [t for _h, t in INTERNAL_SECTIONS]
            )
        child_page(
            index,
            BulletinPageFactory,
            f"ban-tin-noi-bo-{month:02d}-{year}",
            title=title,
            kind=BulletinKind.INTERNAL,
            month=month,
            year=year,
            lead="Thông báo nội bộ của Ban Tuyên giáo Tỉnh ủy về tình hình thời sự và nhiệm vụ "
            "trọng tâm.",
            body=body,
            pdf=pdf,
        )
        codes = CURRENT_MONTH_TYPES if n == 0 else CURRENT_MONTH_TYPES[:3]
        for code in codes:
            focus, discussion = CELL_MATERIAL_TEXT[code]
            option = options[code]
            title = f"Tài liệu sinh hoạt chi bộ {option.name.lower()} số {month:02d}/{year}"
            pdf = None
            if n == 0 and code == "enterprise":
                pdf = demo_pdf(
                    title, f"tai-lieu-{code}-{month:02d}-{year}.pdf", [focus, discussion]
                )
            child_page(
                index,
                BulletinPageFactory,
                f"tai-lieu-sinh-hoat-{code}-{month:02d}-{year}",
                title=title,
                kind=BulletinKind.CELL_MATERIAL,
                month=month,
                year=year,
                cell_types=[option],
                lead=f"Định hướng nội dung sinh hoạt chi bộ tháng {month}/{year}.",
                body=[
                    ("heading", "Nội dung trọng tâm"),
                    ("paragraph", f"<p>{focus}</p>"),
                    ("heading", "Gợi ý thảo luận"),
                    ("paragraph", f"<p>{discussion}</p>"),
                ],
                pdf=pdf,
            )
