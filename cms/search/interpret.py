"""Reading a query the way people really type it.

Besides its literal form, a query may be read as:

- ``keystrokes``: raw Telex or VNI keys (``tuyeen truyeenf``, ``tuye6n
  truye62n`` → "tuyên truyền"), decoded by ``cms.core.keystrokes`` only where
  a word spells one Vietnamese syllable, so ``bao`` or ``tuan`` stay as typed;
- ``abbreviation``: the editors' abbreviations (``Abbreviation``) expanded
  (``NQ`` → "nghị quyết") or, the other way round, put for their expansion
  (``nghị quyết 12`` → "NQ 12", which finds ``12-NQ/TU``). An abbreviation
  that is also an ordinary syllable (``TU``, ``CT`` is not) is read as one
  only when typed in capitals;
- ``number``: numbers in words, digits or Roman numerals after "thứ", "lần",
  "khóa", "số" (``lần thứ mười lăm`` ↔ ``lần thứ 15`` ↔ ``khóa XV``);
- ``joined``: a long word that splits into known words (``sinhhoatchibo``);
- ``typo``: a word of 5 letters or more that no readable page contains, read
  as the most used word one edit away (a letter missing, extra, swapped or
  wrong).

Each reading is a whole query (``Reading.query``, parsed like what was
typed) and a text to show (``Reading.text``, accented where known). The
service ranks literal matches above the readings' (``services.py``).
"""

import itertools
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.core.folding import fold, normalize, tokens, words
from cms.core.keystrokes import could_be_syllable, decode
from cms.core.numerals import (
    NUMBER_WORDS,
    number_to_roman,
    number_to_words,
    roman_to_number,
    words_to_number,
)

from .models import Abbreviation
from .query import ParsedQuery, parse_query
from .vocabulary import (
    MIN_TYPO_LETTERS,
    best_split,
    corrections,
    known_words,
    one_edit,
    substrings,
)

KIND_LABELS = {
    "keystrokes": _("gõ kiểu Telex/VNI"),
    "abbreviation": _("chữ viết tắt"),
    "number": _("cách viết số"),
    "joined": _("tách chữ viết liền"),
    "typo": _("sửa lỗi gõ"),
}
ORDER = {"keystrokes": 1, "abbreviation": 2, "number": 2, "joined": 3, "typo": 4}
NUMBER_TRIGGERS = {"thu", "lan", "khoa", "so"}
MAX_READINGS = 4
MAX_ABBREVIATION_READINGS = 2
MAX_FIXED_WORDS = 3
MIN_JOINED_LETTERS = 6
_WRITTEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Reading:
    kind: str
    text: str
    query: ParsedQuery

    @property
    def label(self):
        return KIND_LABELS[self.kind]

    @property
    def order(self):
        return ORDER[self.kind]


def _reading(kind, pieces, literal):
    text = " ".join(pieces)
    if tokens(text) == literal.terms:
        return None
    query = parse_query(text)
    return Reading(kind, text, query) if query else None


def _keystrokes(written, folded, held):
    pieces = [
        w if i in held else (decode(f) or w)
        for i, (w, f) in enumerate(zip(written, folded, strict=True))
    ]
    return pieces if pieces != written else None


def _abbreviation_table():
    table = list(Abbreviation.objects.values_list("short", "expansion", "short_folded"))
    expansions = {}
    for _short, expansion, short_folded in table:
        expansions.setdefault(short_folded, []).append(expansion)
    return table, expansions


def _as_abbreviation(typed, folded, expansions):
    """Positions of the words to read as abbreviations (see the module docstring)."""
    return {
        i
        for i, (t, f) in enumerate(zip(typed, folded, strict=True))
        if f in expansions and (not could_be_syllable(f) or (t.isupper() and len(t) > 1))
    }


def _abbreviations(written, folded, table, expansions, shorts):
    """Readings with abbreviations expanded, and with expansions abbreviated."""
    if not table:
        return []
    choices = [
        expansions[f] if i in shorts else [w]
        for i, (w, f) in enumerate(zip(written, folded, strict=True))
    ]
    out = [list(p) for p in itertools.islice(itertools.product(*choices), 3) if list(p) != written]
    out = out[:MAX_ABBREVIATION_READINGS]
    # The other way round: the longest expansions first, ordinary syllables left alone.
    contracted, i, changed = [], 0, False
    spans = sorted(
        ((tokens(expansion), short) for short, expansion, sf in table if not could_be_syllable(sf)),
        key=lambda pair: -len(pair[0]),
    )
    while i < len(folded):
        for span, short in spans:
            if folded[i : i + len(span)] == span:
                contracted.append(short)
                i += len(span)
                changed = True
                break
        else:
            contracted.append(written[i])
            i += 1
    if changed:
        out.append(contracted)
    return out


