"""English versions of pages (wagtail-localize) and the Vietnamese fallback.

Editors translate a page in the admin ("Dịch" → English); wagtail-localize
keeps the source strings, the English strings and the translated page in
step, and re-syncs when the Vietnamese page changes. ``translate_page`` does
the same from code (demo data, tests).

A page with no English version falls back to Vietnamese: ``/en/<path>`` then
redirects (302) to the Vietnamese page at ``/<path>?chua-dich=en`` and the
page says it is not translated yet. We redirect rather than serve Vietnamese
text under an English address so that the address, the ``lang`` attribute
and the content always agree.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import urlencode

from wagtail.models import Locale, Page, Site

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

FALLBACK_PARAM = "chua-dich"


def translate_page(page, language_code, strings, user=None, publish=True):
    """Create or update the ``language_code`` version of ``page`` through wagtail-localize.

    ``strings`` maps source (Vietnamese) strings to their translation; a string
    without one keeps its Vietnamese text. Parent pages missing in the target
    language are copied too. Returns the translated page.
    """
    # A fresh copy: wagtail-localize stores the instance it is given, tree
    # fields included, and a stale one would corrupt the copied pages' tree.
    page = Page.objects.get(pk=page.pk).specific
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    # wagtail-localize publishes in transaction.on_commit with the page as it
    # was then; translating a parent and its child in one transaction would
    # publish the parent with a stale child count. Publish here instead.
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated


def non_default_prefix(path):
    """``("en", "/tin-tuc/")`` for ``/en/tin-tuc/``; None for a default-language path."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
            return code, path[len(code) + 1 :]
    return None


def fallback_target(request, rest, language_code):
    query = request.GET.copy()
    query[FALLBACK_PARAM] = language_code
    return f"{rest}?{urlencode(query, doseq=True)}"


class TranslationFallbackMiddleware:
    """Sends ``/en/…`` requests with no English page to the Vietnamese page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        prefixed = non_default_prefix(request.path)
        if prefixed is None:
            return response
        code, rest = prefixed
        if response.status_code == 404 and self.vietnamese_page_exists(request, rest):
            return HttpResponseRedirect(fallback_target(request, rest, code))
        page = (getattr(response, "context_data", None) or {}).get("page")
        if (
            response.status_code == 200
            and isinstance(page, Page)
            and page.locale.language_code != code
        ):
            # Wagtail served the Vietnamese page itself (no English home page).
            return HttpResponseRedirect(fallback_target(request, rest, code))
        return response

    @staticmethod
    def vietnamese_page_exists(request, rest):
        site = Site.find_for_request(request)
        if site is None:
            return False
        components = [c for c in rest.split("/") if c]
        try:
            site.root_page.specific.route(request, components)
        except Http404:
            return False
        return True
