"""Development: the embedded default (SQLite, database search, local media)."""

from .base import *  # noqa: F401,F403
from .base import env, env_list

DEBUG = env.get("DEBUG", "1").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = env.get("SECRET_KEY") or "dev-only-not-secret-change-me"
LIVE_LINK_SECRET = env.get("STDV_LIVE_LINK_SECRET") or "dev-only-live-link-secret"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
