"""Demo editorial board: committee sections, scoped accounts and the workflows."""

from django.contrib.auth.models import Group

from cms.bulletins.models import BulletinIndexPage
from cms.core import roles
from cms.core.pages import child_page
from cms.documents.factories import DocumentIndexPageFactory
from cms.documents.models import DocumentIndexPage
from cms.members.choices import OrgLevel
from cms.members.demo import demo_user
from cms.members.models import PartyOrganization
from cms.news.factories import NewsIndexPageFactory
from cms.news.models import NewsIndexPage
from cms.resolutions.models import ResolutionIndexPage

from .setup import committee_label, committee_slug, setup

DEMO_SCOPE = "Đảng bộ thành phố Biên Hòa"

# username, full name, group names
SCOPED_ACCOUNTS = [
    (
        "bientapbh",
        "Đỗ Thị Biên Tập",
        [roles.scoped_group_name(roles.EDITORS, "thành phố Biên Hòa")],
    ),
    ("duyetbh", "Lê Văn Duyệt", [roles.scoped_group_name(roles.REVIEWERS, "thành phố Biên Hòa")]),
    (
        "pheduyetbh",
        "Trần Minh Phê Duyệt",
        [roles.scoped_group_name(roles.APPROVERS, "thành phố Biên Hòa")],
    ),
    ("duyettg", "Bùi Thanh Duyệt", [roles.PROPAGANDA_REVIEWERS]),
    ("pheduyettg", "Hoàng Ngọc Phê Duyệt", [roles.PROPAGANDA_APPROVERS]),
    ("duyetbai2", "Ngô Văn Biên Tập", [roles.REVIEWERS]),
]


def committee_sections(news_index, document_index):
    sections = []
    committees = PartyOrganization.objects.filter(level=OrgLevel.COMMITTEE).order_by("path")
    for committee in committees:
        slug = committee_slug(committee.name)
        label = committee_label(committee.name)
        news, _ = child_page(
            news_index,
            NewsIndexPageFactory,
            slug,
            title=committee.name,
            intro=f"Tin hoạt động của Đảng bộ {label}.",
        )
        docs, _ = child_page(
            document_index,
            DocumentIndexPageFactory,
            slug,
            title=committee.name,
            intro=f"Văn bản của Đảng bộ {label}.",
        )
        sections.append((committee.name, [news, docs]))
    return sections


def seed(ctx):
    news_index = ctx.get("news_index") or NewsIndexPage.objects.get(depth=3)
    document_index = ctx.get("document_index") or DocumentIndexPage.objects.get(depth=3)
    propaganda = list(BulletinIndexPage.objects.filter(depth=3)) + list(
        ResolutionIndexPage.objects.filter(depth=3)
    )
    sections = committee_sections(news_index, document_index)
    setup([news_index, document_index], propaganda, sections)

    for username, full_name, group_names in SCOPED_ACCOUNTS:
        groups = Group.objects.filter(name__in=group_names)
        demo_user(username, full_name, ctx["password"], groups=groups)
