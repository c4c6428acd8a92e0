"""What the state-secret screening reads: every text of a page revision.

``page_texts(page)`` lists ``(where, text)`` pairs — the title, each text
field (CharField, TextField, RichTextField, the raw text of StreamFields) and
the extracted text of every attached file (``page.attached_documents()`` when
the page type has it) — found by introspection, so new fields and new page
types are screened without touching this module. ``screen(page)`` runs
``secrecy.scan`` over them.
"""

import io
import logging
import re
from html import unescape

from django.db import models
from django.utils.text import capfirst

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .secrecy import scan

logger = logging.getLogger(__name__)

_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|li|div|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)
# Page fields that carry no editorial text.
_SKIP = {"slug", "url_path", "draft_title", "path", "latest_revision_created_at"}


def html_to_text(html):
    """Rich text as plain text, one line per block, so stamps stay on their own line."""
    return unescape(_TAG_RE.sub("", _BLOCK_END_RE.sub("\n", html or "")))


def _stream_strings(value):
    """Every string inside a StreamField's raw data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id"}:
                yield from _stream_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _stream_strings(item)


def _field_text(page, field):
    if isinstance(field, StreamField):
        stream = getattr(page, field.name)
        raw = getattr(stream, "raw_data", None)
        raw = list(raw) if raw is not None else field.get_prep_value(stream)
        return "\n".join(html_to_text(s) for s in _stream_strings(raw) if s.strip())
    value = field.value_from_object(page)
    if not isinstance(value, str):
        return ""
    if isinstance(field, RichTextField):
        return html_to_text(value)
    return value


def text_fields(model):
    """The model's fields that hold text an editor wrote."""
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in _SKIP:
            continue
        if isinstance(field, StreamField | RichTextField):
            yield field
        elif isinstance(field, models.CharField | models.TextField) and not field.choices:
            if field.model is Page and field.name not in {
                "title",
                "seo_title",
                "search_description",
            }:
                continue
            yield field


def document_text(document):
    """The text of an attached file: its stored extraction, else read from the file.

    The files app extracts text on upload (``extracted_text``); when that has
    not happened (yet), the file is read here, through the files app's
    extractor when available, else with pypdf/python-docx directly.
    """
    stored = getattr(document, "extracted_text", "") or ""
    if stored.strip():
        return stored
    try:
        from cms.files.extraction import extract_text
    except ImportError:  # pragma: no cover - the files app ships it
        return _extract_from_file(document)
    kind = (document.file.name or "").rsplit(".", 1)[-1].lower()
    try:
        with document.file.open("rb") as handle:
            text, _has_text_layer = extract_text(handle, kind)
        return text or ""
    except Exception:  # a missing file must not stop screening
        logger.warning("Không đọc được tệp %s", document.pk, exc_info=True)
        return ""


def _extract_from_file(document):
    name = (document.file.name or "").lower()
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        if name.endswith(".pdf"):
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        if name.endswith(".docx"):
            import docx

            doc = docx.Document(io.BytesIO(data))
            return "\n".join(p.text for p in doc.paragraphs)
    except Exception:
        logger.warning("Không trích xuất được nội dung tệp %s", document.pk, exc_info=True)
    return ""


def page_texts(page):
    """``[(where, text), …]`` for the page's title, text fields and attached files."""
    page = page.specific if isinstance(page, Page) and type(page) is Page else page
    parts = []
    for field in text_fields(type(page)):
        text = _field_text(page, field)
        if text and text.strip():
            parts.append((capfirst(str(field.verbose_name)), text))
    attached = getattr(page, "attached_documents", None)
    if callable(attached):
        for document in attached() or []:
            parts.append((f"Tệp đính kèm: {document.title}", document.title))
            text = document_text(document)
            if text.strip():
                parts.append((f"Tệp đính kèm: {document.title}", text))
    return parts


def screen(page):
    """Findings of the page as ``[{"where": …, marking, start, end, text, context}, …]``."""
    findings = []
    for where, text in page_texts(page):
        for finding in scan(text):
            findings.append({"where": where, **finding.as_dict()})
    return findings