def _numbers_found(typed, folded):
    """``[(start, stop, value), …]``: numbers in words, digits or Roman after a trigger.

    Roman numerals count only in capitals: "thứ vị" is not "thứ VI".
    """
    found = []
    i = 0
    while i + 1 < len(folded):
        if folded[i] not in NUMBER_TRIGGERS:
            i += 1
            continue
        end = i + 1
        while end < len(folded) and folded[end] in NUMBER_WORDS and end - i <= 5:
            end += 1
        span = next(
            (
                (stop, words_to_number(folded[i + 1 : stop]))
                for stop in range(end, i + 1, -1)
                if words_to_number(folded[i + 1 : stop])
            ),
            None,
        )
        if span is None:
            nxt = folded[i + 1]
            if nxt.isdigit():
                value = int(nxt) if len(nxt) <= 3 else None
            else:
                value = roman_to_number(nxt) if typed[i + 1].isupper() else None
            span = (i + 2, value) if value else None
        if span and 0 < span[1] < 400:
            found.append((i + 1, span[0], span[1]))
            i = span[0]
        else:
            i += 1
    return found


def _numbers(typed, written, folded):
    """The query with each number in digits, in words and in Roman numerals."""
    found = _numbers_found(typed, folded)
    readings = []
    for spell in (str, number_to_words, number_to_roman):
        pieces, at = [], 0
        for start, stop, value in found:
            pieces += written[at:start] + [spell(value)]
            at = stop
        if found:
            readings.append(pieces + written[at:])
    return readings


def _from_vocabulary(written, folded, user, held):
    """Joined-word and typo readings, from the words of the pages ``user`` may read.

    Words read as keystrokes or abbreviations (``held``) are left to those readings.
    """
    letters = [
        "" if i in held or not (f.isascii() and f.isalpha()) else f for i, f in enumerate(folded)
    ]
    long_words = [f for f in letters if len(f) >= MIN_TYPO_LETTERS]
    if not long_words:
        return []
    joined = [f for f in long_words if len(f) >= MIN_JOINED_LETTERS and not could_be_syllable(f)]
    pieces = set(long_words)
    for token in joined[:MAX_FIXED_WORDS]:
        pieces |= substrings(token)
    known = known_words(pieces, user)
    unknown = [f for f in long_words if f not in known][:MAX_FIXED_WORDS]
    splits = {}
    for token in unknown:
        found = best_split(token, known) if token in joined else None
        if found:
            splits[token] = " ".join(w.display for w in found)
    to_fix = [t for t in unknown if t not in splits]
    near = known_words(set().union(*(one_edit(t) for t in to_fix)), user) if to_fix else {}
    fixes = {t: [w.display for w in corrections(t, near)] for t in to_fix}
    fixes = {t: words for t, words in fixes.items() if words}
    readings = []
    if splits:
        readings.append(
            ("joined", [splits.get(f, w) for w, f in zip(written, letters, strict=True)])
        )
    # The two likeliest corrections of the first word; let the results decide between them.
    first = next(iter(fixes), None)
    for k in range(len(fixes[first]) if first else 0):
        chosen = {t: words[k if t == first else 0] for t, words in fixes.items()}
        readings.append(("typo", [chosen.get(f, w) for w, f in zip(written, letters, strict=True)]))
    return readings


def interpret(pq: ParsedQuery, user) -> list[Reading]:
    """The other readings of a parsed query, closest to what was typed first."""
    if not pq or pq.phrases or not settings.SEARCH_INTERPRET:
        return []
    text = normalize(pq.text)
    typed = _WRITTEN_RE.findall(text)
    written = words(text)
    folded = [fold(w) for w in written]
    if not (len(typed) == len(written) == len(folded)) or len(written) > 12:
        return []
    table, expansions = _abbreviation_table()
    shorts = _as_abbreviation(typed, folded, expansions)
    capitals = {i for i in shorts if typed[i].isupper()}
    candidates = []
    keys = _keystrokes(written, folded, held=capitals)
    if keys:
        candidates.append(("keystrokes", keys))
    candidates += [
        ("abbreviation", p) for p in _abbreviations(written, folded, table, expansions, shorts)
    ]
    candidates += [("number", p) for p in _numbers(typed, written, folded)]
    decoded = {i for i, f in enumerate(folded) if decode(f)}
    candidates += _from_vocabulary(written, folded, user, held=shorts | decoded)
    readings, seen = [], set()
    for kind, pieces in candidates:
        reading = _reading(kind, pieces, pq)
        if reading and reading.text not in seen:
            seen.add(reading.text)
            readings.append(reading)
    readings.sort(key=lambda r: r.order)
    return readings[:MAX_READINGS]
