from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "cms.home"
    verbose_name = "Trang chủ"

    def ready(self):
        from .forms import label_wagtail_fields

        label_wagtail_fields()
