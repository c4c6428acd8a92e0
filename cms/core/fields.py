"""Model fields that several apps declare the same way."""

from django.conf import settings
from django.db import models

from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


def _optional_link(model_string, verbose_name, **kwargs):
    options = {"null": True, "blank": True, "on_delete": models.SET_NULL, "related_name": "+"}
    return models.ForeignKey(model_string, verbose_name=verbose_name, **options | kwargs)


def optional_document(verbose_name, **kwargs):
    """An optional link to one file of the document library (kept if the file goes)."""
    return _optional_link(get_document_model_string(), verbose_name, **kwargs)


def optional_image(verbose_name, **kwargs):
    """An optional link to one image of the image library."""
    return _optional_link(get_image_model_string(), verbose_name, **kwargs)


def by_user(**options):
    """Who did it (created, reviewed, answered, approved): an account, kept when it goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", **options
    )
