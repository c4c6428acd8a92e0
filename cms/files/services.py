"""Extract a document's text, store it, and re-index what shows it."""

import logging

from django.contrib.contenttypes.models import ContentType

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from .extraction import extract_text
from .validation import detect_kind

logger = logging.getLogger(__name__)


def pages_referencing(document):
    """Pages whose content links to ``document`` (StreamField blocks, rich
    text links, document choosers, inline attachment rows), from Wagtail's
    reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids])


def reindex_document_and_pages(document):
    """Refresh the search index entries of ``document`` and of every page
    that lists it, so the new text is found at once. A search backend that is
    down is logged, never raised: the upload itself has succeeded."""
    try:
        index.insert_or_update_object(document)
        for page in pages_referencing(document).specific():
            index.insert_or_update_object(page)
    except Exception:
        logger.warning(
            "Không cập nhật được chỉ mục tìm kiếm cho tài liệu %s", document.pk, exc_info=True
        )


def extract_and_store(document_id):
    """Extract the text of document ``document_id`` and save it.

    Returns ``(kind, has_text_layer, characters)``, or ``None`` when the
    document no longer exists.
    """
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return None
    with document.open_file() as fileobj:
        kind = detect_kind(fileobj)
        text, has_text_layer = extract_text(fileobj, kind)
    # update() rather than save(): nothing else about the document changed,
    # and save() would look for a new file again.
    Document.objects.filter(pk=document.pk).update(
        extracted_text=text, has_text_layer=has_text_layer
    )
    document.extracted_text = text
    document.has_text_layer = has_text_layer
    reindex_document_and_pages(document)
    return kind, has_text_layer, len(text)


def images_used_by(pages):
    """Images referenced by any of ``pages`` (a page queryset)."""
    Image = get_image_model()
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    image_ids = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
            to_content_type=ContentType.objects.get_for_model(Image),
        )
        .values_list("to_object_id", flat=True)
        .distinct()
    )
    return Image.objects.filter(pk__in=[int(pk) for pk in image_ids])


def place_renditions(images):
    """Drop the renditions of ``images`` that sit on the wrong side (a public
    file of an image that has become private, or the reverse); they are made
    again in the right folder when next shown. Called whenever a restriction
    or the pages using an image change, so that no public file of a private
    image outlives the change."""
    for image in images:
        private = image.is_private
        for rendition in image.renditions.all():
            if rendition.is_in_protected_folder != private:
                rendition.delete()  # Wagtail's post_delete removes the file and cache entry
