"""Forms of the Wagtail admin adjusted for the editorial board."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.workflows import WorkflowContentTypeForm, WorkflowPageForm


class AdminLoginForm(LoginForm):
    """Wagtail's login form with its two English leftovers translated.

    Wagtail leaves the password field without a label, so Django shows the
    field name "Password" untranslated; and its placeholder capitalises the
    username's verbose name mid-sentence ("Nhập Tên đăng nhập của bạn").
    """

    password = forms.CharField(
        label=capfirst(_("Password")),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        name = str(self.username_field.verbose_name)
        self.fields["username"].widget.attrs["placeholder"] = _(
            "Enter your %(username_field_name)s"
        ) % {"username_field_name": name[:1].lower() + name[1:]}


def label_wagtail_fields():
    """Labels for Wagtail form fields that have none.

    Without a label Django shows the field's name ("Page") untranslated; set
    once at start-up from ``HomeConfig.ready``.
    """
    WorkflowPageForm.base_fields["page"].label = capfirst(_("Page"))
    # Shown since the published Q&A of cms.study (a snippet) follows a workflow.
    WorkflowContentTypeForm.base_fields["content_types"].label = _(
        "Các loại nội dung dùng quy trình này"
    )
