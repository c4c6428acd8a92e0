"""Text extraction: real PDFs and DOCX built here, stored on upload, re-indexed."""

import io
import unicodedata

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from cms.files import services
from cms.files.extraction import extract_text
from cms.files.factories import ProtectedDocumentFactory
from cms.files.models import ProtectedDocument
from cms.files.samples import build_docx, build_pdf, build_png, build_scanned_pdf

from .helpers import build_pptx, build_xlsx

VIETNAMESE = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Đồng Nai lần thứ XI"


def test_pdf_text_in_vietnamese_is_extracted_and_nfc():
    text, has_text_layer = extract_text(io.BytesIO(build_pdf([VIETNAMESE, "Số 04-ĐA/TU"])), "pdf")
    assert has_text_layer is True
    assert VIETNAMESE in text
    assert "04-ĐA/TU" in text
    assert unicodedata.is_normalized("NFC", text)


def test_decomposed_input_comes_out_composed():
    decomposed = unicodedata.normalize("NFD", "Đảng viên học tập nghị quyết")
    text, _ = extract_text(io.BytesIO(build_docx([decomposed])), "docx")
    assert text == "Đảng viên học tập nghị quyết"


def test_scanned_pdf_has_no_text_layer_and_is_not_an_error():
    text, has_text_layer = extract_text(io.BytesIO(build_scanned_pdf()), "pdf")
    assert (text, has_text_layer) == ("", False)


def test_docx_paragraphs_and_tables_in_order():
    data = build_docx(
        ["Kế hoạch học tập nghị quyết", "Thời gian: quý I"],
        table_rows=[["Chi bộ", "Số đảng viên"], ["Ấp 1", "25"]],
    )
    text, has_text_layer = extract_text(io.BytesIO(data), "docx")
    assert has_text_layer is True
    assert text.splitlines() == [
        "Kế hoạch học tập nghị quyết",
        "Thời gian: quý I",
        "Chi bộ | Số đảng viên",
        "Ấp 1 | 25",
    ]


def test_xlsx_and_pptx_text():
    text, _ = extract_text(
        io.BytesIO(build_xlsx([["Họ và tên", "Chi bộ"], ["Trần Văn An", "Ấp 2"]])), "xlsx"
    )
    assert "Trần Văn An | Ấp 2" in text
    text, _ = extract_text(io.BytesIO(build_pptx(["Những điểm mới", "Câu hỏi"])), "pptx")
    assert text.splitlines() == ["Những điểm mới", "Câu hỏi"]


def test_media_have_no_text_layer():
    assert extract_text(io.BytesIO(build_png()), "png") == ("", None)


def test_damaged_pdf_gives_unknown_not_an_exception():
    assert extract_text(io.BytesIO(b"%PDF-1.4\n garbage"), "pdf") == ("", None)


@pytest.mark.django_db
def test_saving_a_document_extracts_its_text():
    document = ProtectedDocumentFactory(
        file=ContentFile(build_pdf([VIETNAMESE]), name="nghi-quyet.pdf")
    )
    stored = ProtectedDocument.objects.get(pk=document.pk)
    assert VIETNAMESE in stored.extracted_text
    assert stored.has_text_layer is True
    assert stored.file_hash


@pytest.mark.django_db
def test_scanned_document_is_marked_and_shown_as_such_in_the_admin(client, users):
    document = ProtectedDocumentFactory(
        title="Công văn bản quét", file=ContentFile(build_scanned_pdf(), name="cong-van.pdf")
    )
    document.refresh_from_db()
    assert document.has_text_layer is False
    assert document.extracted_text == ""
    client.force_login(users["quantri"])
    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    assert "Lớp chữ" in listing
    assert "Bản quét (không có lớp chữ)" in listing
    edit = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Tệp hiện tại: bản quét (không có lớp chữ)." in edit


@pytest.mark.django_db
def test_replacing_the_file_re_extracts_but_a_plain_save_does_not(monkeypatch):
    document = ProtectedDocumentFactory(file=ContentFile(build_pdf(["Bản cũ"]), name="a.pdf"))
    calls = []
    original = services.extract_and_store
    monkeypatch.setattr(
        "cms.files.tasks.extract_and_store", lambda pk: calls.append(pk) or original(pk)
    )
    document = ProtectedDocument.objects.get(pk=document.pk)
    document.title = "Đổi tên"
    document.save()
    assert calls == []
    document.file = ContentFile(build_docx(["Bản mới thay thế"]), name="b.docx")
    document.save()
    assert calls == [document.pk]
    document.refresh_from_db()
    assert document.extracted_text == "Bản mới thay thế"


@pytest.mark.django_db
def test_extraction_reindexes_the_document_and_pages_that_list_it(
    monkeypatch, members_page_linking
):
    document = ProtectedDocumentFactory()
    page = members_page_linking(document)
    assert list(services.pages_referencing(document)) == [page.page_ptr]
    indexed = []
    monkeypatch.setattr(services.index, "insert_or_update_object", lambda obj: indexed.append(obj))
    document.file = ContentFile(build_pdf(["Toàn văn bản tin tháng một"]), name="ban-tin.pdf")
    document.save()
    assert document in indexed
    assert page in indexed
    assert (
        "Toàn văn bản tin tháng một" in ProtectedDocument.objects.get(pk=document.pk).extracted_text
    )


@pytest.mark.django_db
def test_reindex_survives_a_search_backend_failure(monkeypatch):
    def broken(obj):
        raise ConnectionError("search down")

    monkeypatch.setattr(services.index, "insert_or_update_object", broken)
    document = ProtectedDocumentFactory(file=ContentFile(build_pdf(["Vẫn lưu được"]), name="c.pdf"))
    assert "Vẫn lưu được" in ProtectedDocument.objects.get(pk=document.pk).extracted_text
