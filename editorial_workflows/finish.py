"""What happens when a workflow's last stage approves (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail's default publishes with the approver's own publish permission. Here
the approval workflow itself is the authority to publish: approvers hold no
publish permission (so nobody can publish around the workflow), and the
approved revision is published — or scheduled, when it carries a future
go-live time — on the workflow's behalf. Wagtail's models import this module
while they load, so it imports none of them.
"""


def publish_approved(workflow_state, user=None):
    latest = workflow_state.content_object.get_latest_revision()
    latest.refresh_from_db()  # the approval may have just set its go-live time
    latest.publish(user=user, skip_permission_checks=True)
