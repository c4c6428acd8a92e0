"""Which pages a visitor may see listed: the one rule for listings and search.

Wagtail checks view restrictions when a page is *served*; listings (index
pages, the home page, feeds) and the look-up must apply the same rule
themselves, or a members-only title would leak. Every listing goes through
``visible_to`` and the search service through ``visible_q``:

- anonymous visitors see only pages without any view restriction;
- logged-in users pass "login" restrictions, and group restrictions of their
  groups (superusers pass every group restriction);
- password-protected pages are opened one by one with their password and are
  never listed, for anyone, superusers included.

``visible_q`` is built from ``path__startswith`` only (a restriction covers
its page and everything below it), so the same filter works on querysets and
as an Elasticsearch/OpenSearch filter.
"""

from django.db.models import Q

from wagtail.models import PageViewRestriction


def _passes(restriction, user, group_ids) -> bool:
    """Whether a logged-in ``user`` may see the restricted section listed."""
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return user.is_superuser or bool(group_ids & {g.pk for g in restriction.groups.all()})
    return False  # a password: never listed


def user_group_ids(user) -> list[int]:
    """The ids of ``user``'s groups, asked once per user object (once per request)."""
    ids = getattr(user, "_stdv_group_ids", None)
    if ids is None:
        ids = sorted(user.groups.values_list("pk", flat=True))
        user._stdv_group_ids = ids
    return ids


def _hidden_paths(user) -> tuple[str, ...]:
    restrictions = PageViewRestriction.objects.select_related("page")
    if user is None or not user.is_authenticated:
        return tuple(sorted({r.page.path for r in restrictions}))
    group_ids = set(user_group_ids(user))
    return tuple(
        sorted(
            {
                r.page.path
                for r in restrictions.prefetch_related("groups")
                if not _passes(r, user, group_ids)
            }
        )
    )


def hidden_paths(user) -> tuple[str, ...]:
    """Tree paths of the restricted sections ``user`` may not see listed.

    Worked out once per user object, so once per request: a page that lists
    three kinds of pages asks the database once, not three times."""
    if user is None or not user.is_authenticated:
        # Anonymous users may be shared objects (a module's AnonymousUser()): never memoised.
        return _hidden_paths(user)
    paths = getattr(user, "_stdv_hidden_paths", None)
    if paths is None:
        paths = _hidden_paths(user)
        user._stdv_hidden_paths = paths
    return paths


def visible_q(user) -> Q:
    """A filter on pages that hides every restricted section ``user`` may not see."""
    q = Q()
    for path in hidden_paths(user):
        q &= ~Q(path__startswith=path)
    return q


def visible_to(queryset, user):
    """Narrow a page queryset to what ``user`` may see listed (see the module docstring)."""
    return queryset.filter(visible_q(user))
