"""The home page's lists are rendered once per audience and kept
(``{% cached_for_audience %}``, cms/caching/templatetags/audience_tags.py): a
kept copy never reaches a visitor who would see it rendered differently, and a
change to the content shows on the next request."""

from django.utils import timezone

import pytest

from cms.members.choices import CellType, OrgLevel
from cms.members.factories import MemberFactory, add_organization
from cms.members.models import PartyOrganization
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsIndexPage
from tests.bulletins.materials import this_months_material

pytestmark = pytest.mark.django_db


def member_in(cell_type, code):
    parent = PartyOrganization.objects.get(code="CM-X1")
    cell = add_organization(parent, code, f"Chi bộ thử {code}", OrgLevel.CELL, cell_type)
    return MemberFactory(cell=cell).user


def home_of(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_members_of_two_cell_types_each_get_their_own_material(client):
    residential = member_in(CellType.RESIDENTIAL, "CM-X1-K1")
    enterprise = member_in(CellType.ENTERPRISE, "CM-X1-K2")
    ours, theirs = this_months_material("residential"), this_months_material("enterprise")
    for _ in range(2):  # the second round is served from the kept copies
        home = home_of(client, residential)
        assert ours.title in home and theirs.title not in home
        home = home_of(client, enterprise)
        assert theirs.title in home and ours.title not in home


def test_anonymous_visitors_get_the_login_prompt_not_a_members_copy(client):
    material = this_months_material("residential")
    assert material.title in home_of(client, member_in(CellType.RESIDENTIAL, "CM-X1-K3"))
    client.logout()
    html = client.get("/").content.decode()
    assert material.title not in html and "đăng nhập" in html


def test_a_new_article_is_on_every_kept_home_page_at_the_next_request(client):
    residential = member_in(CellType.RESIDENTIAL, "CM-X1-K4")
    enterprise = member_in(CellType.ENTERPRISE, "CM-X1-K5")
    home_of(client, residential), home_of(client, enterprise)
    NewsArticlePageFactory(
        parent=NewsIndexPage.objects.live().first(),
        title="Tin mới nhất về sinh hoạt chi bộ",
        date=timezone.localdate(),
    )
    assert "Tin mới nhất về sinh hoạt chi bộ" in home_of(client, residential)
    assert "Tin mới nhất về sinh hoạt chi bộ" in home_of(client, enterprise)
