"""The cell's next meeting on its members' home pages, kept per cell until a meeting changes.

Every member of a cell sees the same "Lịch sinh hoạt chi bộ" panel; it is kept
once per cell, drawn (``cms.caching.personal``), under the cell's version, the
content version (the materials are pages), the day, the language and the site. Any saved or deleted
meeting of the cell, or a change to its materials, forgets the cell's entry:
scheduling, opening and closing all save the meeting. A member only ever
reads the entry of their own cell.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from cms.caching.personal import forget, kept_drawn
from cms.members.models import Member

from .models import Meeting
from .services import next_meeting_for

CELL_MEETINGS = "cell-meetings"


def next_meeting_panel(request, user):
    """The panel of ``services.next_meeting_for(user)``, drawn once for the user's cell."""
    member = Member.objects.for_user(user)
    if member is None:
        return ""
    return kept_drawn(
        request,
        CELL_MEETINGS,
        member.cell_id,
        "next-panel",
        "meetings/includes/next_meeting.html",
        lambda: {"meeting": next_meeting_for(user), "request": request},
    )


@receiver(post_save, sender=Meeting, dispatch_uid="meetings_cell_saved")
@receiver(post_delete, sender=Meeting, dispatch_uid="meetings_cell_deleted")
def meeting_changed(sender, instance, **kwargs):
    forget(CELL_MEETINGS, [instance.cell_id])


@receiver(m2m_changed, sender=Meeting.materials.through, dispatch_uid="meetings_cell_materials")
def materials_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        forget(CELL_MEETINGS, [instance.cell_id])
    elif pk_set:  # a page's meetings were changed from the page's side
        cells = Meeting.objects.filter(pk__in=pk_set).values_list("cell_id", flat=True)
        forget(CELL_MEETINGS, set(cells))
