from django.core.files.base import ContentFile

from wagtail.models import Collection

import factory
from factory.django import DjangoModelFactory

from .models import ProtectedDocument
from .samples import build_pdf


class ProtectedDocumentFactory(DjangoModelFactory):
    """A document in the root collection (public) with a small Vietnamese PDF."""

    class Meta:
        model = ProtectedDocument

    title = factory.Sequence(lambda n: f"Tài liệu số {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda o: ContentFile(build_pdf([o.title, "Nội dung tài liệu mẫu."]), name="tai-lieu.pdf")
    )
