"""Which pages a visitor may see listed.

Wagtail checks view restrictions when a page is *served*; listings (index
pages, the home page, feeds) must apply the same rule themselves, or a
members-only title would leak. Every listing goes through ``visible_to``.
"""

from wagtail.models import PageViewRestriction


def visible_to(queryset, user):
    """Narrow a live page queryset to what ``user`` may open.

    Anonymous visitors see only pages without any view restriction. Logged-in
    users pass "login" restrictions and group restrictions of their groups;
    password-protected pages are never listed.
    """
    if user is None or not user.is_authenticated:
        return queryset.public()
    if user.is_superuser:
        return queryset
    group_ids = set(user.groups.values_list("pk", flat=True))
    restrictions = PageViewRestriction.objects.exclude(
        restriction_type=PageViewRestriction.LOGIN
    ).select_related("page")
    for restriction in restrictions.prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.GROUPS and group_ids & {
            g.pk for g in restriction.groups.all()
        }:
            continue
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset
