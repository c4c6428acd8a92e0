"""A real 403, with the reason, for admin page views outside the user's scope.

Wagtail answers a refused admin view with a redirect to the dashboard and a
generic message. For editorial scopes and self-approval the board wants a 403
that says why, before the view runs: this middleware checks the page an admin
URL is about (``page_id``, ``parent_page_id``, ``page_to_move_id``) against
the user's scope, and a workflow approval against separation of duties.
"""

from django.template.response import TemplateResponse

from wagtail.models import Page

from . import permissions

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "pk")
APPROVING_ACTIONS = {"approve", "schedule"}


def forbidden(request, message):
    response = TemplateResponse(
        request, "editorial_workflows/forbidden.html", {"message": message}, status=403
    )
    return response.render()


class EditorialAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        if not (
            match.namespace == "wagtailadmin_pages" or match.url_name == "wagtailadmin_explore"
        ):
            return None
        page_id = next((view_kwargs[k] for k in PAGE_KWARGS if k in view_kwargs), None)
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return None
        task = page.current_workflow_task
        task = task.specific if task else None
        if permissions.has_scope(user) and not permissions.page_in_scope(user, page):
            navigable = match.url_name == "wagtailadmin_explore" and any(
                path.startswith(page.path) for path in permissions.scope_paths(user)
            )
            grants = task is not None and task.user_can_access_editor(page, user)
            if not (navigable or grants):
                return forbidden(request, permissions.OUT_OF_SCOPE_MESSAGE)
        if match.url_name in {"workflow_action", "collect_workflow_action_data"} and (
            view_kwargs.get("action_name") in APPROVING_ACTIONS
        ):
            state = page.current_workflow_task_state
            if (
                task is not None
                and state is not None
                and state.pk == view_kwargs.get("task_state_id")
                and permissions.is_author(user, state)
                and task.user_can_access_editor(page, user)
            ):
                return forbidden(request, permissions.SELF_APPROVAL_MESSAGE)
        return None
