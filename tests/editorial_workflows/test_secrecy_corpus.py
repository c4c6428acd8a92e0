"""The state-secret scanner against a corpus of Vietnamese snippets.

Positives are stamps, levels, labels and classified numbers written the ways
people write them (capitals, no diacritics, brackets, own line); negatives are
everyday sentences with "mật" inside ordinary words and prose about secrecy.
Every positive must be found with the expected marking, and not a single
negative may be flagged.
"""

import unicodedata

import pytest

from editorial_workflows.secrecy import scan

NUMBERS = ["12-NQ/TW", "05-CT/TU", "147/BC-BTGTU"]

# (snippet, expected marking among the findings)
POSITIVES = [
    ("MẬT\nBáo cáo tình hình an ninh quý III", "MẬT"),
    ("TỈNH ỦY ĐỒNG NAI                    MẬT\nSố 12-BC/TU", "MẬT"),
    ("Tài liệu này có độ TỐI MẬT, không phổ biến.", "TỐI MẬT"),
    ("TUYỆT MẬT", "TUYỆT MẬT"),
    ("Phương án bảo vệ – tối mật – lưu hành nội bộ", "TỐI MẬT"),
    ("Bản sao số 02 (Tuyệt mật)", "TUYỆT MẬT"),
    ("Độ mật: Mật", "Độ mật: MẬT"),
    ("Độ mật: Tối mật", "Độ mật: TỐI MẬT"),
    ("ĐỘ MẬT: TUYỆT MẬT", "Độ mật: TUYỆT MẬT"),
    ("Do mat: Toi mat", "Độ mật: TỐI MẬT"),
    ("do mat: mat", "Độ mật: MẬT"),
    ("Độ mật Tối mật — Số 07", "Độ mật: TỐI MẬT"),
    ("Độ mật:", "Độ mật"),
    ("TOI MAT\nKe hoach bao dam an ninh", "TỐI MẬT"),
    ("tai lieu TUYET MAT, chi doc tai cho", "TUYỆT MẬT"),
    ("Dấu chỉ độ mật đóng ở góc: [MẬT]", "MẬT"),
    ("Văn bản (mật) gửi các đồng chí Thường trực", "MẬT"),
    ("«Mật» — chỉ lưu hành trong Ban Thường vụ", "MẬT"),
    ("Mật\nKính gửi: Ban Thường vụ Tỉnh ủy", "MẬT"),
    ("  - MAT -  \nBao cao nhanh", "MẬT"),
    ("Đây là TÀI LIỆU MẬT của cơ quan", "MẬT"),
    ("THÔNG TIN MẬT KHÔNG ĐƯỢC SAO CHỤP", "MẬT"),
    ("Căn cứ Nghị quyết số 12-NQ/TW của Bộ Chính trị", "Số 12-NQ/TW"),
    ("căn cứ nghị quyết 12 - nq / tw ngày 03/6", "Số 12-NQ/TW"),
    ("Thực hiện Chỉ thị 05-CT/TƯ của Tỉnh ủy", "Số 05-CT/TU"),
    ("theo báo cáo số 147/BC-BTGTU", "Số 147/BC-BTGTU"),
    ("THEO CHI THI 05 CT TU", "Số 05-CT/TU"),
    ("Tối Mật", "TỐI MẬT"),
    ("ĐỘ MẬT\nTỐI MẬT", "Độ mật"),
]

