from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from cms.security.audit import record_read
from cms.security.privacy import private_response
from cms.security.redirects import safe_next

from . import permissions, printing, services
from .forms import FirstPasswordForm, MemberAuthenticationForm, MemberPasswordChangeForm
from .models import Member, PartyOrganization
from .signals import SESSION_MUST_CHANGE


class MemberLoginView(auth_views.LoginView):
    template_name = "members/login.html"
    form_class = MemberAuthenticationForm
    redirect_authenticated_user = True


class MemberLogoutView(auth_views.LogoutView):
    pass


@method_decorator(login_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    """Choose a password: after a one-time code (no old password asked), or
    any later change."""

    template_name = "members/password_change.html"

    def forced(self):
        return bool(self.request.session.get(SESSION_MUST_CHANGE))

    def get_form_class(self):
        return FirstPasswordForm if self.forced() else MemberPasswordChangeForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            forced=self.forced(), next=safe_next(self.request, ""), **kwargs
        )

    def form_valid(self, form):
        forced = self.forced()
        user = form.save()
        update_session_auth_hash(self.request, user)
        self.request.session.pop(SESSION_MUST_CHANGE, None)
        member = Member.objects.for_user(user)
        if member is not None:
            services.password_changed(member, user=user, forced=forced)
        messages.success(
            self.request, "Đã lưu mật khẩu mới. Từ nay đồng chí đăng nhập bằng mật khẩu này."
        )
        return redirect(safe_next(self.request))


@login_required
def accounts_home(request):
    cell = permissions.secretary_cell(request.user)
    if cell is not None:
        return redirect("members:cell_accounts", code=cell.code)
    if permissions.can_view_dashboard(request.user):
        return redirect("members_admin:dashboard")
    raise PermissionDenied


def _managed_cell(request, code):
    cell = get_object_or_404(PartyOrganization.objects.cells(), code=code)
    if not permissions.can_manage_cell_accounts(request.user, cell):
        raise PermissionDenied
    return cell


@private_response
@login_required
def cell_accounts(request, code):
    cell = _managed_cell(request, code)
    members = list(
        Member.objects.filter(cell=cell)
        .select_related("user")
        .order_by("status", "full_name", "card_number")
    )
    record_read(request, cell, "Danh sách tài khoản đảng viên của chi bộ", len(members))
    return render(request, "members/cell_accounts.html", {"cell": cell, "members": members})


@private_response
@login_required
@require_POST
def print_credentials(request, code):
    cell = _managed_cell(request, code)
    issued = services.issue_cell_credentials(cell, user=request.user)
    record_read(request, cell, "Danh sách mã kích hoạt của chi bộ", len(issued), export=True)
    if request.POST.get("format") == "xlsx":
        body = printing.credentials_xlsx(cell, issued)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ext = "xlsx"
    else:
        body = printing.credentials_pdf(cell, issued)
        content_type = "application/pdf"
        ext = "pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="ma-kich-hoat-{cell.code}.{ext}"'
    return response


@private_response
@login_required
@require_POST
def reset_password(request, pk):
    member = get_object_or_404(Member.objects.select_related("cell", "user"), pk=pk)
    if not permissions.can_reset_password(request.user, member):
        raise PermissionDenied
    code = services.reset_password(member, user=request.user)
    response = render(
        request,
        "members/password_reset_done.html",
        {
            "member": member,
            "code": code,
            "back": reverse("members:cell_accounts", args=[member.cell.code]),
        },
    )
    return response
