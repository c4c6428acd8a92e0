from django.db import models


class MeetingKind(models.TextChoices):
    REGULAR = "regular", "Sinh hoạt thường kỳ"
    THEMATIC = "thematic", "Sinh hoạt chuyên đề"
    EXTRAORDINARY = "extraordinary", "Sinh hoạt bất thường"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Đã lên lịch"
    OPEN = "open", "Đang sinh hoạt"
    CLOSED = "closed", "Đã kết thúc"


class QuorumRule(models.TextChoices):
    """How many of the members who must attend make the meeting valid."""

    MORE_THAN_HALF = "more_than_half", "Quá nửa số đảng viên phải dự"
    TWO_THIRDS = "two_thirds", "Từ hai phần ba số đảng viên phải dự trở lên"


class AttendanceStatus(models.TextChoices):
    PENDING = "pending", "Chưa điểm danh"
    PRESENT = "present", "Có mặt"
    EXCUSED = "excused", "Vắng có lý do"
    ABSENT = "absent", "Vắng không lý do"


class BallotType(models.TextChoices):
    OPEN = "open", "Biểu quyết công khai"
    SECRET = "secret", "Bỏ phiếu kín"


class MajorityRule(models.TextChoices):
    PRESENT_MAJORITY = "present_majority", "Quá nửa số đảng viên có mặt"
    MEMBERS_MAJORITY = "members_majority", "Quá nửa tổng số đảng viên của chi bộ"
    TWO_THIRDS = "two_thirds", "Từ hai phần ba số đảng viên có mặt trở lên"


class MotionStatus(models.TextChoices):
    DRAFT = "draft", "Chưa mở"
    OPEN = "open", "Đang biểu quyết"
    CLOSED = "closed", "Đã kết thúc"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    APPROVED = "approved", "Đã thông qua"


# What the recorder writes for each agenda item of the minutes, in order.
MINUTES_ITEM_PARTS = (
    ("content", "Nội dung"),
    ("opinions", "Ý kiến thảo luận"),
    ("conclusion", "Kết luận"),
)
