from django import forms

from cms.bulletins.models import BulletinPage
from cms.members.models import Member

from .choices import (
    MINUTES_ITEM_PARTS,
    AttendanceStatus,
    BallotType,
    MajorityRule,
    MeetingKind,
)
from .services import material_item_title

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


MISSING_LOCK_VERSION = (
    "Trang sửa biên bản này đã cũ hoặc bị lỗi (thiếu số phiên bản). Nội dung của đồng chí chưa "
    "được ghi; hãy chép lại phần vừa viết, tải lại trang rồi lưu lần nữa."
)


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text_area(label, rows, **options):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **options)


class AgendaItemForm(forms.Form):
    """One agenda line; its material is chosen by id, so renaming the page changes nothing."""

    title = forms.CharField(label="Nội dung", max_length=255, required=False)
    material = forms.ModelChoiceField(
        label="Tài liệu",
        queryset=BulletinPage.objects.none(),
        required=False,
        empty_label="— không kèm tài liệu —",
        error_messages={
            "invalid_choice": "Tài liệu này không thuộc tháng của buổi sinh hoạt; "
            "hãy chọn lại trong danh sách."
        },
    )

    def __init__(self, *args, materials=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["material"]
        field.queryset = BulletinPage.objects.filter(pk__in=[page.pk for page in materials])
        field.label_from_instance = lambda page: page.title

    def item(self):
        """``{"title", "material"}``, or ``None`` for an empty line."""
        title = (self.cleaned_data.get("title") or "").strip()
        material = self.cleaned_data.get("material")
        if not title and material is not None:
            title = material_item_title(material)
        return {"title": title, "material": material} if title else None


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=2)


class MeetingForm(forms.Form):
    """The meeting, and its agenda as rows (title and material) in ``self.agenda``."""

    kind = forms.ChoiceField(label="Hình thức", choices=MeetingKind.choices)
    topic = forms.CharField(label="Chủ đề", max_length=255)
    date = forms.DateField(label="Ngày", widget=DATE_INPUT)
    start_time = forms.TimeField(label="Giờ bắt đầu", widget=TIME_INPUT)
    place = forms.CharField(label="Địa điểm", max_length=255)
    chair = forms.ModelChoiceField(label="Chủ trì", queryset=Member.objects.none())
    recorder = forms.ModelChoiceField(label="Thư ký", queryset=Member.objects.none())
    notice = _text_area("Thông báo gửi đảng viên", 3, required=False)

    def __init__(self, data=None, *, cell, materials=(), agenda=(), **kwargs):
        super().__init__(data, **kwargs)
        members = Member.objects.active().filter(cell=cell).order_by("full_name")
        for name in ("chair", "recorder"):
            self.fields[name].queryset = members
            self.fields[name].label_from_instance = lambda m: m.full_name
        self.agenda = AgendaFormSet(
            data,
            prefix="agenda",
            initial=[{"title": i["title"], "material": i.get("material")} for i in agenda],
            form_kwargs={"materials": materials},
        )

    def is_valid(self):
        return all([super().is_valid(), self.agenda.is_valid()])

    def agenda_items(self):
        return [item for item in (row.item() for row in self.agenda) if item is not None]

    def meeting_data(self):
        return {**self.cleaned_data, "agenda": self.agenda_items()}


class MotionForm(forms.Form):
    question = forms.CharField(label="Nội dung biểu quyết", max_length=500)
    options = _text_area(
        "Các phương án (mỗi dòng một phương án; phương án đầu là tán thành)",
        3,
        initial="Tán thành\nKhông tán thành",
    )
    ballot_type = forms.ChoiceField(label="Hình thức", choices=BallotType.choices)
    majority_rule = forms.ChoiceField(label="Quy tắc thông qua", choices=MajorityRule.choices)

    def option_labels(self):
        return _lines(self.cleaned_data["options"])

    def motion_data(self):
        return {**self.cleaned_data, "options": self.option_labels()}


class AttendanceMarkForm(forms.Form):
    member = forms.IntegerField()
    status = forms.ChoiceField(
        choices=[c for c in AttendanceStatus.choices if c[0] != AttendanceStatus.PENDING]
    )
    reason = forms.CharField(max_length=255, required=False)


class MinutesForm(forms.Form):
    """Per-agenda-item fields are added dynamically: content_N, opinions_N, conclusion_N."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    general_opinions = _text_area("Ý kiến phát biểu khác", 3, required=False)
    conclusion = _text_area("Kết luận của đồng chí chủ trì", 4, required=False)
    end_time = forms.TimeField(
        label="Buổi sinh hoạt kết thúc lúc", widget=TIME_INPUT, required=False
    )

    def __init__(self, *args, minutes, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "lock_version": minutes.lock_version,
                "general_opinions": minutes.general_opinions,
                "conclusion": minutes.conclusion,
                "end_time": minutes.end_time,
            },
        )
        super().__init__(*args, **kwargs)
        self.item_titles = [item.get("title", "") for item in minutes.items]
        self.item_fields = []
        for i, item in enumerate(minutes.items):
            names = []
            for key, label in MINUTES_ITEM_PARTS:
                name = f"{key}_{i}"
                self.fields[name] = _text_area(label, 3, required=False, initial=item.get(key, ""))
                names.append(name)
            self.item_fields.append((item.get("title", ""), [self[n] for n in names]))

    def clean(self):
        cleaned = super().clean()
        if "lock_version" in self.errors:
            # A hidden field: say what happened where the person can read it.
            del self.errors["lock_version"]
            self.add_error(None, MISSING_LOCK_VERSION)
        return cleaned

    def items(self):
        return [
            {
                "title": title,
                **{
                    key: self.cleaned_data.get(f"{key}_{i}", "")
                    for key, _label in MINUTES_ITEM_PARTS
                },
            }
            for i, title in enumerate(self.item_titles)
        ]

    def minutes_data(self):
        data = self.cleaned_data
        return {
            "lock_version": data["lock_version"],
            "items": self.items(),
            "general_opinions": data["general_opinions"],
            "conclusion": data["conclusion"],
            "end_time": data["end_time"],
        }


class CorrectionForm(forms.Form):
    reason = _text_area("Lý do đính chính", 3)
