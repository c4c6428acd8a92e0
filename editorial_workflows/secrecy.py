"""State-secret markings in text: one pure function, ``scan(text)``.

The screening task, the content importer and the tests all call ``scan``; it
reads nothing but its arguments (and, when no list is passed, the setting
``SECRECY_CLASSIFIED_NUMBERS``) and returns the markings it found.

What counts as a marking (see docs/workflow.md for the reasoning):

* ``TỐI MẬT`` and ``TUYỆT MẬT`` anywhere, in any case: these phrases have no
  everyday meaning, they only ever name a secrecy level.
* ``MẬT`` alone only when it is written as a stamp: in capitals as a word of
  its own, alone on its line, or in brackets (``(Mật)``, ``[MẬT]``). In
  ordinary prose "mật" is mostly part of another word (mật khẩu, mật thiết,
  mật ong, bí mật, bảo mật, thân mật, mật độ, mật mã…), and those compounds
  are never flagged, not even in capitals.
* The label ``Độ mật`` when it is a label: followed by a colon, written in
  capitals, or followed by a level ("Độ mật Tối mật"). "xác định độ mật của
  tài liệu" in prose is not a label.
* Each classified document number of the configured list, however it is
  typed (case, diacritics, spaces, hyphen or slash: ``12-NQ/TW`` =
  ``12 - nq / tw``).

Words are accepted either with their correct diacritics or with none at all
(text typed without accents): ``mật``/``mat`` match, but ``mắt``, ``mặt``,
``mất``, ``mát`` and ``mạt`` — which fold to the same letters — do not.
Positions index the text after NFC normalisation (identical to the input for
the NFC text the admin and the extractors produce).
"""

import re
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cms.core.folding import fold, normalize

CONTEXT_CHARS = 40

_WORD_RE = re.compile(r"\w+", re.UNICODE)

# Words that make "mật" part of an ordinary compound when they come right before it…
_COMPOUND_BEFORE = {
    "bí",
    "bảo",
    "giải",
    "thân",
    "cơ",
    "nghiêm",
    "chu",
    "trù",
    "túi",
    "sỏi",
    "ong",
    "hũ",
    "đường",
    "ngọt",
    "kín",
    "tuyệt",  # only reached when "tuyệt mật" is itself ruled out
    "tối",
}
# …or right after it.
_COMPOUND_AFTER = {
    "khẩu",
    "mã",
    "thiết",
    "ong",
    "độ",
    "báo",
    "thám",
    "danh",
    "vụ",
    "lệnh",
    "đàm",
    "ước",
    "hiệu",
    "ngữ",
    "phục",
    "thư",
    "sứ",
    "mía",
    "gấu",
    "tập",
    "ngọt",
    "đắng",
    "nghị",
    "tin",  # "mật tin" (a secret message) is prose
    "hoa",
}
_OPEN = "([{«‹<"
_CLOSE = ")]}»›>"

LEVELS = {"mật": "MẬT", "tối mật": "TỐI MẬT", "tuyệt mật": "TUYỆT MẬT"}


@dataclass(frozen=True)
class Finding:
    """One marking found in a text."""

    marking: str  # canonical label: "MẬT", "TỐI MẬT", "TUYỆT MẬT", "Độ mật", "Số 12-NQ/TW"
    kind: str  # "stamp", "level", "label" or "number"
    start: int
    end: int
    text: str  # the matched text as written
    context: str  # the text around it, on one line

    def as_dict(self):
        return asdict(self)


def _plain(word: str) -> bool:
    return word.isascii()


