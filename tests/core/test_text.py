"""All the text of a page, read once for the search index, the screening and the importer."""

from types import SimpleNamespace

import pytest

from cms.core.text import page_text, page_text_parts
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def test_title_fields_stream_text_and_files_in_order(monkeypatch):
    news = NewsIndexPage.objects.get(depth=3, slug="tin-tuc", locale__language_code="vi")
    page = NewsArticlePageFactory(
        parent=news,
        title="Hội nghị sơ kết",
        lead="Sa-pô &amp; <b>tóm tắt</b>",
        body=[
            ("heading", "Kết quả"),
            ("paragraph", "<p>Dòng một</p><p>MẬT</p>"),
            ("quote", {"text": "Dân là gốc.", "attribution": "Bác Hồ"}),
        ],
    )
    attached = SimpleNamespace(title="Phụ lục", extracted_text="Nội dung phụ lục")
    monkeypatch.setattr(NewsArticlePage, "attached_documents", lambda self: [attached])
    parts = page_text_parts(page)
    assert [(p.field, p.label) for p in parts][:2] == [("title", "Tiêu đề"), ("lead", "Sa-pô")]
    body = next(p.text for p in parts if p.field == "body")
    # One line per block, so a stamp stays on a line of its own.
    assert "Kết quả" in body and "\nMẬT\n" in body and "Dân là gốc." in body
    assert [p.text for p in parts if p.label == "Tệp đính kèm: Phụ lục"] == [
        "Phụ lục",
        "Nội dung phụ lục",
    ]
    # Plain text fields are read as written (the screening must see "<MẬT>" as typed).
    assert "<b>tóm tắt</b>" in page_text(page)
    assert "Hội nghị sơ kết" not in page_text(page, skip={"title"})
    # Another reader of files: the screening opens files whose text is not stored yet.
    assert "ĐỌC TỪ TỆP" in page_text(page, document_text=lambda d: "ĐỌC TỪ TỆP")
