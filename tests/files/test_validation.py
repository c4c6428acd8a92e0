"""check_upload: content decides, the extension must agree, size is capped."""

import io

from django.core.exceptions import ValidationError

import pytest

from cms.files.samples import build_docx, build_pdf, build_png
from cms.files.validation import IMAGE_KINDS, check_upload, detect_kind, format_size

from .helpers import EXE_BYTES, build_pptx, build_xlsx, build_zip


def refused(data, name, **kwargs):
    with pytest.raises(ValidationError) as caught:
        check_upload(io.BytesIO(data), name, **kwargs)
    return caught.value.messages[0]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("nghi-quyet.pdf", lambda: build_pdf(["Nghị quyết số 12-NQ/TW"]), "pdf"),
        ("huong-dan.docx", lambda: build_docx(["Hướng dẫn"]), "docx"),
        ("danh-sach.xlsx", lambda: build_xlsx([["Họ và tên", "Chi bộ"]]), "xlsx"),
        ("bai-giang.pptx", lambda: build_pptx(["Nghị quyết"]), "pptx"),
        ("anh.png", build_png, "png"),
        ("ANH.PNG", build_png, "png"),
    ],
)
def test_real_files_are_accepted_as_what_they_are(name, data, kind):
    fileobj = io.BytesIO(data())
    assert check_upload(fileobj, name) == kind
    assert fileobj.tell() == 0  # left ready for saving


def test_renamed_exe_is_refused_with_what_it_really_is():
    message = refused(EXE_BYTES, "x.pdf")
    assert message == (
        "Tệp “x.pdf” không phải PDF thật: nội dung là tệp chạy Windows (.exe). "
        "Hãy chọn đúng tệp PDF."
    )


def test_allowed_kind_under_the_wrong_extension_is_refused_with_advice():
    message = refused(build_docx(["Báo cáo"]), "bao-cao.pdf")
    assert "không phải PDF thật: nội dung là văn bản Word (.docx)" in message
    assert "đổi đuôi tệp thành .docx" in message


def test_plain_zip_named_docx_is_not_a_word_file():
    assert detect_kind(io.BytesIO(build_zip())) == "zip"
    assert "nội dung là tệp nén ZIP" in refused(build_zip(), "van-ban.docx")


def test_garbage_is_reported_as_unrecognised():
    message = refused(b"xin chao, day khong phai PDF" * 10, "tai-lieu.pdf")
    assert "không nhận ra định dạng của nội dung" in message


def test_extension_outside_the_list_is_refused():
    message = refused(EXE_BYTES, "setup.exe")
    assert message.startswith("Tệp “setup.exe” có đuôi .exe không được phép.")
    assert "PDF, DOCX, XLSX, PPTX, JPG, PNG, WebP, MP3, MP4" in message


def test_images_only_where_images_are_expected():
    message = refused(build_pdf(["x"]), "a.pdf", allowed=IMAGE_KINDS)
    assert "Chỉ nhận các định dạng: JPG, PNG, WebP." in message


def test_oversized_file_is_refused(settings):
    settings.UPLOAD_MAX_SIZE = 1024
    message = refused(b"%PDF-1.4" + b"0" * 2048, "lon.pdf")
    assert message.startswith("Tệp “lon.pdf” vượt quá dung lượng cho phép 1 KB")


def test_default_limit_is_50_mb(settings):
    assert settings.UPLOAD_MAX_SIZE == 50 * 1024 * 1024
    assert format_size(settings.UPLOAD_MAX_SIZE) == "50 MB"
    assert format_size(1536) == "1,5 KB"


def test_empty_file_is_refused():
    assert refused(b"", "rong.pdf") == "Tệp “rong.pdf” rỗng (0 byte)."
