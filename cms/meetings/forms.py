from django import forms

from cms.members.models import Member

from .choices import AttendanceStatus, BallotType, MajorityRule, MeetingKind

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=MeetingKind.choices)
    topic = forms.CharField(label="Chủ đề", max_length=255)
    date = forms.DateField(label="Ngày", widget=DATE_INPUT)
    start_time = forms.TimeField(label="Giờ bắt đầu", widget=TIME_INPUT)
    place = forms.CharField(label="Địa điểm", max_length=255)
    chair = forms.ModelChoiceField(label="Chủ trì", queryset=Member.objects.none())
    recorder = forms.ModelChoiceField(label="Thư ký", queryset=Member.objects.none())
    agenda = forms.CharField(
        label="Nội dung sinh hoạt (mỗi dòng một nội dung)",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    notice = forms.CharField(
        label="Thông báo gửi đảng viên", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, cell, **kwargs):
        super().__init__(*args, **kwargs)
        members = Member.objects.active().filter(cell=cell).order_by("full_name")
        self.fields["chair"].queryset = members
        self.fields["recorder"].queryset = members
        self.fields["chair"].label_from_instance = lambda m: m.full_name
        self.fields["recorder"].label_from_instance = lambda m: m.full_name

    def agenda_titles(self):
        return [line.strip() for line in self.cleaned_data["agenda"].splitlines() if line.strip()]


class MotionForm(forms.Form):
    question = forms.CharField(label="Nội dung biểu quyết", max_length=500)
    options = forms.CharField(
        label="Các phương án (mỗi dòng một phương án; phương án đầu là tán thành)",
        widget=forms.Textarea(attrs={"rows": 3}),
        initial="Tán thành\nKhông tán thành",
    )
    ballot_type = forms.ChoiceField(label="Hình thức", choices=BallotType.choices)
    majority_rule = forms.ChoiceField(label="Quy tắc thông qua", choices=MajorityRule.choices)

    def option_labels(self):
        return [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]


class AttendanceMarkForm(forms.Form):
    member = forms.IntegerField()
    status = forms.ChoiceField(
        choices=[c for c in AttendanceStatus.choices if c[0] != AttendanceStatus.PENDING]
    )
    reason = forms.CharField(max_length=255, required=False)


class MinutesForm(forms.Form):
    """Per-agenda-item fields are added dynamically: content_N, opinions_N, conclusion_N."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    general_opinions = forms.CharField(
        label="Ý kiến phát biểu khác", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    conclusion = forms.CharField(
        label="Kết luận của đồng chí chủ trì",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    end_time = forms.TimeField(
        label="Buổi sinh hoạt kết thúc lúc", widget=TIME_INPUT, required=False
    )

    def __init__(self, *args, minutes, **kwargs):
        super().__init__(*args, **kwargs)
        self.item_titles = [item.get("title", "") for item in minutes.items]
        self.item_fields = []
        for i, item in enumerate(minutes.items):
            names = []
            for key, label in (
                ("content", "Nội dung"),
                ("opinions", "Ý kiến thảo luận"),
                ("conclusion", "Kết luận"),
            ):
                name = f"{key}_{i}"
                self.fields[name] = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=False,
                    initial=item.get(key, ""),
                )
                names.append(name)
            self.item_fields.append((item.get("title", ""), [self[n] for n in names]))

    def items(self):
        return [
            {
                "title": title,
                "content": self.cleaned_data.get(f"content_{i}", ""),
                "opinions": self.cleaned_data.get(f"opinions_{i}", ""),
                "conclusion": self.cleaned_data.get(f"conclusion_{i}", ""),
            }
            for i, title in enumerate(self.item_titles)
        ]


class CorrectionForm(forms.Form):
    reason = forms.CharField(label="Lý do đính chính", widget=forms.Textarea(attrs={"rows": 3}))
