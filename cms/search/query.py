"""Turning what a person typed into a safe, backend-neutral query.

Nothing of the typed syntax reaches a backend: the text is normalised, cut to
``MAX_QUERY_CHARS``, split into folded word tokens (so ``"``, ``*``, ``(``,
``NEAR``, ``:``, ``\\`` … are just separators or plain lower-case words) and
rebuilt with Wagtail's query objects. Quoted parts become phrases.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext, gettext_noop

from wagtail.search.query import And, Phrase, PlainText

from cms.core.folding import exact_code, has_marks, normalize, tokens, words

MAX_QUERY_CHARS = 200
MAX_TERMS = 24
TOO_LONG_NOTICE = gettext_noop("Từ khóa quá dài: chỉ dùng {n} ký tự đầu để tra cứu.")
_QUOTES = re.compile(r"[\"“”„«»]")


class FoldedQuery(PlainText):
    """An OR of folded words and accent codes that remembers which is which.

    Every backend reads it as the ``PlainText`` it is; the PostgreSQL
    database backend also uses ``terms`` (folded words) and ``accented``
    (the words as typed, lower-cased) to rank by how many words match.
    """

    def __init__(self, terms, exact, accented):
        super().__init__(" ".join(terms + exact), operator="or")
        self.terms = list(terms)
        self.exact = list(exact)
        self.accented = list(accented)


@dataclass
class ParsedQuery:
    text: str = ""
    terms: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    notice: str = ""

    def __bool__(self):
        return bool(self.terms)

    def backend_query(self):
        """OR of folded words and accent codes; with quotes, the phrases must all match.

        Phrases are not combined with the OR part: SQLite's FTS5 reads
        ``"a b" AND c OR d`` without the brackets Wagtail leaves out, and the
        Python re-ranking already rewards the other words.
        """
        phrases = [Phrase(" ".join(p)) for p in self.phrases]
        if phrases:
            return phrases[0] if len(phrases) == 1 else And(phrases)
        accented = _unique(words(self.text))[:MAX_TERMS] if self.exact else []
        return FoldedQuery(self.terms, self.exact, accented)


def _unique(items):
    seen = set()
    return [x for x in items if not (x in seen or seen.add(x))]


def parse_query(raw: str | None) -> ParsedQuery:
    text = normalize(raw or "")
    notice = ""
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notice = gettext(TOO_LONG_NOTICE).format(n=MAX_QUERY_CHARS)
    text = " ".join(text.split())
    parts = _QUOTES.split(text)
    phrases = []
    # Odd parts were inside quotes; an unbalanced last quote is just ignored.
    for i, part in enumerate(parts):
        if i % 2 == 1 and i < len(parts) - 1:
            toks = tokens(part)
            if len(toks) > 1:
                phrases.append(toks)
    terms = _unique(tokens(text))[:MAX_TERMS]
    exact = []
    if has_marks(text):
        exact = _unique(exact_code(w) for w in words(text))[:MAX_TERMS]
    return ParsedQuery(text=text, terms=terms, exact=exact, phrases=phrases[:4], notice=notice)
