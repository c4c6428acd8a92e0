from django.apps import AppConfig


class ContentImportConfig(AppConfig):
    name = "cms.content_import"
    label = "content_import"
    verbose_name = "Nhập nội dung"
    default_auto_field = "django.db.models.BigAutoField"
