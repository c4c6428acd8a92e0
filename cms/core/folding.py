"""Vietnamese text folding shared by indexing and querying.

One function, used on every backend, so that ``dang vien``, ``Đảng viên`` and
``ĐẢNG VIÊN`` meet on the same indexed form.  đ/Đ do not decompose in Unicode
and are mapped by hand; the look-alike Ð (eth) is read as Đ; old and new
tone-mark placement (hòa/hoà) fold to the same letters because the marks are
dropped.

``exact_code`` keeps what folding throws away, as plain ASCII that every
tokenizer leaves whole: the folded word, ``q``, then the vowel-shape marks in
order and the tone once.  ``bán`` → ``banq1``, ``bàn`` → ``banq2``,
``đảng`` → ``dangq93``, and ``hòa``/``hoà`` → ``hoaq2`` (tone position is not
recorded, so old and new placement agree).  A second shadow field of these
codes lets accent-exact matches score above folded ones on every backend.
"""

import functools
import re
import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ı": "i"})
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)

# Combining marks → digit (VNI numbering): tones 1–5, shapes 6 (â ê ô), 7 (ơ ư), 8 (ă).
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_SHAPES = {"\u0302": "6", "\u031b": "7", "\u0306": "8"}


def normalize(text: str) -> str:
    """NFC form with the eth look-alike read as Đ/đ and null bytes dropped."""
    if not text:
        return ""
    text = text.replace("\x00", " ").replace("Ð", "Đ").replace("ð", "đ")
    return unicodedata.normalize("NFC", text)


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


def words(text: str) -> list[str]:
    """Word tokens of ``text`` as written (NFC, eth read as Đ), lower-cased."""
    return _TOKEN_RE.findall(normalize(text).lower())


def has_marks(text: str) -> bool:
    """True when ``text`` carries any Vietnamese diacritic (or đ)."""
    return fold(text) != normalize(text).lower()


def exact_code(word: str) -> str:
    """ASCII code of one word that keeps its diacritics (see module docstring)."""
    shapes = []
    tone = ""
    for ch in unicodedata.normalize("NFD", normalize(word).lower()):
        if ch == "đ":
            shapes.append("9")
        elif ch in _SHAPES:
            shapes.append(_SHAPES[ch])
        elif ch in _TONES:
            tone = _TONES[ch]
    return f"{fold(word)}q{''.join(shapes)}{tone}"


def exact_codes(text: str) -> str:
    """``exact_code`` of every word of ``text``, space separated."""
    return " ".join(exact_code(w) for w in words(text))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Folded ``text`` and, for each folded character, its index in ``text``.

    Used to put ``<mark>`` around the original words a folded match came from.
    """
    out = []
    offsets = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        offsets.extend([i] * len(folded))
    return "".join(out), offsets


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)
