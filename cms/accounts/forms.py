from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or (when logging in) a recovery code."""

    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        error_messages={"required": _("Đồng chí chưa nhập mã xác thực.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class EnrolForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Mã 6 chữ số đang hiện trên ứng dụng")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class NoticeForm(forms.Form):
    agree = forms.BooleanField(
        label=_("Tôi đã đọc và hiểu thông báo về xử lý dữ liệu cá nhân nêu trên."),
        error_messages={
            "required": _("Đồng chí đánh dấu vào ô xác nhận đã đọc thông báo rồi bấm nút.")
        },
    )
