from django.contrib.auth import get_user_model
from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from .choices import MemberStatus, OrgLevel, Position
from .models import Member, PartyOrganization


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = ""
    last_name = ""
    password = factory.django.Password("Matkhau@2026")


def add_organization(parent, code, name, level, cell_type=""):
    """Create (or return) a unit of the party tree under ``parent``."""
    existing = PartyOrganization.objects.filter(code=code).first()
    if existing:
        return existing
    node = PartyOrganization(code=code, name=name, level=level, cell_type=cell_type)
    if parent is None:
        return PartyOrganization.add_root(instance=node)
    return parent.add_child(instance=node)


class MemberFactory(DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ("card_number",)

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    card_number = factory.Sequence(lambda n: f"{79000000 + n:08d}")
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..card_number"))
    phone = factory.Sequence(lambda n: f"09{n:08d}")
    position = Position.MEMBER
    status = MemberStatus.ACTIVE
    cell = factory.LazyFunction(
        lambda: PartyOrganization.objects.filter(level=OrgLevel.CELL).first()
    )


def bulk_members(cell, count, *, logged_in=0, issued=True, start=0, prefix="9"):
    """``count`` members of ``cell`` inserted in bulk (tests, benchmarks): the
    first ``logged_in`` of them have logged in. Card numbers are
    ``prefix`` + a running number from ``start``."""
    User = get_user_model()
    now = timezone.now()
    cards = [f"{prefix}{start + i:08d}" for i in range(count)]
    users = User.objects.bulk_create(
        [User(username=c, password="!unusable") for c in cards], batch_size=2000
    )
    if any(u.pk is None for u in users):
        ids = dict(User.objects.filter(username__in=cards).values_list("username", "pk"))
    else:
        ids = {u.username: u.pk for u in users}
    Member.objects.bulk_create(
        [
            Member(
                user_id=ids[c],
                card_number=c,
                full_name=f"Đảng viên {c}",
                cell=cell,
                account_issued_at=now if issued else None,
                first_login_at=now if i < logged_in else None,
                last_login_at=now if i < logged_in else None,
                login_count=1 if i < logged_in else 0,
            )
            for i, c in enumerate(cards)
        ],
        batch_size=2000,
    )
    return cards
