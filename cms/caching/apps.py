from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "cms.caching"
    label = "caching"
    verbose_name = "Bộ nhớ đệm phía trước"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
