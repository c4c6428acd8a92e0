"""Accounts settings (cms/accounts, SECURITY.md): two-factor authentication on django-otp
and the processing notice. ``base.py`` calls ``accounts_settings`` once.

- ``django_otp.middleware.OTPMiddleware`` right after Django's authentication middleware
  (``request.user.is_verified()``).
- ``cms.accounts.middleware.TwoFactorMiddleware`` and ``ProcessingNoticeMiddleware`` right
  after the forced password change: a new password first, then the code, then the notice.
"""

OTP_APPS = ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]


def accounts_settings(installed_apps, middleware):
    """Places the apps and middleware in the given lists; returns the plain settings."""
    installed_apps += ["cms.accounts", *OTP_APPS]
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    middleware.insert(auth + 1, "django_otp.middleware.OTPMiddleware")
    forced = middleware.index("cms.members.middleware.ForcePasswordChangeMiddleware")
    middleware[forced + 1 : forced + 1] = [
        "cms.accounts.middleware.TwoFactorMiddleware",
        "cms.accounts.middleware.ProcessingNoticeMiddleware",
    ]
    return {
        # The name an authenticator app shows beside the account.
        "OTP_TOTP_ISSUER": "Sổ tay đảng viên Đồng Nai",
        # Wrong codes slow further tries down (1 s, 2 s, 4 s… per device).
        "OTP_TOTP_THROTTLE_FACTOR": 1,
        "OTP_STATIC_THROTTLE_FACTOR": 1,
        # One-time recovery codes issued at enrolment (django-otp's static device).
        "OTP_RECOVERY_CODES": 10,
    }
