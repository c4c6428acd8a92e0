"""How a refused admin request looks."""

from django.urls import reverse


def refused(response):
    """Refused by Wagtail (a redirect to the dashboard with its "no permission"
    message; a 403 for scripts) or by our hooks (a 403 that says why)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")
