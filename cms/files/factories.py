from django.core.files.base import ContentFile

from wagtail.models import Collection

import factory
from factory.django import DjangoModelFactory

from .models import ProtectedDocument, ProtectedImage
from .samples import build_pdf, build_png


class ProtectedDocumentFactory(DjangoModelFactory):
    """A document in the root collection (public) with a small Vietnamese PDF."""

    class Meta:
        model = ProtectedDocument

    title = factory.Sequence(lambda n: f"Tài liệu số {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda o: ContentFile(build_pdf([o.title, "Nội dung tài liệu mẫu."]), name="tai-lieu.pdf")
    )


class ProtectedImageFactory(DjangoModelFactory):
    """An image in the root collection (public): a small PNG."""

    class Meta:
        model = ProtectedImage

    title = factory.Sequence(lambda n: f"Ảnh minh họa số {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyFunction(lambda: ContentFile(build_png(), name="anh-minh-hoa.png"))
