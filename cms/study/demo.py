"""Demo study data: assignments of the demo resolutions and this month's materials, and
reads, quiz attempts and summaries in believable proportions (once).

Who did what is decided by a fixed hash of member and page, so a fresh seed always
looks the same: members who have logged in mostly read; most readers take the quiz
and most of them pass; some write a summary, and secretaries have reviewed part.
The demo member ``dangvien`` read Nghị quyết 12, failed the quiz once and keeps a
draft summary, so "Học tập của tôi" has something left to do.
"""

import datetime
import hashlib

from django.utils import timezone

from cms.bulletins.choices import BulletinKind
from cms.bulletins.models import BulletinPage
from cms.members.models import Member
from cms.resolutions.models import Audience, ResolutionStudyPage

from .choices import NotificationKind, SummaryStatus
from .factories import StudyAssignmentFactory, quiz_stream
from .models import (
    Bookmark,
    LearningSummary,
    PublishedQuestion,
    Question,
    QuizAttempt,
    StudyAssignment,
    StudyRead,
)
from .notifications import notify

SUMMARY_TEXT = (
    "Qua học tập {title}, tôi nhận thức rõ hơn trách nhiệm của đảng viên trong chi bộ: đọc "
    "tài liệu trước mỗi buổi sinh hoạt, phát biểu ý kiến thẳng thắn và nhận việc cụ thể. "
    "Trong quý tới tôi sẽ hướng dẫn hai đảng viên lớn tuổi dùng Sổ tay đảng viên điện tử."
)
REVIEW_COMMENT = (
    "Bài viết nghiêm túc, liên hệ đúng với nhiệm vụ của chi bộ. Đồng chí thực hiện đúng cam kết."
)


def _roll(member_pk, page_pk, salt):
    """A fixed number in [0, 100) for one member, page and step."""
    digest = hashlib.sha256(f"{member_pk}:{page_pk}:{salt}".encode()).digest()
    return int.from_bytes(digest[:2], "big") % 100


def seed(ctx):
    if StudyAssignment.objects.exists():
        return
    today = timezone.localdate()
    main = ResolutionStudyPage.objects.filter(slug="nghi-quyet-12-nq-tu").first()
    if main is not None and not len(main.quiz):
        main.quiz = quiz_stream()
        main.quiz_pass_mark = 70
        main.asks_for_summary = True
        main.save_revision().publish()
    for page in ResolutionStudyPage.objects.live():
        StudyAssignmentFactory(
            page=page,
            audience=page.audience,
            cell_types=list(page.audience_cell_types.all()),
            units=list(page.audience_units.all()),
            deadline=page.study_deadline or today + datetime.timedelta(days=30),
            assigned_on=today - datetime.timedelta(days=20),
        )
    materials = BulletinPage.objects.live().cell_material().newest_first()
    newest = materials.first()
    if newest is not None:
        for material in materials.filter(year=newest.year, month=newest.month):
            StudyAssignmentFactory(
                page=material,
                audience=Audience.CELL_TYPES,
                cell_types=list(material.cell_types.all()),
                deadline=today + datetime.timedelta(days=10),
                assigned_on=today - datetime.timedelta(days=5),
            )
    internal = BulletinPage.objects.live().filter(kind=BulletinKind.INTERNAL).newest_first().first()
    if internal is not None:
        StudyAssignmentFactory(
            page=internal, deadline=today - datetime.timedelta(days=3), assigned_on=today
        )
    for assignment in StudyAssignment.objects.select_related("page"):
        _activity(assignment, main)
    _demo_member(main)


def _activity(assignment, main):
    page = assignment.page
    members = (
        Member.objects.active()
        .filter(assignment.member_q())
        .filter(first_login_at__isnull=False)
        .exclude(user__username="dangvien")
        .values_list("pk", "cell_id")
    )
    now = timezone.now()
    reads, attempts, summaries = [], [], []
    is_main = main is not None and page.pk == main.pk
    for pk, _cell in members:
        if _roll(pk, page.pk, "read") >= 85:
            continue
        reads.append(StudyRead(member_id=pk, page_id=page.pk, read_at=now))
        if not is_main:
            continue
        quiz = _roll(pk, page.pk, "quiz")
        if quiz < 75:
            passed = quiz < 62
            correct = 3 if passed else 1
            attempts.append(
                QuizAttempt(
                    member_id=pk,
                    page_id=page.pk,
                    answers={},
                    correct=correct,
                    total=3,
                    passed=passed,
                    submitted_at=now,
                )
            )
        summary = _roll(pk, page.pk, "summary")
        if summary < 45:
            reviewed = summary < 25
            summaries.append(
                LearningSummary(
                    member_id=pk,
                    page_id=page.pk,
                    text=SUMMARY_TEXT.format(title=page.title.lower()),
                    status=SummaryStatus.REVIEWED if reviewed else SummaryStatus.SUBMITTED,
                    submitted_at=now,
                    reviewed_at=now if reviewed else None,
                    comment=REVIEW_COMMENT if reviewed else "",
                )
            )
    StudyRead.objects.bulk_create(reads, batch_size=2000, ignore_conflicts=True)
    QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
    LearningSummary.objects.bulk_create(summaries, batch_size=2000, ignore_conflicts=True)


def _demo_member(main):
    member = Member.objects.filter(user__username="dangvien").first()
    if member is None or main is None:
        return
    for assignment in StudyAssignment.objects.for_member(member):
        notify(
            [member.user_id],
            NotificationKind.ASSIGNED,
            f"Nội dung học tập mới: {assignment.page.title} (hạn {assignment.deadline:%d/%m/%Y})",
            assignment.page.url or "",
        )
    Bookmark.objects.get_or_create(user=member.user, page_id=main.pk)
    secretary = Member.objects.filter(user__username="bithu").first()
    if secretary is not None:
        question = Question.objects.create(
            member=member,
            page=main,
            unit=member.cell,
            text="Đảng viên đi làm ăn xa có học tập nghị quyết trên sổ tay rồi báo cáo chi bộ "
            "được không?",
            answer="Được. Đồng chí đọc tài liệu, làm bài tự kiểm tra và gửi bài thu hoạch trên "
            "sổ tay; chi bộ ghi nhận kết quả như học tập trực tiếp.",
            answered_by=secretary.user,
            answered_at=timezone.now(),
            suggest_publishing=True,
        )
        # Shown as if it had passed the editorial workflow.
        PublishedQuestion.objects.create(
            question=question,
            page=main,
            public_question="Đảng viên đi làm ăn xa học tập nghị quyết thế nào?",
            answer=question.answer,
            proposed_by=secretary.user,
            live=True,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        notify(
            [member.user_id],
            NotificationKind.ANSWERED,
            f"Câu hỏi của đồng chí về “{main.title}” đã được trả lời",
            "/hoi-dap/",
        )
    StudyRead.objects.get_or_create(member=member, page_id=main.pk)
    QuizAttempt.objects.create(member=member, page=main, answers={}, correct=1, total=3)
    LearningSummary.objects.get_or_create(
        member=member,
        page=main,
        defaults={"text": "Bản nháp: những điểm tôi tâm đắc nhất của nghị quyết là…"},
    )
