"""Admin upload forms for documents and images that check files by content.

Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and ``WAGTAILIMAGES_IMAGE_FORM_BASE``,
so they also serve the multiple-upload views. The file field's class is
extended in place (Wagtail builds the form with its own field classes) so
that our check runs first and its Vietnamese message is the one shown; the
size limit is ours (``UPLOAD_MAX_SIZE``) instead of Wagtail's.
"""

from django.conf import settings
from django.core.validators import EMPTY_VALUES

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .validation import (
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    KINDS,
    allowed_labels,
    check_upload,
    format_size,
)

_checked_field_classes = {}


class ContentCheckedFileMixin:
    allowed_kinds = ()

    def to_python(self, data):
        if data not in EMPTY_VALUES and hasattr(data, "read"):
            check_upload(data, getattr(data, "name", ""), allowed=self.allowed_kinds)
        return super().to_python(data)


def check_file_field(field, allowed_kinds):
    base = type(field)
    if base not in _checked_field_classes:
        _checked_field_classes[base] = type(
            f"ContentChecked{base.__name__}", (ContentCheckedFileMixin, base), {}
        )
    field.__class__ = _checked_field_classes[base]
    field.allowed_kinds = allowed_kinds
    field.max_upload_size = None  # our check owns the limit and its message
    field.help_text = (
        f"Định dạng: {allowed_labels(allowed_kinds)} (kiểm tra theo nội dung tệp, không chỉ "
        f"theo đuôi). Dung lượng tối đa: {format_size(settings.UPLOAD_MAX_SIZE)}."
    )
    field.widget.attrs["accept"] = ",".join(
        f".{ext}" for kind in allowed_kinds for ext in KINDS[kind][1]
    )


class CheckedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            check_file_field(self.fields["file"], DOCUMENT_KINDS)
            if self.instance.pk and self.instance.has_text_layer is not None:
                self.fields["file"].help_text += (
                    f" Tệp hiện tại: {self.instance.text_layer_label.lower()}."
                    + (
                        " Không trích được chữ để tra cứu và rà soát; nên đính kèm thêm bản có lớp chữ."
                        if self.instance.has_text_layer is False
                        else ""
                    )
                )


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            check_file_field(self.fields["file"], IMAGE_KINDS)
