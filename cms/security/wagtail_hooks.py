"""The page editor refuses a malformed form with a 400 page instead of failing.

Wagtail reads a StreamField from ``<name>-count`` and the numbered keys that
follow; a POST without them (a script, a broken browser extension) would raise
inside the editor. Each StreamField of the page type is read here first.

Also registers the audit-log actions of personal-data reads (``audit``).
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.fields import StreamField

from .audit import ACTIONS


def malformed_stream_fields(request, page_class):
    """Names of the StreamFields of the page type's editor form that the POST does
    not describe properly."""
    form_fields = page_class.get_edit_handler().get_form_class().base_fields
    broken = []
    for field in page_class._meta.get_fields():
        if not isinstance(field, StreamField) or field.name not in form_fields:
            continue
        try:
            form_fields[field.name].widget.value_from_datadict(
                request.POST, request.FILES, field.name
            )
        except (KeyError, ValueError, TypeError, IndexError):
            broken.append(field.name)
    return broken


def _refuse_malformed(request, page_class):
    if request.method != "POST" or not malformed_stream_fields(request, page_class):
        return None
    reason = _("Biểu mẫu trang gửi lên thiếu dữ liệu của các khối nội dung.")
    return render(request, "400.html", {"reason": reason}, status=400)


@hooks.register("before_edit_page")
def check_edit_form(request, page):
    return _refuse_malformed(request, page.specific_class)


@hooks.register("before_create_page")
def check_create_form(request, parent_page, page_class):
    return _refuse_malformed(request, page_class)


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
