from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

LOGGED_OUT_ATTR = "pwa_logged_out"


@receiver(user_logged_out, dispatch_uid="pwa.clear_offline_copies")
def mark_logout(sender, request, user, **kwargs):
    """The logout response will tell the browser to drop what the site stored."""
    if request is not None:
        setattr(request, LOGGED_OUT_ATTR, True)
