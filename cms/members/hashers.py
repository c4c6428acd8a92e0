"""How passwords are stored: Argon2id, at OWASP's settings with a margin.

Django's own ``Argon2PasswordHasher`` (argon2-cffi, the reference C implementation) with the
first configuration of OWASP's Password Storage Cheat Sheet (19 MiB of memory, one lane),
three passes instead of OWASP's minimum two: about 1.5 times that minimum, as Django's
PBKDF2 (1,000,000 iterations) is about 1.7 times OWASP's 600,000. A check costs about
35 ms of CPU against PBKDF2's 230 ms, so a meeting evening's logins need a sixth of the
cores (docs/scale.md), and the memory it needs makes a guessing rig far dearer than
PBKDF2's does. Older hashes (PBKDF2) still verify and are replaced at the next login
(``PASSWORD_HASHERS`` in cms/settings/security.py).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class MemberPasswordHasher(Argon2PasswordHasher):
    time_cost = 3
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
