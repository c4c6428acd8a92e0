"""The project's document model: uploads checked by content, text extracted.

Every attached file (PDF, DOCX, XLSX, PPTX, audio, video) is a
``ProtectedDocument``. Its extracted text feeds the state-secret screening
and the full-text look-up; ``has_text_layer`` tells a scanned PDF (no text to
extract, not an error) from one with text.
"""

import os

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.images.utils import generate_signature
from wagtail.search import index

from .permissions import has_view_restriction
from .tasks import extract_document_text
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


# Where image files live. Originals are never shown on the public site (pages
# show renditions), so they sit with the private files; renditions of an
# image that is public are cheap static media, those of a private image live
# in their own folder that no web server exposes and are served by
# /images/<signature>/<id>/<filter>/<name> after the permission check.
PUBLIC_RENDITIONS = "images"
PROTECTED_RENDITIONS = "protected_images"


class ProtectedImage(AbstractImage):
    """An image that is as private as the pages using it and its collection.

    Images are public (renditions served as media, no request reaches
    Django) unless their collection has a view restriction or a page that
    references them has one (on itself or an ancestor: ``/ban-tin/``), the
    same rule as for documents (``cms/files/permissions.py``).
    """

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = "hình ảnh"
        verbose_name_plural = "hình ảnh"
        permissions = [("choose_protectedimage", "Can choose image")]

    @cached_property
    def is_private(self):
        return has_view_restriction(self)

    def get_rendition(self, filter):
        rendition = super().get_rendition(filter)
        if rendition.is_in_protected_folder != self.is_private:
            # The image changed sides since this rendition was made (a
            # members-only page now uses it, or none does any more): drop the
            # file (Wagtail's post_delete removes it and its cache entry) and
            # make it again in the right folder.
            rendition.delete()
            self._prefetched_objects_cache = {}
            self.__dict__.pop("prefetched_renditions", None)
            rendition = super().get_rendition(filter)
        return rendition


class ProtectedRendition(AbstractRendition):
    image = models.ForeignKey(ProtectedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @property
    def is_in_protected_folder(self):
        return self.file.name.startswith(f"{PROTECTED_RENDITIONS}/")

    def get_upload_to(self, filename):
        folder = PROTECTED_RENDITIONS if self.image.is_private else PUBLIC_RENDITIONS
        return os.path.join(folder, self.file.field.storage.get_valid_name(filename))

    @property
    def url(self):
        if not self.image.is_private:
            return self.file.url
        # Wagtail's signed dynamic-image URL, answered by
        # cms.files.views.ProtectedImageServeView after the permission check.
        signature = generate_signature(self.image.pk, self.filter_spec)
        path = reverse("wagtailimages_serve", args=(signature, self.image.pk, self.filter_spec))
        return path + os.path.basename(self.file.name)
