"""Decompression bombs (issue #15, item 8): a 35 KB DOCX holding 10 MB of XML.

Refused at upload from the ZIP directory alone (no XML is inflated), never
parsed by the extraction task if it got stored some other way, and no
document keeps more than ``EXTRACTED_TEXT_MAX_CHARS`` characters of text.
"""

import io
import time
import tracemalloc
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from cms.files.extraction import extract_text
from cms.files.models import ProtectedDocument
from cms.files.samples import build_docx
from cms.files.validation import check_upload

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bomb_docx(xml_bytes=10 * 1024 * 1024):
    """A real DOCX whose ``word/document.xml`` is ``xml_bytes`` of repeated paragraphs."""
    paragraph = "<w:p><w:r><w:t>Nghị quyết Đại hội lần thứ XI</w:t></w:r></w:p>"
    count = xml_bytes // len(paragraph.encode())
    xml = f'<w:document xmlns:w="{W}"><w:body>{paragraph * count}</w:body></w:document>'
    source = zipfile.ZipFile(io.BytesIO(build_docx(["Tệp mồi"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else source.read(info)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb():
    data = bomb_docx()
    assert len(data) < 100 * 1024  # tens of KB on the wire (docx template thumbnail included) …
    return data


def _measure(function):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = function()
    finally:
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, elapsed, peak


def test_bomb_is_refused_before_anything_is_inflated(bomb):
    def check():
        with pytest.raises(ValidationError) as error:
            check_upload(io.BytesIO(bomb), "nghi-quyet.docx")
        return error.value

    error, elapsed, peak = _measure(check)
    [message] = error.messages
    assert message.startswith("Tệp “nghi-quyet.docx” bị nén bất thường")
    assert "word/document.xml" in message
    assert "bom giải nén" in message
    assert elapsed < 0.5
    assert peak < 5 * 1024 * 1024  # … and never 150 MB in the request


def test_an_archive_that_unpacks_too_far_is_refused(settings):
    settings.UPLOAD_MAX_UNPACKED_SIZE = 64 * 1024
    data = build_docx(["Kế hoạch học tập nghị quyết"] * 3000)
    with pytest.raises(ValidationError) as error:
        check_upload(io.BytesIO(data), "ke-hoach.docx")
    assert "khi giải nén lớn tới" in error.value.messages[0]
    assert "vượt giới hạn 64 KB" in error.value.messages[0]


def test_ordinary_office_files_still_pass():
    data = build_docx([f"Đoạn {n}: đảng viên học tập nghị quyết" for n in range(2000)])
    assert check_upload(io.BytesIO(data), "binh-thuong.docx") == "docx"


@pytest.mark.django_db
def test_bomb_upload_in_the_admin_is_refused_in_vietnamese(client, users, bomb):
    client.force_login(users["quantri"])
    before = ProtectedDocument.objects.count()
    started = time.perf_counter()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bom",
            "file": SimpleUploadedFile("bom.docx", bomb),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert time.perf_counter() - started < 3
    assert response.status_code == 200
    [message] = response.context["form"].errors["file"]
    assert "bom giải nén" in message
    assert ProtectedDocument.objects.count() == before


def test_extraction_never_parses_a_bomb(bomb):
    (text, has_text_layer), elapsed, peak = _measure(lambda: extract_text(io.BytesIO(bomb), "docx"))
    assert (text, has_text_layer) == ("", None)  # unknown text, not an error
    assert elapsed < 0.5
    assert peak < 5 * 1024 * 1024


def test_extraction_skips_too_much_xml(settings):
    settings.EXTRACTION_MAX_XML_BYTES = 32 * 1024
    data = build_docx([f"Đoạn {n}: nội dung văn bản" for n in range(3000)])
    assert extract_text(io.BytesIO(data), "docx") == ("", None)


@pytest.mark.django_db
def test_stored_text_is_capped(settings):
    """A document stored without the upload check (an import, a script) keeps capped text."""
    settings.EXTRACTED_TEXT_MAX_CHARS = 1000
    data = build_docx([f"Đoạn {n}: đảng viên học tập nghị quyết" for n in range(500)])
    document = ProtectedDocument(title="Dài", file=ContentFile(data, name="dai.docx"))
    document.save()
    document.refresh_from_db()
    assert document.has_text_layer is True
    assert len(document.extracted_text) == 1000
    assert document.extracted_text.startswith("Đoạn 0: đảng viên học tập nghị quyết")


@pytest.mark.django_db
def test_stored_bomb_gets_no_text():
    document = ProtectedDocument(title="Bom", file=ContentFile(bomb_docx(), name="bom.docx"))
    started = time.perf_counter()
    document.save()
    assert time.perf_counter() - started < 2
    document.refresh_from_db()
    assert (document.extracted_text, document.has_text_layer) == ("", None)
