from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "cms.resolutions"
    label = "resolutions"
    verbose_name = "Học tập nghị quyết"
    default_auto_field = "django.db.models.BigAutoField"
