"""Puts the editorial workflows, role groups and scopes in place (idempotent).

Used by ``seed_demo`` (through ``demo.py``) and by ``manage.py
setup_workflows`` on a fresh production install. Everything it creates can be
changed afterwards in the admin (Cài đặt → Quy trình duyệt, Nhóm).
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from wagtail.models import (
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from cms.bulletins.models import BulletinIndexPage
from cms.core import roles
from cms.core.folding import fold
from cms.documents.models import DocumentIndexPage
from cms.news.models import NewsIndexPage
from cms.resolutions.models import ResolutionIndexPage
from cms.study.models import PublishedQuestion

from .models import FinalApprovalTask, ReviewTask, ScreeningTask

MAIN_WORKFLOW = "Tin bài và văn bản: biên tập → kiểm tra bảo mật → phê duyệt"
PROPAGANDA_WORKFLOW = (
    "Bản tin, tài liệu sinh hoạt chi bộ (Ban Tuyên giáo): biên tập → kiểm tra bảo mật → phê duyệt"
)
REVIEW = "Biên tập"
SCREENING = "Kiểm tra bảo mật"
APPROVAL = "Phê duyệt"
PROPAGANDA_REVIEW = "Biên tập (Ban Tuyên giáo)"
PROPAGANDA_APPROVAL = "Phê duyệt (Ban Tuyên giáo)"

# Page permissions each editorial role holds on its scope's sections.
ROLE_PAGE_PERMISSIONS = {
    roles.EDITORS: ["add", "change"],
    roles.REVIEWERS: ["change"],
    roles.APPROVERS: ["change"],
}


def committee_label(name):
    """ "Đảng bộ thành phố Biên Hòa" → "thành phố Biên Hòa"."""
    return name.removeprefix("Đảng bộ ").strip()


def committee_slug(name):
    """ "Đảng bộ thành phố Biên Hòa" → "bien-hoa" (the section's URL slug)."""
    label = committee_label(name)
    for prefix in ("thành phố ", "huyện ", "thị xã "):
        label = label.removeprefix(prefix)
    return slugify(fold(label))


def grant(group, page, permission_types):
    for permission_type in permission_types:
        exists = GroupPagePermission.objects.filter(
            group=group,
            page=page,
            permission__codename=f"{permission_type}_page",
        ).exists()
        if not exists:
            GroupPagePermission.objects.create(
                group=group, page=page, permission_type=permission_type
            )


def scoped_groups(scope_label, base_groups):
    """The committee's editor/reviewer/approver groups, with their role's
    permissions except the province-wide ones."""
    groups = {}
    for role in roles.SCOPED_ROLES:
        group, _ = Group.objects.get_or_create(name=roles.scoped_group_name(role, scope_label))
        inherited = base_groups[role].permissions.select_related("content_type")
        group.permissions.add(*[p for p in inherited if not roles.is_province_wide(p)])
        groups[role] = group
    return groups


def grant_scope(groups, sections):
    for role, group in groups.items():
        for page in sections:
            grant(group, page, ROLE_PAGE_PERMISSIONS[role])


def _task(model, name, group_names):
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model.objects.create(name=name)
    task.groups.add(*Group.objects.filter(name__in=group_names))
    return task


def _workflow(name, tasks, pages):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def setup(main_sections, propaganda_sections, committee_sections=()):
    """Create groups, scopes, tasks and workflows.

    ``main_sections``: the province-wide news/documents index pages;
    ``propaganda_sections``: bulletins and resolution study index pages;
    ``committee_sections``: ``[(committee name, [section pages])]``.
    """
    base = roles.ensure_groups()
    grant_scope({role: base[role] for role in roles.SCOPED_ROLES}, main_sections)
    review_groups = [roles.REVIEWERS]
    approval_groups = [roles.APPROVERS]
    for name, sections in committee_sections:
        groups = scoped_groups(committee_label(name), base)
        grant_scope(groups, sections)
        review_groups.append(groups[roles.REVIEWERS].name)
        approval_groups.append(groups[roles.APPROVERS].name)
    for page in propaganda_sections:
        grant(base[roles.PROPAGANDA], page, ["add", "change"])
        grant(base[roles.PROPAGANDA_REVIEWERS], page, ["change"])
        grant(base[roles.PROPAGANDA_APPROVERS], page, ["change"])
    base[roles.PROPAGANDA_APPROVERS].permissions.add(*base[roles.PROPAGANDA].permissions.all())

    screening = _task(ScreeningTask, SCREENING, [roles.SECURITY_OFFICERS])
    main = _workflow(
        MAIN_WORKFLOW,
        [
            _task(ReviewTask, REVIEW, review_groups),
            screening,
            _task(FinalApprovalTask, APPROVAL, approval_groups),
        ],
        main_sections,
    )
    propaganda = _workflow(
        PROPAGANDA_WORKFLOW,
        [
            _task(ReviewTask, PROPAGANDA_REVIEW, [roles.PROPAGANDA_REVIEWERS]),
            screening,
            _task(FinalApprovalTask, PROPAGANDA_APPROVAL, [roles.PROPAGANDA_APPROVERS]),
        ],
        propaganda_sections,
    )
    # Members' questions published on the materials go through the same stages.
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(PublishedQuestion),
        defaults={"workflow": propaganda},
    )
    return main, propaganda


def default_sections():
    """The site's section pages as they exist (news, documents, bulletins, resolutions)."""

    def top(model):
        return list(model.objects.filter(depth=3))

    main = top(NewsIndexPage) + top(DocumentIndexPage)
    propaganda = top(BulletinIndexPage) + top(ResolutionIndexPage)
    committees = {}
    for model in (NewsIndexPage, DocumentIndexPage):
        for page in model.objects.filter(depth=4):
            committees.setdefault(page.title, []).append(page)
    return main, propaganda, list(committees.items())
