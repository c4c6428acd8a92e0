"""What is kept of meetings, and the signals that forget it: the cell's next meeting on its
members' home pages, kept per cell until a meeting changes, and each meeting page's sheet
(``sheets.py``).

Every member of a cell sees the same "Lịch sinh hoạt chi bộ" panel; it is kept
once per cell, drawn (``cms.caching.personal``), under the cell's version, the
content version (the materials are pages), the day, the language and the site. Any saved or deleted
meeting of the cell, or a change to its materials, forgets the cell's entry:
scheduling, opening and closing all save the meeting. A member only ever
reads the entry of their own cell.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation

from cms.caching.personal import forget, kept_drawn
from cms.members.models import Member

from . import live
from .models import AgendaItem, Meeting, Minutes, Motion, MotionOption
from .services import meeting_sheet, next_meeting_for
from .sheets import forget_sheet, kept_sheet

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


def kept_meeting_sheet(request, meeting_id, shape):
    """The meeting's sheet (``services.meeting_sheet``) with each motion's heading and each
    closed motion's result drawn, kept for the meeting in the request's language; ``None``
    for no such meeting."""

    def build():
        sheet = meeting_sheet(meeting_id)
        for entry in sheet["motions"] if sheet is not None else ():
            entry["drawn_head"] = render_to_string(
                "meetings/includes/motion_head.html", {"motion": entry["motion"]}
            )
            if entry["result"] is not None:
                entry["drawn_result"] = render_to_string(
                    "meetings/includes/motion_result.html", {"result": entry["result"]}
                )
        return sheet

    # The drawn results stay safe strings through the cache (a str subclass pickles as such).
    return kept_sheet(request, meeting_id, f"{translation.get_language()}:{shape}", build)


@receiver(post_save, sender=Meeting, dispatch_uid="meetings_cell_saved")
@receiver(post_delete, sender=Meeting, dispatch_uid="meetings_cell_deleted")
def meeting_changed(sender, instance, **kwargs):
    forget(CELL_MEETINGS, [instance.cell_id])
    forget_sheet([instance.pk])


@receiver(post_delete, sender=Meeting, dispatch_uid="meetings_live_deleted")
def meeting_deleted(sender, instance, **kwargs):
    # A kept payload would still let a stale page reach the deleted meeting's actions.
    live.bump(instance.pk)


@receiver(post_save, sender=Motion, dispatch_uid="meetings_sheet_motion_saved")
@receiver(post_delete, sender=Motion, dispatch_uid="meetings_sheet_motion_deleted")
@receiver(post_save, sender=AgendaItem, dispatch_uid="meetings_sheet_agenda_saved")
@receiver(post_delete, sender=AgendaItem, dispatch_uid="meetings_sheet_agenda_deleted")
@receiver(post_save, sender=Minutes, dispatch_uid="meetings_sheet_minutes_saved")
@receiver(post_delete, sender=Minutes, dispatch_uid="meetings_sheet_minutes_deleted")
def sheet_part_changed(sender, instance, **kwargs):
    forget_sheet([instance.meeting_id])


@receiver(post_save, sender=MotionOption, dispatch_uid="meetings_sheet_option_saved")
@receiver(post_delete, sender=MotionOption, dispatch_uid="meetings_sheet_option_deleted")
def option_changed(sender, instance, **kwargs):
    forget_sheet(Motion.objects.filter(pk=instance.motion_id).values_list("meeting_id", flat=True))


@receiver(m2m_changed, sender=Meeting.materials.through, dispatch_uid="meetings_cell_materials")
def materials_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        forget(CELL_MEETINGS, [instance.cell_id])
        forget_sheet([instance.pk])
    elif pk_set:  # a page's meetings were changed from the page's side
        cells = Meeting.objects.filter(pk__in=pk_set).values_list("cell_id", flat=True)
        forget(CELL_MEETINGS, set(cells))
        forget_sheet(pk_set)
