"""The project's document model: uploads checked by content, text extracted.

Every attached file (PDF, DOCX, XLSX, PPTX, audio, video) is a
``ProtectedDocument``. Its extracted text feeds the state-secret screening
and the full-text look-up; ``has_text_layer`` tells a scanned PDF (no text to
extract, not an error) from one with text.
"""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from .validation import DOCUMENT_KINDS, check_upload


class ProtectedDocument(AbstractDocument):
    extracted_text = models.TextField("nội dung văn bản trích xuất", blank=True, editable=False)
    has_text_layer = models.BooleanField("có lớp chữ", null=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = "tài liệu"
        verbose_name_plural = "tài liệu"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_file_hash = instance.__dict__.get("file_hash")
        return instance

    def clean(self):
        if not self.file:
            return  # the form field already says the file is missing or refused
        super().clean()
        # A file given to the model directly (an import, a script) is checked
        # like an upload through the admin; a stored file was checked before.
        if self.file and not getattr(self.file, "_committed", True):
            try:
                check_upload(self.file, self.file.name, allowed=DOCUMENT_KINDS)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            self._set_document_file_metadata()
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not {"file", "file_hash"} & set(update_fields):
            return
        if self.file_hash and self.file_hash != getattr(self, "_saved_file_hash", None):
            self._saved_file_hash = self.file_hash
            from .tasks import extract_document_text

            extract_document_text.enqueue(self.pk)
            self.refresh_from_db(fields=["extracted_text", "has_text_layer"])

    @property
    def text_layer_label(self):
        """How the admin describes the file's text, for the listing and the edit form."""
        if self.has_text_layer is None:
            return "—"
        if self.has_text_layer:
            return "Có lớp chữ"
        return "Bản quét (không có lớp chữ)"
