"""Two-factor pages: enrolment, the code after the password, and the recovery codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.security.privacy import private_response
from cms.security.redirects import safe_next

from . import twofactor
from .forms import CodeForm, EnrolForm

CODES_SESSION_KEY = "otp_new_recovery_codes"


def _with_next(name, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': safe_next(request)})}")


def _show_codes(request, codes):
    request.session[CODES_SESSION_KEY] = codes
    return _with_next("accounts:recovery_codes", request)


@private_response
@login_required
def enrol(request):
    user = request.user
    if twofactor.is_enrolled(user) and not user.is_verified():
        # Only a verified session may replace an authenticator.
        return _with_next("accounts:otp_verify", request)
    device = twofactor.start_enrolment(user)
    form = EnrolForm(request.POST or None)
    if form.is_valid():
        codes = twofactor.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            messages.success(request, _("Đã bật xác thực hai bước cho tài khoản."))
            return _show_codes(request, codes)
        form.add_error(
            "code",
            _("Mã chưa đúng. Đồng chí xem lại đồng hồ của điện thoại và nhập mã đang hiện."),
        )
    context = {
        "form": form,
        "qr_svg": twofactor.qr_svg(device),
        "secret": twofactor.secret_text(device),
        "enrolled": twofactor.is_enrolled(user),
        "required": twofactor.required_for(user),
        "codes_left": twofactor.recovery_codes_left(user),
        "next": safe_next(request, ""),
    }
    return render(request, "accounts/otp_enrol.html", context)


@private_response
@login_required
def verify(request):
    user = request.user
    if not twofactor.is_enrolled(user):
        return _with_next("accounts:otp_enrol", request)
    if user.is_verified():
        return redirect(safe_next(request))
    form = CodeForm(request.POST or None)
    wait = twofactor.throttled(user)
    if form.is_valid():
        if wait:
            form.add_error("code", _("Đồng chí nhập sai nhiều lần. Mời chờ ít giây rồi thử lại."))
        elif twofactor.verify(request, form.cleaned_data["code"]) is not None:
            return redirect(safe_next(request))
        else:
            form.add_error(
                "code",
                _("Mã không đúng hoặc đã hết hạn. Đồng chí nhập mã mới đang hiện trên ứng dụng."),
            )
    return render(
        request, "accounts/otp_verify.html", {"form": form, "next": safe_next(request, "")}
    )


@private_response
@login_required
def recovery_codes(request):
    """The new recovery codes, shown until the person says they have kept them."""
    if request.method == "POST":
        request.session.pop(CODES_SESSION_KEY, None)
        return redirect(safe_next(request))
    return _with_pending_codes(
        request,
        lambda codes: render(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": safe_next(request, "")},
        ),
    )


@private_response
@login_required
def recovery_codes_download(request):
    return _with_pending_codes(request, lambda codes: _codes_file(request, codes))


def _with_pending_codes(request, answer):
    """``answer(codes)`` for the recovery codes just issued, kept in the session until the
    person says they have kept them; with none pending, back to the two-step page."""
    codes = request.session.get(CODES_SESSION_KEY)
    return answer(codes) if codes else redirect(reverse("accounts:otp_enrol"))


def _codes_file(request, codes):
    lines = [
        _("Mã dự phòng – Sổ tay đảng viên điện tử"),
        _("Tài khoản: %(name)s") % {"name": request.user.get_username()},
        _("Mỗi mã chỉ dùng được một lần, khi không có điện thoại bên mình."),
        "",
        *codes,
        "",
    ]
    response = HttpResponse("\r\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ma-du-phong.txt"'
    return response


@private_response
@login_required
@require_POST
def new_recovery_codes(request):
    user = request.user
    if not (twofactor.is_enrolled(user) and user.is_verified()):
        return redirect(reverse("accounts:otp_enrol"))
    return _show_codes(request, twofactor.issue_recovery_codes(user, by=user))
