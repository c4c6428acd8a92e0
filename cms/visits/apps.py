from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "cms.visits"
    verbose_name = "Lượt truy cập"
