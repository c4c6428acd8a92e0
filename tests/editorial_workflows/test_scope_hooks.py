"""Editorial scopes through Wagtail's permissions and hooks.

The Biên Hòa committee's editor works in /tin-tuc/bien-hoa/ only: every admin
action on a page of the Long Khánh committee's section is refused, whichever
view is asked; the explorer and the page chooser show only her section (and the
way to it). Each hook is also called as Wagtail calls it, to show that it
refuses on its own with the reason.
"""

from django.test import RequestFactory
from django.urls import reverse

from wagtail import hooks
from wagtail.models import Page

import pytest

from cms.news.factories import NewsArticlePageFactory
from cms.news.models import NewsArticlePage, NewsIndexPage
from editorial_workflows.permissions import OUT_OF_SCOPE_MESSAGE
from tests.editorial_workflows.refusal import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_khanh_news(news_index):
    return NewsIndexPage.objects.child_of(news_index).get(slug="long-khanh")


@pytest.fixture
def theirs(long_khanh_news):
    """A published article and a draft of the Long Khánh committee."""
    live = NewsArticlePageFactory(parent=long_khanh_news, title="Long Khánh: tin đã đăng")
    draft = NewsArticlePageFactory(
        parent=long_khanh_news, title="Long Khánh: bản nháp nội bộ", live=False
    )
    return live, draft


@pytest.fixture
def ours(bien_hoa_news, users):
    return NewsArticlePageFactory(
        parent=bien_hoa_news,
        title="Biên Hòa: bản nháp của tôi",
        live=False,
        owner=users["bientapbh"],
    )


@pytest.fixture
def editor(as_user):
    return as_user("bientapbh")


def call_hook(name, user, *args, method="GET"):
    request = getattr(RequestFactory(), method.lower())("/admin/")
    request.user = user
    for fn in hooks.get_hooks(name):
        response = fn(request, *args)
        if hasattr(response, "status_code"):
            if hasattr(response, "render"):
                response.render()
            return response
    return None


def assert_explained_403(response):
    assert response is not None
    assert response.status_code == 403
    assert OUT_OF_SCOPE_MESSAGE in response.content.decode()


PAGE_VIEWS = [
    "edit",
    "delete",
    "unpublish",
    "copy",
    "move",
    "history",
    "workflow_history",
    "set_privacy",
    "view_draft",
]


@pytest.mark.parametrize("view", PAGE_VIEWS)
def test_every_page_view_of_another_committee_is_refused(editor, theirs, view):
    for page in theirs:
        response = editor.client.get(reverse(f"wagtailadmin_pages:{view}", args=[page.pk]))
        assert refused(response), (view, page.title, response.status_code)


def test_edit_is_refused_and_the_hook_says_why(editor, theirs, ours, users):
    live, draft = theirs
    response = editor.client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"title": "Sửa trộm"}
    )
    assert refused(response)
    draft.refresh_from_db()
    assert draft.title == "Long Khánh: bản nháp nội bộ"
    assert_explained_403(call_hook("before_edit_page", users["bientapbh"], draft))
    assert call_hook("before_edit_page", users["bientapbh"], ours) is None
    assert editor.client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).status_code == 200


def test_create_is_refused_and_the_hook_says_why(editor, long_khanh_news, bien_hoa_news, users):
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", long_khanh_news.pk])
    assert refused(editor.client.get(url))
    assert refused(editor.client.post(url, {"title": "Tin lạc chỗ", "slug": "tin-lac-cho"}))
    assert not NewsArticlePage.objects.filter(slug="tin-lac-cho").exists()
    assert_explained_403(
        call_hook("before_create_page", users["bientapbh"], long_khanh_news, NewsArticlePage)
    )
    assert (
        call_hook("before_create_page", users["bientapbh"], bien_hoa_news, NewsArticlePage) is None
    )
    own = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", bien_hoa_news.pk])
    assert editor.client.get(own).status_code == 200


def test_move_across_scopes_is_refused_with_the_reason(
    editor, theirs, ours, long_khanh_news, bien_hoa_news, users
):
    live, draft = theirs
    # Wagtail's confirmation view runs the hook before any check of its own.
    into_theirs = reverse("wagtailadmin_pages:move_confirm", args=[ours.pk, long_khanh_news.pk])
    assert_explained_403(editor.client.get(into_theirs))
    assert_explained_403(editor.client.post(into_theirs))
    out_of_theirs = reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, bien_hoa_news.pk])
    assert_explained_403(editor.client.get(out_of_theirs))
    assert_explained_403(editor.client.post(out_of_theirs))
    ours.refresh_from_db()
    draft.refresh_from_db()
    assert ours.get_parent().pk == bien_hoa_news.pk
    assert draft.get_parent().pk == long_khanh_news.pk
    assert call_hook("before_move_page", users["bientapbh"], ours, bien_hoa_news) is None


