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

from django.contrib.auth import get_user_model
from django.db.models import Aggregate, CharField, OuterRef, Q, Subquery

from wagtail.models import PageViewRestriction


def _passes(restriction, user, group_ids) -> bool:
    """Whether a logged-in ``user`` may see the restricted section listed."""
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return user.is_superuser or bool(group_ids & {g.pk for g in restriction.groups.all()})
    return False  # a password: never listed


def user_group_ids(user) -> list[int]:
    """The ids of ``user``'s groups, asked once per user object (once per request), or
    brought with the user (``with_group_ids``)."""
    ids = getattr(user, "_stdv_group_ids", None)
    if ids is None:
        joined = getattr(user, "stdv_joined_group_ids", False)
        if joined is not False:  # came with the user's own query
            ids = sorted(int(pk) for pk in joined.split(",")) if joined else []
        else:
            ids = sorted(user.groups.values_list("pk", flat=True))
        user._stdv_group_ids = ids
    return ids


class _JoinedIds(Aggregate):
    """The ids of a group of rows joined with commas (``GROUP_CONCAT`` on SQLite,
    ``STRING_AGG`` on PostgreSQL)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s((%(expressions)s)::text, ',')",
            **extra_context,
        )


def with_group_ids(users):
    """``users`` (a queryset) bringing each user's group ids in the same query, so a
    request that needs its audience (``cms.caching.audience``) asks once for both."""
    memberships = (
        get_user_model()
        .groups.through.objects.filter(user_id=OuterRef("pk"))
        .order_by()
        .values("user_id")
        .annotate(ids=_JoinedIds("group_id"))
        .values("ids")
    )
    return users.annotate(stdv_joined_group_ids=Subquery(memberships))


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
