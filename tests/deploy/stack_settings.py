"""Production settings for the stack the deploy tests start, with two test-only differences:
the test database's demo accounts carry the test hasher's passwords, and static files are
served under their own names (no collectstatic manifest to build in every test run)."""

from cms.settings.production import *  # noqa: F401,F403
from cms.settings.production import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
