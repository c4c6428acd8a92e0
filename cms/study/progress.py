"""A member's study items and how far they got: "Học tập của tôi"."""

from dataclasses import dataclass

from django.utils import timezone

from cms.resolutions.models import ResolutionStudyPage

from .choices import SummaryStatus
from .models import LearningSummary, QuizAttempt, StudyAssignment, StudyRead


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

    @property
    def deadline(self):
        return self.assignment.deadline

    @property
    def summary_submitted(self):
        return self.summary_status in (SummaryStatus.SUBMITTED, SummaryStatus.REVIEWED)

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


def member_progress(member, today=None):
    """One ``ItemProgress`` per live item assigned to ``member``, soonest deadline first.

    A page assigned twice counts once, with its nearest deadline.
    """
    today = today or timezone.localdate()
    assignments = {}
    for a in StudyAssignment.objects.for_member(member).live().order_by("deadline", "pk"):
        assignments.setdefault(a.page_id, a)
    page_ids = list(assignments)
    read = set(
        StudyRead.objects.filter(member=member, page_id__in=page_ids).values_list(
            "page_id", flat=True
        )
    )
    resolutions = {p.pk: p for p in ResolutionStudyPage.objects.filter(pk__in=page_ids)}
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
    items = []
    for page_id, assignment in assignments.items():
        resolution = resolutions.get(page_id)
        summary = summaries.get(page_id)
        items.append(
            ItemProgress(
                assignment=assignment,
                page=resolution or assignment.page,
                read=page_id in read,
                has_quiz=bool(resolution and len(resolution.quiz)),
                quiz_passed=bool(best.get(page_id, (0, False))[1]),
                best_percent=best[page_id][0] if page_id in best else None,
                asks_for_summary=bool(resolution and resolution.asks_for_summary),
                summary_status=summary.status if summary else "",
                summary_comment=summary.comment if summary else "",
                today=today,
            )
        )
    return items
