"""The editorial board's workflow tasks and what they record.

Three stages, each a Wagtail task type so that workflows are built and
assigned in the admin (Cài đặt → Quy trình duyệt):

* ``ReviewTask`` (Biên tập) and ``FinalApprovalTask`` (Phê duyệt): group
  approval restricted to the reviewer's scope and to people who did not write
  or last edit the revision (separation of duties, superusers included).
* ``ScreeningTask`` (Kiểm tra bảo mật): automatic state-secret screening of the
  revision; clean pages pass by themselves, a finding blocks the page until a
  security officer clears it with a written reason or the author removes it.
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import CharField, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.log_actions import LogContext, log
from wagtail.models import AbstractGroupApprovalTask, Page, Revision, TaskState
from wagtail.signals import task_submitted

from . import objects, permissions
from .screening import screen


def adopt_unchanged_latest(task_state):
    """Let an approval of unchanged content count for the page's latest revision.

    Acting from the page editor saves a new revision even when nothing was
    changed; with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT, Wagtail would
    then send the page back to the first stage. When the latest revision holds
    the same content as the one under review, the approvals given so far are
    carried over to it and this task state is moved onto it.
    """
    workflow_state = task_state.workflow_state
    latest = workflow_state.content_object.get_latest_revision()
    if latest is None or task_state.revision_id in (None, latest.pk):
        return
    latest = Revision.objects.get(pk=latest.pk)
    if not permissions.same_content(task_state.revision, latest):
        return
    workflow_state.copy_approved_task_states_to_revision(latest)
    task_state.revision = latest
    task_state.save(update_fields=["revision"])


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Nhận xét", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class RequiredCommentForm(forms.Form):
    comment = forms.CharField(
        label="Nhận xét (bắt buộc)",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Vui lòng ghi nhận xét để tác giả biết cần sửa gì."},
    )


class ClearanceForm(forms.Form):
    comment = forms.CharField(
        label="Lý do gỡ chặn (bắt buộc)",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Giải thích vì sao nội dung bị phát hiện không phải bí mật nhà nước.",
        error_messages={"required": "Phải ghi rõ lý do gỡ chặn."},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) < 10:
            raise forms.ValidationError("Lý do gỡ chặn quá ngắn (ít nhất 10 ký tự).")
        return comment


class ScheduleForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label="Thời điểm xuất bản",
        help_text="Định dạng ngày/tháng/năm giờ:phút, ví dụ 30/11/2026 07:00.",
        input_formats=["%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        error_messages={
            "required": "Vui lòng chọn thời điểm xuất bản.",
            "invalid": "Thời điểm không hợp lệ; nhập theo dạng 30/11/2026 07:00.",
        },
    )
    comment = forms.CharField(
        label="Nhận xét", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_go_live_at(self):
        value = self.cleaned_data["go_live_at"]
        if value <= timezone.now():
            raise forms.ValidationError("Thời điểm xuất bản phải ở tương lai.")
        return value


class ScopedGroupApprovalTask(AbstractGroupApprovalTask):
    """Group approval within the reviewer's scope, never by the revision's author."""

    approve_label = "Đồng ý"
    approve_with_comment_label = "Đồng ý kèm nhận xét"
    reject_label = "Yêu cầu chỉnh sửa"

    class Meta:
        abstract = True

    def _member(self, user):
        return user.is_superuser or self._user_in_groups(user)

    def user_can_access_editor(self, obj, user):
        return self._member(user) and permissions.page_in_scope(user, obj)

    def locked_for_user(self, obj, user):
        return not self.user_can_access_editor(obj, user)

    def user_can_lock(self, obj, user):
        return self._user_in_groups(user) and permissions.page_in_scope(user, obj)

    def may_approve(self, obj, user, task_state=None):
        """``(allowed, reason)`` for ``user`` approving ``obj`` at this task."""
        if not self._member(user):
            return False, "Bạn không thuộc nhóm duyệt ở bước này."
        if not permissions.page_in_scope(user, obj):
            return False, permissions.OUT_OF_SCOPE_MESSAGE
        task_state = task_state or obj.current_workflow_task_state
        if task_state is not None and permissions.is_author(user, task_state):
            return False, permissions.SELF_APPROVAL_MESSAGE
        return True, ""

    def extra_actions(self):
        return []

    def get_actions(self, obj, user):
        if not self.user_can_access_editor(obj, user):
            return []
        actions = [("reject", self.reject_label, True)]
        if self.may_approve(obj, user)[0]:
            actions += [
                ("approve", self.approve_label, False),
                ("approve", self.approve_with_comment_label, True),
                *self.extra_actions(),
            ]
        return actions

    def get_form_for_action(self, action):
        if action == "reject":
            return RequiredCommentForm
        return CommentForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if permissions.scope_paths(user) is None:
            return states
        in_scope = (
            Page.objects.filter(permissions.scope_q(user))
            .annotate(sid=Cast("pk", CharField()))
            .values("sid")
        )
        # Other objects (snippets) are scoped one by one through ``get_actions``.
        page_type = ContentType.objects.get_for_model(Page)
        return states.filter(
            ~Q(workflow_state__base_content_type=page_type)
            | Q(workflow_state__object_id__in=Subquery(in_scope))
        )

    def check_action(self, task_state, user, action_name):
        obj = task_state.workflow_state.content_object
        if not self.user_can_access_editor(obj, user):
            raise PermissionDenied(permissions.OUT_OF_SCOPE_MESSAGE)
        if action_name != "reject":
            allowed, reason = self.may_approve(obj, user, task_state)
            if not allowed:
                raise PermissionDenied(reason)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_action(task_state, user, action_name)
        adopt_unchanged_latest(task_state)
        return super().on_action(task_state, user, action_name, **kwargs)


class ReviewTask(ScopedGroupApprovalTask):
    """Bước Biên tập: a reviewer of the author's scope approves or asks for changes."""

    approve_label = "Đồng ý, chuyển bước tiếp"

    class Meta:
        verbose_name = "bước biên tập (duyệt theo phạm vi)"
        verbose_name_plural = "bước biên tập (duyệt theo phạm vi)"

    @classmethod
    def get_description(cls):
        return (
            "Thành viên các nhóm được chọn, trong phạm vi biên tập của mình, đồng ý hoặc yêu cầu "
            "chỉnh sửa; không ai duyệt phiên bản do chính mình viết hoặc sửa."
        )


