"""Everything the site holds about one member ("Dữ liệu của tôi"), as named sections of
rows, for the page and for the JSON download.

The one owner of "what is a member's personal data": a new model holding data about a
member adds its section here (SECURITY.md, data map). How the member voted in a secret
ballot is not held anywhere linked to them, so only the receipt ("đã biểu quyết") shows.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.meetings.models import Attendance, Ballot, VoteReceipt
from cms.members.models import Member
from cms.study.models import (
    Bookmark,
    LearningSummary,
    Notification,
    Question,
    QuizAttempt,
    StudyRead,
)

from .models import NoticeAcknowledgement


def _value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if value is None or value == "":
        return ""
    if isinstance(value, Model):
        return str(value)
    return value


def _fields(instance, names):
    """``{verbose name: shown value}`` for the named fields (choices shown by label)."""
    row = {}
    for name in names:
        field = instance._meta.get_field(name)
        display = getattr(instance, f"get_{name}_display", None)
        value = display() if display and field.choices else getattr(instance, name)
        row[str(field.verbose_name).capitalize()] = _value(value)
    return row


def _section(title, rows):
    return {"title": title, "rows": list(rows)}


def _page_rows(records, moment_label, moment_field):
    """A row per record: the document it is about, and when."""
    return (
        {_("Tài liệu"): r.page.title, moment_label: _value(getattr(r, moment_field))}
        for r in records.select_related("page")
    )


def collect(user):
    """The member's data, section by section (each a title and a list of rows)."""
    member = Member.objects.select_related("cell").filter(user=user).first()
    sections = [
        _section(
            _("Tài khoản"),
            [
                {
                    _("Tên đăng nhập"): user.get_username(),
                    _("Ngày tạo tài khoản"): _value(user.date_joined),
                    _("Đăng nhập gần nhất"): _value(user.last_login),
                    _("Xác thực hai bước"): _value(
                        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
                    ),
                    _("Số mã dự phòng còn lại"): StaticToken.objects.filter(
                        device__user=user
                    ).count(),
                }
            ],
        )
    ]
    if member is not None:
        sections += _member_sections(member)
    sections += [
        _section(
            _("Tài liệu đã lưu"),
            _page_rows(Bookmark.objects.filter(user=user), _("Lưu lúc"), "created_at"),
        ),
        _section(
            _("Thông báo đã nhận"),
            (
                _fields(n, ["kind", "title", "created_at", "read_at"])
                for n in Notification.objects.filter(user=user)
            ),
        ),
        _section(
            _("Xác nhận thông báo xử lý dữ liệu cá nhân"),
            (
                _fields(a, ["version", "acknowledged_at"])
                for a in NoticeAcknowledgement.objects.filter(user=user)
            ),
        ),
        _section(
            _("Nhật ký hoạt động về tài khoản của đồng chí"),
            (
                {_("Việc"): str(e.message), _("Lúc"): _value(e.timestamp)}
                for instance in filter(None, [user, member])
                for e in ModelLogEntry.objects.for_instance(instance).order_by("-timestamp")[:500]
            ),
        ),
    ]
    return sections


def _member_sections(member):
    profile = _fields(
        member,
        [
            "full_name", "card_number", "gender", "date_of_birth", "admission_date",
            "full_membership_date", "phone", "email", "cell", "position", "status",
            "account_issued_at", "first_login_at", "last_login_at", "login_count",
        ],
    )  # fmt: skip
    return [
        _section(_("Hồ sơ đảng viên"), [profile]),
        _section(
            _("Điểm danh sinh hoạt"),
            (
                {_("Cuộc họp"): str(a.meeting)}
                | _fields(a, ["status", "reason", "checked_in_at", "self_checked_in"])
                for a in Attendance.objects.filter(member=member).select_related("meeting__cell")
            ),
        ),
        _section(
            _("Biểu quyết đã tham gia"),
            (
                {
                    _("Nội dung biểu quyết"): r.motion.question,
                    _("Hình thức"): r.motion.get_ballot_type_display(),
                    _("Thời điểm"): _value(r.voted_at),
                }
                for r in VoteReceipt.objects.filter(member=member).select_related("motion")
            ),
        ),
        _section(
            _("Lựa chọn trong biểu quyết công khai"),
            (
                {_("Nội dung biểu quyết"): b.motion.question, _("Lựa chọn"): str(b.option)}
                for b in Ballot.objects.filter(member=member).select_related("motion", "option")
            ),
        ),
        _section(
            _("Tài liệu học tập đã đọc"),
            _page_rows(StudyRead.objects.filter(member=member), _("Lần đầu đọc"), "read_at"),
        ),
        _section(
            _("Bài kiểm tra"),
            (
                {_("Tài liệu"): q.page.title}
                | _fields(q, ["correct", "total", "passed", "submitted_at"])
                for q in QuizAttempt.objects.filter(member=member).select_related("page")
            ),
        ),
        _section(
            _("Bài thu hoạch"),
            (
                {_("Tài liệu"): s.page.title}
                | _fields(s, ["status", "text", "submitted_at", "reviewed_at", "comment"])
                for s in LearningSummary.objects.filter(member=member).select_related("page")
            ),
        ),
        _section(
            _("Câu hỏi đã gửi"),
            (
                {_("Tài liệu"): q.page.title} | _fields(q, ["text", "created_at", "answer"])
                for q in Question.objects.filter(member=member).select_related("page")
            ),
        ),
    ]


def as_json(user, sections):
    document = {
        "nguoi_yeu_cau": user.get_username(),
        "thoi_diem_xuat": timezone.localtime().isoformat(),
        "du_lieu": sections,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
