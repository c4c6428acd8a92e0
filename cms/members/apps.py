from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "cms.members"
    label = "members"
    verbose_name = "Đảng viên và tổ chức"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
