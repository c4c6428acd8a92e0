from django import template

from ..services import home_lists as build_home_lists

register = template.Library()


@register.simple_tag(takes_context=True)
def home_lists(context):
    """The home page's lists (``services.home_lists``), read only where the page's
    rendered lists are not already kept for the visitor's audience."""
    return build_home_lists(context["request"])
