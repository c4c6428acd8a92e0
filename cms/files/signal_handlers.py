"""Keep image files on the right side when what makes them private changes:
a page using them is published, a page or collection restriction is added
or removed, an image moves to another collection."""

from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .services import images_used_by, place_renditions


def page_changed(sender, instance, **kwargs):
    place_renditions(images_used_by(Page.objects.filter(pk=instance.pk)))


def page_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone when the page itself is deleted
        place_renditions(images_used_by(page.get_descendants(inclusive=True)))


def collection_restriction_changed(sender, instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        collections = collection.get_descendants(inclusive=True)
        place_renditions(get_image_model().objects.filter(collection__in=collections))


def image_saved(sender, instance, created, **kwargs):
    if not created:
        instance.__dict__.pop("is_private", None)
        place_renditions([instance])


def register():
    page_published.connect(page_changed, dispatch_uid="files_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="files_page_unpublished")
    for signal in (post_save, post_delete):
        signal.connect(
            page_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"files_pvr_{signal}"
        )
        signal.connect(
            collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"files_cvr_{signal}",
        )
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="files_image_saved")
