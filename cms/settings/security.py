"""Security settings (SECURITY.md); ``base.py`` imports them and places the middleware.

- ``cms.security.middleware.SecurityHeadersMiddleware`` (right after Django's
  SecurityMiddleware): ``Permissions-Policy`` and ``private, no-store`` on private answers.
- ``cms.security.middleware.RejectInvalidInputMiddleware`` (right after the login
  middleware, so the page shows who is in): NUL bytes and control characters in a path,
  a query or a form get a Vietnamese 400 page before any view or query.
"""

import os

from .accounts import accounts_settings  # noqa: F401  (base.py calls it)

# Browser features no page of the site uses: refused to every page and to anything it embeds.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
    "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
]  # fmt: skip

# Passwords: Argon2id (cms/members/hashers.py); PBKDF2 hashes of older accounts still
# verify and are replaced by Argon2id at the next login.
PASSWORD_HASHERS = [
    "cms.members.hashers.MemberPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Error pages in the site's layout and in Vietnamese (cms/home/views.py, cms/templates).
CSRF_FAILURE_VIEW = "cms.home.views.csrf_failure"

# Idle sessions end (cms/members/middleware.py): after STAFF_IDLE_MINUTES for anyone with
# admin access or a committee staff post, after MEMBER_IDLE_MINUTES for members (long by
# default: many members log in once per meeting).
STAFF_IDLE_MINUTES = int(os.environ.get("STAFF_IDLE_MINUTES", "30"))
MEMBER_IDLE_MINUTES = int(os.environ.get("MEMBER_IDLE_MINUTES", str(14 * 24 * 60)))

# Audit-log entries older than this many days are deleted by `manage.py apply_retention`
# (SECURITY.md, section 5); 0 keeps them for ever.
AUDIT_LOG_RETENTION_DAYS = int(os.environ.get("AUDIT_LOG_RETENTION_DAYS", "365"))

# Where `manage.py backup` writes its folders (docs/runbook.md, "Back up and restore").
BACKUP_ROOT = os.environ.get(
    "BACKUP_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "backup")
)

# Decompression bombs (cms/files/validation.py, cms/files/extraction.py): an Office file is
# refused when it unpacks to more than UPLOAD_MAX_UNPACKED_SIZE or any part of it (over
# 1 MB) is compressed more than UPLOAD_MAX_COMPRESSION_RATIO times (real documents: 5–20).
# Text is extracted only from files whose XML parts total at most EXTRACTION_MAX_XML_BYTES,
# and at most EXTRACTED_TEXT_MAX_CHARS characters of it are kept.
UPLOAD_MAX_UNPACKED_SIZE = int(os.environ.get("UPLOAD_MAX_UNPACKED_SIZE", str(200 * 1024**2)))
UPLOAD_MAX_COMPRESSION_RATIO = int(os.environ.get("UPLOAD_MAX_COMPRESSION_RATIO", "100"))
EXTRACTION_MAX_XML_BYTES = int(os.environ.get("EXTRACTION_MAX_XML_BYTES", str(20 * 1024**2)))
EXTRACTED_TEXT_MAX_CHARS = int(os.environ.get("EXTRACTED_TEXT_MAX_CHARS", "500000"))

# Signed live-status poll addresses (cms/meetings/live_links.py): shared with nginx, which
# checks them itself (deploy/render.py puts the same STDV_LIVE_LINK_SECRET in its
# configuration). Unset: pages poll the session-checked address instead.
LIVE_LINK_SECRET = os.environ.get("STDV_LIVE_LINK_SECRET", "")
