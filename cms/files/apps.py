from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "cms.files"
    verbose_name = "Tệp đính kèm"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
