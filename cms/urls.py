from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.files.views import ProtectedImageServeView
from cms.home import views as home_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
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
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from cms.files.views import refuse_direct_media

    urlpatterns += staticfiles_urlpatterns()
    # Private files only through /documents/ and /images/ (permission checks), never as media.
    private = "|".join(settings.MEDIA_PRIVATE_FOLDERS)
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/({private})/", refuse_direct_media)
    )
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Login and account pages in both languages (/dang-nhap/, /en/dang-nhap/).
    path("", include("cms.members.urls")),
    # Look-up in both languages (/tra-cuu/, /en/tra-cuu/); the JSON API answers under both too.
    path("", include("cms.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "cms.home.views.not_found"
handler500 = "cms.home.views.server_error"
