"""Admin views: a screening's findings, and the approval history report."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import PageLogEntry

import django_filters

from . import objects, permissions
from .models import ClearanceForm, RequiredCommentForm, ScreeningTaskState
from .services import display_name

AUDITED_PREFIXES = ("wagtail.workflow.", "wagtail.publish", "editorial_workflows.")


def _highlight(finding):
    context = finding.get("context", "")
    text = finding.get("text", "")
    if text and text in context:
        before, _, after = context.partition(text)
        return mark_safe(f"{escape(before)}<mark>{escape(text)}</mark>{escape(after)}")  # noqa: S308
    return context


def screening_findings(request, task_state_id):
    """What a screening found, in context; security officers clear or return it here."""
    state = get_object_or_404(ScreeningTaskState, pk=task_state_id)
    page = objects.specific(state.workflow_state.content_object)
    task = state.task.specific
    officer = task._officer(request.user)
    if not (officer or objects.can_edit(page, request.user)):
        raise PermissionDenied
    actions = (
        [name for name, _l, _m in task.get_actions(page, request.user)]
        if state.status == state.STATUS_IN_PROGRESS
        and page.current_workflow_task_state
        and page.current_workflow_task_state.pk == state.pk
        else []
    )
    findings = [dict(f, highlighted=_highlight(f)) for f in state.findings]
    return TemplateResponse(
        request,
        "editorial_workflows/screening_findings.html",
        {
            "page": page,
            "state": state,
            "findings": findings,
            "can_clear": "approve" in actions,
            "can_return": "reject" in actions,
            "is_author": permissions.is_author(request.user, state),
            "finished_by_name": display_name(state.finished_by) if state.finished_by else "",
            "clear_form": ClearanceForm(),
            "return_form": RequiredCommentForm(),
            "clear_url": objects.workflow_action_url(page, "approve", state.pk),
            "return_url": objects.workflow_action_url(page, "reject", state.pk),
            "next_url": reverse("editorial_workflows:findings", args=[state.pk]),
            "edit_url": objects.edit_url(page),
        },
    )


def _audited_actions():
    return [
        (action, label)
        for action, label in log_action_registry.get_choices()
        if action.startswith(AUDITED_PREFIXES)
    ]


class ApprovalHistoryFilterSet(WagtailFilterSet):
    label = django_filters.CharFilter(label="Tiêu đề trang", lookup_expr="icontains")
    page = django_filters.NumberFilter(label="Mã trang (ID)", field_name="page_id")
    user = django_filters.ModelChoiceFilter(
        label="Người thực hiện",
        queryset=lambda request: (
            get_user_model()
            .objects.filter(
                pk__in=PageLogEntry.objects.filter(_audited_q()).values("user_id").distinct()
            )
            .order_by("username")
        ),
    )
    action = django_filters.ChoiceFilter(label="Thao tác", choices=_audited_actions)
    timestamp = django_filters.DateFromToRangeFilter(
        label="Thời gian", widget=DateRangePickerWidget
    )

    class Meta:
        model = PageLogEntry
        fields = []


def _audited_q():
    q = Q()
    for prefix in AUDITED_PREFIXES:
        q |= Q(action__startswith=prefix)
    return q


class ApprovalHistoryReport(ReportView):
    """Every workflow transition and publication, per page and per user; CSV export."""

    page_title = "Lịch sử duyệt nội dung"
    header_icon = "history"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "editorial_workflows/approval_history_results.html"
    filterset_class = ApprovalHistoryFilterSet
    index_url_name = "editorial_workflows:history"
    index_results_url_name = "editorial_workflows:history_results"
    paginate_by = 50
    list_export = ["timestamp", "page_id", "label", "action_label", "user_name", "comment"]
    export_headings = {
        "timestamp": "Thời điểm",
        "page_id": "Mã trang",
        "label": "Trang",
        "action_label": "Thao tác",
        "user_name": "Người thực hiện",
        "comment": "Nhận xét / lý do",
    }

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_view_history(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"lich-su-duyet-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return (
            PageLogEntry.objects.filter(_audited_q())
            .select_related("user", "page")
            .order_by("-timestamp", "-pk")
        )

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        for entry in entries:
            data = entry.data or {}
            entry.action_label = str(log_action_registry.get_action_label(entry.action))
            entry.user_name = display_name(entry.user)
            entry.comment = (
                (data.get("workflow") or {}).get("comment")
                or data.get("reason")
                or data.get("comment")
                or ""
            )
            entry.edit_url = reverse("wagtailadmin_pages:edit", args=[entry.page_id])
        return entries
