from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "cms.study"
    verbose_name = "Học tập của đảng viên"

    def ready(self):
        from . import signal_handlers  # noqa: F401 (connects the receivers)
