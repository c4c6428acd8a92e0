"""Bump the content version on every change an anonymous page can show.

Per-URL purging would have to know every page a change shows up on (the home
page and index pages list new articles, the footer shows the site settings,
tag and feed pages, the /en/ fallbacks…); one site-wide number is exact by
construction, and the cache in front checks it at most once a second per URL.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from .models import ContentVersion


def _watched_models():
    """Models whose rows appear on (or decide) anonymous pages, other than pages,
    whose own changes arrive through Wagtail's page signals."""
    return (
        PageViewRestriction,
        CollectionViewRestriction,
        Collection,
        Site,
        Locale,
        BaseSiteSetting,
        BaseGenericSetting,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
    )


def content_changed(sender, **kwargs):
    ContentVersion.objects.bump()


def row_changed(sender, instance, **kwargs):
    # Looked up on each save: snippets registered by wagtail_hooks arrive late.
    if isinstance(instance, _watched_models()):
        ContentVersion.objects.bump()


def page_saved_or_deleted(sender, instance, **kwargs):
    # Any saved page row, not only publishing: pages made live by code (imports,
    # demo, translations synchronised) send no publish signal.
    if isinstance(instance, Page):
        ContentVersion.objects.bump()


def restriction_groups_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        ContentVersion.objects.bump()


def register():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"caching_{id(signal)}")
    post_save.connect(row_changed, dispatch_uid="caching_row_saved")
    post_delete.connect(row_changed, dispatch_uid="caching_row_deleted")
    post_save.connect(page_saved_or_deleted, dispatch_uid="caching_page_saved")
    post_delete.connect(page_saved_or_deleted, dispatch_uid="caching_page_deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="caching_restriction_groups",
    )
