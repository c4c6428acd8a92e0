"""Demo resolution study pages."""

import datetime

from django.utils import timezone

from cms.home.demo_site import child_page

from .models import ResolutionIndexPage, ResolutionStudyPage


def seed(ctx):
    index, _ = child_page(
        ctx["home"],
        ResolutionIndexPage,
        "hoc-tap-nghi-quyet",
        title="Học tập nghị quyết",
        intro="Tài liệu học tập, quán triệt nghị quyết dành cho đảng viên.",
    )
    deadline = timezone.localdate() + datetime.timedelta(days=45)
    child_page(
        index,
        ResolutionStudyPage,
        "nghi-quyet-12-nq-tu",
        title="Học tập Nghị quyết 12-NQ/TU về nâng cao chất lượng sinh hoạt chi bộ",
        document=ctx["documents"].get("12-NQ/TU"),
        summary="Nghị quyết đặt mục tiêu 100% chi bộ sinh hoạt thường kỳ đúng quy định, ứng dụng "
        "Sổ tay đảng viên điện tử trong điểm danh, biểu quyết và biên bản.",
        study_deadline=deadline,
        body=[
            ("heading", "Những điểm cốt lõi"),
            (
                "paragraph",
                "<ul><li>Đổi mới nội dung sinh hoạt theo loại hình chi bộ.</li>"
                "<li>Mỗi đảng viên đọc tài liệu trước buổi sinh hoạt.</li>"
                "<li>Biên bản được lập và phê duyệt ngay trên hệ thống.</li></ul>",
            ),
            ("heading", "Câu hỏi thảo luận"),
            (
                "paragraph",
                "<p>Chi bộ của đồng chí cần làm gì để buổi sinh hoạt thiết thực hơn?</p>",
            ),
        ],
    )
    child_page(
        index,
        ResolutionStudyPage,
        "chi-thi-08-ct-tu",
        title="Quán triệt Chỉ thị 08-CT/TU về bảo vệ bí mật nhà nước trên không gian mạng",
        document=ctx["documents"].get("08-CT/TU"),
        summary="Những việc đảng viên cần làm và không được làm khi đăng tải thông tin lên mạng.",
        study_deadline=deadline + datetime.timedelta(days=30),
        body=[
            (
                "paragraph",
                "<p>Không soạn thảo, lưu trữ tài liệu có nội dung bí mật nhà nước trên "
                "máy tính kết nối Internet.</p>",
            )
        ],
    )
