"""Login lockouts (django-axes): by login name and address together, with a
progressive wait, the client address read from the proxy only when the proxy
is trusted, a Vietnamese answer, and an unlock in the admin."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
import time_machine
from axes.models import AccessAttempt

from cms.members.client_ip import client_ip

pytestmark = pytest.mark.django_db

LOGIN = "/dang-nhap/"
PASSWORD = "Matkhau@2026"
ATTACKER = "203.0.113.9"
MEMBER_PHONE = "198.51.100.7"
PROXY = "10.0.0.2"


def login(client, username, password, **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def locked(response):
    return response.status_code == 429 and "sai quá nhiều lần" in response.content.decode()


@pytest.fixture
def limits(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_COOLOFF_MINUTES = 10
    settings.LOGIN_COOLOFF_MAX_MINUTES = 60
    return settings


def test_an_attacker_locks_only_his_own_address_out(client, make_member, limits):
    secretary = make_member()
    for _ in range(2):
        assert (
            login(client, secretary.card_number, "doan-mo", REMOTE_ADDR=ATTACKER).status_code == 200
        )
    response = login(client, secretary.card_number, "doan-mo", REMOTE_ADDR=ATTACKER)
    assert locked(response)
    assert "10 phút" in response.content.decode()
    # Even the right password, from there.
    assert locked(login(client, secretary.card_number, PASSWORD, REMOTE_ADDR=ATTACKER))
    assert "_auth_user_id" not in client.session
    # The secretary, from her phone, logs in as usual.
    assert (
        login(client, secretary.card_number, PASSWORD, REMOTE_ADDR=MEMBER_PHONE).status_code == 302
    )
    assert client.session["_auth_user_id"] == str(secretary.user_id)


def test_card_and_phone_writings_count_as_one_name(client, make_member, limits):
    member = make_member(phone="0912345678")
    for name in ("0912 345 678", "+84912345678", member.card_number):
        login(client, name, "sai", REMOTE_ADDR=ATTACKER)
    assert locked(login(client, "0912.345.678", PASSWORD, REMOTE_ADDR=ATTACKER))
    assert locked(login(client, member.card_number, PASSWORD, REMOTE_ADDR=ATTACKER))
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {member.card_number}


def test_every_further_failure_doubles_the_wait(client, make_member, limits):
    member = make_member()
    start = timezone.now()

    def attempt(minutes, password="sai"):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            return login(client, member.card_number, password, REMOTE_ADDR=ATTACKER)

    attempt(0)
    attempt(0)
    for minutes, wait in [(0, "10 phút"), (1, "20 phút"), (2, "40 phút")]:
        response = attempt(minutes)
        assert locked(response)
        assert wait in response.content.decode()
    # 39 minutes after the last failure: still locked, and that try costs the full hour.
    response = attempt(41, PASSWORD)
    assert locked(response)
    assert "60 phút" in response.content.decode()
    assert attempt(102, PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, make_member, limits):
    limits.TRUSTED_PROXIES = ["10.0.0.0/8"]
    member = make_member()
    via_proxy = {"REMOTE_ADDR": PROXY}
    for _ in range(3):
        login(client, member.card_number, "sai", HTTP_X_FORWARDED_FOR=ATTACKER, **via_proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert locked(
        login(client, member.card_number, PASSWORD, HTTP_X_FORWARDED_FOR=ATTACKER, **via_proxy)
    )
    # Every member shares the proxy's address; the member is told apart by hers.
    response = login(
        client, member.card_number, PASSWORD, HTTP_X_FORWARDED_FOR=MEMBER_PHONE, **via_proxy
    )
    assert response.status_code == 302


def test_a_forwarded_header_from_anywhere_else_is_ignored(client, make_member, limits):
    limits.TRUSTED_PROXIES = ["10.0.0.0/8"]
    member = make_member()
    # The attacker writes the member's address in the header himself: it is not believed.
    for _ in range(3):
        login(
            client,
            member.card_number,
            "sai",
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=MEMBER_PHONE,
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    response = login(
        client, member.card_number, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=MEMBER_PHONE
    )
    assert response.status_code == 302


def test_without_trusted_proxies_the_header_is_never_read(client, make_member, limits):
    limits.TRUSTED_PROXIES = []
    member = make_member()
    for _ in range(3):
        login(client, member.card_number, "sai", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.2", "203.0.113.9", "203.0.113.9"),
        ("10.0.0.2", "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # left part written by client
        ("10.0.0.2", "203.0.113.9, 10.0.0.7", "203.0.113.9"),  # two proxies of ours
        ("10.0.0.2", "not-an-address", "10.0.0.2"),
        ("10.0.0.2", "", "10.0.0.2"),
        ("192.0.2.1", "203.0.113.9", "192.0.2.1"),
        ("10.0.0.2", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(rf, settings, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_a_locked_admin_login_is_told_so_in_vietnamese(client, users, limits):
    for _ in range(3):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "tochuc", "password": "sai"},
            REMOTE_ADDR=ATTACKER,
        )
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "tochuc", "password": "Demo@2026"},
        REMOTE_ADDR=ATTACKER,
    )
    assert locked(response)


def test_the_organisation_department_unlocks_in_the_admin(client, users, make_member, limits):
    member = make_member()
    for _ in range(3):
        login(client, member.card_number, "sai", REMOTE_ADDR=MEMBER_PHONE)
    assert locked(login(client, member.card_number, PASSWORD, REMOTE_ADDR=MEMBER_PHONE))
    attempt = AccessAttempt.objects.get(username=member.card_number.lower())

    client.force_login(users["dangvien"])
    assert client.get(reverse("members_lockouts:index")).status_code != 200

    client.force_login(users["tochuc"])
    listing = client.get(reverse("members_lockouts:index"))
    assert listing.status_code == 200
    assert MEMBER_PHONE in listing.content.decode()
    response = client.post(reverse("members_lockouts:delete", args=[attempt.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", user=users["tochuc"]).exists()
    client.logout()
    assert login(client, member.card_number, PASSWORD, REMOTE_ADDR=MEMBER_PHONE).status_code == 302
