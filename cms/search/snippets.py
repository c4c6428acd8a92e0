"""Highlighted snippets: the matched words in context, HTML-escaped, in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.core.folding import fold, fold_with_offsets

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_CHARS = 220
SOURCE_CHARS = 20_000


def _folded_and_offsets(text):
    folded = fold(text)
    if len(folded) == len(text):
        return folded, None
    return fold_with_offsets(text)


def make_snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> str:
    text = " ".join((text or "")[:SOURCE_CHARS].split())
    if not text:
        return ""
    folded, offsets = _folded_and_offsets(text)
    wanted = set(terms)
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(folded)]
    hits = [(s, e, t) for s, e, t in spans if t in wanted]
    if offsets is not None:
        hits = [(offsets[s], offsets[e - 1] + 1, t) for s, e, t in hits]
    if not hits:
        cut = text[:width]
        return escape(cut) + ("…" if len(text) > width else "")
    # The window that shows the most distinct query words.
    best_start, best_score = hits[0][0], -1
    for i, (start, _end, _t) in enumerate(hits):
        seen = {t for s, _e, t in hits[i:] if s < start + width}
        if len(seen) > best_score:
            best_start, best_score = start, len(seen)
    start = max(0, best_start - 40)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start else ""]
    pos = start
    for s, e, _t in hits:
        if s < start or e > end:
            continue
        parts.append(escape(text[pos:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    parts.append(escape(text[pos:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above
