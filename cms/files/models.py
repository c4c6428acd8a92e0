"""The project's document model: uploads checked by content, text extracted.

Every attached file (PDF, DOCX, XLSX, PPTX, audio, video) is a
``ProtectedDocument``. Its extracted text feeds the state-secret screening
and the full-text look-up; ``has_text_layer`` tells a scanned PDF (no text to
extract, not an error) from one with text.
"""

from django.db import models

from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index


class ProtectedDocument(AbstractDocument):
    extracted_text = models.TextField("nội dung văn bản trích xuất", blank=True, editable=False)
    has_text_layer = models.BooleanField("có lớp chữ", null=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = "tài liệu"
        verbose_name_plural = "tài liệu"
