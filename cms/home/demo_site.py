"""The site itself: home page, section pages and branding."""

from django.conf import settings

from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage, SiteBranding

INTRO = (
    "<p>Trang thông tin nội bộ của Đảng bộ tỉnh Đồng Nai: tin tức, văn bản, bản tin, "
    "tài liệu sinh hoạt chi bộ và học tập nghị quyết cho mỗi đảng viên, mọi lúc, trên "
    "điện thoại.</p>"
)


def ensure_tree_roots():
    """Wagtail's migrations make these; a flushed test database lacks them."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    Locale.objects.get_or_create(language_code="en")
    if not Collection.objects.exists():
        Collection.add_root(name="Gốc")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Gốc", slug="root", locale=locale))


def seed(ctx):
    ensure_tree_roots()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        old = site.root_page if site else None
        home = HomePage(title="Sổ tay đảng viên điện tử", slug="trang-chu", intro=INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Sổ tay đảng viên điện tử",
            )
        else:
            site.root_page = home
            site.site_name = "Sổ tay đảng viên điện tử"
            site.save()
        if old is not None and not isinstance(old.specific, HomePage) and old.depth > 1:
            old.delete()
    SiteBranding.for_site(site)
    ctx["home"] = home
    ctx["site"] = site
