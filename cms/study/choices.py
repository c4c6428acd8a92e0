from django.db import models
from django.utils.translation import gettext_lazy as _


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã gửi, chờ nhận xét")
    REVIEWED = "reviewed", _("Đã được nhận xét")


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", _("Nội dung học tập mới")
    DEADLINE = "deadline", _("Sắp đến hạn học tập")
    SUBMITTED = "submitted", _("Bài thu hoạch mới")
    REVIEWED = "reviewed", _("Bài thu hoạch đã được nhận xét")
    QUESTION = "question", _("Câu hỏi, góp ý mới")
    ANSWERED = "answered", _("Câu hỏi đã được trả lời")
    MEETING = "meeting", _("Lịch sinh hoạt chi bộ")


class QuestionKind(models.TextChoices):
    QUESTION = "question", _("Câu hỏi")
    OPINION = "opinion", _("Góp ý")


class QuestionTarget(models.TextChoices):
    CELL = "cell", _("Chi bộ của tôi")
    COMMITTEE = "committee", _("Đảng bộ cấp trên (cấp ủy trực thuộc Tỉnh ủy)")
