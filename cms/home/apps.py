from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"
    verbose_name = "Trang chủ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .forms import label_wagtail_fields

        label_wagtail_fields()
