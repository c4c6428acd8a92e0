"""Sealing secret ballots while their motion is open.

A secret choice is written in the voter's own transaction (so an
acknowledged vote is never lost) but only as an envelope: the option's id
encrypted with AES-GCM under a key derived from the site's ``SECRET_KEY``
(HKDF), a random 96-bit nonce, and the motion's id as associated data so an
envelope cannot be moved to another motion. Envelopes are all the same
length and carry no time (a Fernet token would: its timestamp is in clear).
Whoever reads the database, its backups or its write-ahead log sees
ciphertext; only the running site can open it, which it does once, when the
motion closes. ``SECRET_KEY_FALLBACKS`` are tried too, so rotating the key
during a vote loses nothing.
"""

import os

from django.conf import settings
from django.utils.encoding import force_bytes

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12
CONTEXT = b"stdv/meetings/sealed-ballot/v1"


class UnreadableEnvelope(Exception):
    """No key of this site opens the envelope (SECRET_KEY changed without a fallback)."""


def _key(secret):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=CONTEXT).derive(
        force_bytes(secret)
    )


def _keys():
    yield _key(settings.SECRET_KEY)
    for secret in getattr(settings, "SECRET_KEY_FALLBACKS", ()):
        yield _key(secret)


def _context(motion_id):
    return CONTEXT + b"/motion/" + str(motion_id).encode()


def seal(motion_id, option_id):
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(_key(settings.SECRET_KEY)).encrypt(
        nonce, int(option_id).to_bytes(8, "big"), _context(motion_id)
    )
    return nonce + body


def unseal(motion_id, envelope):
    envelope = bytes(envelope)
    nonce, body = envelope[:NONCE_BYTES], envelope[NONCE_BYTES:]
    for key in _keys():
        try:
            return int.from_bytes(AESGCM(key).decrypt(nonce, body, _context(motion_id)), "big")
        except InvalidTag:
            continue
    raise UnreadableEnvelope(motion_id)
