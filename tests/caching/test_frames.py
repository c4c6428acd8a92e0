"""A member's page from their audience's frame (cms/caching/frames.py): the page served
from another member's frame is exactly the page rendered for them alone, with their own
name, notices, meeting, study, messages and CSRF token, and nothing of the other member."""

import re

from django.middleware.csrf import _unmask_cipher_token
from django.test import RequestFactory
from django.utils import timezone

import pytest
import time_machine

from cms.caching import frames
from cms.documents.models import OfficialDocumentPage
from cms.members.choices import CellType, OrgLevel
from cms.members.factories import MemberFactory, add_organization
from cms.members.models import PartyOrganization
from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.study.choices import NotificationKind
from cms.study.models import Notification
from tests.bulletins.materials import this_months_material
from tests.shared_cache import empty_cache

pytestmark = pytest.mark.django_db

CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"')


@pytest.fixture(autouse=True)
def _one_moment():
    """Frames change with the day and the minute (the footer's visit figures): the clock
    stands still during each test, wherever the suite's clock is (a month end included)."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


def new_cell(code):
    parent = PartyOrganization.objects.get(code="CM-X1")
    return add_organization(parent, code, f"Chi bộ thử {code}", OrgLevel.CELL, CellType.RESIDENTIAL)


def cell_mates():
    cell = new_cell("CM-X1-K1")
    first = MemberFactory(cell=cell, full_name="Trần Văn Thứ Nhất")
    second = MemberFactory(cell=cell, full_name="Lê Thị Thứ Hai")
    return first.user, second.user


def shown_name(user):
    return user.get_full_name() or user.get_username()


def get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response


def without_csrf(response):
    """A masked CSRF token differs at each render of the same page."""
    return CSRF_VALUE.sub(r"\1…", response.content.decode())


def alone_and_framed(client, url, first, second):
    """``second``'s page rendered for them alone, then from ``first``'s frame."""
    empty_cache()
    alone = get(client, second, url)
    empty_cache()
    assert get(client, first, url)["X-Page-Frame"] == "miss"
    framed = get(client, second, url)
    assert alone["X-Page-Frame"] == "miss" and framed["X-Page-Frame"] == "hit"
    return alone, framed


def url_of(which):
    if which == "home":
        return "/"
    if which == "material":
        return this_months_material("residential").url
    model = NewsArticlePage if which == "article" else OfficialDocumentPage
    return model.objects.live().public().first().url


@pytest.mark.parametrize("which", ["home", "material", "article", "document"])
def test_a_page_from_a_cell_mates_frame_is_the_page_rendered_alone(client, which):
    first, second = cell_mates()
    Notification.objects.create(user=second, kind=NotificationKind.ASSIGNED, title="Học NQ mới")
    url = url_of(which)
    alone, framed = alone_and_framed(client, url, first, second)
    assert without_csrf(framed) == without_csrf(alone)
    html = framed.content.decode()
    assert shown_name(second) in html and shown_name(first) not in html
    # The forms carry the second member's own CSRF secret: their logout and "Đọc sau" work.
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert tokens
    for token in tokens:
        assert _unmask_cipher_token(token) == client.cookies["csrftoken"].value


def test_a_message_for_the_member_shows_once_on_a_framed_page(client):
    first, second = cell_mates()
    page = this_months_material("residential")
    get(client, first, "/")  # the frame is kept
    client.force_login(second)
    response = client.post(f"/doc-sau/{page.pk}/", {"next": "/"}, follow=True)
    assert response.redirect_chain and response.status_code == 200
    assert response["X-Page-Frame"] == "hit"
    assert "Đã lưu vào mục Đọc sau." in response.content.decode()
    assert "Đã lưu vào mục Đọc sau." not in client.get("/").content.decode()


def test_new_content_shows_on_the_next_framed_page(client):
    first, second = cell_mates()
    get(client, first, "/")
    NewsArticlePageFactory(
        parent=NewsIndexPage.objects.live().first(),
        title="Tin vừa đăng cho buổi sinh hoạt",
        date=timezone.localdate(),
    )
    assert "Tin vừa đăng cho buổi sinh hoạt" in get(client, second, "/").content.decode()


def test_members_of_another_cell_get_a_frame_of_their_own(client):
    first, _ = cell_mates()
    other = MemberFactory(cell=new_cell("CM-X1-K2")).user
    get(client, first, "/")
    assert get(client, other, "/")["X-Page-Frame"] == "miss"


def test_anonymous_visitors_and_query_strings_never_get_a_frame(client):
    first, second = cell_mates()
    get(client, first, "/")
    client.logout()
    html = client.get("/").content.decode()
    assert shown_name(first) not in html and "X-Page-Frame" not in client.get("/").headers
    response = get(client, second, "/?trang=2")
    assert "X-Page-Frame" not in response.headers


def test_a_preview_is_never_kept_or_served_from_a_frame(home_page):
    request = RequestFactory().get("/")
    request.user = MemberFactory().user
    assert frames.frame_key(request, home_page) is not None
    request.is_preview = True
    assert frames.frame_key(request, home_page) is None


def test_a_frame_naming_a_part_this_process_has_not_loaded_is_rendered_whole(client):
    first, second = cell_mates()
    get(client, first, "/")
    known = dict(frames._SLOTS)
    frames._SLOTS.clear()
    try:
        response = get(client, second, "/")
    finally:
        frames._SLOTS.update(known)
    assert response["X-Page-Frame"] == "miss"
    assert shown_name(second) in response.content.decode()


def test_a_reader_with_larger_text_gets_a_frame_of_their_own(client):
    first, second = cell_mates()
    get(client, first, "/")
    client.cookies["stdv_text_size"] = "150"
    response = get(client, second, "/")
    assert response["X-Page-Frame"] == "miss"
    assert 'class="text-150"' in response.content.decode()
