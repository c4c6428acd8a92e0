"""Vietnamese text folding shared by indexing and querying.

One function, used on every backend, so that ``dang vien``, ``Đảng viên`` and
``ĐẢNG VIÊN`` meet on the same indexed form.  đ/Đ do not decompose in Unicode
and are mapped by hand; the look-alike Ð (eth) is read as Đ; old and new
tone-mark placement (hòa/hoà) fold to the same letters because the marks are
dropped.
"""

import re
import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ı": "i"})
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """NFC form with the eth look-alike read as Đ/đ."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text.replace("Ð", "Đ").replace("ð", "đ"))


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (``Đảng viên`` → ``dang vien``)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_SPECIAL).lower()


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``."""
    return _TOKEN_RE.findall(fold(text))
