"""Vietnamese numbers written in words, in digits and in Roman numerals.

``lần thứ mười lăm``, ``lần thứ 15`` and ``khóa XV`` name the same thing.
Everything works on accent-free, lower-case words (``cms.core.folding``), so
``mười``/``mươi`` (both ``muoi``) and ``một``/``mốt`` (both ``mot``) are told
apart by where they stand. Numbers from 1 to 999.
"""

import re

UNITS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
NUMBER_WORDS = frozenset(UNITS) | {"muoi", "tram", "linh", "le", "nhat"}
_DIGITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_ROMAN = [
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]
_ROMAN_RE = re.compile(r"^c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def _tens_and_units(words):
    """Value of ``words`` (a number below 100 in words), or None."""
    if not words:
        return None
    if words == ["nhat"]:
        return 1
    if words[0] == "muoi":  # mười, mười một, mười lăm
        rest = words[1:]
        if not rest:
            return 10
        if len(rest) == 1 and rest[0] in UNITS and rest[0] != "nam":
            return 10 + UNITS[rest[0]]
        return None
    if words[0] in UNITS and words[0] not in ("lam",):
        first = UNITS[words[0]]
        if len(words) == 1:
            return first
        if words[1] == "muoi" and first > 1:  # hai mươi, hai mươi mốt, hai mươi lăm
            if len(words) == 2:
                return first * 10
            if len(words) == 3 and words[2] in UNITS and words[2] != "nam":
                return first * 10 + UNITS[words[2]]
    return None


def words_to_number(words: list[str]) -> int | None:
    """``["muoi", "lam"]`` → 15; None when the words are not one whole number."""
    if len(words) >= 2 and words[1] == "tram" and words[0] in UNITS:
        hundreds = UNITS[words[0]] * 100
        rest = words[2:]
        if not rest:
            return hundreds
        if rest[0] in ("linh", "le") and len(rest) == 2 and rest[1] in UNITS:
            return hundreds + UNITS[rest[1]]
        below = _tens_and_units(rest)
        return hundreds + below if below and below >= 10 else None
    return _tens_and_units(words)


def number_to_words(n: int) -> str:
    """15 → "mười lăm" (1–999), with the spellings written texts use."""
    if not 0 < n < 1000:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    parts = []
    if hundreds:
        parts += [_DIGITS[hundreds], "trăm"]
        if rest and tens == 0:
            parts.append("linh")
    if tens == 1:
        parts.append("mười")
    elif tens:
        parts += [_DIGITS[tens], "mươi"]
    if units:
        if units == 5 and tens:
            parts.append("lăm")
        elif units == 1 and tens > 1:
            parts.append("mốt")
        else:
            parts.append(_DIGITS[units])
    return " ".join(parts)


def roman_to_number(word: str) -> int | None:
    """ "xiii" → 13 (up to 399); None for anything that is not a Roman numeral."""
    if not word or not _ROMAN_RE.match(word):
        return None
    total, rest = 0, word
    for value, letters in _ROMAN:
        while rest.startswith(letters):
            total += value
            rest = rest[len(letters) :]
    return total or None


def number_to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out).upper()
