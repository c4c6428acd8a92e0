"""Issue 15, item 11 and the idle timeout: cookies, headers and sessions."""

import datetime

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from cms.files.demo import members_collection
from cms.files.factories import ProtectedDocumentFactory
from cms.files.samples import build_pdf

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def current_user(client):
    return client.get("/").wsgi_request.user


def later(minutes):
    return time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=False)


def test_visit_cookie_is_secure_where_the_session_cookie_is(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    cookie = client.get("/").cookies["stdv_vid"]
    assert cookie["secure"] and cookie["httponly"]


def test_visit_cookie_is_secure_over_https(client):
    cookie = client.get("/", secure=True).cookies["stdv_vid"]
    assert cookie["secure"]


def test_every_page_sends_a_permissions_policy(client):
    for url in ("/", "/dang-nhap/", "/khong-co-trang-nay/"):
        policy = client.get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_members_only_document_is_private_and_not_stored(client, users):
    pdf = build_pdf(["Bản tin nội bộ", "Chỉ dành cho đảng viên."])
    document = ProtectedDocumentFactory(
        collection=members_collection(), file=ContentFile(pdf, name="noi-bo.pdf")
    )
    client.force_login(users["dangvien"])
    response = client.get(document.url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control


def test_public_document_may_be_cached(client):
    pdf = build_pdf(["Văn bản công khai"])
    document = ProtectedDocumentFactory(file=ContentFile(pdf, name="cong-khai.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_staff_session_ends_after_thirty_idle_minutes(client, users):
    client.force_login(users["bientap"])
    assert current_user(client).is_authenticated
    with later(29):
        assert current_user(client).is_authenticated  # still in, and the clock restarts
        with later(29):  # 58 minutes after login, 29 after the last request
            assert current_user(client).is_authenticated
    client.force_login(users["bientap"])
    current_user(client)
    with later(31):
        response = client.get("/")
        assert not response.wsgi_request.user.is_authenticated
        messages = [str(m) for m in response.context["messages"]]
        assert any("lâu không sử dụng" in m for m in messages)
        # the admin too sends a timed-out editor to log in again
        assert client.get("/admin/").status_code == 302


def test_background_requests_do_not_keep_a_staff_session_alive(client, users):
    client.force_login(users["bientap"])
    current_user(client)
    with later(20):
        assert client.get("/api/search/", {"q": "nghị quyết"}).status_code == 200
        with later(20):  # 40 minutes after the last page, 20 after the last poll
            assert not current_user(client).is_authenticated


def test_member_idle_limit_is_long_by_default_and_configurable(client, make_member, settings):
    member = make_member()
    client.force_login(member.user)
    current_user(client)
    with later(8 * 60):  # a long evening away: still logged in
        assert current_user(client).is_authenticated

    settings.MEMBER_IDLE_MINUTES = 60
    other = Client()
    other.force_login(make_member().user)
    current_user(other)
    with later(61):
        assert not current_user(other).is_authenticated


def test_password_change_ends_the_other_sessions(make_member):
    member = make_member()
    here, elsewhere = Client(), Client()
    for client in (here, elsewhere):
        client.post("/dang-nhap/", {"username": member.card_number, "password": PASSWORD})
        assert current_user(client).pk == member.user_id
    response = here.post(
        reverse("members:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Hoa-sen-2024!",
            "new_password2": "Hoa-sen-2024!",
        },
    )
    assert response.status_code == 302
    assert current_user(here).pk == member.user_id  # this session stays
    assert not current_user(elsewhere).is_authenticated  # every other one ends


def test_members_personal_data_pages_and_files_are_private(client, users, make_member, cell):
    from cms.members.choices import Position

    secretary = make_member(position=Position.SECRETARY)
    client.force_login(secretary.user)
    for response in (
        client.get(f"/quan-ly-tai-khoan/chi-bo/{cell.code}/"),
        client.post(f"/quan-ly-tai-khoan/chi-bo/{cell.code}/in-ma-kich-hoat/", {"format": "xlsx"}),
    ):
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.force_login(users["tochuc"])
    for url in (
        "/admin/dang-vien/ty-le-dang-nhap/",
        "/admin/dang-vien/ty-le-dang-nhap/xuat.xlsx",
        f"/admin/dang-vien/ty-le-dang-nhap/chua-dang-nhap/{cell.code}/",
        "/admin/dang-vien/nhap-danh-sach/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
