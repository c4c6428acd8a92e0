"""Wagtail admin views: roster import and the login-rate dashboard."""

import re
import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.security.audit import record_read

from . import dashboard, importer, permissions, roster
from .models import PartyOrganization, PendingRoster

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a unit code may look like (as the URLs' <slug:code>).
UNIT_CODE = re.compile(r"[-\w]{1,32}", re.ASCII)


def forbidden():
    # A plain 403 (Wagtail would turn PermissionDenied into a redirect home).
    return HttpResponseForbidden(
        "Đồng chí không có quyền xem trang này.".encode(), content_type="text/plain; charset=utf-8"
    )


def _download(body, filename, content_type):
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp danh sách (XLSX hoặc CSV UTF-8)",
        error_messages={"required": "Đề nghị chọn tệp danh sách."},
    )

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > settings.MEMBERS_IMPORT_MAX_BYTES:
            raise forms.ValidationError("Tệp quá lớn.")
        if not f.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("Chỉ nhận tệp .xlsx hoặc .csv.")
        return f


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    """Upload → preview (dry run) → confirm. The uploaded file waits in the
    database between preview and confirmation (``PendingRoster``), so it is
    checked again as it is written."""

    template_name = "members/admin/import.html"
    page_title = "Nhập danh sách đảng viên"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_import(request.user):
            return forbidden()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", RosterUploadForm())
        ctx["headers"] = roster.HEADERS
        ctx["preview_limit"] = importer.PREVIEW_LIMIT
        return ctx

    def post(self, request):
        token = request.POST.get("token")
        if token:
            return self.confirm(request, token)
        form = RosterUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            result = importer.import_roster(data, upload.name, dry_run=True, user=request.user)
        except roster.RosterFileError as exc:
            form.add_error("file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        record_read(
            request,
            request.user,
            f"Xem trước danh sách nhập {upload.name[:100]}",
            len(result.created) + len(result.updated),
        )
        token = ""
        if result.ok and (result.created or result.updated):
            PendingRoster.objects.stale().delete()
            token = secrets.token_urlsafe(16)
            PendingRoster.objects.create(
                token=token, user=request.user, filename=upload.name[:255], data=data
            )
        return self.render_to_response(
            self.get_context_data(result=result, token=token, filename=upload.name)
        )

    def confirm(self, request, token):
        pending = PendingRoster.objects.fresh().filter(token=token, user=request.user).first()
        if pending is None:
            messages.error(request, "Bản xem trước đã hết hạn, đề nghị tải tệp lên lại.")
            return redirect("members_admin:import")
        filename = pending.filename
        result = importer.import_roster(
            bytes(pending.data), filename, dry_run=False, user=request.user
        )
        pending.delete()
        if not result.ok:
            return self.render_to_response(
                self.get_context_data(result=result, token="", filename=filename)
            )
        messages.success(request, f"Đã nhập {filename}: {result.summary()}.")
        return redirect("members_admin:import")


def import_template(request, fmt):
    if not permissions.can_import(request.user):
        return forbidden()
    if fmt == "xlsx":
        return _download(roster.template_xlsx(), "mau-danh-sach-dang-vien.xlsx", XLSX)
    return _download(roster.template_csv(), "mau-danh-sach-dang-vien.csv", "text/csv")


class DashboardMixin:
    def dispatch(self, request, *args, **kwargs):
        try:
            self.unit = self.get_unit()
        except PermissionDenied:
            return forbidden()
        return super().dispatch(request, *args, **kwargs)

    def get_unit(self):
        code = self.request.GET.get("unit") or self.kwargs.get("code")
        if code:
            if not UNIT_CODE.fullmatch(code):  # NUL bytes and the like: no such unit
                raise Http404
            unit = PartyOrganization.objects.filter(code=code).first()
            if unit is None:
                raise Http404
        else:
            roots = permissions.dashboard_roots(self.request.user)
            if not roots:
                raise PermissionDenied
            unit = roots[0]
        if not permissions.can_view_dashboard(self.request.user, unit):
            raise PermissionDenied
        return unit

    def trail(self, unit):
        """Ancestors the viewer may open, for the drill-down breadcrumb."""
        return [
            a for a in unit.get_ancestors() if permissions.can_view_dashboard(self.request.user, a)
        ]


class DashboardView(DashboardMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "members/admin/dashboard.html"
    page_title = "Tỷ lệ đảng viên đăng nhập"
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        unit = self.unit
        sort = self.request.GET.get("sort", "code")
        if sort.lstrip("-") not in dashboard.SORT_KEYS:
            sort = "code"
        total, rows = dashboard.unit_rows(unit, sort)
        daily, monthly = dashboard.visits_history(unit)
        ctx.update(
            unit=unit,
            total=total,
            rows=rows,
            sort=sort,
            trail=self.trail(unit),
            threshold=round(settings.LOGIN_RATE_THRESHOLD * 100),
            chart=dashboard.trend_chart(unit),
            daily=daily,
            monthly=monthly,
            columns=[
                ("code", "Mã"),
                ("name", "Đơn vị"),
                ("issued", "Đã cấp tài khoản"),
                ("logged_in", "Đã đăng nhập"),
                ("never", "Chưa đăng nhập"),
                ("rate", "Tỷ lệ"),
                ("visits_month", "Lượt truy cập tháng này"),
            ],
        )
        return ctx


def dashboard_export(request):
    view = DashboardMixin()
    view.request, view.kwargs = request, {}
    try:
        unit = view.get_unit()
    except PermissionDenied:
        return forbidden()
    total, rows = dashboard.unit_rows(unit, request.GET.get("sort", "code"))
    return _download(
        dashboard.export_xlsx(unit, total, rows), f"ty-le-dang-nhap-{unit.code}.xlsx", XLSX
    )


class NeverLoggedInView(DashboardMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "members/admin/never_logged_in.html"
    page_title = "Đảng viên chưa đăng nhập"
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("members_admin:dashboard"), "label": "Tỷ lệ đảng viên đăng nhập"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        unit = self.unit
        page = Paginator(dashboard.never_logged_in(unit), 100).get_page(self.request.GET.get("p"))
        record_read(
            self.request,
            unit,
            "Danh sách đảng viên chưa đăng nhập",
            len(page.object_list),
            page=page.number,
        )
        ctx.update(unit=unit, page_obj=page, trail=self.trail(unit))
        return ctx
