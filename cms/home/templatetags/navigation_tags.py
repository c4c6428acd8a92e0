from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from cms.caching.audience import audience
from cms.visits import counters

register = template.Library()

# (label, url, section key). Pages live at fixed slugs created by seed_demo.
MAIN_NAV = [
    (_("Tin tức"), "/tin-tuc/", "news"),
    (_("Văn bản"), "/van-ban/", "documents"),
    (_("Bản tin"), "/ban-tin/", "bulletins"),
    (_("Học tập nghị quyết"), "/hoc-tap-nghi-quyet/", "resolutions"),
    (_("Sinh hoạt chi bộ"), "/sinh-hoat-chi-bo/", "meetings"),
    (_("Tra cứu"), "/tra-cuu/", "search"),
]


def _translated_urls(request, urls, language):
    """``{vietnamese_url: url of its live translation}`` for the section pages
    that have one in ``language`` (two queries); the others are left out and
    keep their Vietnamese address."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    root_path = site.root_page.url_path
    by_path = {root_path + url.lstrip("/"): url for url in urls}
    sources = dict(
        Page.objects.filter(url_path__in=by_path).values_list("translation_key", "url_path")
    )
    translations = Page.objects.live().filter(
        translation_key__in=sources, locale__language_code=language
    )
    return {by_path[sources[page.translation_key]]: page.get_url(request) for page in translations}


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    path = request.path if request is not None else ""
    language = translation.get_language() or settings.LANGUAGE_CODE
    urls = {}
    if language != settings.LANGUAGE_CODE:
        urls = _translated_urls(request, [url for _label, url, _key in MAIN_NAV], language)
    items = []
    for label, url, _key in MAIN_NAV:
        href = urls.get(url, url)
        items.append({"label": label, "url": href, "active": path.startswith(href)})
    return {"items": items}


@register.simple_tag
def home_url():
    """The home page in the current language: ``/`` or ``/en/``."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


@register.inclusion_tag("includes/visit_counters.html")
def visit_counters():
    return {"counters": counters.snapshot()}


@register.simple_tag
def login_url():
    return reverse("members:login")


@register.simple_tag(takes_context=True)
def may_use_admin(context):
    """Whether to draw Wagtail's user bar (a link into the admin): asked of
    the permissions at most once a minute per user, so a member's page does
    not spend two permission queries on a bar they never see. The admin
    itself always checks the permissions."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    key = f"stdv:may-use-admin:{user.pk}:{audience(user)}:{user.date_joined.timestamp()}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, 60)
    return allowed