class FinalApprovalTask(ScopedGroupApprovalTask):
    """Bước Phê duyệt: the head or deputy head publishes now or at a chosen time."""

    approve_label = "Phê duyệt và xuất bản"
    approve_with_comment_label = "Phê duyệt, xuất bản kèm nhận xét"

    class Meta:
        verbose_name = "bước phê duyệt xuất bản"
        verbose_name_plural = "bước phê duyệt xuất bản"

    @classmethod
    def get_description(cls):
        return (
            "Trưởng hoặc Phó Ban Biên tập phê duyệt để xuất bản ngay hoặc hẹn giờ xuất bản; "
            "không ai phê duyệt phiên bản do chính mình viết hoặc sửa."
        )

    def extra_actions(self):
        return [("schedule", "Phê duyệt, hẹn giờ xuất bản", True)]

    def get_form_for_action(self, action):
        if action == "schedule":
            return ScheduleForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "schedule":
            return super().on_action(task_state, user, action_name, **kwargs)
        self.check_action(task_state, user, action_name)
        adopt_unchanged_latest(task_state)
        go_live_at = kwargs["go_live_at"]
        page = objects.specific(task_state.workflow_state.content_object)
        revision = page.get_latest_revision()
        revision.content["go_live_at"] = DjangoJSONEncoder().default(go_live_at)
        revision.save(update_fields=["content"])
        log(
            instance=page,
            action="editorial_workflows.schedule",
            user=user,
            revision=revision,
            data={"go_live_at": revision.content["go_live_at"], "comment": kwargs.get("comment")},
        )
        task_state.approve(user=user, comment=kwargs.get("comment") or "")
        return None


class ScreeningTaskState(TaskState):
    """A screening of one revision, with what it found."""

    findings = models.JSONField("kết quả phát hiện", default=list, blank=True)

    class Meta:
        verbose_name = "lượt kiểm tra bảo mật"
        verbose_name_plural = "lượt kiểm tra bảo mật"

    @property
    def blocked(self):
        return bool(self.findings) and self.status == self.STATUS_IN_PROGRESS


