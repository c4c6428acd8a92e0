from django import template

from cms.meetings import caching

register = template.Library()


@register.simple_tag(takes_context=True)
def next_meeting(context):
    """The member's next (or current) cell meeting, for the home page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return caching.next_meeting_panel(request, user) if user is not None else ""
