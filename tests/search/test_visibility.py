"""Listings and the look-up show the same pages to everyone: one rule, ``cms.core.visibility``.

Four pages share a rare word: public, members only (login), one group's, and
password protected. Anonymous visitors see the public one; members also the
login one; the group's members also the group's; superusers pass every group
restriction too; nobody, superusers included, gets the password page listed.
"""

from django.contrib.auth.models import AnonymousUser, Group

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest

from cms.core.visibility import visible_to
from cms.members.factories import MemberFactory, UserFactory
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.search.services import search, suggest

WORD = "khinh khí cầu"


@pytest.fixture
def restricted_pages(search_backend):
    news = NewsIndexPage.objects.get(depth=3, slug="tin-tuc", locale__language_code="vi")
    group = Group.objects.create(name="Tổ bay thử")
    pages = {
        kind: NewsArticlePageFactory(parent=news, title=f"Khinh khí cầu bay thử ({kind})")
        for kind in ("public", "login", "group", "password")
    }
    PageViewRestriction.objects.create(
        page=pages["login"], restriction_type=PageViewRestriction.LOGIN
    )
    restriction = PageViewRestriction.objects.create(
        page=pages["group"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    PageViewRestriction.objects.create(
        page=pages["password"], restriction_type=PageViewRestriction.PASSWORD, password="bay-thu"
    )
    if search_backend != "database":
        get_search_backend("default").refresh_indexes()
    in_group = UserFactory(username="to-bay-thu")
    in_group.groups.add(group)
    users = {
        "anonymous": AnonymousUser(),
        "member": MemberFactory().user,
        "group member": in_group,
        "superuser": UserFactory(username="sieu-quan-tri", is_superuser=True, is_staff=True),
    }
    return news, pages, users


EXPECTED = {
    "anonymous": {"public"},
    "member": {"public", "login"},
    "group member": {"public", "login", "group"},
    "superuser": {"public", "login", "group"},
}


def test_listings_and_search_agree_for_every_kind_of_user(restricted_pages, client):
    news, pages, users = restricted_pages
    kind_of = {page.pk: kind for kind, page in pages.items()}
    for who, user in users.items():
        listed = {
            kind_of[pk]
            for pk in visible_to(NewsArticlePage.objects.live(), user).values_list("pk", flat=True)
            if pk in kind_of
        }
        in_index = {kind_of[p.pk] for p in news.articles(user) if p.pk in kind_of}
        found = {
            kind_of[r["page"].pk] for r in search(WORD, user).results if r["page"].pk in kind_of
        }
        suggested = {
            kind
            for kind, page in pages.items()
            if page.title in [s["title"] for s in suggest("khinh khi cau bay", user)]
        }
        assert listed == in_index == found == suggested == EXPECTED[who], who

    # The index page and the search page, as each logged-in user sees them.
    for who in ("member", "superuser"):
        client.force_login(users[who])
        listing = client.get(news.url).content.decode()
        results = client.get("/tra-cuu/", {"q": WORD}).content.decode()
        for kind, page in pages.items():
            shown = kind in EXPECTED[who]
            assert (page.title in listing) is shown, (who, kind)
            assert (page.title in results) is shown, (who, kind)
