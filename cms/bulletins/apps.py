from django.apps import AppConfig


class BulletinsConfig(AppConfig):
    name = "cms.bulletins"
    label = "bulletins"
    verbose_name = "Bản tin"
    default_auto_field = "django.db.models.BigAutoField"
