import pytest

from cms.members.factories import MemberFactory
from cms.members.models import PartyOrganization

PASSWORD = "Matkhau@2026"


@pytest.fixture
def cell(db):
    return PartyOrganization.objects.get(code="CM-X1-A1")


@pytest.fixture
def make_member(db, cell):
    def make(**kwargs):
        kwargs.setdefault("cell", cell)
        return MemberFactory(**kwargs)

    return make
