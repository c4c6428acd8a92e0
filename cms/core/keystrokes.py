"""Vietnamese typed as raw Telex or VNI keystrokes, read back as letters.

Members without a Vietnamese keyboard switched on type the keys an input
method would have turned into letters: ``truyeenf`` (Telex) or ``truye62n``
(VNI) for "truyền". ``decode(word)`` gives the word those keys spell, or
``None`` when the word does not read as keystrokes: a decoded word must be
one well-formed Vietnamese syllable (``is_syllable``), so accent-free words
(``bao``, ``tuan``) and words of other languages are left alone.

Telex: ``aa â``, ``aw ă``, ``ee ê``, ``oo ô``, ``ow ơ``, ``uw ư``, ``uow ươ``,
``w`` alone ``ư``, ``dd đ``; tones ``s`` sắc, ``f`` huyền, ``r`` hỏi, ``x`` ngã,
``j`` nặng (after the first vowel, usually at the end); a ``w`` typed after
the final consonant (``truongw``) shapes the vowels before it.
VNI: ``6`` â ê ô, ``7`` ơ ư, ``8`` ă, ``9`` đ, tones ``1``–``5``, each typed
after the letter it marks or at the end of the word.
"""

import functools
import re
import unicodedata

TONE_MARKS = {1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323"}
TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5}
VOWELS = set("aăâeêioôơuưy")
ONSETS = [
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
] + [""]
_OPEN = [
    "a",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "e",
    "eo",
    "ê",
    "êu",
    "i",
    "ia",
    "iu",
    "o",
    "oa",
    "oai",
    "oao",
    "oay",
    "oe",
    "oeo",
    "oi",
    "ô",
    "ôi",
    "ơ",
    "ơi",
    "u",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uy",
    "uya",
    "uyu",
    "uơ",
    "ươi",
    "ươu",
    "uôi",
    "ư",
    "ưa",
    "ưi",
    "ưu",
    "y",
    "yêu",
    "iêu",
    "uây",
]
_CLOSED_STEMS = {
    "a": "c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "c m n ng p t",
    "e": "c m n ng p t",
    "ê": "ch m n nh p t",
    "i": "ch m n nh p t",
    "o": "c m n ng p t",
    "oo": "c ng",
    "ô": "c m n ng p t",
    "ơ": "m n p t",
    "u": "c m n ng p t",
    "ư": "c m n ng t",
    "iê": "c m n ng p t",
    "yê": "m n t",
    "uô": "c m n ng t",
    "ươ": "c m n ng p t",
    "oa": "c ch m n ng nh p t",
    "oă": "c m n ng t",
    "oe": "n t",
    "uâ": "n ng t",
    "uê": "ch nh",
    "uy": "ch n nh p t",
    "uyê": "n t",
}
RHYMES = frozenset(_OPEN) | frozenset(
    stem + coda for stem, codas in _CLOSED_STEMS.items() for coda in codas.split()
)
_STOPS = ("c", "ch", "p", "t")
_ASCII_WORD = re.compile(r"^[a-z]+$")
_VNI_WORD = re.compile(r"^[a-z][a-z1-9]*$")
_SHAPES = {"aa": "â", "ee": "ê", "oo": "ô", "aw": "ă", "ow": "ơ", "uw": "ư", "dd": "đ"}
_HORN = {"a": "ă", "o": "ơ", "u": "ư"}
_HAT = {"a": "â", "e": "ê", "o": "ô"}


def _splits(letters, onsets=ONSETS):
    """(onset, rhyme) pairs the letters could be read as."""
    for onset in onsets:
        if letters.startswith(onset):
            yield onset, letters[len(onset) :]


@functools.lru_cache(maxsize=8192)
def is_syllable(letters: str, tone: int = 0) -> bool:
    """Whether ``letters`` (lower case, shaped vowels, no tone mark) is one syllable.

    ``tone`` 1–5 (0 for none): syllables ending in c, ch, p, t take only sắc or nặng.
    """
    for onset, rhyme in _splits(letters):
        if rhyme not in RHYMES and not (onset == "gi" and rhyme == ""):
            continue
        if tone and tone not in (1, 5) and rhyme.endswith(_STOPS):
            continue
        return True
    return False


_FOLDED_ONSETS = sorted({o.replace("đ", "d") for o in ONSETS}, key=len, reverse=True)
_FOLDED_RHYMES = frozenset(
    unicodedata.normalize("NFD", r).encode("ascii", "ignore").decode() for r in RHYMES
)


