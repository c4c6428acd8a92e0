"""Demo bulletins and monthly cell materials; the section is members only."""

from django.utils import timezone

from wagtail.models import PageViewRestriction

from cms.home.demo_site import child_page
from cms.members.models import CellTypeOption

from .models import BulletinIndexPage, BulletinKind, BulletinPage

CELL_MATERIAL_TEXT = {
    "residential": "Vận động nhân dân giữ gìn an ninh trật tự, vệ sinh môi trường khu dân cư; "
    "rà soát hộ nghèo, hộ cận nghèo.",
    "enterprise": "Lãnh đạo thực hiện kế hoạch sản xuất kinh doanh, chăm lo việc làm và đời sống "
    "người lao động.",
    "agency": "Cải cách hành chính, nâng cao tinh thần phục vụ nhân dân của cán bộ, công chức.",
}


def month_back(today, n):
    month = today.month - n
    year = today.year
    while month < 1:
        month += 12
        year -= 1
    return year, month


def seed(ctx):
    index, created = child_page(
        ctx["home"],
        BulletinIndexPage,
        "ban-tin",
        title="Bản tin",
        intro="Bản tin thông báo nội bộ và tài liệu sinh hoạt chi bộ hằng tháng (dành cho đảng viên).",
    )
    if not PageViewRestriction.objects.filter(page=index).exists():
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    ctx["bulletin_index"] = index
    today = timezone.localdate()
    for n in range(3):
        year, month = month_back(today, n)
        child_page(
            index,
            BulletinPage,
            f"ban-tin-noi-bo-{month:02d}-{year}",
            title=f"Bản tin thông báo nội bộ số {month:02d}/{year}",
            kind=BulletinKind.INTERNAL,
            month=month,
            year=year,
            lead="Thông báo nội bộ của Ban Tuyên giáo Tỉnh ủy về tình hình thời sự và nhiệm vụ trọng tâm.",
            body=[
                (
                    "paragraph",
                    "<p>Tình hình kinh tế – xã hội của tỉnh tháng qua tiếp tục ổn định; "
                    "các cấp ủy tập trung lãnh đạo thực hiện nhiệm vụ chính trị.</p>",
                )
            ],
        )
        for code, text in CELL_MATERIAL_TEXT.items():
            page, created = child_page(
                index,
                BulletinPage,
                f"tai-lieu-sinh-hoat-{code}-{month:02d}-{year}",
                title=f"Tài liệu sinh hoạt chi bộ {CellTypeOption.objects.get(code=code).name.lower()} "
                f"số {month:02d}/{year}",
                kind=BulletinKind.CELL_MATERIAL,
                month=month,
                year=year,
                lead=f"Định hướng nội dung sinh hoạt chi bộ tháng {month}/{year}.",
                body=[("heading", "Nội dung trọng tâm"), ("paragraph", f"<p>{text}</p>")],
            )
            if created:
                page.cell_types.set(CellTypeOption.objects.filter(code=code))
                page.save_revision().publish()
