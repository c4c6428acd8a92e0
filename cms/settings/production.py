"""Production: every secret and host comes from the environment.

Refuses to start when SECRET_KEY, ALLOWED_HOSTS or REDIS_URL is missing, and passes
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
# Lockouts, import previews, live meeting data and visit counters are shared by every
# worker process through Redis; per-process memory would silently split them.
if not env.get("REDIS_URL"):
    raise ImproperlyConfigured(
        "Thiếu biến môi trường REDIS_URL: môi trường chạy thật cần Redis để các tiến trình "
        "dùng chung bộ nhớ đệm, khóa đăng nhập và bản xem trước khi nhập danh sách "
        "(ví dụ: REDIS_URL=redis://127.0.0.1:6379/0)."
    )

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

# --- stack (issue 14: deploy/, docs/runbook.md) ---
# Background work goes to a database queue run by `manage.py db_worker`
# (deploy/systemd/stdv-worker.service), never inside a request.
INSTALLED_APPS += ["django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Anonymous pages may be kept by the cache in front (cms/caching/middleware.py).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,  # noqa: F405
    "cms.caching.middleware.FrontCacheMiddleware",
)
FRONT_CACHE_SECONDS = int(env.get("FRONT_CACHE_SECONDS", "1"))
FRONT_CACHE_PERIOD_SECONDS = int(env.get("FRONT_CACHE_PERIOD_SECONDS", "60"))

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
