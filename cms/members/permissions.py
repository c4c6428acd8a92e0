"""Who may manage which accounts, and who may see the login-rate dashboard.

- Holders of the province-wide permissions (the organisation department, Ban
  Tổ chức, through its group; superusers) manage every unit
  (``members.manage_accounts``), see every unit's login rate
  (``members.view_login_rates``), import rosters (``members.import_roster``)
  and assign committee staff (``members.*_unitstaff``).
- A committee's staff (``UnitStaff``) manage the subtree of their unit(s).
- A cell secretary resets passwords and prints credentials of their own cell.
Everything else is refused (views answer 403).
"""

from cms.core import roles

from .choices import MemberStatus, Position
from .models import Member, PartyOrganization, UnitStaff


def _cached(user, name, compute):
    if not hasattr(user, name):
        setattr(user, name, compute())
    return getattr(user, name)


def _has(user, pair):
    return bool(user) and user.has_perm(roles.perm_name(pair))


def can_assign_unit_staff(user):
    """Sees the committee staff list (Wagtail's model permissions on ``UnitStaff``)."""
    return any(_has(user, pair) for pair in roles.ASSIGN_UNIT_STAFF)


def can_unlock_logins(user):
    return all(_has(user, pair) for pair in roles.UNLOCK_LOGINS)


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


def _staffs(user, unit):
    return any(unit.path.startswith(u.path) for u in staffed_units(user))


def can_manage_unit(user, unit):
    """Province-wide account managers: any unit; committee staff: their subtree."""
    return _has(user, roles.MANAGE_ACCOUNTS) or _staffs(user, unit)


def is_secretary_of(user, cell):
    member = Member.objects.for_user(user)
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
    return _has(user, roles.IMPORT_ROSTER)


def can_view_dashboard(user, unit=None):
    if _has(user, roles.VIEW_LOGIN_RATES):
        return True
    if unit is None:
        return bool(staffed_units(user))
    return _staffs(user, unit)


def dashboard_roots(user):
    """The units a dashboard viewer starts from."""
    if _has(user, roles.VIEW_LOGIN_RATES):
        root = PartyOrganization.get_first_root_node()
        return [root] if root else []
    return staffed_units(user)


def secretary_cell(user):
    member = Member.objects.for_user(user)
    if member and member.position == Position.SECRETARY and member.status == MemberStatus.ACTIVE:
        return member.cell
    return None


def is_staff_account(user):
    """Anyone with admin access or a committee staff post (the short idle timeout)."""
    if not user or not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.is_staff
        or _has(user, roles.ACCESS_ADMIN)
        or bool(staffed_units(user))
    )
