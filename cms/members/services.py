"""Account work on members: transfers, activation codes, password changes.

Every change made by a person is written to Wagtail's audit log.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .choices import MemberStatus
from .models import ActivationCode, Member, MemberTransfer, hash_token

# No 0/O, 1/I/L: codes are read aloud and typed on small keypads.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 31**12 ≈ 2**59


def generate_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def bulk_log(instances, action, user=None, data=None):
    """One audit entry per instance, written in batches (imports)."""
    instances = list(instances)
    if not instances:
        return
    ct = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type=ct,
            label=str(obj)[:255],
            action=action,
            timestamp=now,
            data=(data(obj) if callable(data) else data) or {},
            user=user,
            object_id=str(obj.pk),
        )
        for obj in instances
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=2000)


@transaction.atomic
def transfer_member(member, to_cell, *, user=None, on=None, note=""):
    """Move ``member`` to ``to_cell`` and keep the move in the history."""
    if member.cell_id == to_cell.pk:
        return None
    transfer = MemberTransfer.objects.create(
        member=member,
        from_cell_id=member.cell_id,
        to_cell=to_cell,
        transferred_on=on or timezone.localdate(),
        note=note,
        created_by=user,
    )
    old_code = member.cell.code
    member.cell = to_cell
    member.save(update_fields=["cell"])
    log(
        member,
        "members.transfer",
        user=user,
        data={"from": old_code, "to": to_cell.code, "note": note},
    )
    return transfer


@transaction.atomic
def set_status(member, status, *, user=None):
    """Change a member's status; only active members keep a working account."""
    old = member.status
    member.status = status
    member.save(update_fields=["status"])
    get_user_model().objects.filter(pk=member.user_id).update(
        is_active=status == MemberStatus.ACTIVE
    )
    log(member, "members.status", user=user, data={"from": old, "to": status})


def _expiry():
    return timezone.now() + timedelta(days=settings.ACTIVATION_CODE_DAYS)


@transaction.atomic
def issue_codes(members, *, user=None):
    """New one-time codes for ``members`` (previous unused codes stop working).

    Returns ``[(member, code)]``; the plain codes exist only in this return
    value (to be printed), the database keeps their keyed hashes.
    """
    members = list(members)
    if not members:
        return []
    ids = [m.pk for m in members]
    now = timezone.now()
    ActivationCode.objects.filter(member_id__in=ids, used_at__isnull=True).update(used_at=now)
    expires = _expiry()
    issued = []
    rows = []
    for m in members:
        code = generate_code()
        issued.append((m, code))
        rows.append(
            ActivationCode(
                member=m,
                code_hash=hash_token(code),
                created_at=now,
                expires_at=expires,
                issued_by=user,
            )
        )
    ActivationCode.objects.bulk_create(rows, batch_size=1000)
    Member.objects.filter(pk__in=ids).update(
        account_issued_at=Coalesce("account_issued_at", now), must_change_password=True
    )
    bulk_log(members, "members.credentials_issue", user=user)
    return issued


def issue_cell_credentials(cell, *, user=None):
    """Codes for every active member of ``cell`` who has not set a password yet."""
    members = [
        m
        for m in Member.objects.active()
        .filter(cell=cell)
        .select_related("user")
        .order_by("full_name", "card_number")
        if not m.user.has_usable_password()
    ]
    return issue_codes(members, user=user)


@transaction.atomic
def reset_password(member, *, user=None):
    """Replace the member's password by a new one-time code (returned once)."""
    account = member.user
    account.set_unusable_password()
    account.save(update_fields=["password"])
    (code,) = [c for _, c in issue_codes([member], user=None)]
    log(member, "members.password_reset", user=user, data={"card_number": member.card_number})
    return code


@transaction.atomic
def password_changed(member, *, user=None, forced=False):
    """After the member set a password: codes stop working, the flag clears."""
    ActivationCode.objects.filter(member=member, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    Member.objects.filter(pk=member.pk).update(must_change_password=False)
    member.must_change_password = False
    log(member, "members.password_change", user=user, data={"first_login": forced})
