"""The roles of the system as Django groups: one place names them all.

Other apps refer to roles through these constants, never by literal group
names, so a renamed group is renamed once.
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

ALL_GROUPS = [
    ADMINISTRATORS,
    EDITORS,
    REVIEWERS,
    APPROVERS,
    SECURITY_OFFICERS,
    PROPAGANDA,
    PROPAGANDA_REVIEWERS,
    PROPAGANDA_APPROVERS,
    ORGANISATION,
    CELL_SECRETARIES,
    MEMBERS,
]

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

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
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


# Editorial roles that are given a scope: the whole province (the plain group)
# or one subordinate committee's section of the site (a group per committee,
# named by ``scoped_group_name``).
SCOPED_ROLES = [EDITORS, REVIEWERS, APPROVERS]


def scoped_group_name(role, scope_label):
    """The group of ``role`` limited to one committee, e.g. "Biên tập viên – thành phố Biên Hòa"."""
    return f"{role} – {scope_label}"


def _perms(pairs):
    found = []
    for app_label, codename in pairs:
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm:
            found.append(perm)
    return found


def ensure_groups():
    """Create every role's group with its model permissions (idempotent)."""
    groups = {}
    for name in ALL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
    for name in ADMIN_GROUPS:
        groups[name].permissions.add(*_perms(ADMIN_ACCESS))
    # Wagtail's migrations make the root collection; a flushed test database lacks it.
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Gốc")
    for name in [EDITORS, REVIEWERS, APPROVERS, PROPAGANDA, PROPAGANDA_REVIEWERS]:
        for permission in _perms(MEDIA_PERMS):
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )
    return groups
