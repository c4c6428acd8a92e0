"""The admin document listing, with whether each file has a text layer."""

from functools import cached_property

from django.http import Http404

from wagtail.admin.ui.tables import Column
from wagtail.documents.views.documents import IndexView


class DocumentIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        columns.insert(3, Column("text_layer_label", label="Lớp chữ", width="16%"))
        return columns


def refuse_direct_media(request, path=""):
    """Document files are never served from MEDIA_URL: only through
    /documents/<id>/<name>, where the permission checks run."""
    raise Http404("Tài liệu chỉ tải qua /documents/.")
