"""Admin: start a person's two-factor authentication afresh (lost phone, lost codes)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import twofactor

RESET_PERMISSION = "auth.change_user"


def can_reset(user):
    return user.has_perm(RESET_PERMISSION)


class ResetDevicesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/reset_devices.html"
    page_title = "Đặt lại xác thực hai bước"
    header_icon = "key"

    def dispatch(self, request, pk):
        if not can_reset(request.user):
            return HttpResponseForbidden(
                "Đồng chí không có quyền đặt lại xác thực hai bước.".encode(),
                content_type="text/plain; charset=utf-8",
            )
        self.target = get_object_or_404(get_user_model(), pk=pk)
        return super().dispatch(request, pk)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.target,
            enrolled=twofactor.is_enrolled(self.target),
            codes_left=twofactor.recovery_codes_left(self.target),
            **kwargs,
        )

    def post(self, request, pk):
        twofactor.reset(self.target, by=request.user)
        messages.success(
            request,
            f"Đã xóa thiết bị xác thực của {self.target.get_username()}: lần đăng nhập tới, "
            "tài khoản phải đăng ký lại ứng dụng xác thực.",
        )
        return redirect("wagtailusers_users:index")
