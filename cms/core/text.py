"""All the text of a page: one definition for the look-up, the screening and the importer.

``page_text_parts(page)`` lists what was written on a page: the title, every
text field (CharField and TextField without choices, rich text, the strings
inside StreamFields), then each attached file's title and text
(``page.attached_documents()``, when the page type has it). Fields are found
by introspection, so new fields and new page types need no change here.
``page_text(page)`` joins the parts.

The search index (``cms/search/index.py``), the state-secret screening
(``editorial_workflows/screening.py``) and the content importer all read a
page through these two functions. A file's text comes from
``document_text``: by default the text the files app stored on upload
(``extracted_text``); the screening passes a reader that opens the file
when nothing is stored yet.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.db import models
from django.utils.text import capfirst

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|li|div|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)
# Page fields that carry no text an editor wrote.
_SKIP = {"slug", "url_path", "draft_title", "path", "latest_revision_created_at"}
# The text fields Wagtail's Page itself defines that editors write.
_PAGE_TEXT_FIELDS = {"title", "seo_title", "search_description"}
ATTACHMENT_LABEL = "Tệp đính kèm: {title}"


@dataclass(frozen=True)
class TextPart:
    """One piece of a page's text and where it stands."""

    field: str  # the field's name; "" for an attached file
    label: str  # where, for people: "Tiêu đề", "Tệp đính kèm: Phụ lục"
    text: str


def html_to_text(html):
    """Rich text as plain text, one line per block, so stamps stay on their own line."""
    return unescape(_TAG_RE.sub("", _BLOCK_END_RE.sub("\n", html or "")))


def stored_document_text(document):
    """The text the files app extracted from ``document`` on upload ("" if none)."""
    return getattr(document, "extracted_text", "") or ""


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
            if field.model is Page and field.name not in _PAGE_TEXT_FIELDS:
                continue
            yield field


def page_text_parts(page, document_text=stored_document_text) -> list[TextPart]:
    """The page's title, text fields and attached files, in that order, empty ones left out."""
    page = page.specific if isinstance(page, Page) and type(page) is Page else page
    parts = []
    for field in text_fields(type(page)):
        text = _field_text(page, field)
        if text and text.strip():
            parts.append(TextPart(field.name, capfirst(str(field.verbose_name)), text))
    attached = getattr(page, "attached_documents", None)
    if callable(attached):
        for document in attached() or []:
            label = ATTACHMENT_LABEL.format(title=document.title)
            parts.append(TextPart("", label, document.title))
            text = document_text(document)
            if text.strip():
                parts.append(TextPart("", label, text))
    return parts


def page_text(page, skip=(), document_text=stored_document_text) -> str:
    """All the text of ``page`` as one string, without the fields named in ``skip``."""
    return "\n".join(
        part.text for part in page_text_parts(page, document_text) if part.field not in skip
    )
