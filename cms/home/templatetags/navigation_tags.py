from django import template
from django.urls import reverse

from cms.home import counters

register = template.Library()

# (label, url, section key). Pages live at fixed slugs created by seed_demo.
MAIN_NAV = [
    ("Tin tức", "/tin-tuc/", "news"),
    ("Văn bản", "/van-ban/", "documents"),
    ("Bản tin", "/ban-tin/", "bulletins"),
    ("Học tập nghị quyết", "/hoc-tap-nghi-quyet/", "resolutions"),
    ("Sinh hoạt chi bộ", "/sinh-hoat-chi-bo/", "meetings"),
    ("Tra cứu", "/tra-cuu/", "search"),
]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    path = context["request"].path if "request" in context else ""
    items = [
        {"label": label, "url": url, "active": path.startswith(url)}
        for label, url, _key in MAIN_NAV
    ]
    return {"items": items}


@register.inclusion_tag("includes/visit_counters.html")
def visit_counters():
    return {"counters": counters.snapshot()}


@register.simple_tag
def login_url():
    return reverse("members:login")
