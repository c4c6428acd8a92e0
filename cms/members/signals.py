from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import Member

SESSION_MUST_CHANGE = "must_change_password"


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
        request.session.pop("visit_unit_codes", None)
