"""Demo news written for this project (not copied from any site)."""

import datetime

from cms.core.pages import child_page, demo_section

from .factories import NewsArticlePageFactory, NewsIndexPageFactory
from .models import NewsCategory

ARTICLES = [
    (
        "dong-nai-so-ket-quy-i-so-tay-dang-vien",
        "Đồng Nai sơ kết quý I việc sử dụng Sổ tay đảng viên điện tử",
        datetime.date(2024, 3, 26),
        "Ban Quản trị Sổ tay đảng viên điện tử tỉnh họp sơ kết quý I, đánh giá tỷ lệ đảng viên "
        "đăng nhập và đề ra nhiệm vụ quý II.",
        [
            "Sáng 25/3, Ban Quản trị Sổ tay đảng viên điện tử của Tỉnh ủy tổ chức hội nghị sơ kết "
            "quý I. Sau chín tháng vận hành, phần lớn các đảng bộ trực thuộc đã đưa sổ tay vào sinh "
            "hoạt chi bộ hằng tháng.",
            "Hội nghị đề nghị các đơn vị có tỷ lệ đảng viên đăng nhập dưới 60% rà soát từng chi bộ, "
            "hỗ trợ đảng viên lớn tuổi cài đặt và sử dụng ứng dụng, phấn đấu đến hết quý II tất cả "
            "đảng viên được cấp tài khoản đều đăng nhập.",
        ],
    ),
    (
        "cam-my-dan-dau-ty-le-dang-nhap",
        "Cẩm Mỹ dẫn đầu tỷ lệ đảng viên đăng nhập sổ tay điện tử",
        datetime.date(2024, 3, 20),
        "Đảng bộ huyện Cẩm Mỹ đạt tỷ lệ 98,7% đảng viên đăng nhập nhờ cách làm “cầm tay chỉ việc” "
        "tại từng chi bộ ấp.",
        [
            "Mỗi chi bộ ấp cử một đảng viên trẻ làm “người hỗ trợ số”, giúp các đồng chí lớn tuổi "
            "đăng nhập, đổi mật khẩu và đọc tài liệu sinh hoạt ngay trong buổi họp chi bộ.",
            "Bí thư Huyện ủy cho biết việc dùng sổ tay giúp tiết kiệm giấy in tài liệu và giúp đảng "
            "viên nắm nghị quyết kịp thời hơn.",
        ],
    ),
    (
        "hoi-nghi-hoc-tap-nghi-quyet-trung-uong",
        "Hội nghị học tập, quán triệt nghị quyết Trung ương cho cán bộ chủ chốt",
        datetime.date(2024, 3, 12),
        "Tỉnh ủy tổ chức hội nghị trực tuyến đến 14 điểm cầu đảng bộ trực thuộc để quán triệt "
        "nghị quyết mới.",
        [
            "Hội nghị được kết nối trực tuyến đến tất cả đảng bộ trực thuộc Tỉnh ủy. Tài liệu học "
            "tập được đăng tải đồng thời trên Sổ tay đảng viên điện tử để đảng viên nghiên cứu.",
            "Các chi bộ tổ chức thảo luận trong kỳ sinh hoạt thường kỳ tháng 4 và báo cáo kết quả "
            "về cấp ủy cấp trên.",
        ],
    ),
    (
        "guong-dien-hinh-bi-thu-chi-bo-ap",
        "Gương điển hình: nữ bí thư chi bộ ấp đưa sinh hoạt chi bộ lên điện thoại",
        datetime.date(2024, 2, 28),
        "Ở một ấp vùng sâu huyện Tân Phú, buổi sinh hoạt chi bộ giờ đây có điểm danh và biểu "
        "quyết ngay trên điện thoại.",
        [
            "Đồng chí bí thư chi bộ chuẩn bị tài liệu trước ba ngày, gửi thông báo để đảng viên đọc "
            "trước. Nhờ vậy thời gian họp ngắn hơn mà ý kiến đóng góp lại nhiều hơn.",
            "Chi bộ còn lập nhóm hỗ trợ những đảng viên chưa quen dùng điện thoại thông minh.",
        ],
    ),
    (
        "xay-dung-dang-ve-chinh-tri-tu-tuong",
        "Xây dựng Đảng về chính trị, tư tưởng: bắt đầu từ sinh hoạt chi bộ",
        datetime.date(2024, 2, 15),
        "Nâng cao chất lượng sinh hoạt chi bộ là nhiệm vụ thường xuyên của mỗi tổ chức cơ sở đảng.",
        [
            "Sinh hoạt chi bộ cần có nội dung thiết thực, gắn với nhiệm vụ chính trị của địa "
            "phương, đơn vị; tránh hình thức, đơn điệu.",
            "Việc chuẩn bị tài liệu sinh hoạt theo từng loại hình chi bộ giúp buổi họp đi vào trọng "
            "tâm và phát huy trí tuệ tập thể.",
        ],
    ),
    (
        "ho-tro-dang-vien-lon-tuoi",
        "Hỗ trợ đảng viên lớn tuổi làm quen với chuyển đổi số",
        datetime.date(2024, 1, 30),
        "Nhiều chi bộ khu dân cư mở lớp hướng dẫn ngắn ngay tại nhà văn hóa ấp.",
        [
            "Đảng viên cao tuổi được hướng dẫn phóng to chữ, đăng nhập bằng số thẻ đảng viên và "
            "đọc tài liệu khi mạng yếu.",
        ],
    ),
]


