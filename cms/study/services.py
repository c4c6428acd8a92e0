"""Study work as plain functions: recording a read, scoring a quiz, the summary's life."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from cms.members.choices import MemberStatus
from cms.members.models import Member
from cms.members.permissions import is_secretary_of

from . import notifications
from .caching import progress_changed
from .choices import SummaryStatus
from .models import SUMMARY_MAX_LENGTH, Bookmark, LearningSummary, QuizAttempt, StudyRead

READ_CACHE_SECONDS = 24 * 3600


def _read_key(user_id, page_id):
    return f"study-read:{user_id}:{page_id}"


def record_read(user, page):
    """Note that ``user``'s member opened ``page``: at most one query, none once noted.

    One ``INSERT … SELECT … ON CONFLICT DO NOTHING`` finds the active member of
    the account and writes the row only the first time (PostgreSQL and
    SQLite both accept it), so a request costs one query and a repeated view
    is answered from the cache without touching the database.
    """
    key = _read_key(user.pk, page.pk)
    if cache.get(key):
        return
    table = StudyRead._meta.db_table
    members = Member._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (member_id, page_id, read_at) "  # noqa: S608 (table names)
            f"SELECT id, %s, %s FROM {members} WHERE user_id = %s AND status = %s "
            "ON CONFLICT (page_id, member_id) DO NOTHING",
            [page.pk, timezone.now(), user.pk, MemberStatus.ACTIVE],
        )
        written = cursor.rowcount
    if written:
        member = Member.objects.for_user(user)
        progress_changed([member.pk if member else None])
    cache.set(key, 1, READ_CACHE_SECONDS)


# --- the self-check quiz -------------------------------------------------


@dataclass
class QuestionResult:
    number: int
    question: str
    choices: list
    chosen: set
    right: set
    explanation: str

    @property
    def is_correct(self):
        return self.chosen == self.right

    @property
    def right_texts(self):
        return [c["text"] for i, c in enumerate(self.choices) if i in self.right]

    @property
    def chosen_texts(self):
        return [c["text"] for i, c in enumerate(self.choices) if i in self.chosen]


@dataclass
class QuizResult:
    questions: list = field(default_factory=list)
    pass_mark: int = 0

    @property
    def correct(self):
        return sum(q.is_correct for q in self.questions)

    @property
    def total(self):
        return len(self.questions)

    @property
    def percent(self):
        return round(100 * self.correct / self.total) if self.total else 0

    @property
    def passed(self):
        return self.total > 0 and self.percent >= self.pass_mark

    @property
    def wrong(self):
        return [q for q in self.questions if not q.is_correct]


def quiz_questions(page):
    """``(block id, value)`` of every question of ``page``'s quiz."""
    return [(block.id, block.value) for block in page.quiz if block.block_type == "question"]


def parse_answers(page, data):
    """The choices ticked in a submitted form: ``{block id: [choice indexes]}``.

    Unknown indexes are dropped; a question left blank counts as wrong.
    """
    answers = {}
    for block_id, value in quiz_questions(page):
        picked = set()
        for raw in data.getlist(f"q-{block_id}"):
            if raw.isascii() and raw.isdigit() and int(raw) < len(value["choices"]):
                picked.add(int(raw))
        answers[block_id] = sorted(picked)
    return answers


def score_quiz(page, answers):
    result = QuizResult(pass_mark=page.quiz_pass_mark)
    for number, (block_id, value) in enumerate(quiz_questions(page), start=1):
        choices = [{"text": c["text"], "correct": bool(c["correct"])} for c in value["choices"]]
        result.questions.append(
            QuestionResult(
                number=number,
                question=value["question"],
                choices=choices,
                chosen=set(answers.get(block_id, [])),
                right={i for i, c in enumerate(choices) if c["correct"]},
                explanation=value["explanation"],
            )
        )
    return result


def submit_quiz(member, page, answers):
    """Score and keep one attempt; returns ``(attempt, result)``."""
    result = score_quiz(page, answers)
    if not result.total:
        raise ValidationError(_("Tài liệu này chưa có bài tự kiểm tra."))
    attempt = QuizAttempt.objects.create(
        member=member,
        page=page,
        answers=answers,
        correct=result.correct,
        total=result.total,
        passed=result.passed,
    )
    log(attempt, "study.quiz.submit", user=member.user, data={"percent": attempt.percent})
    return attempt, result


# --- the learning summary ------------------------------------------------


def _clean_text(text):
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > SUMMARY_MAX_LENGTH:
        raise ValidationError(
            _("Bài thu hoạch dài %(length)s ký tự, quá giới hạn %(limit)s ký tự.")
            % {"length": len(text), "limit": SUMMARY_MAX_LENGTH}
        )
    return text


def summary_for(member, page):
    return LearningSummary.objects.filter(member=member, page=page).first()


@transaction.atomic
def save_summary(member, page, text, *, submit=False):
    """Save a draft, or submit it (once: a submitted summary no longer changes)."""
    if not page.asks_for_summary:
        raise ValidationError(_("Tài liệu này không yêu cầu viết bài thu hoạch."))
    text = _clean_text(text)
    summary, _created = LearningSummary.objects.select_for_update().get_or_create(
        member=member, page=page
    )
    if not summary.is_draft:
        raise ValidationError(_("Bài thu hoạch đã gửi, không sửa được nữa."))
    if submit and not text:
        raise ValidationError(_("Bài thu hoạch còn trống, chưa gửi được."))
    now = timezone.now()
    summary.text = text
    summary.updated_at = now
    if submit:
        summary.status = SummaryStatus.SUBMITTED
        summary.submitted_at = now
    summary.save()
    if submit:
        log(summary, "study.summary.submit", user=member.user)
        notifications.summary_submitted(summary)
    return summary


def can_review(user, summary):
    """Only the secretary of the member's own cell reviews a summary."""
    return is_secretary_of(user, summary.member.cell)


@transaction.atomic
def review_summary(user, summary, comment):
    if not can_review(user, summary):
        raise PermissionDenied
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Hãy viết nhận xét trước khi xác nhận."))
    if summary.status == SummaryStatus.DRAFT:
        raise ValidationError(_("Bài thu hoạch chưa được gửi."))
    summary.comment = comment[:SUMMARY_MAX_LENGTH]
    summary.status = SummaryStatus.REVIEWED
    summary.reviewer = user
    summary.reviewed_at = timezone.now()
    summary.save()
    log(summary, "study.summary.review", user=user)
    notifications.summary_reviewed(summary)
    return summary


def toggle_bookmark(user, page):
    """Save ``page`` for later, or forget it if saved; returns whether it is saved now."""
    deleted, _kinds = Bookmark.objects.filter(user=user, page=page).delete()
    if deleted:
        return False
    Bookmark.objects.get_or_create(user=user, page=page)
    return True
