"""The admin document listing, with whether each file has a text layer, and
the permission-checked image view."""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.decorators.vary import vary_on_cookie

from wagtail.admin.ui.tables import Column
from wagtail.documents.views.documents import IndexView
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from .permissions import refuse_image


class DocumentIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        columns.insert(3, Column("text_layer_label", label="Lớp chữ", width="16%"))
        return columns


class ProtectedImageServeView(ServeView):
    """Wagtail's dynamic image view (``/images/<signature>/<id>/<filter>/<name>``)
    with the same permission check as documents. Renditions of private images
    are only reachable here; the answer may be cached by the browser only."""

    @method_decorator(cache_control(max_age=300, private=True))
    @method_decorator(vary_on_cookie)
    def get(self, request, signature, image_id, filter_spec, filename=None):
        if not verify_signature(signature.encode(), image_id, filter_spec, key=self.key):
            raise PermissionDenied
        image = get_object_or_404(self.model, id=image_id)
        refusal = refuse_image(image, request)
        if refusal is not None:
            return refusal
        try:
            rendition = image.get_rendition(filter_spec)
        except SourceImageIOError:
            raise Http404("Không tìm thấy tệp ảnh.") from None
        except InvalidFilterSpecError:
            return HttpResponseBadRequest("Bộ lọc ảnh không hợp lệ.")
        return self.serve(rendition)
