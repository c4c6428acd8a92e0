"""Passwords are kept as Argon2id at the site's settings (cms/members/hashers.py), and an
older PBKDF2 hash is replaced at the member's next login, never on a failed one."""

from django.contrib.auth.hashers import make_password

import pytest

from cms.settings import security

LOGIN = "/dang-nhap/"
PASSWORD = "Matkhau@2026"


@pytest.fixture
def site_hashers(settings):
    settings.PASSWORD_HASHERS = security.PASSWORD_HASHERS


def stored(member):
    member.user.refresh_from_db()
    return member.user.password


@pytest.mark.django_db
def test_a_new_password_is_argon2id_with_the_site_settings(site_hashers, make_member):
    member = make_member()
    member.user.set_password(PASSWORD)
    member.user.save()
    algorithm, variety, version, params, _salt, _hash = stored(member).split("$")
    assert (algorithm, variety, version) == ("argon2", "argon2id", "v=19")
    assert params == "m=19456,t=3,p=1"
    assert member.user.check_password(PASSWORD)
    assert not member.user.check_password(PASSWORD + "x")


@pytest.mark.django_db
def test_an_older_pbkdf2_hash_is_replaced_at_the_next_login(site_hashers, client, make_member):
    member = make_member()
    member.user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    member.user.save(update_fields=["password"])

    refused = client.post(LOGIN, {"username": member.card_number, "password": "Sai@2026x"})
    assert refused.status_code == 200
    assert stored(member).startswith("pbkdf2_sha256$")

    response = client.post(LOGIN, {"username": member.card_number, "password": PASSWORD})
    assert response.status_code == 302
    assert stored(member).startswith("argon2$argon2id$")
    client.logout()
    again = client.post(LOGIN, {"username": member.card_number, "password": PASSWORD})
    assert again.status_code == 302