def test_delete_is_refused_and_the_hook_says_why(editor, theirs, ours, users):
    live, draft = theirs
    url = reverse("wagtailadmin_pages:delete", args=[draft.pk])
    assert refused(editor.client.post(url))
    assert Page.objects.filter(pk=draft.pk).exists()
    assert_explained_403(call_hook("before_delete_page", users["bientapbh"], draft, method="POST"))
    assert call_hook("before_delete_page", users["bientapbh"], ours, method="POST") is None
    assert (
        editor.client.post(reverse("wagtailadmin_pages:delete", args=[ours.pk])).status_code == 302
    )
    assert not Page.objects.filter(pk=ours.pk).exists()


def test_copy_of_another_committees_page_is_refused_and_the_hook_says_why(
    editor, theirs, bien_hoa_news, users
):
    live, draft = theirs
    url = reverse("wagtailadmin_pages:copy", args=[draft.pk])
    response = editor.client.post(
        url,
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": bien_hoa_news.pk,
        },
    )
    assert refused(response)
    assert not Page.objects.filter(slug="ban-sao").exists()
    assert_explained_403(call_hook("before_copy_page", users["bientapbh"], live))
    assert_explained_403(call_hook("before_copy_page", users["bientapbh"], draft))


def test_unpublish_and_alias_conversion_hooks_refuse_outside_the_scope(theirs, ours, users):
    live, draft = theirs
    assert_explained_403(call_hook("before_unpublish_page", users["bientapbh"], live))
    assert_explained_403(call_hook("before_convert_alias_page", users["bientapbh"], live))
    assert call_hook("before_unpublish_page", users["bientapbh"], ours) is None


def test_explorer_lists_only_the_section_and_the_way_to_it(
    editor, news_index, bien_hoa_news, long_khanh_news, theirs, ours
):
    html = editor.client.get(reverse("wagtailadmin_explore", args=[news_index.pk])).content.decode()
    assert "Đảng bộ thành phố Biên Hòa" in html
    assert "Đảng bộ thành phố Long Khánh" not in html
    html = editor.client.get(
        reverse("wagtailadmin_explore", args=[bien_hoa_news.pk])
    ).content.decode()
    assert "Biên Hòa: bản nháp của tôi" in html
    assert refused(editor.client.get(reverse("wagtailadmin_explore", args=[long_khanh_news.pk])))
    # Searching the whole tree from the explorer finds nothing of another section.
    html = editor.client.get(
        reverse("wagtailadmin_explore", args=[news_index.pk]),
        {"q": "Long Khánh", "search_all": "1"},
    ).content.decode()
    assert "Long Khánh: bản nháp nội bộ" not in html
    assert "Long Khánh: tin đã đăng" not in html
    # The sidebar's page explorer (admin API) too.
    api = editor.client.get("/admin/api/main/pages/", {"child_of": news_index.pk}).json()
    titles = {item["title"] for item in api["items"]}
    assert "Đảng bộ thành phố Biên Hòa" in titles
    assert "Đảng bộ thành phố Long Khánh" not in titles


def test_province_editor_explores_every_section(as_user, news_index):
    html = (
        as_user("bientap")
        .client.get(reverse("wagtailadmin_explore", args=[news_index.pk]))
        .content.decode()
    )
    assert "Đảng bộ thành phố Biên Hòa" in html
    assert "Đảng bộ thành phố Long Khánh" in html


def test_page_chooser_shows_other_sections_published_pages_only(
    editor, long_khanh_news, theirs, ours, bien_hoa_news
):
    browse = reverse("wagtailadmin_choose_page_child", args=[long_khanh_news.pk])
    html = editor.client.get(browse).json()["html"]
    assert "Long Khánh: tin đã đăng" in html
    assert "Long Khánh: bản nháp nội bộ" not in html
    search = editor.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "bản nháp"})
    html = search.content.decode()
    assert "Biên Hòa: bản nháp của tôi" in html
    assert "Long Khánh: bản nháp nội bộ" not in html
    html = editor.client.get(
        reverse("wagtailadmin_choose_page_child", args=[bien_hoa_news.pk])
    ).json()["html"]
    assert "Biên Hòa: bản nháp của tôi" in html
