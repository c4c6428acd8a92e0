"""Issue 15, item 9: every error a person can see is a Vietnamese page in the site's layout."""

from django.test import Client
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

SITE_LAYOUT = "Bỏ qua, đến nội dung chính"


def test_forbidden_page_gives_the_vietnamese_403(client, users):
    client.force_login(users["dangvien"])  # an ordinary member, not a secretary
    response = client.get("/quan-ly-tai-khoan/chi-bo/CM-X1-A1/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không có quyền truy cập" in html and SITE_LAYOUT in html
    assert "Forbidden" not in html


def test_csrf_failure_is_a_vietnamese_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "mã bảo vệ đã cũ" in html and SITE_LAYOUT in html
    assert "CSRF verification failed" not in html


def test_method_not_allowed_has_a_vietnamese_body(client, users):
    client.force_login(users["dangvien"])
    response = client.get(reverse("members:reset_password", args=[1]))
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    html = response.content.decode()
    assert "Thao tác không được hỗ trợ" in html and SITE_LAYOUT in html


def test_null_characters_message_is_vietnamese():
    from django import forms
    from django.utils import translation

    class Form(forms.Form):
        name = forms.CharField()

    with translation.override("vi"):
        form = Form(data={"name": "a\x00b"})
        assert not form.is_valid()
        assert form.errors["name"] == ["Không được nhập ký tự rỗng (NUL)."]
