"""Who may act on what: editorial scopes and separation of duties.

Scopes are Wagtail's own page permissions: a group holds GroupPagePermission
rows on the section pages of its scope (``/tin-tuc/`` for the whole province,
``/tin-tuc/bien-hoa/`` for the Biên Hòa committee…). A user's scope is the
union of the subtrees their groups hold any page permission on; superusers are
unrestricted. Users without any such row (security officers, the organisation
department) have no editorial scope and are not restricted by it.
"""

from django.db.models import Q

from wagtail.models import GroupPagePermission, Page, Revision

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


def page_in_scope(user, page):
    paths = scope_paths(user)
    if paths is None:
        return True
    return any(page.path.startswith(path) for path in paths)


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


def authors_of(task_state):
    """Ids of everyone who authored or edited the revision ``task_state`` is about.

    The page's owner, whoever submitted it, and whoever saved a revision of
    it since this workflow began (which includes the revision under review and
    any later edit).
    """
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    ids = {
        getattr(page, "owner_id", None),
        workflow_state.requested_by_id,
        task_state.revision.user_id if task_state.revision_id else None,
    }
    ids.update(
        Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
            created_at__gte=workflow_state.created_at,
        ).values_list("user_id", flat=True)
    )
    latest = page.get_latest_revision()
    if latest is not None:
        ids.add(latest.user_id)
    ids.discard(None)
    return ids


def is_author(user, task_state):
    return user.pk in authors_of(task_state)


def can_view_history(user):
    """The approval history report: administrators, approvers and security officers."""
    from cms.home import roles

    if user.is_superuser:
        return True
    return user.groups.filter(
        name__in=[
            roles.ADMINISTRATORS,
            roles.APPROVERS,
            roles.PROPAGANDA_APPROVERS,
            roles.SECURITY_OFFICERS,
        ]
    ).exists()