CATEGORIES = [
    ("xay-dung-dang", "Xây dựng Đảng", "Công tác xây dựng Đảng về chính trị, tư tưởng, tổ chức."),
    ("hoat-dong-co-so", "Hoạt động cơ sở", "Tin hoạt động của các tổ chức cơ sở đảng và chi bộ."),
    ("guong-dien-hinh", "Gương điển hình", "Những tập thể, cá nhân tiêu biểu trong Đảng bộ tỉnh."),
    ("chuyen-doi-so", "Chuyển đổi số", "Ứng dụng công nghệ trong hoạt động của tổ chức đảng."),
]

# slug → (category slugs, tags)
CLASSIFICATION = {
    "dong-nai-so-ket-quy-i-so-tay-dang-vien": (
        ["chuyen-doi-so", "xay-dung-dang"],
        ["sổ tay đảng viên", "tỷ lệ đăng nhập"],
    ),
    "cam-my-dan-dau-ty-le-dang-nhap": (
        ["hoat-dong-co-so", "chuyen-doi-so"],
        ["tỷ lệ đăng nhập", "Cẩm Mỹ"],
    ),
    "hoi-nghi-hoc-tap-nghi-quyet-trung-uong": (["xay-dung-dang"], ["học tập nghị quyết"]),
    "guong-dien-hinh-bi-thu-chi-bo-ap": (
        ["guong-dien-hinh", "hoat-dong-co-so"],
        ["sinh hoạt chi bộ", "chi bộ ấp"],
    ),
    "xay-dung-dang-ve-chinh-tri-tu-tuong": (["xay-dung-dang"], ["sinh hoạt chi bộ"]),
    "ho-tro-dang-vien-lon-tuoi": (
        ["hoat-dong-co-so", "chuyen-doi-so"],
        ["đảng viên lớn tuổi", "sổ tay đảng viên"],
    ),
}

QUOTE = {
    "dong-nai-so-ket-quy-i-so-tay-dang-vien": (
        "Mỗi đảng viên được cấp tài khoản phải đăng nhập và dùng sổ tay trong sinh hoạt chi bộ; "
        "đơn vị nào dưới 60% thì cấp ủy phải đi đến từng chi bộ.",
        "Kết luận của hội nghị sơ kết quý I",
    )
}


def seed(ctx):
    index = demo_section(
        ctx,
        "news_index",
        NewsIndexPageFactory,
        "Tin hoạt động của Đảng bộ tỉnh và các tổ chức cơ sở đảng.",
    )
    categories = {}
    for slug, name, description in CATEGORIES:
        categories[slug], _ = NewsCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    ctx["news_categories"] = categories
    ctx["news"] = {}
    for slug, title, date, lead, paragraphs in ARTICLES:
        body = [("paragraph", f"<p>{p}</p>") for p in paragraphs]
        if slug in QUOTE:
            text, attribution = QUOTE[slug]
            body.insert(1, ("quote", {"text": text, "attribution": attribution}))
        category_slugs, tags = CLASSIFICATION.get(slug, ([], []))
        page, created = child_page(
            index,
            NewsArticlePageFactory,
            slug,
            title=title,
            date=date,
            lead=lead,
            body=body,
            categories=[categories[c] for c in category_slugs],
        )
        if created and tags:
            page.tags.add(*tags)
            page.save_revision().publish()
        ctx["news"][slug] = page
