"""The project's name in the Wagtail admin's branding blocks."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name():
    return settings.WAGTAIL_SITE_NAME
