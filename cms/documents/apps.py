from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "cms.documents"
    verbose_name = "Văn bản"
