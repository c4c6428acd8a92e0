"""Demo editorial board: committee sections, scoped accounts and the workflows."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.bulletins.models import BulletinIndexPage
from cms.documents.models import DocumentIndexPage
from cms.home import roles
from cms.home.demo_site import child_page
from cms.members.choices import OrgLevel
from cms.members.models import PartyOrganization
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
            NewsIndexPage,
            slug,
            title=committee.name,
            intro=f"Tin hoạt động của Đảng bộ {label}.",
        )
        docs, _ = child_page(
            document_index,
            DocumentIndexPage,
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

    User = get_user_model()
    for username, full_name, group_names in SCOPED_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        family, _, given = full_name.rpartition(" ")
        user = User(
            username=username, first_name=given, last_name=family, email=f"{username}@dongnai.local"
        )
        user.set_password(ctx["password"])
        user.save()
        user.groups.add(*Group.objects.filter(name__in=group_names))
