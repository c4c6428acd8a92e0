"""Writing a checked roster plan: accounts, members, transfers, groups, audit.

Accounts are created without a usable password: no hashing happens here
(Django's hasher costs ~0.2 s per password, 5 hours for 100,000). Members
get one-time activation codes when their cell's list is printed.
"""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from cms.core import roles

from .choices import Position
from .models import Member, MemberTransfer, PartyOrganization, split_full_name
from .roster_rows import COMPARED
from .services import bulk_log

CHUNK = 2000


def chunks(items, size=CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _ids_by(model, field, values, value_field="pk", **filters):
    """``{value: id}`` of the rows whose ``field`` is one of ``values`` (in chunks)."""
    found = {}
    for chunk in chunks(values):
        rows = model.objects.filter(**{f"{field}__in": chunk}, **filters)
        found.update(dict(rows.values_list(field, value_field)))
    return found


def _create_accounts(created):
    """A user per new member: login name = card number, no usable password."""
    User = get_user_model()
    cards = [m.card_number for m in created]
    user_ids = _ids_by(User, "username", cards, member__isnull=True)
    new_users = []
    for m in created:
        if m.card_number not in user_ids:
            family, given = split_full_name(m.full_name)
            new_users.append(
                User(
                    username=m.card_number,
                    first_name=family,
                    last_name=given,
                    email=m.email,
                    password="!" + secrets.token_urlsafe(24),  # unusable, no hashing
                    is_active=True,
                )
            )
    User.objects.bulk_create(new_users, batch_size=CHUNK)
    user_ids.update({u.username: u.pk for u in new_users if u.pk is not None})
    missing = [u.username for u in new_users if u.pk is None]  # backends without RETURNING
    user_ids.update(_ids_by(User, "username", missing))
    for m in created:
        m.user_id = user_ids[m.card_number]
    Member.objects.bulk_create(created, batch_size=CHUNK)
    if any(m.pk is None for m in created):
        by_card = _ids_by(Member, "card_number", cards)
        for m in created:
            m.pk = m.id = by_card[m.card_number]


def _join_groups(created, updated):
    groups = roles.ensure_groups()
    through = get_user_model().groups.through
    links = [through(user_id=m.user_id, group_id=groups[roles.MEMBERS].pk) for m in created]
    links += [
        through(user_id=m.user_id, group_id=groups[roles.CELL_SECRETARIES].pk)
        for m in [*created, *updated]
        if m.position == Position.SECRETARY
    ]
    through.objects.bulk_create(links, batch_size=CHUNK, ignore_conflicts=True)


def _log(result, created, updates, transfers, user, filename):
    """One audit entry per cell and kind, naming every card (an entry per
    member would double the rows written by a province-wide import)."""
    changes_of = {id(m): c for m, c in result.updated}
    per_cell = {}
    for m in created:
        per_cell.setdefault((m.cell_id, "members.import_create"), {})[m.card_number] = "mới"
    for m, _ in updates:
        per_cell.setdefault((m.cell_id, "members.import_update"), {})[m.card_number] = {
            k: list(v) for k, v in changes_of.get(id(m), {}).items()
        }
    cells = PartyOrganization.objects.in_bulk({cell_id for cell_id, _ in per_cell})
    by_action = {}
    for (cell_id, action), members in per_cell.items():
        by_action.setdefault(action, []).append((cells[cell_id], members))
    for action, items in by_action.items():
        data = {id(cell): {"file": filename, "members": members} for cell, members in items}
        bulk_log([cell for cell, _ in items], action, user=user, data=lambda c, d=data: d[id(c)])
    root = PartyOrganization.get_first_root_node()
    if root is not None:
        log(
            root,
            "members.import",
            user=user,
            data={
                "file": filename,
                "created": len(created),
                "updated": len(updates),
                "transfers": len(transfers),
                "unchanged": result.unchanged,
            },
        )


@transaction.atomic
def apply_plan(result, plan, user, filename):
    """Write ``plan`` (from ``importer.plan_import``) in one transaction."""
    created = [
        Member(user_id=None, **{k: r[k] for k in ["card_number", *COMPARED]})
        for kind, r, _ in plan
        if kind == "create"
    ]
    updates = [(m, old) for kind, m, old in plan if kind == "update"]
    _create_accounts(created)
    if updates:
        Member.objects.bulk_update([m for m, _ in updates], COMPARED, batch_size=500)
    today = timezone.localdate()
    transfers = [
        MemberTransfer(
            member=m,
            from_cell_id=old,
            to_cell_id=m.cell_id,
            transferred_on=today,
            note=f"Nhập danh sách {filename}"[:255],
            created_by=user,
        )
        for m, old in updates
        if old != m.cell_id
    ]
    MemberTransfer.objects.bulk_create(transfers, batch_size=CHUNK)
    _join_groups(created, [m for m, _ in updates])
    _log(result, created, updates, transfers, user, filename)