class ScreeningTask(AbstractGroupApprovalTask):
    """Bước Kiểm tra bảo mật: automatic state-secret screening.

    On start it scans the revision (title, every text field, attached files).
    Clean: it approves itself and records the pass. A finding: the page stays
    blocked at this step; only a member of the chosen groups (security
    officers) may clear it, with a written reason, or send it back to the
    author; the author may also edit the page, which screens it again.
    """

    task_state_class = ScreeningTaskState

    class Meta:
        verbose_name = "bước kiểm tra bảo mật (tự động)"
        verbose_name_plural = "bước kiểm tra bảo mật (tự động)"

    @classmethod
    def get_description(cls):
        return (
            "Tự động rà soát tiêu đề, nội dung và tệp đính kèm tìm dấu hiệu bí mật nhà nước; "
            "bài sạch tự qua, bài có phát hiện bị chặn cho đến khi cán bộ bảo mật (nhóm được "
            "chọn) gỡ chặn kèm lý do hoặc tác giả sửa bài."
        )

    def start(self, workflow_state, user=None):
        page = workflow_state.content_object
        if getattr(page, "locked", False) and page.locked_by_id:
            page.locked = False
            page.locked_by = None
            page.locked_at = None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
        # The screening acts on its own: its log entries carry no user.
        with LogContext(user=None, generate_uuid=False):
            return self._screen(workflow_state, page, user)

    def _screen(self, workflow_state, page, user):
        state = ScreeningTaskState(workflow_state=workflow_state, task=self)
        state.status = TaskState.STATUS_IN_PROGRESS
        state.revision = page.get_latest_revision()
        state.findings = screen(state.revision.as_object())
        state.save()
        specific_page = objects.specific(page)
        if not state.findings:
            log(
                instance=specific_page,
                action="editorial_workflows.screening_pass",
                revision=state.revision,
                data={"task_state_id": state.pk},
            )
            state.approve(
                update=False,
                comment="Kiểm tra tự động: không phát hiện dấu hiệu bí mật nhà nước.",
            )
        else:
            log(
                instance=specific_page,
                action="editorial_workflows.screening_block",
                revision=state.revision,
                data={
                    "task_state_id": state.pk,
                    "findings": [
                        {"where": f["where"], "marking": f["marking"], "context": f["context"]}
                        for f in state.findings
                    ],
                },
            )
        task_submitted.send(sender=ScreeningTaskState, instance=state, user=user)
        return state

    def _officer(self, user):
        return user.is_superuser or self._user_in_groups(user)

    def user_can_access_editor(self, obj, user):
        return self._officer(user)

    def locked_for_user(self, obj, user):
        # The author may edit the page to remove what was found.
        return False

    def get_actions(self, obj, user):
        task_state = obj.current_workflow_task_state
        if not self._officer(user) or task_state is None:
            return []
        actions = [("reject", "Trả lại tác giả để sửa", True)]
        if not permissions.is_author(user, task_state):
            actions.insert(0, ("approve", "Gỡ chặn (ghi rõ lý do)", True))
        return actions

    def get_form_for_action(self, action):
        return ClearanceForm if action == "approve" else RequiredCommentForm

    def get_template_for_action(self, action):
        return "editorial_workflows/screening_action_modal.html"

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self._officer(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if not self._officer(user):
            raise PermissionDenied("Chỉ cán bộ bảo mật mới được xử lý bước kiểm tra bảo mật.")
        if action_name == "approve":
            if permissions.is_author(user, task_state):
                raise PermissionDenied(permissions.SELF_APPROVAL_MESSAGE)
            adopt_unchanged_latest(task_state)
            reason = (kwargs.get("comment") or "").strip()
            if not reason:
                raise PermissionDenied("Phải ghi rõ lý do gỡ chặn.")
            log(
                instance=objects.specific(task_state.workflow_state.content_object),
                action="editorial_workflows.screening_clear",
                user=user,
                revision=task_state.revision,
                data={"task_state_id": task_state.pk, "reason": reason},
            )
            task_state.approve(user=user, comment=reason)
        elif action_name == "reject":
            task_state.reject(user=user, comment=kwargs.get("comment") or "")


class EditorialBoard(models.Model):
    """No rows: it carries the editorial board's own permissions, granted to
    groups (as Wagtail's ``wagtailadmin.Admin`` carries ``access_admin``)."""

    class Meta:
        default_permissions = []
        permissions = [("view_approval_history", "Xem lịch sử duyệt nội dung toàn tỉnh")]
        verbose_name = "Ban Biên tập"
        verbose_name_plural = "Ban Biên tập"

    def __str__(self):
        return str(self._meta.verbose_name)


class AdminNotification(models.Model):
    """A message for one admin user, shown on the dashboard (and sent by email)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editorial_notifications",
        verbose_name="người nhận",
    )
    message = models.TextField("nội dung")
    url = models.CharField("liên kết", max_length=500, blank=True)
    created_at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "thông báo duyệt bài"
        verbose_name_plural = "thông báo duyệt bài"

    def __str__(self):
        return self.message[:80]
