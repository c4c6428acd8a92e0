from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "cms.meetings"
    verbose_name = "Sinh hoạt chi bộ"

    def ready(self):
        from . import caching  # noqa: F401 (connects the receivers)
