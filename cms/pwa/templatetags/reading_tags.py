from django import template

from cms.pwa import reading

register = template.Library()


def _prefs(context):
    request = context.get("request")
    return reading.reading_prefs(request.COOKIES if request is not None else {})


@register.simple_tag(takes_context=True)
def reading_classes(context):
    """Classes of <html> for the reader's text size and contrast."""
    return reading.html_classes(_prefs(context))


@register.inclusion_tag("includes/display_panel.html", takes_context=True)
def display_panel(context):
    prefs = _prefs(context)
    return {
        "text_size": prefs["text_size"],
        "high_contrast": prefs["high_contrast"],
        "smallest": prefs["text_size"] == reading.TEXT_SIZES[0],
        "largest": prefs["text_size"] == reading.TEXT_SIZES[-1],
    }


@register.simple_tag
def page_description(page):
    return reading.page_description(page) if hasattr(page, "_meta") else ""


@register.simple_tag(takes_context=True)
def offline_urls(context, *items):
    """Addresses of pages (and their PDF) that "Tải về" saves in one tap.

    Each item is a page or a list of pages; a page's ``pdf`` document goes too.
    """
    request = context.get("request")
    urls = []
    for item in items:
        pages = item if isinstance(item, list | tuple) else [item]
        for page in pages:
            if not page:
                continue
            urls.append(page.get_url(request))
            pdf = getattr(page, "pdf", None)
            if pdf is not None:
                urls.append(pdf.url)
    return " ".join(dict.fromkeys(u for u in urls if u))
