from django.urls import reverse

import pytest

from cms.study.models import Bookmark

pytestmark = pytest.mark.django_db


def test_save_for_later_list_and_remove(client, member_in, resolution):
    member = member_in("TST-A")
    client.force_login(member.user)
    page_html = client.get(resolution.url).content.decode()
    assert "Đọc sau" in page_html
    toggle = reverse("study:toggle_bookmark", args=[resolution.pk])
    response = client.post(toggle, {"next": resolution.url}, follow=True)
    assert "Đã lưu vào mục Đọc sau." in response.content.decode()
    assert Bookmark.objects.filter(user=member.user, page=resolution).count() == 1
    listing = client.get(reverse("study:bookmarks")).content.decode()
    assert resolution.title in listing
    client.post(toggle, {"next": "https://evil.example/"})
    assert not Bookmark.objects.filter(user=member.user).exists()


def test_anonymous_sees_no_button_and_cannot_save(client, resolution):
    assert "Danh sách đọc sau" not in client.get(resolution.url).content.decode()
    response = client.post(reverse("study:toggle_bookmark", args=[resolution.pk]))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    assert not Bookmark.objects.filter(page=resolution).exists()


def test_unknown_page_is_404_and_get_is_refused(client, member_in):
    client.force_login(member_in("TST-A").user)
    assert client.post(reverse("study:toggle_bookmark", args=[999999])).status_code == 404
    assert client.get(reverse("study:toggle_bookmark", args=[999999])).status_code == 405
