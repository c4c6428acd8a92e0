"""Demo resolution study pages: key points, questions and answers, a lecture with transcript."""

import datetime

from django.utils import timezone

from cms.core.pages import child_page, demo_section
from cms.documents.demo_files import demo_document, demo_pdf, silent_mp3_bytes
from cms.members.models import CellTypeOption, PartyOrganization

from .factories import ResolutionIndexPageFactory, ResolutionStudyPageFactory
from .models import Audience

KEY_POINTS_12 = [
    "Đổi mới nội dung sinh hoạt theo từng loại hình chi bộ: khu dân cư, cơ quan, doanh nghiệp, "
    "lực lượng vũ trang, trường học, đơn vị sự nghiệp.",
    "Mỗi đảng viên đọc tài liệu sinh hoạt trên Sổ tay đảng viên điện tử trước buổi họp.",
    "Điểm danh, biểu quyết và lập biên bản sinh hoạt chi bộ ngay trên hệ thống; biên bản được "
    "phê duyệt rồi không sửa được nữa.",
    "Cấp ủy cấp trên theo dõi chất lượng sinh hoạt qua số liệu của sổ tay, không thêm báo cáo "
    "giấy.",
]

QUESTIONS_12 = [
    (
        "Đảng viên lớn tuổi không dùng điện thoại thông minh thì học tập nghị quyết thế nào?",
        "<p>Chi bộ in tài liệu cho đồng chí và cử một đảng viên trẻ hỗ trợ; đồng chí vẫn dự sinh "
        "hoạt và biểu quyết trực tiếp, thư ký ghi nhận vào biên bản trên hệ thống.</p>",
    ),
    (
        "Buổi sinh hoạt chi bộ thường kỳ tổ chức vào ngày nào?",
        "<p>Theo hướng dẫn của Tỉnh ủy, chi bộ sinh hoạt thường kỳ mỗi tháng một lần, thường từ "
        "ngày 3 đến ngày 5; chi bộ có thể chọn ngày khác nếu đặc thù công việc, nhưng phải báo "
        "cấp ủy cấp trên.</p>",
    ),
    (
        "Mạng Internet yếu thì có xem được tài liệu không?",
        "<p>Có. Trang tài liệu nhẹ, không cần tải hình ảnh; đồng chí có thể tải bản PDF khi có "
        "sóng tốt và đọc lại khi không có mạng.</p>",
    ),
]

TRANSCRIPT_12 = (
    "Thưa các đồng chí, Nghị quyết 12 của Tỉnh ủy tập trung vào một việc: nâng cao chất lượng "
    "sinh hoạt chi bộ.\n\n"
    "Thứ nhất, nội dung sinh hoạt phải gắn với việc cụ thể của từng chi bộ; chi bộ ấp bàn việc "
    "của ấp, chi bộ doanh nghiệp bàn việc sản xuất và đời sống người lao động.\n\n"
    "Thứ hai, mỗi đảng viên đọc tài liệu trước khi họp, để buổi sinh hoạt dành thời gian cho "
    "thảo luận và quyết định.\n\n"
    "Thứ ba, điểm danh, biểu quyết và biên bản được làm ngay trên Sổ tay đảng viên điện tử, "
    "công khai và không sửa được sau khi đã phê duyệt."
)


def seed(ctx):
    index = demo_section(
        ctx,
        "resolution_index",
        ResolutionIndexPageFactory,
        "Tài liệu học tập, quán triệt nghị quyết dành cho đảng viên.",
    )
    deadline = timezone.localdate() + datetime.timedelta(days=45)
    slides = demo_pdf(
        "Bài trình chiếu Nghị quyết 12-NQ/TU",
        "trinh-chieu-nghi-quyet-12-nq-tu.pdf",
        KEY_POINTS_12,
    )
    audio = demo_document(
        "Bài giảng Nghị quyết 12-NQ/TU (âm thanh)",
        "bai-giang-nghi-quyet-12-nq-tu.mp3",
        silent_mp3_bytes(),
    )
    child_page(
        index,
        ResolutionStudyPageFactory,
        "nghi-quyet-12-nq-tu",
        title="Học tập Nghị quyết 12-NQ/TU về nâng cao chất lượng sinh hoạt chi bộ",
        document=ctx["documents"].get("12-NQ/TU"),
        summary="Nghị quyết đặt mục tiêu 100% chi bộ sinh hoạt thường kỳ đúng quy định, ứng dụng "
        "Sổ tay đảng viên điện tử trong điểm danh, biểu quyết và biên bản.",
        study_deadline=deadline,
        audience=Audience.ALL,
        key_points=[("point", text) for text in KEY_POINTS_12],
        questions=[("qa", {"question": q, "answer": a}) for q, a in QUESTIONS_12],
        body=[
            ("heading", "Nhiệm vụ của chi bộ"),
            (
                "paragraph",
                "<p>Chi bộ xây dựng kế hoạch thực hiện nghị quyết sát với tình hình đơn vị; "
                "phân công đảng viên phụ trách từng việc và kiểm điểm kết quả hằng quý.</p>",
            ),
        ],
        slides=slides,
        audio=audio,
        audio_transcript=TRANSCRIPT_12,
    )
    child_page(
        index,
        ResolutionStudyPageFactory,
        "chi-thi-08-ct-tu",
        title="Quán triệt Chỉ thị 08-CT/TU về bảo vệ bí mật nhà nước trên không gian mạng",
        document=ctx["documents"].get("08-CT/TU"),
        summary="Những việc đảng viên cần làm và không được làm khi đăng tải thông tin lên mạng.",
        study_deadline=deadline + datetime.timedelta(days=30),
        audience=Audience.CELL_TYPES,
        audience_cell_types=list(
            CellTypeOption.objects.filter(code__in=["agency", "public_service", "armed_forces"])
        ),
        key_points=[
            ("point", "Không soạn thảo, lưu trữ tài liệu mật trên máy tính kết nối Internet."),
            ("point", "Không chụp ảnh, chia sẻ văn bản mật qua mạng xã hội, tin nhắn."),
            ("point", "Báo ngay cho cấp ủy khi phát hiện thông tin mật bị lộ."),
        ],
        body=[
            (
                "paragraph",
                "<p>Chỉ thị yêu cầu người đứng đầu cơ quan, đơn vị chịu trách nhiệm trực tiếp về "
                "bảo vệ bí mật nhà nước trong phạm vi mình phụ trách.</p>",
            )
        ],
    )
    child_page(
        index,
        ResolutionStudyPageFactory,
        "ke-hoach-21-kh-tu",
        title="Triển khai Kế hoạch 21-KH/TU: mọi đảng viên đều dùng Sổ tay đảng viên điện tử",
        document=ctx["documents"].get("21-KH/TU"),
        summary="Kế hoạch giao các đảng bộ còn tỷ lệ đăng nhập thấp rà soát đến từng chi bộ và hỗ "
        "trợ từng đảng viên trong quý II.",
        study_deadline=deadline - datetime.timedelta(days=15),
        audience=Audience.UNITS,
        audience_units=list(PartyOrganization.objects.filter(code__in=["BH", "CM", "VC"])),
        key_points=[
            ("point", "Rà soát danh sách đảng viên chưa đăng nhập đến từng chi bộ."),
            ("point", "Mỗi chi bộ cử người hỗ trợ số cho đảng viên lớn tuổi."),
        ],
    )
