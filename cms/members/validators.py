"""Password rules with Vietnamese messages (AUTH_PASSWORD_VALIDATORS)."""

from django.contrib.auth.password_validation import (
    CommonPasswordValidator as DjangoCommonPasswordValidator,
)
from django.core.exceptions import ValidationError

from cms.core.folding import fold

EXTRA_COMMON = {
    "matkhau",
    "matkhau1",
    "matkhau123",
    "matkhau@123",
    "dangvien",
    "dangvien1",
    "dangvien123",
    "dongnai",
    "dongnai123",
    "vietnam",
    "vietnam123",
    "tinhuy",
    "tinhuydongnai",
    "chibo123",
    "abc12345",
    "abcd1234",
    "demo@2026",
}


def _compact(value):
    return "".join(ch for ch in fold(str(value)) if ch.isalnum())


class MinimumLengthValidator:
    def __init__(self, min_length=8):
        self.min_length = min_length

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự.",
                code="password_too_short",
            )

    def get_help_text(self):
        return f"Mật khẩu có ít nhất {self.min_length} ký tự."


class PersonalDataValidator:
    """Not the card number, the phone number or the date of birth (in any
    usual writing), nor the login name."""

    def validate(self, password, user=None):
        if user is None:
            return
        candidates = [getattr(user, "username", "")]
        member = None
        try:
            member = user.member
        except Exception:  # staff account without a member profile
            member = None
        if member is not None:
            candidates += [member.card_number, member.phone]
            dob = member.date_of_birth
            if dob:
                candidates += [
                    dob.strftime("%d%m%Y"),
                    dob.strftime("%d%m%y"),
                    dob.strftime("%Y%m%d"),
                ]
        compact = _compact(password)
        for candidate in candidates:
            c = _compact(candidate or "")
            if len(c) >= 6 and c in compact:
                raise ValidationError(
                    "Mật khẩu không được chứa số thẻ đảng viên, số điện thoại hay ngày sinh.",
                    code="password_personal_data",
                )

    def get_help_text(self):
        return "Không dùng số thẻ đảng viên, số điện thoại hay ngày sinh làm mật khẩu."


class CommonPasswordValidator(DjangoCommonPasswordValidator):
    def validate(self, password, user=None):
        folded = fold(password.strip())
        if folded in self.passwords or folded in EXTRA_COMMON or _compact(password) in EXTRA_COMMON:
            raise ValidationError(
                "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.",
                code="password_too_common",
            )

    def get_help_text(self):
        return "Không dùng mật khẩu phổ biến (như 12345678, matkhau123)."
