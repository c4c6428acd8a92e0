from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page

from cms.caching.audience import cached_for_audience
from cms.home.translation import FALLBACK_PARAM

register = template.Library()


def _language_items(request, page, active):
    locales = (
        {locale.language_code: locale for locale in Locale.objects.all()}
        if isinstance(page, Page)
        else {}
    )
    items = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            locale = locales.get(code)
            other = page.get_translation_or_none(locale) if locale else None
            if other is not None and other.live:
                url = other.get_url(request)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        items.append({"code": code, "name": name, "url": url, "current": code == active})
    return items


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language; a language with no version is shown, not linked."""
    request = context.get("request")
    page = context.get("page")
    active = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(page, Page) and request is not None:
        # The page's own language is the active one; the links change only with the content.
        items = cached_for_audience(
            request,
            "languages",
            lambda: _language_items(request, page, page.locale.language_code),
            page.pk,
            request.get_host(),
        )
        active = next((item["code"] for item in items if item["current"]), active)
    else:
        items = _language_items(request, page, active)
    missing = request.GET.get(FALLBACK_PARAM) if request is not None else None
    return {
        "languages": items,
        "fallback_notice": missing in dict(settings.LANGUAGES) and missing != active,
    }
