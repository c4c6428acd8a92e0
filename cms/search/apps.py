from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "cms.search"
    label = "search"
    verbose_name = "Tra cứu"
    default_auto_field = "django.db.models.BigAutoField"
