from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "cms.meetings"
    label = "meetings"
    verbose_name = "Sinh hoạt chi bộ"
    default_auto_field = "django.db.models.BigAutoField"
