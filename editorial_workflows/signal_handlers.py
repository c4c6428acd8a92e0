"""Connects the workflow signals to notifications."""

from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.signals import task_approved, task_rejected, task_submitted, workflow_approved

from . import notifications


def _on_task_submitted(sender, instance, user=None, **kwargs):
    notifications.task_submitted(instance, user=user)


def _on_task_approved(sender, instance, user=None, **kwargs):
    notifications.task_finished(instance, user=user, approved=True)


def _on_task_rejected(sender, instance, user=None, **kwargs):
    notifications.task_finished(instance, user=user, approved=False)


def _on_workflow_approved(sender, instance, user=None, **kwargs):
    notifications.workflow_approved(instance, user=user)


def register():
    task_submitted.connect(_on_task_submitted, dispatch_uid="editorial_task_submitted")
    task_approved.connect(_on_task_approved, dispatch_uid="editorial_task_approved")
    task_rejected.connect(_on_task_rejected, dispatch_uid="editorial_task_rejected")
    workflow_approved.connect(_on_workflow_approved, dispatch_uid="editorial_workflow_approved")


def silence_wagtail_workflow_emails():
    """Wagtail's own workflow emails are not scope-aware: ours replace them."""
    for notifier in (
        wagtail_handlers.task_submission_email_notifier,
        wagtail_handlers.workflow_submission_email_notifier,
        wagtail_handlers.workflow_approval_email_notifier,
        wagtail_handlers.workflow_rejection_email_notifier,
    ):
        notifier.can_handle = lambda instance, **kwargs: False
