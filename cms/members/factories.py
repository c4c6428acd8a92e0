from django.contrib.auth import get_user_model

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