def _matches(word: str, canonical: str) -> bool:
    lowered = word.lower()
    return lowered == canonical or (_plain(word) and lowered == fold(canonical))


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    snippet = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def _line_is_only(text: str, start: int, end: int) -> bool:
    """The span is the only word on its line (punctuation and brackets allowed)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    rest = text[line_start:start] + text[end:line_end]
    return not _WORD_RE.search(rest)


def _bracketed(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    return bool(before) and bool(after) and before[-1] in _OPEN and after[0] in _CLOSE


def _followed_by_colon(text: str, end: int) -> bool:
    return text[end:].lstrip(" \t").startswith(":")


def _number_patterns(numbers):
    patterns = []
    for number in numbers:
        parts = re.findall(r"[0-9a-z]+", fold(normalize(number)))
        if not parts:
            continue
        body = r"[\s\-–—/.:_]*".join(re.escape(p) for p in parts)
        patterns.append((number.strip(), re.compile(rf"(?<![0-9a-z]){body}(?![0-9a-z])")))
    return patterns


def _configured_numbers():
    try:
        return list(getattr(settings, "SECRECY_CLASSIFIED_NUMBERS", []) or [])
    except ImproperlyConfigured:  # settings not configured: a bare script
        return []


def scan(text: str, numbers=None) -> list[Finding]:
    """Every state-secret marking in ``text``; an empty list for clean text.

    ``numbers`` is the list of classified document numbers to look for; by
    default the setting ``SECRECY_CLASSIFIED_NUMBERS``.
    """
    if not text:
        return []
    text = normalize(text)
    words = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    findings: list[Finding] = []

    def add(marking, kind, start, end):
        findings.append(
            Finding(marking, kind, start, end, text[start:end], _context(text, start, end))
        )

    def word_at(i):
        return words[i][0] if 0 <= i < len(words) else ""

    def same_line(i, j):
        return "\n" not in text[words[i][2] : words[j][1]]

    def compound_after(i):
        """The word after index ``i`` makes "mật" an ordinary compound."""
        nxt = word_at(i + 1)
        return bool(nxt) and same_line(i, i + 1) and any(_matches(nxt, w) for w in _COMPOUND_AFTER)

    def level_at(i):
        """(canonical level, last word index) when a level starts at word ``i``."""
        word = word_at(i)
        if not word:
            return None
        for first, level in (("tối", "TỐI MẬT"), ("tuyệt", "TUYỆT MẬT")):
            if (
                _matches(word, first)
                and _matches(word_at(i + 1), "mật")
                and same_line(i, i + 1)
                and not compound_after(i + 1)
            ):
                return level, i + 1
        return None

    i = 0
    while i < len(words):
        word, start, end = words[i]
        found = level_at(i)
        if found:
            level, last = found
            add(level, "level", start, words[last][2])
            i = last + 1
            continue
        if (
            _matches(word, "độ")
            and _matches(word_at(i + 1), "mật")
            and same_line(i, i + 1)
            and not compound_after(i + 1)
        ):
            label_end = words[i + 1][2]
            label_text = text[start:label_end]
            following = level_at(i + 2) or (
                ("MẬT", i + 2) if _matches(word_at(i + 2), "mật") else None
            )
            if _followed_by_colon(text, label_end) or label_text.isupper() or following:
                last = i + 1
                marking = "Độ mật"
                if following and (i + 2) < len(words) and same_line(i + 1, i + 2):
                    marking = f"Độ mật: {following[0]}"
                    last = following[1]
                add(marking, "label", start, words[last][2])
                i = last + 1
                continue
        if _matches(word, "mật"):
            prev = word_at(i - 1) if i > 0 and same_line(i - 1, i) else ""
            in_compound = compound_after(i) or (
                prev and any(_matches(prev, w) for w in _COMPOUND_BEFORE)
            )
            stamp = (
                _line_is_only(text, start, end)
                or _bracketed(text, start, end)
                or (word.isupper() and not in_compound)
            )
            if stamp:
                add("MẬT", "stamp", start, end)
        i += 1

    folded = fold(text) if len(fold(text)) == len(text) else None
    patterns = _number_patterns(_configured_numbers() if numbers is None else numbers)
    if patterns and folded is not None:
        for number, pattern in patterns:
            for m in pattern.finditer(folded):
                add(f"Số {number}", "number", m.start(), m.end())
    elif patterns:
        # Text whose folding changes its length (stray combining marks): fold
        # character by character so positions still point into ``text``.
        mapped = []
        index = []
        for pos, ch in enumerate(text):
            for out in fold(ch):
                mapped.append(out)
                index.append(pos)
        folded_text = "".join(mapped)
        for number, pattern in patterns:
            for m in pattern.finditer(folded_text):
                s = index[m.start()]
                e = index[m.end() - 1] + 1
                add(f"Số {number}", "number", s, e)

    findings.sort(key=lambda f: f.start)
    return findings


def scan_many(parts) -> list[tuple[str, Finding]]:
    """Scan several labelled texts: ``[(where, text), …]`` → ``[(where, finding), …]``."""
    results = []
    for where, text in parts:
        for finding in scan(text):
            results.append((where, finding))
    return results
