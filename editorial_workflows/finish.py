"""What happens when a workflow's last stage approves (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail's default publishes with the approver's own publish permission. Here
the approval workflow itself is the authority to publish: approvers hold no
publish permission (so nobody can publish around the workflow), and the
approved revision is published — or scheduled, when it carries a future
go-live time — on the workflow's behalf. Imported by Wagtail's models at start
up, so this module imports nothing from them at top level.
"""


def publish_approved(workflow_state, user=None):
    from wagtail.models import Revision

    latest = workflow_state.content_object.get_latest_revision()
    # Re-read it: the approval may have just set its go-live time.
    Revision.objects.get(pk=latest.pk).publish(user=user, skip_permission_checks=True)
