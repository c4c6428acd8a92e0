import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.files.public_media import serve_public_media
from cms.files.views import ProtectedImageServeView
from cms.home import views as home_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's signed dynamic-image URL (name kept, so {% image_url %} works)
    # with our permission check: the only way to a private image.
    re_path(
        r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$",
        ProtectedImageServeView.as_view(),
        name="wagtailimages_serve",
    ),
    path("", include("cms.meetings.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The manifest, the service worker (scope: the whole site) and the offline page.
    path("", include("cms.pwa.urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # The development server's media: public image renditions only, from normal
    # paths; private files only through /documents/ and /images/ (permission checks).
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_public_media)
    )

urlpatterns += i18n_patterns(
    # Login and account pages in both languages (/dang-nhap/, /en/dang-nhap/).
    path("", include("cms.members.urls")),
    # Two-factor pages, the processing notice and "Dữ liệu của tôi" (cms/accounts).
    path("", include("cms.accounts.urls")),
    # Look-up in both languages (/tra-cuu/, /en/tra-cuu/); the JSON API answers under both too.
    path("", include("cms.search.urls")),
    # The member's study space and the reach report (/hoc-tap-cua-toi/, /bao-cao-hoc-tap/).
    path("", include("cms.study.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "cms.home.views.bad_request"
handler403 = "cms.home.views.permission_denied"
handler404 = "cms.home.views.not_found"
handler500 = "cms.home.views.server_error"
