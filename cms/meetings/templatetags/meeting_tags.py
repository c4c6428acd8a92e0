from django import template

from cms.meetings import caching

register = template.Library()


@register.inclusion_tag("meetings/includes/next_meeting.html", takes_context=True)
def next_meeting(context):
    """The member's next (or current) cell meeting, for the home page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    meeting = caching.next_meeting(request, user) if user is not None else None
    return {"meeting": meeting, "request": request}
