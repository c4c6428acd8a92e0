"""Demo collections: "Bản tin nội bộ" is members only (login required).

Files uploaded there (bulletin PDFs, cell materials) are refused to
anonymous visitors even before a page links to them.
"""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from .samples import build_pdf

MEMBERS_COLLECTION = "Bản tin nội bộ"

SAMPLE_LINES = [
    "BAN TUYÊN GIÁO TỈNH ỦY ĐỒNG NAI",
    "Bản tin thông báo nội bộ – tài liệu mẫu",
    "Tài liệu dùng trong sinh hoạt chi bộ; không phổ biến ra ngoài.",
    "Tình hình kinh tế – xã hội của tỉnh tiếp tục ổn định.",
]


def members_collection():
    """The members-only collection, created (with its login restriction) if missing."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBERS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=MEMBERS_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def seed(ctx):
    collection = members_collection()
    ctx["members_collection"] = collection
    Document = get_document_model()
    title = "Bản tin thông báo nội bộ (mẫu)"
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file = ContentFile(
            build_pdf(SAMPLE_LINES, title=title), name="ban-tin-noi-bo-mau.pdf"
        )
        document.full_clean()
        document.save()
    ctx["sample_bulletin_document"] = document
