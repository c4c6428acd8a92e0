"""Test settings: fast hashing, no outgoing mail, tasks run at once.

DATABASE_URL and REDIS_URL still apply, so the suite can run against
PostgreSQL and Redis as well as the embedded default.
"""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = Path(env.get("TEST_MEDIA_ROOT", "/tmp/stdv-test-media"))  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not env.get("REDIS_URL"):
    CACHES = {  # noqa: F405
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
else:
    # Each xdist worker gets its own key space so parallel tests don't share counters.
    CACHES["default"]["KEY_PREFIX"] = (  # noqa: F405
        f"{env.get('CACHE_KEY_PREFIX', 'stdv-test')}-{env.get('PYTEST_XDIST_WORKER', 'main')}"
    )
# Signed live-status poll addresses (cms/meetings/live_links.py), as in production.
LIVE_LINK_SECRET = "test-only-live-link-secret"
