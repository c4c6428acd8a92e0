"""Audit actions of cell meetings in Wagtail's log, and the supervision scopes in the admin.

Meetings are plain Django models, so their entries go to Wagtail's
``ModelLogEntry`` (registered for every model by Wagtail itself): one audit
log for pages and meetings alike. A secret vote is logged as "voted" only;
its choice never reaches the log.
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SupervisionScope

ACTIONS = [
    ("meetings.meeting.create", "Lên lịch sinh hoạt chi bộ", "Đã lên lịch buổi sinh hoạt"),
    ("meetings.meeting.open", "Khai mạc sinh hoạt", "Đã khai mạc buổi sinh hoạt"),
    ("meetings.meeting.close", "Bế mạc sinh hoạt", "Đã bế mạc buổi sinh hoạt"),
    ("meetings.attendance.check_in", "Tự điểm danh", "Đảng viên đã tự điểm danh có mặt"),
    ("meetings.attendance.mark", "Điểm danh", "Bí thư đã ghi nhận điểm danh"),
    ("meetings.motion.create", "Tạo biểu quyết", "Đã tạo nội dung biểu quyết"),
    ("meetings.motion.open", "Mở biểu quyết", "Đã mở biểu quyết"),
    ("meetings.motion.close", "Kết thúc biểu quyết", "Đã kết thúc biểu quyết"),
    ("meetings.vote", "Biểu quyết", "Đảng viên đã gửi phiếu biểu quyết"),
    ("meetings.minutes.create", "Lập biên bản", "Đã lập dự thảo biên bản"),
    ("meetings.minutes.edit", "Sửa biên bản", "Đã sửa dự thảo biên bản"),
    ("meetings.minutes.approve", "Thông qua biên bản", "Đã thông qua biên bản"),
    ("meetings.minutes.correct", "Đính chính biên bản", "Đã lập bản đính chính biên bản"),
]


@hooks.register("register_log_actions")
def register_meeting_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


class SupervisionScopeViewSet(SnippetViewSet):
    model = SupervisionScope
    icon = "group"
    menu_label = "Theo dõi sinh hoạt chi bộ"
    list_display = ["user", "organization"]
    add_to_admin_menu = False


register_snippet(SupervisionScopeViewSet)
