"""Demo official documents (titles and summaries written for this project)."""

import datetime

from cms.home.demo_site import child_page

from .models import DocumentIndexPage, DocumentType, OfficialDocumentPage

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
]


def seed(ctx):
    index, _ = child_page(
        ctx["home"],
        DocumentIndexPage,
        "van-ban",
        title="Văn bản",
        intro="Văn bản của Tỉnh ủy, các ban đảng và cấp ủy trực thuộc.",
    )
    ctx["document_index"] = index
    ctx["documents"] = {}
    for slug, number, doc_type, issuer, issued, title, summary in DOCUMENTS:
        page, _ = child_page(
            index,
            OfficialDocumentPage,
            slug,
            title=title,
            number=number,
            doc_type=doc_type,
            issuer=issuer,
            issue_date=issued,
            effective_date=issued,
            signer="Thường trực Tỉnh ủy",
            summary=summary,
            body=f"<p>{summary}</p>",
        )
        ctx["documents"][number] = page
