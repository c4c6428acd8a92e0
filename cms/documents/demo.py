"""Demo official documents (titles and summaries written for this project)."""

import datetime

from cms.core.pages import child_page, demo_section
from cms.news.models import NewsRelatedDocument

from .demo_files import demo_pdf
from .factories import DocumentIndexPageFactory, OfficialDocumentPageFactory
from .models import (
    DocumentType,
    OfficialDocumentAttachment,
)

DOCUMENTS = [
    (
        "04-da-tu",
        "04-ĐA/TU",
        DocumentType.SCHEME,
        "Tỉnh ủy Đồng Nai",
        datetime.date(2023, 5, 10),
        "Đề án xây dựng Sổ tay đảng viên điện tử của Đảng bộ tỉnh Đồng Nai",
        "Mục tiêu, lộ trình và phân công thực hiện việc đưa Sổ tay đảng viên điện tử vào hoạt động "
        "của các tổ chức đảng trong tỉnh.",
    ),
    (
        "12-nq-tu",
        "12-NQ/TU",
        DocumentType.RESOLUTION,
        "Tỉnh ủy Đồng Nai",
        datetime.date(2024, 1, 15),
        "Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2024–2025",
        "Đổi mới nội dung, hình thức sinh hoạt chi bộ; ứng dụng công nghệ thông tin trong điểm "
        "danh, biểu quyết và lập biên bản sinh hoạt chi bộ.",
    ),
    (
        "35-hd-btgtu",
        "35-HD/BTGTU",
        DocumentType.GUIDANCE,
        "Ban Tuyên giáo Tỉnh ủy",
        datetime.date(2024, 2, 20),
        "Hướng dẫn biên soạn tài liệu sinh hoạt chi bộ hằng tháng theo loại hình",
        "Quy định khung nội dung tài liệu sinh hoạt chi bộ cho chi bộ khu dân cư, cơ quan, doanh "
        "nghiệp, lực lượng vũ trang, trường học và đơn vị sự nghiệp.",
    ),
    (
        "08-ct-tu",
        "08-CT/TU",
        DocumentType.DIRECTIVE,
        "Tỉnh ủy Đồng Nai",
        datetime.date(2023, 9, 5),
        "Chỉ thị về tăng cường bảo vệ bí mật nhà nước trên không gian mạng",
        "Trách nhiệm của cấp ủy, người đứng đầu trong việc bảo vệ bí mật nhà nước khi đăng tải thông "
        "tin lên các hệ thống thông tin của Đảng.",
    ),
    (
        "21-kh-tu",
        "21-KH/TU",
        DocumentType.PLAN,
        "Tỉnh ủy Đồng Nai",
        datetime.date(2024, 3, 1),
        "Kế hoạch nâng tỷ lệ đảng viên sử dụng Sổ tay đảng viên điện tử trong quý II năm 2024",
        "Các đơn vị có tỷ lệ đăng nhập dưới 60% rà soát danh sách, hỗ trợ từng đảng viên; phấn đấu "
        "100% đảng viên được cấp tài khoản đăng nhập.",
    ),
    (
        "15-qd-tu",
        "15-QĐ/TU",
        DocumentType.DECISION,
        "Tỉnh ủy Đồng Nai",
        datetime.date(2023, 6, 20),
        "Quyết định thành lập Ban Biên tập Sổ tay đảng viên điện tử",
        "Thành lập Ban Biên tập gồm đại diện Văn phòng Tỉnh ủy, Ban Tuyên giáo, Ban Tổ chức Tỉnh ủy.",
    ),
    # Replaces 03-QC/TU (REPLACED below).
    (
        "17-qc-tu",
        "17-QC/TU",
        DocumentType.RULES,
        "Tỉnh ủy Đồng Nai",
        datetime.date(2023, 6, 25),
        "Quy chế quản lý, vận hành và khai thác Sổ tay đảng viên điện tử",
        "Phân công trách nhiệm của Ban Biên tập, Ban Tuyên giáo, Ban Tổ chức và các cấp ủy trong "
        "quản lý, cập nhật, khai thác Sổ tay đảng viên điện tử; thay thế Quy chế 03-QC/TU.",
    ),
]


