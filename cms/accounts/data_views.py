"""The processing notice and "Dữ liệu của tôi"."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from cms.security.audit import record_read
from cms.security.privacy import private_response
from cms.security.redirects import safe_next

from . import notice, personal_data
from .forms import NoticeForm
from .middleware import NOTICE_KEY


@private_response
@login_required
def processing_notice(request):
    form = NoticeForm(request.POST or None)
    if form.is_valid():
        notice.acknowledge(request.user)
        request.session[NOTICE_KEY] = notice.NOTICE_VERSION
        return redirect(safe_next(request))
    context = {
        "form": form,
        "next": safe_next(request, ""),
        "version": notice.NOTICE_VERSION,
        "acknowledged": notice.acknowledged(request.user),
    }
    return render(request, "accounts/notice.html", context)


@private_response
@login_required
def my_data(request):
    sections = personal_data.collect(request.user)
    return render(request, "accounts/my_data.html", {"sections": sections})


@private_response
@login_required
def my_data_download(request):
    user = request.user
    body = personal_data.as_json(user, personal_data.collect(user))
    record_read(request, user, "Dữ liệu của tôi (tự tải xuống)", 1, export=True)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="du-lieu-cua-toi-{stamp}.json"'
    return response
