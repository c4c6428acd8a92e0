"""Production: every secret and host comes from the environment.

Refuses to start when SECRET_KEY or ALLOWED_HOSTS is missing, and passes
``manage.py check --deploy`` without warnings.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env, env_bool, env_list

DEBUG = False
DEMO_DATA_ALLOWED = False

SECRET_KEY = env.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Thiếu biến môi trường SECRET_KEY: đặt một chuỗi bí mật dài, ngẫu nhiên "
        "(ví dụ: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Thiếu biến môi trường ALLOWED_HOSTS: liệt kê các tên miền của trang, "
        "cách nhau bằng dấu phẩy (ví dụ: sotaydangvien.dongnai.gov.vn)."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
