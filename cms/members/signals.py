from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from cms.visits.middleware import UNIT_CODES_SESSION_KEY

from .models import Member

SESSION_MUST_CHANGE = "must_change_password"
# When the session was last used (seconds since the epoch) and how long it may stay idle
# (cms/members/middleware.py); a login starts both afresh.
LAST_SEEN_KEY = "idle_last_seen"
IDLE_LIMIT_KEY = "idle_limit_seconds"


@receiver(user_logged_in, dispatch_uid="members.restart_idle_clock")
def restart_idle_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(LAST_SEEN_KEY, None)
        request.session.pop(IDLE_LIMIT_KEY, None)


@receiver(user_logged_in, dispatch_uid="members.record_login")
def record_member_login(sender, request, user, **kwargs):
    try:
        member = user.member
    except Member.DoesNotExist:
        return
    member.record_login()
    if request is not None and hasattr(request, "session"):
        if member.must_change_password or getattr(user, "login_via_activation_code", False):
            request.session[SESSION_MUST_CHANGE] = True
        cell = member.cell
        request.session[UNIT_CODES_SESSION_KEY] = [
            o.code for o in cell.get_ancestors() if o.depth > 1
        ] + [cell.code]
