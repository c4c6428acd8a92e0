"""The roles of the system: Django groups holding Django permissions.

A role's power is a permission (``user.has_perm("members.view_login_rates")``),
never its group's name: group names are labels that administrators may rename
in the admin (Cài đặt → Nhóm) without anyone losing access, and a power is
taken away by removing the permission from the group. This module names the
groups ``seed_demo`` and ``setup_workflows`` create and what each is granted;
it refers to permissions as ``(app_label, codename)`` pairs, so it imports no
app of the project (the apps declare the permissions in their models' Meta).
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission

ADMINISTRATORS = "Quản trị hệ thống"
EDITORS = "Biên tập viên"
REVIEWERS = "Ban Biên tập – biên tập"
APPROVERS = "Ban Biên tập – phê duyệt"
SECURITY_OFFICERS = "Cán bộ bảo mật"
PROPAGANDA = "Ban Tuyên giáo"
ORGANISATION = "Ban Tổ chức"
CELL_SECRETARIES = "Bí thư chi bộ"
MEMBERS = "Đảng viên"
# The propaganda department's own review and approval stages (bulletins, cell materials).
PROPAGANDA_REVIEWERS = "Ban Tuyên giáo – biên tập"
PROPAGANDA_APPROVERS = "Ban Tuyên giáo – phê duyệt"

# Groups whose members work in the Wagtail admin.
ADMIN_GROUPS = [
    ADMINISTRATORS,
    EDITORS,
    REVIEWERS,
    APPROVERS,
    SECURITY_OFFICERS,
    PROPAGANDA,
    PROPAGANDA_REVIEWERS,
    PROPAGANDA_APPROVERS,
    ORGANISATION,
]
ALL_GROUPS = [*ADMIN_GROUPS, CELL_SECRETARIES, MEMBERS]

# --- permissions (declared in the Meta of the owning app's models) ---
ACCESS_ADMIN = ("wagtailadmin", "access_admin")
VIEW_APPROVAL_HISTORY = ("editorial_workflows", "view_approval_history")
MANAGE_ACCOUNTS = ("members", "manage_accounts")
VIEW_LOGIN_RATES = ("members", "view_login_rates")
IMPORT_ROSTER = ("members", "import_roster")
ASSIGN_UNIT_STAFF = [
    ("members", f"{action}_unitstaff") for action in ("add", "change", "delete", "view")
]
# See and lift login lockouts (deleting one unlocks it).
UNLOCK_LOGINS = [("members", "view_loginlockout"), ("members", "delete_loginlockout")]
# The province-wide study reach report (committee staff and secretaries see their own units).
VIEW_STUDY_REACH = ("study", "view_reach")
# Assign study items to members (Wagtail's model permissions on ``StudyAssignment``).
ASSIGN_STUDY = [("study", f"{action}_studyassignment") for action in ("add", "change", "view")]
# Rewrite members' answered questions without who asked and submit them to the
# workflow (``PublishedQuestion``); nobody holds its "publish" permission: the
# workflow's final approval publishes (editorial_workflows/finish.py).
PUBLISH_QUESTIONS = [
    ("study", "view_question"),
    *[("study", f"{action}_publishedquestion") for action in ("add", "change", "view")],
]
# The propaganda reviewers and approvers open the entries in the editor to act on them.
REVIEW_QUESTIONS = [("study", f"{action}_publishedquestion") for action in ("change", "view")]


def perm_name(pair):
    """``("members", "manage_accounts")`` → ``"members.manage_accounts"`` (for ``has_perm``)."""
    return ".".join(pair)


# What each role may do beyond its page and collection permissions.
ROLE_PERMISSIONS = {
    **{name: [ACCESS_ADMIN] for name in ADMIN_GROUPS},
    ADMINISTRATORS: [ACCESS_ADMIN, VIEW_APPROVAL_HISTORY, *UNLOCK_LOGINS],
    APPROVERS: [ACCESS_ADMIN, VIEW_APPROVAL_HISTORY],
    PROPAGANDA_APPROVERS: [ACCESS_ADMIN, VIEW_APPROVAL_HISTORY, *REVIEW_QUESTIONS],
    PROPAGANDA_REVIEWERS: [ACCESS_ADMIN, *REVIEW_QUESTIONS],
    PROPAGANDA: [ACCESS_ADMIN, VIEW_STUDY_REACH, *ASSIGN_STUDY, *PUBLISH_QUESTIONS],
    SECURITY_OFFICERS: [ACCESS_ADMIN, VIEW_APPROVAL_HISTORY],
    ORGANISATION: [
        ACCESS_ADMIN,
        MANAGE_ACCOUNTS,
        VIEW_LOGIN_RATES,
        IMPORT_ROSTER,
        *ASSIGN_UNIT_STAFF,
        *UNLOCK_LOGINS,
    ],
}
# Province-wide powers a committee's copy of a role does not inherit
# (see ``scoped_group_name``): the approval history covers every section.
PROVINCE_WIDE = {VIEW_APPROVAL_HISTORY}

# Documents and images are permitted per collection (granted on the root
# collection, so they hold everywhere). Wagtail checks documents against the
# base model's permissions (``wagtaildocs.*_document``, its ``auth_model``) even
# though the models are files.ProtectedDocument and files.ProtectedImage (the same
# goes for images: ``wagtailimages.*_image``).
MEDIA_PERMS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]
MEDIA_GROUPS = [EDITORS, REVIEWERS, APPROVERS, PROPAGANDA, PROPAGANDA_REVIEWERS]


# Editorial roles that are given a scope: the whole province (the plain group)
# or one subordinate committee's section of the site (a group per committee,
# named by ``scoped_group_name``).
SCOPED_ROLES = [EDITORS, REVIEWERS, APPROVERS]


def scoped_group_name(role, scope_label):
    """The group of ``role`` limited to one committee, e.g. "Biên tập viên – thành phố Biên Hòa"."""
    return f"{role} – {scope_label}"


def permissions(pairs):
    """The ``Permission`` rows of ``(app_label, codename)`` pairs (missing ones skipped)."""
    found = []
    for app_label, codename in pairs:
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm:
            found.append(perm)
    return found


def is_province_wide(permission):
    return (permission.content_type.app_label, permission.codename) in PROVINCE_WIDE


def ensure_groups():
    """Create every role's group with its permissions (idempotent)."""
    groups = {}
    for name in ALL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
    for name, pairs in ROLE_PERMISSIONS.items():
        groups[name].permissions.add(*permissions(pairs))
    # Wagtail's migrations make the root collection; a flushed test database lacks it.
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Gốc")
    for name in MEDIA_GROUPS:
        for permission in permissions(MEDIA_PERMS):
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )
    return groups
