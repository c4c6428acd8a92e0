"""A member's study items and how far they got: "Học tập của tôi"."""

from dataclasses import dataclass

from django.utils import timezone

from cms.resolutions.models import ResolutionStudyPage

from .choices import SummaryStatus
from .models import LearningSummary, QuizAttempt, StudyAssignment, StudyRead

SUMMARY_SENT = (SummaryStatus.SUBMITTED, SummaryStatus.REVIEWED)


@dataclass
class ItemProgress:
    assignment: StudyAssignment
    page: object
    read: bool = False
    has_quiz: bool = False
    quiz_passed: bool = False
    best_percent: int | None = None
    asks_for_summary: bool = False
    summary_status: str = ""
    summary_comment: str = ""
    today: object = None
    deadline: object = None

    @property
    def summary_submitted(self):
        return self.summary_status in SUMMARY_SENT

    @property
    def summary_reviewed(self):
        return self.summary_status == SummaryStatus.REVIEWED

    @property
    def done(self):
        return (
            self.read
            and (self.quiz_passed or not self.has_quiz)
            and (self.summary_submitted or not self.asks_for_summary)
        )

    @property
    def overdue(self):
        return not self.done and self.deadline < self.today

    @property
    def summary_label(self):
        return SummaryStatus(self.summary_status).label if self.summary_status else ""


@dataclass(frozen=True)
class AssignedItem:
    """One live item a cell is asked to study: the same for every member of the cell."""

    page_id: int
    deadline: object
    has_quiz: bool
    asks_for_summary: bool


def _assignments(member):
    """The member's assignments by page (a page assigned twice: its nearest deadline), and
    the resolution pages among them."""
    assignments = {}
    for a in StudyAssignment.objects.for_member(member).live().order_by("deadline", "pk"):
        assignments.setdefault(a.page_id, a)
    resolutions = {p.pk: p for p in ResolutionStudyPage.objects.filter(pk__in=list(assignments))}
    return assignments, resolutions


def _own_progress(member, page_ids):
    """What the member did: pages read, best quiz result (percent, passed), summaries."""
    read = set(
        StudyRead.objects.filter(member=member, page_id__in=page_ids).values_list(
            "page_id", flat=True
        )
    )
    best = {}
    for page_id, correct, total, passed in QuizAttempt.objects.filter(
        member=member, page_id__in=page_ids
    ).values_list("page_id", "correct", "total", "passed"):
        percent = round(100 * correct / total) if total else 0
        old = best.get(page_id)
        if old is None or percent > old[0]:
            best[page_id] = (percent, passed)
    summaries = {
        s.page_id: s for s in LearningSummary.objects.filter(member=member, page_id__in=page_ids)
    }
    return read, best, summaries


def _asks(resolution):
    """What studying a page asks beyond reading it: only a resolution has a quiz or a summary."""
    return {
        "has_quiz": bool(resolution and len(resolution.quiz)),
        "asks_for_summary": bool(resolution and resolution.asks_for_summary),
    }


def assigned_items(member):
    """What ``member``'s cell is asked to study (``AssignedItem``s, soonest deadline first):
    shared by the cell, so the home page keeps it per cell (``study_panel``)."""
    assignments, resolutions = _assignments(member)
    return [
        AssignedItem(
            page_id=page_id,
            deadline=assignment.deadline,
            **_asks(resolutions.get(page_id)),
        )
        for page_id, assignment in assignments.items()
    ]


def member_progress(member, today=None):
    """One ``ItemProgress`` per live item assigned to ``member``, soonest deadline first.

    A page assigned twice counts once, with its nearest deadline.
    """
    today = today or timezone.localdate()
    assignments, resolutions = _assignments(member)
    read, best, summaries = _own_progress(member, list(assignments))
    items = []
    for page_id, assignment in assignments.items():
        resolution = resolutions.get(page_id)
        summary = summaries.get(page_id)
        items.append(
            ItemProgress(
                assignment=assignment,
                page=resolution or assignment.page,
                read=page_id in read,
                **_asks(resolution),
                quiz_passed=bool(best.get(page_id, (0, False))[1]),
                best_percent=best[page_id][0] if page_id in best else None,
                summary_status=summary.status if summary else "",
                summary_comment=summary.comment if summary else "",
                today=today,
                deadline=assignment.deadline,
            )
        )
    return items


def to_do_and_overdue(member, assigned, today=None):
    """How many of the ``assigned`` items ``member`` has still to do, and how many of those
    are past their deadline (``ItemProgress.done`` and ``overdue``)."""
    today = today or timezone.localdate()
    read, best, summaries = _own_progress(member, [item.page_id for item in assigned])
    items = [
        ItemProgress(
            assignment=None,
            page=None,
            read=item.page_id in read,
            has_quiz=item.has_quiz,
            quiz_passed=bool(best.get(item.page_id, (0, False))[1]),
            asks_for_summary=item.asks_for_summary,
            summary_status=summaries[item.page_id].status if item.page_id in summaries else "",
            today=today,
            deadline=item.deadline,
        )
        for item in assigned
    ]
    return sum(not i.done for i in items), sum(i.overdue for i in items)
