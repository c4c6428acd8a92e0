"""Two-factor authentication (cms/accounts/twofactor.py): required with admin access,
optional for members, recovery codes, admin reset, audit records."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import ModelLogEntry

import django_otp
import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts import notice, twofactor
from tests.account_gates import current_code, verified_device

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
ENROL = reverse("accounts:otp_enrol")
VERIFY = reverse("accounts:otp_verify")


def actions(user, action):
    return ModelLogEntry.objects.for_instance(user).filter(action=action)


def password_login(client, user, url="/admin/login/"):
    response = client.post(url, {"username": user.get_username(), "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.mark.raw_login
def test_an_unverified_staff_session_is_sent_to_the_code_pages(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2F"
    # Site pages and the admin's other addresses too; logging out stays open.
    assert client.get("/tin-tuc/")["Location"].startswith(ENROL)
    assert client.get("/admin/pages/")["Location"].startswith(ENROL)
    # With an authenticator but no code yet: the code page, and enrolling anew is refused.
    verified_device(editor)
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert client.get(ENROL)["Location"].startswith(VERIFY)
    assert client.post(reverse("members:logout")).status_code == 302


def test_the_test_login_fixture_verifies_staff(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_enrolment_shows_a_qr_code_and_the_secret_then_ten_recovery_codes(client, editor):
    password_login(client, editor)
    assert client.get("/admin/")["Location"].startswith(ENROL)
    page = client.get(f"{ENROL}?next=/admin/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Xác thực hai bước" in html and "<svg" in html
    assert "style=" not in html and "<script>" not in html.replace(" ", "")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert twofactor.secret_text(device) in html
    assert page["Cache-Control"].count("no-store") == 1

    wrong = client.post(ENROL, {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "Mã chưa đúng" in wrong.content.decode()
    assert actions(editor, "accounts.otp_failure").count() == 1
    assert client.post(ENROL, {"code": "", "next": "/admin/"}).status_code == 200

    device.refresh_from_db()
    device.throttle_reset()  # a wrong code slows the next try down by a second or more
    done = client.post(ENROL, {"code": current_code(device), "next": "/admin/"})
    assert done["Location"].startswith(reverse("accounts:recovery_codes"))
    codes_page = client.get(done["Location"]).content.decode()
    codes = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    download = client.get(reverse("accounts:recovery_codes_download"))
    assert download["Content-Disposition"] == 'attachment; filename="ma-du-phong.txt"'
    assert all(code in download.content.decode() for code in codes)
    # Shown once: after "I have kept them" the codes are gone from the session.
    assert client.post(reverse("accounts:recovery_codes"), {"next": "/admin/"}).status_code == 302
    assert client.get(reverse("accounts:recovery_codes"))["Location"] == ENROL
    assert client.get("/admin/").status_code == 200
    assert actions(editor, "accounts.otp_enrol").count() == 1
    assert actions(editor, "accounts.recovery_codes").count() == 1


def test_every_login_then_asks_for_a_code_or_a_recovery_code(client, editor):
    device = verified_device(editor)
    (code,) = twofactor.issue_recovery_codes(editor, by=editor)[:1]
    password_login(client, editor)
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    bad = client.post(VERIFY, {"code": "123456", "next": "/admin/"})
    assert "Mã không đúng" in bad.content.decode()
    assert actions(editor, "accounts.otp_failure").get().data == {"step": "login"}
    # A wrong code slows the next try down (1 s, 2 s…): here the wait is over.
    assert twofactor.throttled(editor) > 0
    for each in django_otp.devices_for_user(editor):
        each.throttle_reset()
    ok = client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})
    assert ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # The next login, with a recovery code instead of the phone: once only.
    client.post(reverse("members:logout"))
    password_login(client, editor)
    assert client.post(VERIFY, {"code": code.upper(), "next": "/admin/"})["Location"] == "/admin/"
    assert actions(editor, "accounts.recovery_used").get().data == {"left": 9}
    client.post(reverse("members:logout"))
    password_login(client, editor)
    reused = client.post(VERIFY, {"code": code, "next": "/admin/"})
    assert reused.status_code == 200
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_member_login_that_yields_admin_access_needs_the_code_too(client, member):
    member.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    password_login(client, member.user, url=reverse("members:login"))
    assert client.get("/")["Location"].startswith(ENROL)


def test_two_factor_is_optional_for_members_and_then_asked_at_login(client, member):
    password_login(client, member.user, url=reverse("members:login"))
    notice.acknowledge(member.user)
    assert client.get("/tin-tuc/").status_code == 200  # no second factor asked
    page = client.get(ENROL)
    assert "tùy chọn" in page.content.decode()
    device = TOTPDevice.objects.get(user=member.user, confirmed=False)
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 302
    client.post(reverse("members:logout"))
    password_login(client, member.user, url=reverse("members:login"))
    assert client.get("/tin-tuc/")["Location"].startswith(VERIFY)


def test_an_administrator_resets_a_users_devices(client, users, editor):
    verified_device(editor)
    twofactor.issue_recovery_codes(editor, by=editor)
    url = reverse("accounts_admin:reset_devices", args=[editor.pk])
    client.force_login(users["quantri"])
    assert (
        "Đặt lại xác thực hai bước"
        in client.get(reverse("wagtailusers_users:index")).content.decode()
    )
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not twofactor.is_enrolled(editor)
    assert twofactor.recovery_codes_left(editor) == 0
    entry = actions(editor, "accounts.otp_reset").get()
    assert entry.user_id == users["quantri"].pk


def test_resetting_devices_needs_the_change_user_permission(client, users, editor):
    verified_device(editor)
    client.force_login(users["bientap"])
    response = client.post(reverse("accounts_admin:reset_devices", args=[editor.pk]))
    assert response.status_code == 403
    assert twofactor.is_enrolled(editor)
