"""Who may manage which accounts, and who may see the login-rate dashboard.

- The organisation department (Ban Tổ chức) and superusers manage everything.
- A committee's staff (``UnitStaff``) manage the subtree of their unit(s).
- A cell secretary resets passwords and prints credentials of their own cell.
Everything else is refused (views answer 403).
"""

from cms.home import roles

from .choices import MemberStatus, Position
from .models import PartyOrganization, UnitStaff


def _cached(user, name, compute):
    if not hasattr(user, name):
        setattr(user, name, compute())
    return getattr(user, name)


def member_of(user):
    if not user or not user.is_authenticated:
        return None
    try:
        return user.member
    except Exception:  # no member profile (staff account)
        return None


def is_organisation_department(user):
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _cached(
        user,
        "_is_organisation_dept",
        lambda: user.groups.filter(name=roles.ORGANISATION).exists(),
    )


def staffed_units(user):
    """Units whose subtree ``user`` manages as committee staff."""
    if not user or not user.is_authenticated:
        return []
    return _cached(
        user,
        "_staffed_units",
        lambda: list(
            PartyOrganization.objects.filter(
                pk__in=UnitStaff.objects.filter(user=user).values("unit")
            )
        ),
    )


def can_manage_unit(user, unit):
    """Organisation department: any unit; committee staff: their subtree."""
    if is_organisation_department(user):
        return True
    return any(unit.path.startswith(u.path) for u in staffed_units(user))


def is_secretary_of(user, cell):
    member = member_of(user)
    return (
        member is not None
        and member.status == MemberStatus.ACTIVE
        and member.position == Position.SECRETARY
        and member.cell_id == cell.pk
    )


def can_manage_cell_accounts(user, cell):
    """Reset passwords and print the credentials list of ``cell``."""
    return can_manage_unit(user, cell) or is_secretary_of(user, cell)


def can_reset_password(user, member):
    return can_manage_cell_accounts(user, member.cell)


def can_import(user):
    return is_organisation_department(user)


def can_view_dashboard(user, unit=None):
    if unit is None:
        return is_organisation_department(user) or bool(staffed_units(user))
    return can_manage_unit(user, unit)


def dashboard_roots(user):
    """The units a dashboard viewer starts from."""
    if is_organisation_department(user):
        root = PartyOrganization.get_first_root_node()
        return [root] if root else []
    return staffed_units(user)


def secretary_cell(user):
    member = member_of(user)
    if member and member.position == Position.SECRETARY and member.status == MemberStatus.ACTIVE:
        return member.cell
    return None
