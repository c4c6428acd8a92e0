from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .backends import REFUSAL_ATTR

MESSAGES = {
    "invalid_login": gettext_lazy(
        "Số thẻ đảng viên/số điện thoại hoặc mật khẩu không đúng. "
        "Đồng chí kiểm tra lại, mã kích hoạt gồm 12 chữ và số (không có số 0, số 1)."
    ),
    "inactive": gettext_lazy(
        "Tài khoản này không còn được sử dụng vì đảng viên không còn sinh hoạt tại Đảng bộ "
        "tỉnh (đã chuyển sinh hoạt, từ trần hoặc bị khai trừ). Nếu có nhầm lẫn, đề nghị liên "
        "hệ bí thư chi bộ."
    ),
}


class MemberAuthenticationForm(AuthenticationForm):
    error_messages = {
        "invalid_login": MESSAGES["invalid_login"],
        "inactive": MESSAGES["inactive"],
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Số thẻ đảng viên hoặc số điện thoại")
        self.fields["username"].error_messages["required"] = _(
            "Đồng chí chưa nhập số thẻ đảng viên hoặc số điện thoại."
        )
        self.fields["password"].label = _("Mật khẩu")
        self.fields["password"].error_messages["required"] = _("Đồng chí chưa nhập mật khẩu.")

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                reason = getattr(self.request, REFUSAL_ATTR, None)
                if reason == "inactive":
                    raise forms.ValidationError(MESSAGES[reason], code=reason)
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


def _vietnamese_password_fields(form):
    form.error_messages = {
        **form.error_messages,
        "password_mismatch": "Hai lần nhập mật khẩu mới không khớp nhau.",
        "password_incorrect": "Mật khẩu hiện tại không đúng.",
    }
    labels = {
        "old_password": "Mật khẩu hiện tại",
        "new_password1": "Mật khẩu mới",
        "new_password2": "Nhập lại mật khẩu mới",
    }
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label
            form.fields[name].error_messages["required"] = f"Đồng chí chưa nhập {label.lower()}."


class FirstPasswordForm(SetPasswordForm):
    """First login (or after a reset): choose a password, no old one asked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vietnamese_password_fields(self)


class MemberPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vietnamese_password_fields(self)
