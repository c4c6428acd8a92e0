"""Who sees which part of the reach report.

- Holders of ``study.view_reach`` (the propaganda department's group,
  superusers): the whole province.
- A committee officer (``UnitStaff``): the subtree of their unit(s).
- A cell secretary: their own cell, member by member.
Everyone else gets 403.
"""

from cms.core import roles
from cms.members.models import PartyOrganization
from cms.members.permissions import secretary_cell, staffed_units


def report_roots(user):
    """The units ``user`` may open in the reach report (empty: no access)."""
    if not user or not user.is_authenticated:
        return []
    if user.has_perm(roles.perm_name(roles.VIEW_STUDY_REACH)):
        root = PartyOrganization.get_first_root_node()
        return [root] if root else []
    units = staffed_units(user)
    if units:
        return units
    cell = secretary_cell(user)
    return [cell] if cell else []


def can_view_unit(user, unit):
    return any(unit.path.startswith(root.path) for root in report_roots(user))
