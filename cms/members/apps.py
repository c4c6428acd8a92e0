from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "cms.members"
    verbose_name = "Đảng viên và tổ chức"

    def ready(self):
        from . import signals  # noqa: F401
