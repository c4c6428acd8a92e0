"""English versions of a few pages, made the way an editor makes them (wagtail-localize).

Only some pages are translated; the others fall back to Vietnamese.
"""

from wagtail.models import Locale

from .translation import translate_page

HOME = {
    "Sổ tay đảng viên điện tử": "Electronic Party Member Handbook",
    "Trang thông tin nội bộ của Đảng bộ tỉnh Đồng Nai: tin tức, văn bản, bản tin, tài liệu sinh "
    "hoạt chi bộ và học tập nghị quyết cho mỗi đảng viên, mọi lúc, trên điện thoại.": (
        "The internal portal of the Đồng Nai Provincial Party Organisation: news, documents, "
        "bulletins, cell meeting materials and resolution study for every member, on the phone."
    ),
}
NEWS_INDEX = {
    "Tin tức": "News",
    "Tin hoạt động của Đảng bộ tỉnh và các tổ chức cơ sở đảng.": (
        "News from the Provincial Party Organisation and its grassroots organisations."
    ),
}
ARTICLE_SLUG = "dong-nai-so-ket-quy-i-so-tay-dang-vien"
ARTICLE = {
    "Đồng Nai sơ kết quý I việc sử dụng Sổ tay đảng viên điện tử": (
        "Đồng Nai reviews the first quarter of the Electronic Party Member Handbook"
    ),
    "Ban Quản trị Sổ tay đảng viên điện tử tỉnh họp sơ kết quý I, đánh giá tỷ lệ đảng viên đăng "
    "nhập và đề ra nhiệm vụ quý II.": (
        "The handbook's management board met to review the first quarter, assess the members' "
        "login rate and set the tasks for the second quarter."
    ),
    "Sáng 25/3, Ban Quản trị Sổ tay đảng viên điện tử của Tỉnh ủy tổ chức hội nghị sơ kết quý I. "
    "Sau chín tháng vận hành, phần lớn các đảng bộ trực thuộc đã đưa sổ tay vào sinh hoạt chi bộ "
    "hằng tháng.": (
        "On the morning of 25 March the management board of the Provincial Committee's electronic "
        "handbook held its first-quarter review. After nine months in service, most subordinate "
        "party committees use the handbook in their monthly cell meetings."
    ),
    "Hội nghị đề nghị các đơn vị có tỷ lệ đảng viên đăng nhập dưới 60% rà soát từng chi bộ, hỗ "
    "trợ đảng viên lớn tuổi cài đặt và sử dụng ứng dụng, phấn đấu đến hết quý II tất cả đảng viên "
    "được cấp tài khoản đều đăng nhập.": (
        "Units with a login rate under 60% were asked to review every cell and help older members "
        "install and use the application, so that by the end of the second quarter every member "
        "with an account has logged in."
    ),
}


def seed(ctx):
    english = Locale.objects.get(language_code="en")
    article = ctx.get("news", {}).get(ARTICLE_SLUG)
    if article is None or article.get_translation_or_none(english) is not None:
        return
    translate_page(ctx["home"], "en", HOME)
    translate_page(ctx["news_index"], "en", NEWS_INDEX)
    translate_page(article, "en", ARTICLE)
