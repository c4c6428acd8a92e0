from django.apps import AppConfig

from . import signals  # noqa: F401  (the logout receiver)


class PwaConfig(AppConfig):
    """Reading aids and the installable, offline-capable site.

    Text size and contrast preferences (cookies read here, set in the browser),
    meta descriptions, the web app manifest, the service worker that keeps
    opened pages readable offline, and the offline page. A composition app like
    ``cms.home``: it may read the domain apps, none of them imports it.
    """

    name = "cms.pwa"
    label = "pwa"
    verbose_name = "Đọc ngoại tuyến"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.caching import frames

        from . import reading

        # The text size and contrast change every page: a member's page frame is per setting.
        frames.add_key_part(reading.frame_key_part)