NEGATIVES = [
    "Đảng viên cần đổi mật khẩu định kỳ để bảo vệ tài khoản.",
    "Quan hệ mật thiết giữa Đảng với nhân dân là cội nguồn sức mạnh.",
    "Hợp tác xã nuôi ong lấy mật ở Tân Phú được mùa.",
    "Mật ong rừng Định Quán là sản phẩm OCOP của tỉnh.",
    "Chỉ thị về tăng cường bảo vệ bí mật nhà nước trên không gian mạng.",
    "Bà con kể cho nhau nghe bí mật của món canh chua ngon.",
    "Mật độ dân số của thành phố Biên Hòa cao nhất tỉnh.",
    "Không khí buổi gặp mặt thân mật, ấm cúng.",
    "Chiến sĩ tình báo dùng mật mã để liên lạc trong kháng chiến.",
    "Cán bộ phải nghiêm túc thực hiện quy định về công tác bảo mật thông tin.",
    "Lễ ra mắt chi bộ mới thành lập diễn ra sáng nay.",
    "Đồng chí bí thư đã có mặt đầy đủ tại hội trường.",
    "Nhiều gia đình bị mất mùa vì hạn hán.",
    "Khí hậu mát mẻ quanh năm thuận lợi cho cây trồng.",
    "Xưởng gỗ thu gom mạt cưa làm phân bón.",
    "BẢO VỆ BÍ MẬT NHÀ NƯỚC LÀ TRÁCH NHIỆM CỦA MỖI ĐẢNG VIÊN",
    "HƯỚNG DẪN ĐỔI MẬT KHẨU TRÊN SỔ TAY ĐẢNG VIÊN",
    "MẬT ĐỘ GIAO THÔNG TĂNG MẠNH DỊP TẾT",
    "CÔNG TÁC BẢO MẬT TRONG CƠ QUAN ĐẢNG",
    "Doi mat khau ngay sau lan dang nhap dau tien.",
    "Ông bị sỏi mật nên phải nằm viện một tuần.",
    "Người dân quý mến, gắn bó mật thiết với chính quyền.",
    "Không để lộ lọt bí mật khi dùng mạng xã hội.",
    "Bộ đội phục kích, mật phục suốt đêm trong rừng.",
    "Cấp ủy xác định độ mật của văn bản theo quy định.",
    "Buổi tối, mọi người tập trung ở nhà văn hóa ấp.",
    "Tôi mất chìa khóa nên về muộn.",
    "Tuyệt vời! Chi bộ ấp 2 về đích sớm.",
    "Kết quả thực hiện Nghị quyết 12-NQ/TU về sinh hoạt chi bộ.",
    "Số điện thoại 0912 05 1234 của đồng chí bí thư.",
    "Mía đường và mật rỉ là nguyên liệu của nhà máy.",
    "Giải mật hồ sơ lưu trữ theo đúng quy trình.",
]


def test_corpus_sizes():
    assert len(POSITIVES) >= 25
    assert len(NEGATIVES) >= 25


@pytest.mark.parametrize(("snippet", "marking"), POSITIVES)
def test_positive_snippet_is_flagged(snippet, marking):
    findings = scan(snippet, numbers=NUMBERS)
    assert marking in [f.marking for f in findings], findings


@pytest.mark.parametrize("snippet", NEGATIVES)
def test_negative_snippet_is_clean(snippet):
    assert scan(snippet, numbers=NUMBERS) == []


def test_finding_positions_and_context():
    text = "Báo cáo gửi Ban Thường vụ. Nội dung: TỐI MẬT. Đề nghị các đồng chí nghiên cứu."
    [finding] = scan(text, numbers=[])
    assert text[finding.start : finding.end] == "TỐI MẬT"
    assert finding.text == "TỐI MẬT"
    assert finding.kind == "level"
    assert "Nội dung: TỐI MẬT" in finding.context


def test_clean_text_and_empty_input():
    assert scan("") == []
    assert scan("Chi bộ sinh hoạt thường kỳ vào ngày 5 hằng tháng.", numbers=NUMBERS) == []


def test_numbers_come_from_the_setting(settings):
    settings.SECRECY_CLASSIFIED_NUMBERS = ["88-KL/TU"]
    assert [f.marking for f in scan("Theo Kết luận 88 KL TU ngày 1/1")] == ["Số 88-KL/TU"]
    assert scan("Theo Kết luận 188-KL/TU ngày 1/1") == []


def test_decomposed_input_is_normalised():
    text = unicodedata.normalize("NFD", "Văn bản TỐI MẬT")
    assert [f.marking for f in scan(text, numbers=[])] == ["TỐI MẬT"]
