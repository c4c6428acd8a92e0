"""Two-factor authentication: TOTP (an authenticator app) on django-otp, plus ten
one-time recovery codes (django-otp's static device).

One owner for each rule: who must use a second factor (``required_for``), how a
person enrols (``start_enrolment`` → ``confirm_enrolment``), how a code is checked
(``verify``), and how an administrator starts someone afresh (``reset``). Enrolment,
failed codes, new recovery codes and resets are written to Wagtail's audit log.
"""

import secrets
from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log as wagtail_log

import django_otp
import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.security.audit import loggable

ADMIN_ACCESS = "wagtailadmin.access_admin"
TOTP_NAME = "Ứng dụng xác thực"
RECOVERY_NAME = "Mã dự phòng"
# Recovery codes: 10 characters from an alphabet without look-alikes (0/O, 1/l/I).
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10


def log(account, action, **kwargs):
    return wagtail_log(loggable(account), action, **kwargs)


def required_for(user):
    """Anyone who can open the Wagtail admin must use a second factor."""
    return bool(user and user.is_authenticated and user.has_perm(ADMIN_ACCESS))


def confirmed_totp(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def is_enrolled(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def start_enrolment(user):
    """The person's pending (unconfirmed) authenticator, created once and reused until
    confirmed, so reloading the page does not change the QR code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device):
    """The base32 secret in groups of four, for typing into an app by hand."""
    raw = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device):
    """The otpauth:// address as inline SVG markup (no script, no style attribute)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title="Mã QR thêm tài khoản vào ứng dụng"
    )


def _clean(token):
    return "".join((token or "").split()).lower()


@transaction.atomic
def confirm_enrolment(request, device, token):
    """Checks the first code from the app; on success the device is confirmed, any older
    authenticator removed, the session verified, and new recovery codes returned."""
    user = request.user
    if not device.verify_token(_clean(token)):
        log(user, "accounts.otp_failure", user=user, data={"step": "enrol"})
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    log(user, "accounts.otp_enrol", user=user)
    return issue_recovery_codes(user, by=user)


@transaction.atomic
def issue_recovery_codes(user, by):
    """Ten new one-time codes (the old ones stop working); shown to the person once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
        for _ in range(settings.OTP_RECOVERY_CODES)
    ]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    log(user, "accounts.recovery_codes", user=by, data={"count": len(codes)})
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(request, token):
    """Checks a code from the app or a recovery code against the person's devices; on
    success the session is verified. A wrong code is logged and slows the next try."""
    user = request.user
    token = _clean(token)
    device = django_otp.match_token(user, token) if token else None
    if device is None:
        log(user, "accounts.otp_failure", user=user, data={"step": "login"})
        return None
    django_otp.login(request, device)
    if isinstance(device, StaticDevice):
        log(user, "accounts.recovery_used", user=user, data={"left": recovery_codes_left(user)})
    return device


def throttled(user):
    """Seconds to wait before the next code may be tried (0: now)."""
    waits = []
    for device in django_otp.devices_for_user(user):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append((data["locked_until"] - timezone.now()).total_seconds())
    return max([0, *waits])


@transaction.atomic
def reset(user, by):
    """An administrator removes every device of ``user``: at the next login they enrol
    afresh (when their account needs a second factor) with new recovery codes."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    log(user, "accounts.otp_reset", user=by, data={"devices": removed})
    return removed
