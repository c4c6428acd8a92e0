"""Uploads through the Wagtail admin (single and multiple) are checked by content."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest

from cms.files.models import ProtectedDocument
from cms.files.samples import build_docx, build_pdf, build_png

from .helpers import EXE_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, users):
    client.force_login(users["quantri"])
    return client


def add_document(client, name, data, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tệp thử",
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def test_renamed_exe_as_pdf_is_refused_in_the_admin(admin_client):
    before = ProtectedDocument.objects.count()
    response = add_document(admin_client, "x.pdf", EXE_BYTES, "application/pdf")
    assert response.status_code == 200  # the form again, with the reason
    assert response.context["form"].errors["file"] == [
        "Tệp “x.pdf” không phải PDF thật: nội dung là tệp chạy Windows (.exe). "
        "Hãy chọn đúng tệp PDF."
    ]
    assert "không phải PDF thật" in response.content.decode()
    assert ProtectedDocument.objects.count() == before


def test_oversized_upload_is_refused_in_the_admin(admin_client, settings):
    settings.UPLOAD_MAX_SIZE = 2048
    data = build_pdf(["Tài liệu dài"] * 200)
    assert len(data) > 2048
    before = ProtectedDocument.objects.count()
    response = add_document(admin_client, "dai.pdf", data)
    [message] = response.context["form"].errors["file"]
    assert message.startswith("Tệp “dai.pdf” vượt quá dung lượng cho phép 2 KB")
    assert ProtectedDocument.objects.count() == before


@pytest.mark.parametrize(
    ("name", "data", "has_text_layer", "phrase"),
    [
        (
            "nghi-quyet.pdf",
            lambda: build_pdf(["Nghị quyết về xây dựng Đảng"]),
            True,
            "xây dựng Đảng",
        ),
        ("huong-dan.docx", lambda: build_docx(["Hướng dẫn sinh hoạt chi bộ"]), True, "sinh hoạt"),
    ],
)
def test_good_documents_are_accepted_and_their_text_extracted(
    admin_client, name, data, has_text_layer, phrase
):
    response = add_document(admin_client, name, data())
    assert response.status_code == 302
    document = ProtectedDocument.objects.get(file__endswith=name.rsplit(".", 1)[1], title="Tệp thử")
    assert document.has_text_layer is has_text_layer
    assert phrase in document.extracted_text


def test_multiple_upload_refuses_a_renamed_exe(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("bien-ban.docx", EXE_BYTES)},
    )
    payload = response.json()
    assert payload["success"] is False
    assert (
        "Tệp “bien-ban.docx” không phải DOCX thật: nội dung là tệp chạy Windows (.exe)"
        in (payload["error_message"])
    )


def test_multiple_upload_accepts_a_real_docx(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("ke-hoach.docx", build_docx(["Kế hoạch năm"])),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.json()["success"] is True
    document = ProtectedDocument.objects.get(pk=response.json()["doc_id"])
    assert "Kế hoạch năm" in document.extracted_text


def test_image_upload_refuses_a_renamed_exe_and_accepts_a_png(admin_client):
    Image = get_image_model()
    before = Image.objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "file": SimpleUploadedFile("anh.png", EXE_BYTES),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert (
        response.context["form"]
        .errors["file"][0]
        .startswith("Tệp “anh.png” không phải PNG thật: nội dung là tệp chạy Windows (.exe)")
    )
    assert Image.objects.count() == before
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "file": SimpleUploadedFile("anh.png", build_png()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert Image.objects.count() == before + 1


def test_multiple_image_upload_refuses_a_pdf(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("anh.jpg", build_pdf(["x"]))},
    )
    payload = response.json()
    assert payload["success"] is False
    assert "không phải JPG thật: nội dung là tài liệu PDF" in payload["error_message"]


def test_model_clean_checks_files_given_directly():
    document = ProtectedDocument(
        title="Nhập từ hệ thống cũ",
        collection=Collection.get_first_root_node(),
        file=ContentFile(EXE_BYTES, name="nhap.pdf"),
    )
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert caught.value.message_dict["file"] == [
        "Tệp “nhap.pdf” không phải PDF thật: nội dung là tệp chạy Windows (.exe). "
        "Hãy chọn đúng tệp PDF."
    ]


def test_upload_form_explains_the_rules_in_vietnamese(admin_client):
    body = admin_client.get(reverse("wagtaildocs:add")).content.decode()
    assert "Định dạng: PDF, DOCX, XLSX, PPTX, MP3, MP4 (kiểm tra theo nội dung tệp" in body
    assert "Dung lượng tối đa: 50 MB." in body
