from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "cms.files"
    label = "files"
    verbose_name = "Tệp đính kèm"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
