"""What a reader chose on this device, and what a page says about itself.

The text size and the contrast are cookies that the browser sets (site.js) and
the server only reads, so the page is drawn at the chosen size from its first
paint (no jump when a script runs) and changing them costs no request.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.fields import RichTextField

TEXT_SIZE_COOKIE = "stdv_text_size"
CONTRAST_COOKIE = "stdv_contrast"
TEXT_SIZES = (100, 125, 150, 175, 200)
HIGH_CONTRAST = "high"

DESCRIPTION_FIELDS = ("search_description", "lead", "summary", "intro")
DESCRIPTION_LENGTH = 160


def reading_prefs(cookies):
    """``{"text_size": 100…200, "high_contrast": bool}`` from the request's cookies.

    Anything else than the known values (an old or forged cookie) means the default.
    """
    try:
        size = int(cookies.get(TEXT_SIZE_COOKIE, ""))
    except ValueError:
        size = 100
    return {
        "text_size": size if size in TEXT_SIZES else 100,
        "high_contrast": cookies.get(CONTRAST_COOKIE) == HIGH_CONTRAST,
    }


def frame_key_part(request):
    """The reading settings as part of a page frame's key (``cms.caching.frames``)."""
    prefs = reading_prefs(request.COOKIES)
    return f"{prefs['text_size']}{'c' if prefs['high_contrast'] else ''}"


def html_classes(prefs):
    classes = []
    if prefs["text_size"] != 100:
        classes.append(f"text-{prefs['text_size']}")
    if prefs["high_contrast"]:
        classes.append("contrast-high")
    return " ".join(classes)


def plain_text(value, rich=False):
    """A field's text on one line; rich text loses its tags and entities."""
    text = str(value or "")
    if rich:
        text = html.unescape(strip_tags(text))
    return re.sub(r"\s+", " ", text).strip()


def page_description(page, limit=DESCRIPTION_LENGTH):
    """The editor's search description, else the page's lead, summary or intro."""
    fields = {field.name: field for field in page._meta.get_fields()}
    for name in DESCRIPTION_FIELDS:
        if name not in fields:
            continue
        text = plain_text(getattr(page, name), rich=isinstance(fields[name], RichTextField))
        if text:
            return Truncator(text).chars(limit)
    return ""