@functools.lru_cache(maxsize=8192)
def could_be_syllable(folded: str) -> bool:
    """Whether accent-free ``folded`` letters can be one syllable once accents are added."""
    return any(
        rhyme in _FOLDED_RHYMES or (onset == "gi" and not rhyme)
        for onset, rhyme in _splits(folded, _FOLDED_ONSETS)
    )


def _tone_index(letters):
    """Where the tone mark goes (the traditional placement: hòa, thủy, người)."""
    skip = 0
    if letters.startswith("qu") or (
        letters.startswith("gi") and any(c in VOWELS for c in letters[2:])
    ):
        skip = 2
    vowels = [i for i in range(skip, len(letters)) if letters[i] in VOWELS]
    if not vowels:
        return None
    shaped = [i for i in vowels if letters[i] in "ăâêôơư"]
    if shaped:
        return shaped[-1]
    if vowels[-1] < len(letters) - 1 or len(vowels) == 1:
        return vowels[-1]  # a final consonant follows, or a single vowel
    return vowels[0] if len(vowels) == 2 else vowels[1]


def spell(letters: str, tone: int) -> str:
    """The word in NFC with its tone mark in place."""
    if tone:
        i = _tone_index(letters)
        if i is not None:
            letters = letters[: i + 1] + TONE_MARKS[tone] + letters[i + 1 :]
    return unicodedata.normalize("NFC", letters)


def _finish(candidates, tone, literal):
    for letters in candidates:
        if (letters != literal or tone) and is_syllable(letters, tone):
            return spell(letters, tone)
    return None


def _telex_shapes(letters):
    """The letters with Telex shape keys applied (several readings of a trailing w)."""
    out = letters.replace("uwow", "ươ").replace("uow", "ươ").replace("uwo", "ươ")
    for keys, letter in _SHAPES.items():
        out = out.replace(keys, letter)
    if "w" not in out:
        return [out]
    head, _, tail = out.partition("w")
    if "w" in tail:
        return []
    if not any(c in VOWELS for c in head):
        return [head + "ư" + tail]  # a lone w after a consonant: ư
    if tail:
        return []
    # The shape typed after the final consonant (truongw): on the vowels before it.
    readings = []
    for plain, shaped in (("uo", "ươ"), ("o", "ơ"), ("u", "ư"), ("a", "ă")):
        at = head.rfind(plain)
        if at >= 0:
            readings.append(head[:at] + shaped + head[at + len(plain) :])
    return readings


def decode_telex(word: str) -> str | None:
    """``truyeenf`` → ``truyền``; None when ``word`` does not read as Telex keys."""
    if not _ASCII_WORD.match(word) or len(word) > 12:
        return None
    first_vowel = next((i for i, c in enumerate(word) if c in "aeiouyw"), None)
    if first_vowel is None:
        return None
    tone = 0
    keys = [i for i, c in enumerate(word) if i > first_vowel and c in TELEX_TONES]
    if len(keys) > 1:
        return None
    letters = word
    if keys:
        tone = TELEX_TONES[word[keys[0]]]
        letters = word[: keys[0]] + word[keys[0] + 1 :]
    elif word.endswith("z"):
        letters = word[:-1]
    return _finish(_telex_shapes(letters), tone, word)


def decode_vni(word: str) -> str | None:
    """``truye62n`` → ``truyền``; None when ``word`` does not read as VNI keys."""
    if not _VNI_WORD.match(word) or len(word) > 14 or word.isalpha():
        return None
    letters: list[str] = []
    tone = 0
    for ch in word:
        if ch.isalpha():
            letters.append(ch)
            continue
        digit = int(ch)
        if digit <= 5:
            if tone:
                return None
            tone = digit
        elif digit == 9:
            if letters[:1] != ["d"]:
                return None
            letters[0] = "đ"
        else:
            table = {6: _HAT, 7: _HORN, 8: {"a": "ă"}}[digit]
            i = max((j for j, c in enumerate(letters) if c in table), default=None)
            if i is None:
                return None
            letters[i] = table[letters[i]]
            if digit == 7 and letters[i] == "ơ" and i > 0 and letters[i - 1] == "u":
                letters[i - 1] = "ư"
    return _finish(["".join(letters)], tone, word)


def decode(word: str) -> str | None:
    """The word spelled by Telex or VNI keystrokes, or None (see the module docstring)."""
    return decode_vni(word) if any(c.isdigit() for c in word) else decode_telex(word)
