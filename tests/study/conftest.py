"""A small tree of its own for the study tests (the figures must not depend on the demo).

TST (committee) → TST-CS (grassroots) → TST-A (residential), TST-B (enterprise);
TSU (committee) → TSU-A (agency).
"""

import pytest

from cms.members.choices import OrgLevel, Position
from cms.members.factories import MemberFactory, add_organization
from cms.members.models import PartyOrganization
from cms.resolutions.factories import ResolutionStudyPageFactory
from cms.resolutions.models import ResolutionIndexPage
from cms.study.factories import quiz_stream
from cms.study.models import StudyAssignment


@pytest.fixture
def tree(db):
    # The seed's own assignments would reach these members too (some are for everyone).
    StudyAssignment.objects.all().delete()
    root = PartyOrganization.get_first_root_node()
    tst = add_organization(root, "TST", "Đảng bộ thử nghiệm", OrgLevel.COMMITTEE)
    cs = add_organization(tst, "TST-CS", "Đảng bộ cơ sở thử", OrgLevel.GRASSROOTS)
    a = add_organization(cs, "TST-A", "Chi bộ ấp Thử A", OrgLevel.CELL, "residential")
    b = add_organization(cs, "TST-B", "Chi bộ Công ty Thử B", OrgLevel.CELL, "enterprise")
    tsu = add_organization(root, "TSU", "Đảng bộ khác", OrgLevel.COMMITTEE)
    u = add_organization(tsu, "TSU-A", "Chi bộ Sở Thử", OrgLevel.CELL, "agency")
    return {"root": root, "TST": tst, "TST-CS": cs, "TST-A": a, "TST-B": b, "TSU": tsu, "TSU-A": u}


@pytest.fixture
def member_in(tree):
    counter = iter(range(1000))

    def make(code, position=Position.MEMBER, **kwargs):
        n = next(counter)
        return MemberFactory(
            cell=tree[code],
            position=position,
            card_number=f"6{n:07d}",
            full_name=kwargs.pop("full_name", f"Trần Thị Thử {n}"),
            **kwargs,
        )

    return make


@pytest.fixture
def resolution(db):
    index = ResolutionIndexPage.objects.live().first()
    return ResolutionStudyPageFactory(
        parent=index,
        title="Học tập Nghị quyết thử về sinh hoạt chi bộ",
        slug="nghi-quyet-thu",
        quiz=quiz_stream(),
        quiz_pass_mark=60,
        asks_for_summary=True,
    )