# An older regulation no longer in force, replaced by 17-QC/TU.
REPLACED = (
    "03-qc-tu",
    "03-QC/TU",
    DocumentType.RULES,
    "Tỉnh ủy Đồng Nai",
    datetime.date(2021, 8, 12),
    "Quy chế quản lý, vận hành Trang thông tin nội bộ của Đảng bộ tỉnh",
    "Quy định việc biên tập, đăng tải và bảo mật thông tin trên Trang thông tin nội bộ trước "
    "khi có Sổ tay đảng viên điện tử.",
)

ATTACHMENTS = {
    "17-QC/TU": [
        "Điều 1. Sổ tay đảng viên điện tử là hệ thống thông tin nội bộ của Đảng bộ tỉnh, phục vụ "
        "sinh hoạt chi bộ, học tập nghị quyết và tra cứu văn bản.",
        "Điều 2. Ban Biên tập chịu trách nhiệm biên tập, tuyển chọn thông tin trong phạm vi được "
        "phân công; không đăng tải thông tin thuộc bí mật nhà nước.",
        "Điều 3. Cấp ủy chi bộ hướng dẫn, hỗ trợ đảng viên đăng nhập và sử dụng sổ tay.",
    ],
    "12-NQ/TU": [
        "I. Mục tiêu: 100% chi bộ sinh hoạt thường kỳ đúng quy định; nội dung sinh hoạt thiết thực, "
        "gắn với nhiệm vụ chính trị của địa phương, đơn vị.",
        "II. Nhiệm vụ, giải pháp: đổi mới cách chuẩn bị tài liệu sinh hoạt theo loại hình chi bộ; "
        "ứng dụng Sổ tay đảng viên điện tử trong điểm danh, biểu quyết và lập biên bản.",
    ],
}

# documents number → news article slugs that refer to it
RELATED_NEWS = {
    "21-KH/TU": ["dong-nai-so-ket-quy-i-so-tay-dang-vien", "cam-my-dan-dau-ty-le-dang-nhap"],
    "12-NQ/TU": ["xay-dung-dang-ve-chinh-tri-tu-tuong", "hoi-nghi-hoc-tap-nghi-quyet-trung-uong"],
    "35-HD/BTGTU": ["xay-dung-dang-ve-chinh-tri-tu-tuong"],
}


def create_document(index, entry, **extra):
    slug, number, doc_type, issuer, issued, title, summary = entry
    attachments = []
    if number in ATTACHMENTS:
        pdf = demo_pdf(f"{number} – {title}", f"{slug}.pdf", [summary] + ATTACHMENTS[number])
        attachments = [OfficialDocumentAttachment(document=pdf, title=f"Toàn văn {number} (PDF)")]
    return child_page(
        index,
        OfficialDocumentPageFactory,
        slug,
        title=title,
        number=number,
        doc_type=doc_type,
        issuer=issuer,
        issue_date=issued,
        effective_date=issued,
        signer="Thường trực Tỉnh ủy",
        summary=summary,
        body="".join(f"<p>{p}</p>" for p in ATTACHMENTS.get(number, [])),
        attachments=attachments,
        **extra,
    )


def seed(ctx):
    index = demo_section(
        ctx,
        "document_index",
        DocumentIndexPageFactory,
        "Văn bản của Tỉnh ủy, các ban đảng và cấp ủy trực thuộc.",
    )
    ctx["documents"] = {}
    for entry in DOCUMENTS:
        page, _ = create_document(index, entry)
        ctx["documents"][page.number] = page
    old, _ = create_document(
        index, REPLACED, in_force=False, replaced_by=ctx["documents"]["17-QC/TU"]
    )
    ctx["documents"][old.number] = old

    for _number, slugs in RELATED_NEWS.items():
        for slug in slugs:
            article = ctx.get("news", {}).get(slug)
            if article is None or article.related_document_links.exists():
                continue
            article.related_document_links = [
                NewsRelatedDocument(document=ctx["documents"][n])
                for n, s in RELATED_NEWS.items()
                if slug in s
            ]
            article.save_revision().publish()
