from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "cms.news"
    verbose_name = "Tin tức"
