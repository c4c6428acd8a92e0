"""The words of the published pages, for the readings that must know real words.

Typo corrections and joined-word splits (``interpret.py``) only ever turn a
query word into a word that stands in a page the person may read: members get
the words of pages without a group or password restriction, visitors the words
of pages without any restriction. So "Có phải bạn muốn tìm" never reveals a
word of a page the person could not open.

The table (``SearchWord``) grows when a page is published (``add_page``) and is
rebuilt from every live searchable page by ``rebuild()`` (``update_index``
calls it), which also forgets words of pages since removed or restricted.
"""

import math
from collections import Counter

from django.db import transaction
from django.db.models import F

from wagtail.models import Page, PageViewRestriction

from cms.core.folding import fold, words
from cms.core.keystrokes import could_be_syllable

from .index import searchable_page_models
from .models import SearchWord

MAX_WORD = 24
MIN_TYPO_LETTERS = 5
SPLIT_MAX_PIECE = 7  # the longest Vietnamese syllable: nghiêng
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
PUBLIC, MEMBERS = "public", "members"


def page_words(page) -> Counter:
    """``(accent-free word, word as written)`` → how often, over the page's indexed text."""
    text = " ".join((page.title, page.search_meta_text(), page.search_body_text()))
    found = Counter()
    for written in words(text):
        folded = fold(written)
        if folded.isascii() and folded.isalpha() and len(folded) <= MAX_WORD:
            found[(folded, written)] += 1
    return found


def _restrictions():
    return [
        (r.page.path, r.restriction_type)
        for r in PageViewRestriction.objects.select_related("page").order_by("page__path")
    ]


def page_level(page, restrictions=None):
    """PUBLIC, MEMBERS (login restriction only) or None (a group or password restriction)."""
    restrictions = _restrictions() if restrictions is None else restrictions
    level = PUBLIC
    for path, kind in restrictions:
        if page.path.startswith(path):
            if kind != PageViewRestriction.LOGIN:
                return None
            level = MEMBERS
    return level


def _displays(found):
    """The most frequent written form of each word."""
    best = {}
    for (folded, written), _count in found.most_common():
        best.setdefault(folded, written)
    return best


def rebuild() -> int:
    """Recount every word of the live searchable pages; returns the number of words."""
    restrictions = _restrictions()
    pages, public, written = Counter(), Counter(), Counter()
    queryset = Page.objects.live().type(*searchable_page_models()).specific()
    for page in queryset.iterator(chunk_size=200):
        level = page_level(page, restrictions)
        if level is None:
            continue
        found = page_words(page)
        written.update(found)
        distinct = {folded for folded, _written in found}
        pages.update(distinct)
        if level == PUBLIC:
            public.update(distinct)
    displays = _displays(written)
    rows = [
        SearchWord(word=w, display=displays[w][:MAX_WORD], pages=n, public_pages=public[w])
        for w, n in pages.items()
    ]
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def add_page(page):
    """Count the words of a page just published (a rebuild recounts exactly)."""
    level = page_level(page)
    if level is None:
        return
    displays = _displays(page_words(page))
    if not displays:
        return
    SearchWord.objects.bulk_create(
        [SearchWord(word=w, display=d[:MAX_WORD]) for w, d in displays.items()],
        ignore_conflicts=True,
    )
    SearchWord.objects.filter(word__in=list(displays)).update(
        pages=F("pages") + 1, public_pages=F("public_pages") + (1 if level == PUBLIC else 0)
    )


def known_words(candidates, user) -> dict[str, SearchWord]:
    """Which of ``candidates`` stand in pages ``user`` may read (one query)."""
    candidates = sorted(set(candidates))
    if not candidates:
        return {}
    visible = SearchWord.objects.filter(word__in=candidates)
    if user is None or not user.is_authenticated:
        visible = visible.filter(public_pages__gt=0)
    else:
        visible = visible.filter(pages__gt=0)
    return {w.word: w for w in visible}


def one_edit(word) -> dict[str, int]:
    """Every word one edit away, with how unlikely that slip is (lower: likelier).

    Two letters swapped, a letter typed twice or left out cost 1; a wrong
    letter costs 2 (on a phone it is mostly a missing or doubled one).
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {}
    for a, b in splits:
        if b:
            found.setdefault(a + b[1:], 1)
        if len(b) > 1:
            found.setdefault(a + b[1] + b[0] + b[2:], 1)
        for c in ALPHABET:
            found.setdefault(a + c + b, 1)
    for a, b in splits:
        if b:
            for c in ALPHABET:
                found.setdefault(a + c + b[1:], 2)
    found.pop(word, None)
    return found


def corrections(word, known, most=2) -> list[SearchWord]:
    """Known words one edit away from ``word``: likeliest slip first, then the most used."""
    near = [(cost, known[w]) for w, cost in one_edit(word).items() if w in known]
    near.sort(key=lambda pair: (pair[0], -pair[1].pages, pair[1].word))
    return [w for _cost, w in near[:most]]


def substrings(token) -> set[str]:
    """The pieces a joined word could be split into (syllable-sized)."""
    return {
        token[i:j]
        for i in range(len(token))
        for j in range(i + 1, min(len(token), i + SPLIT_MAX_PIECE) + 1)
    }


def best_split(token, known) -> list[SearchWord] | None:
    """``sinhhoatchibo`` → sinh, hoat, chi, bo: the fewest known syllables, then the commonest."""
    best: list = [None] * (len(token) + 1)
    best[0] = (0.0, [])
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - SPLIT_MAX_PIECE), end):
            if best[start] is None:
                continue
            word = known.get(token[start:end])
            if word is None or not could_be_syllable(word.word):
                continue
            cost = best[start][0] + 1.0 - 0.02 * math.log(word.pages + 1)
            if best[end] is None or cost < best[end][0]:
                best[end] = (cost, best[start][1] + [word])
    found = best[len(token)]
    return found[1] if found and len(found[1]) > 1 else None
