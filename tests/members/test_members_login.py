"""Logging in at /dang-nhap/ with card number or phone, one-time codes,
the forced password change, refused inactive members, rate limiting."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.members import services
from cms.members.choices import MemberStatus
from cms.members.models import ActivationCode, Member

LOGIN = "/dang-nhap/"
PASSWORD = "Matkhau@2026"


def login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def logged_in_user(client):
    return client.get("/").wsgi_request.user


@pytest.mark.django_db
def test_login_by_card_number_updates_counters(client, make_member):
    member = make_member()
    assert member.first_login_at is None
    response = login(client, member.card_number, PASSWORD)
    assert response.status_code == 302
    assert logged_in_user(client).pk == member.user_id
    member.refresh_from_db()
    first = member.first_login_at
    assert first is not None and member.login_count == 1
    client.logout()
    login(client, member.card_number, PASSWORD)
    member.refresh_from_db()
    assert member.login_count == 2
    assert member.first_login_at == first
    assert member.last_login_at >= first


@pytest.mark.django_db
def test_login_by_phone_in_any_writing(client, make_member):
    member = make_member(phone="0912345678")
    response = login(client, "+84 912 345 678", PASSWORD)
    assert response.status_code == 302
    assert logged_in_user(client).pk == member.user_id


@pytest.mark.django_db
def test_login_records_one_update(client, make_member, django_assert_max_num_queries):
    member = make_member()
    with CaptureQueriesContext(connection) as ctx:
        login(client, member.card_number, PASSWORD)
    member_updates = [
        q["sql"] for q in ctx.captured_queries if q["sql"].startswith('UPDATE "members_member"')
    ]
    assert len(member_updates) == 1


@pytest.mark.django_db
def test_wrong_password_gives_vietnamese_message(client, make_member):
    member = make_member()
    response = login(client, member.card_number, "sai-mat-khau")
    assert response.status_code == 200
    assert "mật khẩu không đúng" in response.content.decode()
    assert not logged_in_user(client).is_authenticated


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [MemberStatus.TRANSFERRED, MemberStatus.DECEASED, MemberStatus.EXPELLED]
)
def test_inactive_member_refused(client, make_member, status):
    member = make_member(status=status)
    response = login(client, member.card_number, PASSWORD)
    assert response.status_code == 200
    assert "không còn được sử dụng" in response.content.decode()
    assert not logged_in_user(client).is_authenticated


@pytest.mark.django_db
def test_session_ends_when_member_stops_being_active(client, make_member):
    member = make_member()
    login(client, member.card_number, PASSWORD)
    assert logged_in_user(client).is_authenticated
    services.set_status(member, MemberStatus.TRANSFERRED)
    assert not logged_in_user(client).is_authenticated


@pytest.mark.django_db
def test_staff_account_logs_in_by_user_name(client, users):
    assert login(client, "tochuc", "Demo@2026").status_code == 302
    assert logged_in_user(client).username == "tochuc"


@pytest.mark.django_db
def test_activation_code_forces_password_change(client, make_member):
    member = make_member()
    user = member.user
    user.set_unusable_password()
    user.save()
    [(_, code)] = services.issue_codes([member])
    assert not ActivationCode.objects.filter(code_hash=code).exists()  # stored hashed

    # Typed in lower case and without dashes still works.
    response = login(client, member.card_number, code.replace("-", "").lower())
    assert response.status_code == 302
    # Every page now leads to the password form.
    response = client.get("/tin-tuc/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:password_change"))
    page = client.get(reverse("members:password_change"))
    assert "Mật khẩu hiện tại" not in page.content.decode()  # no old password asked

    # The rules apply.
    response = client.post(
        reverse("members:password_change"),
        {"new_password1": member.card_number + "x", "new_password2": member.card_number + "x"},
    )
    assert "không được chứa số thẻ" in response.content.decode()
    response = client.post(
        reverse("members:password_change"),
        {"new_password1": "Hoa-sen-2024!", "new_password2": "Hoa-sen-2024!"},
    )
    assert response.status_code == 302
    # Then, at this first login, the processing notice (cms/accounts/notice.py).
    assert client.get("/tin-tuc/")["Location"].startswith(reverse("accounts:notice"))
    client.post(reverse("accounts:notice"), {"agree": "on"})
    assert client.get("/tin-tuc/").status_code == 200
    member.refresh_from_db()
    assert not member.must_change_password

    # The code was used once; the new password works.
    client.logout()
    assert login(client, member.card_number, code).status_code == 200
    assert login(client, member.card_number, "Hoa-sen-2024!").status_code == 302


@pytest.mark.django_db
def test_expired_code_refused(client, make_member):
    member = make_member()
    member.user.set_unusable_password()
    member.user.save()
    [(_, code)] = services.issue_codes([member])
    ActivationCode.objects.filter(member=member).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert login(client, member.card_number, code).status_code == 200
    assert not logged_in_user(client).is_authenticated


@pytest.mark.django_db
def test_code_does_not_replace_a_password_already_set(client, make_member):
    member = make_member()
    [(_, code)] = services.issue_codes([member])
    assert login(client, member.card_number, code).status_code == 200


@pytest.mark.django_db
def test_failed_attempts_are_rate_limited(client, make_member, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    member = make_member()
    for _ in range(3):
        login(client, member.card_number, "sai")
    response = login(client, member.card_number, PASSWORD)  # even the right one
    assert "sai quá nhiều lần" in response.content.decode()
    assert not logged_in_user(client).is_authenticated
    other = make_member()
    assert login(client, other.card_number, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_shared_phone_does_not_identify_anyone(client, make_member):
    a = make_member(phone="0987000111")
    b = make_member()
    Member.objects.filter(pk=b.pk).update(phone="0987000111")
    assert login(client, "0987000111", PASSWORD).status_code == 200
    assert login(client, a.card_number, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_session_user_brings_their_groups_in_the_same_query(django_assert_num_queries):
    """``MemberBackend.get_user`` (every request of a logged-in member) loads the user,
    their member, cell and group ids in one query (``with_group_ids``); the audience of
    the page caches then needs none more."""
    from django.contrib.auth.models import Group

    from cms.core.visibility import user_group_ids
    from cms.members.backends import MemberBackend
    from cms.members.factories import MemberFactory

    member = MemberFactory()
    groups = [Group.objects.create(name=f"Nhóm thử {n}") for n in range(3)]
    member.user.groups.set(groups[:2])
    alone = MemberFactory()
    with django_assert_num_queries(1):
        user = MemberBackend().get_user(member.user.pk)
        assert user_group_ids(user) == sorted(g.pk for g in groups[:2])
        assert user.member.cell.pk == member.cell_id
    with django_assert_num_queries(1):
        assert user_group_ids(MemberBackend().get_user(alone.user.pk)) == []


@pytest.mark.django_db
def test_the_session_user_brings_the_content_version(rf, django_assert_num_queries):
    """The content version every member page keys its caches with comes in the user's
    query too, and is the version ``ContentVersion.objects.tag()`` reads on its own."""
    from cms.caching.audience import content_tag
    from cms.caching.models import ContentVersion
    from cms.members.backends import MemberBackend
    from cms.members.factories import MemberFactory

    member = MemberFactory()
    for _change in range(2):
        ContentVersion.objects.bump()
        request = rf.get("/")
        with django_assert_num_queries(1):
            request.user = MemberBackend().get_user(member.user.pk)
            tag = content_tag(request)
        assert tag == ContentVersion.objects.tag() != "0"
    anonymous = rf.get("/")
    with django_assert_num_queries(1):
        assert content_tag(anonymous) == tag


def _fields(obj):
    return {key: value for key, value in vars(obj).items() if key != "_state"}


@pytest.mark.django_db
def test_the_session_user_is_what_the_orm_reads_compiled_once(users, monkeypatch):
    """``cms.core.prepared``: the kept compilation of the session user's query gives the
    objects the ORM's own ``get`` gives (the user, their member and cell, the groups and
    the content version; a staff account without a member), and compiles nothing again."""
    from django.db.models.sql.compiler import SQLCompiler

    from cms.members.backends import SESSION_USER, MemberBackend
    from cms.members.factories import MemberFactory

    member = MemberFactory()
    staff = users["bientap"]
    for user in (member.user, staff):
        MemberBackend().get_user(user.pk)  # compiled here, if this thread has not yet
        compiled = []
        real = SQLCompiler.as_sql
        monkeypatch.setattr(
            SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(1) or real(self, *a, **k)
        )
        kept = SESSION_USER.get(user.pk)
        monkeypatch.setattr(SQLCompiler, "as_sql", real)
        assert not compiled
        orm = SESSION_USER.queryset().get(pk=user.pk)
        assert _fields(kept) == _fields(orm) and kept._state.db == orm._state.db
        assert not kept._state.adding
        if user == staff:
            assert not hasattr(kept, "member") or kept._state.fields_cache["member"] is None
        else:
            assert _fields(kept.member) == _fields(orm.member)
            assert _fields(kept.member.cell) == _fields(orm.member.cell)
    assert SESSION_USER.get(10**8) is None and SESSION_USER.get("không phải số") is None
