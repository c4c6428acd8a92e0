"""What a test login stands for: a person who went through every login step.

``tests/conftest.py`` wraps ``Client.force_login`` and ``Client.login`` with
``pass_account_gates``: an account that must use a second factor gets a confirmed
authenticator and a session verified with it (as after typing the code), and a member
has acknowledged the current processing notice. Two-factor authentication stays on in
the test settings; a test marked ``@pytest.mark.raw_login`` gets the bare Django login
and meets both gates (tests/accounts/).
"""

from django.contrib.auth import get_user_model

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts import notice, twofactor
from cms.accounts.middleware import NOTICE_KEY
from cms.accounts.models import NoticeAcknowledgement

TEST_DEVICE_NAME = "Thiết bị của bộ kiểm thử"


def verified_device(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE_NAME, confirmed=True)
    return device


def acknowledged_earlier(user):
    """The member acknowledged the current notice at an earlier login (no audit entry:
    tests count those)."""
    NoticeAcknowledgement.objects.get_or_create(user=user, version=notice.NOTICE_VERSION)


def pass_account_gates(client, user):
    session = client.session
    if twofactor.required_for(user):
        session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
    if notice.applies_to(user):
        acknowledged_earlier(user)
        session[NOTICE_KEY] = notice.NOTICE_VERSION
    session.save()


def current_code(device):
    """The six digits the person's authenticator app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def second_factor_in_browser(page, username):
    """In a browser test, after the password: a staff account types a recovery code on the
    code page (a fresh one each time, so an account may log in twice within one TOTP step);
    a member has acknowledged the notice before."""
    user = get_user_model().objects.get(username=username)
    if notice.applies_to(user):
        acknowledged_earlier(user)
    if not twofactor.required_for(user):
        return
    verified_device(user)
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=TEST_DEVICE_NAME, defaults={"confirmed": True}
    )
    token = device.token_set.create(token=StaticToken.random_token()).token
    page.wait_for_url(lambda url: "/xac-thuc-hai-buoc/" in url)
    if "/xac-thuc-hai-buoc/dang-ky/" in page.url:  # sent there before the device existed
        page.goto(page.url.replace("/xac-thuc-hai-buoc/dang-ky/", "/xac-thuc-hai-buoc/"))
    page.fill("#id_code", token)
    page.click("form.form button[type=submit]")
