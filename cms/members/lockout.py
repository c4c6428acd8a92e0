"""Login lockouts, counted by django-axes the way this site needs them.

Failures are counted per login name *and* client address together, so a
stranger who types wrong passwords for a secretary's card number only stops
his own device from trying that card: the secretary logs in from her phone as
usual. Past ``LOGIN_FAILURE_LIMIT`` failures the pair waits
``LOGIN_COOLOFF_MINUTES``, and every further failure doubles the wait
(progressive delay) up to ``LOGIN_COOLOFF_MAX_MINUTES``: the stranger gets
fewer and fewer guesses; the member never waits for him. The client address
is ``client_ip.client_ip`` (proxies trusted only when configured); the login
name is normalised so that "0912 345 678" and "+84912345678" count as one.
Administrators and the organisation department unlock a pair early in the
admin (Đảng viên → Đăng nhập bị tạm khóa), which the audit log records.
"""

import datetime
import math

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from axes.helpers import get_client_username
from axes.models import AccessAttempt

from cms.core.folding import fold

from .backends import find_member
from .client_ip import client_ip
from .models import normalize_phone

LOCKED_MESSAGE = gettext_lazy(
    "Đồng chí đã nhập sai quá nhiều lần từ thiết bị này. Vì an toàn, đề nghị thử lại sau "
    "{minutes} phút, hoặc nhờ bí thư chi bộ cấp lại mã kích hoạt. Việc tạm khóa chỉ áp dụng "
    "cho thiết bị (địa chỉ mạng) này: đăng nhập từ điện thoại hay máy khác vẫn được."
)


def login_name(request, credentials=None):
    """The key failures are counted under: the card number of the member the
    name means (card number or phone, in any writing), else the name folded
    (no accents, lower case)."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = request.POST.get("username")
    raw = (raw or "").strip()[:255]
    known = request.__dict__.setdefault("_login_names", {}) if request is not None else {}
    if raw not in known:
        member = find_member(raw) if raw else None
        known[raw] = (member.card_number if member else normalize_phone(raw) or raw).lower()
    return fold(known[raw])


def failure_limit(request=None, credentials=None):
    return settings.LOGIN_FAILURE_LIMIT


def failures(request):
    """Failures recorded for this login name from this address (not yet expired)."""
    if request is None:
        return 0
    address = getattr(request, "axes_ip_address", None) or client_ip(request)
    total = AccessAttempt.objects.filter(
        username=get_client_username(request), ip_address=address
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return total or 0


def cool_off(request=None):
    """How long a locked pair waits: doubling with every failure past the limit."""
    beyond = max(0, failures(request) - settings.LOGIN_FAILURE_LIMIT)
    minutes = settings.LOGIN_COOLOFF_MINUTES * 2 ** min(beyond, 16)
    return datetime.timedelta(minutes=min(minutes, settings.LOGIN_COOLOFF_MAX_MINUTES))


def locked_out(request, original_response=None, credentials=None):
    """The answer to a locked pair: a Vietnamese page in the site's layout (429)."""
    minutes = math.ceil(cool_off(request).total_seconds() / 60)
    return render(
        request,
        "members/locked_out.html",
        {"message": LOCKED_MESSAGE.format(minutes=minutes)},
        status=429,
    )
