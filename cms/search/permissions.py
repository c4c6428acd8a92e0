"""Who may find what: search never shows a page the user could not open."""

from django.db.models import Q

from wagtail.models import PageViewRestriction


def _restriction_passes(restriction, user) -> bool:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        wanted = {g.pk for g in restriction.groups.all()}
        return bool(wanted & set(user.groups.values_list("pk", flat=True)))
    # Password-protected pages are opened per session, never listed by search.
    return False


def hidden_paths_for(user) -> list[str]:
    """Tree paths of restricted sections ``user`` may not read."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return sorted(r.page.path for r in restrictions if not _restriction_passes(r, user))


def visibility_q(user) -> Q:
    """A filter on pages that hides every restricted section ``user`` may not read.

    Built from ``path__startswith`` only, so it works on the database
    backends and as an Elasticsearch/OpenSearch filter alike.
    """
    q = Q()
    for path in hidden_paths_for(user):
        q &= ~Q(path__startswith=path)
    return q
