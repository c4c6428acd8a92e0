"""Abstract page types shared by the apps' sections."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


def view_restrictions_of(page):
    """Wagtail's own look-up of the restrictions on ``page`` and its ancestors
    (aliases resolved to their source), evaluated, with each restriction's groups."""
    return list(Page.get_view_restrictions(page).prefetch_related("groups"))


class KnownRestrictionsMixin:
    """A page served with the view restrictions found when its route was cached.

    Wagtail checks a page's restrictions on every serve, two queries (the
    ancestors, then their restrictions). The cached route (``HomePage.route``,
    ``cms.caching.routing``) already knows them: an entry is kept under the
    content version, which every restriction, group choice and page move
    bumps. A page reached any other way asks Wagtail as before.
    """

    known_view_restrictions = None

    def get_view_restrictions(self):
        if self.known_view_restrictions is not None:
            return self.known_view_restrictions
        return super().get_view_restrictions()


class SectionIndexPage(KnownRestrictionsMixin, Page):
    """A section's index page: a short introduction above the section's listing."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True
