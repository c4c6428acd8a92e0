"""What the workflow needs to know of the object it moderates: a page, or a
snippet under a workflow (a published Q&A of ``cms.study``).

One place answers "its specific instance", "its title", "its editor's URL" and
"may this person edit it", so the tasks, notifications and views work the same
for both.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page


def specific(obj):
    return obj.specific if isinstance(obj, Page) else obj


def title(obj):
    display = getattr(obj, "get_admin_display_title", None)
    return display() if callable(display) else str(obj)


def edit_url(obj):
    return AdminURLFinder().get_edit_url(specific(obj)) or ""


def can_edit(obj, user):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    meta = obj._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def workflow_action_url(obj, action, task_state_id):
    """Where the admin takes ``action`` on ``obj``'s current task."""
    obj = specific(obj)
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, action, task_state_id])
    url_name = obj.snippet_viewset.get_url_name("workflow_action")
    return reverse(url_name, args=[quote(obj.pk), action, task_state_id])
