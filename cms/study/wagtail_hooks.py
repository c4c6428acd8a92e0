"""Read tracking on page serving, the assignment screens and the study audit actions."""

from django.conf import settings

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.bulletins.models import BulletinPage
from cms.resolutions.models import ResolutionStudyPage

from . import notifications, services
from .models import PublishedQuestion, Question, StudyAssignment

STUDY_PAGE_CLASSES = (ResolutionStudyPage, BulletinPage)

ACTIONS = [
    ("study.quiz.submit", "Nộp bài tự kiểm tra", "Đảng viên đã nộp bài tự kiểm tra"),
    ("study.summary.submit", "Gửi bài thu hoạch", "Đảng viên đã gửi bài thu hoạch cho bí thư"),
    ("study.summary.review", "Nhận xét bài thu hoạch", "Bí thư đã nhận xét bài thu hoạch"),
    ("study.question.ask", "Gửi câu hỏi, góp ý", "Đảng viên đã gửi câu hỏi, góp ý"),
    ("study.question.answer", "Trả lời câu hỏi, góp ý", "Đã trả lời câu hỏi, góp ý"),
    (
        "study.question.propose",
        "Đề nghị công khai hỏi đáp",
        "Đã đề nghị công khai hỏi đáp (chờ biên tập ẩn danh)",
    ),
    (
        "study.reach.view_members",
        "Xem kết quả học tập từng đảng viên",
        "Đã xem kết quả học tập của từng đảng viên trong chi bộ",
    ),
    (
        "study.reach.export_members",
        "Xuất kết quả học tập từng đảng viên",
        "Đã tải bảng kết quả học tập của từng đảng viên trong chi bộ",
    ),
]


@hooks.register("register_log_actions")
def register_study_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("before_serve_page")
def record_study_read(page, request, serve_args, serve_kwargs):
    """The first time a member opens a study item, note it (one query at most).

    A request without a session cookie is anonymous: it is left untouched
    (no session read, so no ``Vary: Cookie``), and stays cacheable.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return
    if not issubclass(page.specific_class or object, STUDY_PAGE_CLASSES):
        return
    if request.user.is_authenticated:
        services.record_read(request.user, page)


@hooks.register("after_create_snippet")
def notify_new_assignment(request, instance):
    """Tell every member an assignment reaches (their inbox on the site)."""
    if isinstance(instance, StudyAssignment):
        notifications.assignment_created(instance)


class StudyAssignmentViewSet(SnippetViewSet):
    model = StudyAssignment
    icon = "tasks"
    menu_label = "Giao học tập"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["page", "audience", "deadline", "assigned_on"]


register_snippet(StudyAssignmentViewSet)


class QuestionViewSet(SnippetViewSet):
    """Members' questions as they were sent (read only: officers answer on the site)."""

    model = Question
    icon = "help"
    menu_label = "Câu hỏi, góp ý của đảng viên"
    list_display = ["__str__", "page", "unit", "answered_at", "suggest_publishing"]
    list_filter = ["suggest_publishing"]
    inspect_view_enabled = True


class PublishedQuestionViewSet(SnippetViewSet):
    """Answered questions proposed for publication: an editor removes who asked,
    then submits them to the editorial workflow; the final approval publishes."""

    model = PublishedQuestion
    icon = "help"
    menu_label = "Hỏi đáp công khai"
    list_display = ["__str__", "page", "proposed_at", "live"]
    list_filter = ["live"]


class QuestionGroup(SnippetViewSetGroup):
    items = (PublishedQuestionViewSet, QuestionViewSet)
    menu_icon = "help"
    menu_label = "Hỏi đáp, góp ý"
    menu_order = 311


register_snippet(QuestionGroup)
