from django import template

from cms.caching.audience import cached_for_audience
from cms.caching.personal import cached_personal, kept_drawn
from cms.members.models import Member

from ..caching import NOTICES, PROGRESS
from ..models import Notification, PublishedQuestion
from ..progress import assigned_items, to_do_and_overdue

register = template.Library()


def _unread(request, user):
    """Unread notices, counted once per request (the header and the home panel
    both show it) and kept until the user's notices change (``notifications``)."""
    count = getattr(request, "_stdv_unread_notices", None)
    if count is None:
        count = cached_personal(
            request,
            NOTICES,
            user.pk,
            "unread",
            lambda: Notification.objects.for_user(user).unread().count(),
        )
        if request is not None:
            request._stdv_unread_notices = count
    return count


@register.inclusion_tag("study/includes/published_questions.html")
def published_questions(page):
    """The answered questions the editorial workflow published on ``page``, anonymised."""
    return {"questions": PublishedQuestion.objects.on_page(page)[:20]}


@register.simple_tag(takes_context=True)
def study_panel(context):
    """The member's study at a glance on the home page: to do, overdue, unread notices.
    Drawn once and kept until their progress, their notices or the content change."""
    request = context.get("request")
    user = getattr(request, "user", None)
    member = Member.objects.for_user(user)
    if member is None:
        return ""
    unread = _unread(request, user)

    def context():
        to_do, overdue = _to_do_and_overdue(request, member)
        return {"member": member, "to_do": to_do, "overdue": overdue, "unread": unread}

    return kept_drawn(
        request,
        PROGRESS,
        member.pk,
        f"study-panel:{unread}",
        "study/includes/home_panel.html",
        context,
    )


def _to_do_and_overdue(request, member):
    # What the cell is asked to study is the same for its members (and changes with the
    # content, or when the cell moves or changes type); what each one did is theirs.
    cell = member.cell
    assigned = cached_for_audience(
        request,
        "study-assigned",
        lambda: assigned_items(member),
        cell.pk,
        cell.path,
        cell.cell_type,
    )
    return to_do_and_overdue(member, assigned)


@register.inclusion_tag("study/includes/header_notices.html", takes_context=True)
def unread_notices(context):
    """ "Thông báo (n)" beside the reader's name in the header, when something is unread."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread": 0}
    return {"unread": _unread(request, user)}
