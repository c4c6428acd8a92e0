from django.apps import AppConfig


class BulletinsConfig(AppConfig):
    name = "cms.bulletins"
    verbose_name = "Bản tin"
