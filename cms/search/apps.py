from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "cms.search"
    verbose_name = "Tra cứu"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
