"""What the state-secret screening reads: every text of a page revision.

``page_texts(page)`` lists ``(where, text)`` pairs of ``cms.core.text``'s one
reading of a page (title, text fields, attached files), with each file's text
read from the file itself when the files app has not stored it yet.
``findings(page)`` runs ``secrecy.scan`` over them; ``screen(page)`` gives
the findings as the dicts the workflow stores.
"""

import logging

from cms.core.text import page_text_parts, stored_document_text
from cms.files.extraction import extract_text

from .secrecy import Finding, scan_many

logger = logging.getLogger(__name__)


def document_text(document):
    """The text of an attached file: its stored extraction, else read from the file.

    The files app extracts text on upload (``extracted_text``); when that has
    not happened (yet), the file is read here with the same extractor.
    """
    stored = stored_document_text(document)
    if stored.strip():
        return stored
    kind = (document.file.name or "").rsplit(".", 1)[-1].lower()
    try:
        with document.file.open("rb") as handle:
            text, _has_text_layer = extract_text(handle, kind)
        return text or ""
    except Exception:  # a missing or broken file must not stop screening
        logger.warning("Không đọc được tệp %s", document.pk, exc_info=True)
        return ""


def page_texts(page):
    """``[(where, text), …]`` for the page's title, text fields and attached files."""
    return [(part.label, part.text) for part in page_text_parts(page, document_text)]


def findings(page) -> list[tuple[str, Finding]]:
    """Every state-secret marking of the page, with where it stands."""
    return scan_many(page_texts(page))


def screen(page):
    """Findings of the page as ``[{"where": …, marking, start, end, text, context}, …]``."""
    return [{"where": where, **finding.as_dict()} for where, finding in findings(page)]
