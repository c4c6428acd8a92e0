"""Who may act on what: editorial scopes and separation of duties.

Scopes are Wagtail's own page permissions: a group holds GroupPagePermission
rows on the section pages of its scope (``/tin-tuc/`` for the whole province,
``/tin-tuc/bien-hoa/`` for the Biên Hòa committee…). A user's scope is the
union of the subtrees their groups hold any page permission on; superusers are
unrestricted. Users without any such row (security officers, the organisation
department) have no editorial scope and are not restricted by it.
"""

import re

from django.db.models import Q

from wagtail.models import GroupPagePermission, Page, Revision

from cms.core import roles

SELF_APPROVAL_MESSAGE = (
    "Bạn không thể duyệt phiên bản do chính mình soạn thảo hoặc chỉnh sửa lần cuối "
    "(nguyên tắc tách bạch nhiệm vụ: người viết không tự duyệt bài của mình). "
    "Một thành viên khác của nhóm duyệt ở bước này sẽ xử lý."
)
OUT_OF_SCOPE_MESSAGE = "Trang này nằm ngoài phạm vi biên tập được phân công cho bạn."


def scope_paths(user):
    """Tree paths of the user's scope roots; ``None`` means the whole site."""
    if user.is_superuser:
        return None
    cache = getattr(user, "_editorial_scope_paths", None)
    if cache is None:
        cache = sorted(
            set(
                GroupPagePermission.objects.filter(group__user=user).values_list(
                    "page__path", flat=True
                )
            )
        )
        user._editorial_scope_paths = cache
    return cache


def has_scope(user):
    """The user is restricted to an editorial scope (holds page permissions)."""
    paths = scope_paths(user)
    return paths is not None and bool(paths)


def scope_page(obj):
    """The page whose section scopes ``obj``: the page itself, or for a snippet
    under a workflow (a published Q&A…) the page it belongs to
    (``workflow_scope_page``); ``None`` when it names none."""
    if isinstance(obj, Page):
        return obj
    return getattr(obj, "workflow_scope_page", None)


def page_in_scope(user, page):
    paths = scope_paths(user)
    if paths is None:
        return True
    page = scope_page(page)
    if page is None:
        return False
    return any(page.path.startswith(path) for path in paths)


def within_scope(user, page):
    """Not restricted by a scope, or ``page`` lies in it."""
    return not has_scope(user) or page_in_scope(user, page)


def navigable(user, page):
    """``page`` is in the scope or above it (the way to it in the explorer)."""
    if within_scope(user, page):
        return True
    return any(path.startswith(page.path) for path in scope_paths(user))


def scope_q(user, prefix=""):
    """A Q on pages (``prefix`` + ``path``) within the user's scope."""
    paths = scope_paths(user)
    if paths is None:
        return Q()
    if not paths:
        return Q(pk__in=[])
    q = Q()
    for path in paths:
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def navigable_q(user):
    """Pages in the scope, plus their ancestors so the explorer can reach them."""
    paths = scope_paths(user)
    if paths is None:
        return Q()
    ancestors = {path[:n] for path in paths for n in range(Page.steplen, len(path), Page.steplen)}
    return scope_q(user) | Q(path__in=ancestors)


# Revision content keys that change on every save without anyone editing.
_VOLATILE = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "live_revision",
    "last_published_at",
    "first_published_at",
    "live",
    "locked",
    "locked_at",
    "locked_by",
    "url_path",
}
_BLOCK_KEY_RE = re.compile(r' data-block-key=\\?"[^"\\]*\\?"')


def _substance(content):
    return {
        key: _BLOCK_KEY_RE.sub("", value) if isinstance(value, str) else value
        for key, value in content.items()
        if key not in _VOLATILE and key != "comments"
    }


def same_content(revision_a, revision_b):
    """Two revisions hold the same content (saves that changed nothing)."""
    return _substance(revision_a.content or {}) == _substance(revision_b.content or {})


def editors_by_revision(workflow_state, limit=50):
    """``{revision id: id of who last really changed the content up to it}``.

    The admin's editor saves a new revision whenever a reviewer acts from it,
    even with nothing changed; such saves do not make the reviewer an editor.
    """
    revisions = list(
        Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
        )
        .order_by("-created_at", "-pk")
        .only("pk", "user_id", "content")[:limit]
    )
    revisions.reverse()
    result = {}
    editor = None
    previous = None
    for revision in revisions:
        substance = _substance(revision.content or {})
        if previous is None or substance != previous:
            editor = revision.user_id
        previous = substance
        result[revision.pk] = editor
    return result


def authors_of(task_state):
    """Ids of the people who authored or last edited the revision under review.

    The page's owner (who created it), whoever submitted it to the workflow,
    and whoever last changed the content of the revision under review or of
    the page's latest revision (an edit made during review counts: its editor
    may not approve it either). Saves that change nothing, and edits since
    replaced by someone else's, do not count.
    """
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    editors = editors_by_revision(workflow_state)
    ids = {getattr(page, "owner_id", None), workflow_state.requested_by_id}
    if task_state.revision_id:
        ids.add(editors.get(task_state.revision_id, task_state.revision.user_id))
    if editors:
        ids.add(list(editors.values())[-1])  # the latest revision's last real editor
    ids.discard(None)
    return ids


def is_author(user, task_state):
    return user.pk in authors_of(task_state)


def can_view_history(user):
    """The approval history report (granted to administrators, the province-wide
    approvers and security officers; see cms/core/roles.py)."""
    return user.has_perm(roles.perm_name(roles.VIEW_APPROVAL_HISTORY))
