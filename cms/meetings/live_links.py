"""Signed addresses of the live-status poll, answered without a session.

On a meeting evening every open meeting screen polls every few seconds: that
is most of the site's traffic. The meeting page therefore gives its viewer a
poll address signed for one meeting, one view of it (``m``: a member's,
``f``: with the running vote count, for who runs the meeting) and a time
limit. The address alone grants the poll, so answering it reads no session,
user or member row:

- nginx checks the signature itself (its ``secure_link`` module) and answers
  from its cache, refreshed from the site at most once a second per meeting
  and view, with 304 to a client that has the current ETag
  (``deploy/nginx/stdv.conf.in``);
- the site checks it the same way when asked directly (``views.status``).

nginx's module knows only MD5 over ``expiry + path + " " + secret``; the
secret (``LIVE_LINK_SECRET``, from the environment) never leaves the servers
and a link lives ``LIFETIME`` seconds, a meeting evening. A member who leaves
the cell keeps the counters of that one meeting until the link expires; what
the poll shows is the meeting's state (attendance counts, motions and their
results), never who voted for what. Without a secret, pages keep the
session-checked address and the signed one answers 404.
"""

import base64
import hashlib

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

LIFETIME = 12 * 3600
MEMBER_VIEW, FULL_VIEW = "m", "f"
VIEWS = (MEMBER_VIEW, FULL_VIEW)


def _secret():
    return getattr(settings, "LIVE_LINK_SECRET", "")


def _signature(expires, path):
    raw = f"{expires}{path} {_secret()}".encode()
    # nginx's secure_link_md5 offers MD5 only; the secret keeps it unforgeable.
    digest = hashlib.md5(raw, usedforsecurity=False).digest()  # noqa: S324
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _now():
    return int(timezone.now().timestamp())


def poll_url(meeting_id, full):
    """The poll address of this meeting for this view: signed when a secret is set."""
    if not _secret():
        return reverse("meetings:live", args=[meeting_id])
    path = reverse("meetings:live_signed", args=[meeting_id, FULL_VIEW if full else MEMBER_VIEW])
    expires = _now() + LIFETIME
    return f"{path}?e={expires}&s={_signature(expires, path)}"


def is_valid(path, expires, signature):
    """Whether ``path?e=expires&s=signature`` was signed here and has not expired."""
    if not (_secret() and expires.isdigit() and signature):
        return False
    return int(expires) > _now() and constant_time_compare(
        signature, _signature(int(expires), path)
    )
