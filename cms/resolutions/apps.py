from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "cms.resolutions"
    verbose_name = "Học tập nghị quyết"
