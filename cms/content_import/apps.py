from django.apps import AppConfig


class ContentImportConfig(AppConfig):
    name = "cms.content_import"
    verbose_name = "Nhập nội dung"
