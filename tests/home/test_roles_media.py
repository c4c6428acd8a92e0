"""Editorial roles can open, add and choose documents and images in the admin."""

import pytest

EDITORIAL = ["bientap", "duyetbai", "pheduyet", "tuyengiao"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", EDITORIAL)
def test_editorial_roles_open_the_media_libraries(client, users, username):
    client.force_login(users[username])
    for url in ("/admin/documents/", "/admin/images/", "/admin/documents/multiple/add/"):
        response = client.get(url)
        assert response.status_code == 200, (username, url, response.status_code)
    chooser = client.get("/admin/documents/chooser/")
    assert chooser.status_code == 200


@pytest.mark.django_db
def test_members_do_not_reach_the_media_libraries(client, users):
    client.force_login(users["dangvien"])
    for url in ("/admin/documents/", "/admin/images/"):
        assert client.get(url).status_code in (302, 403)
