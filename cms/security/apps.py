from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "cms.security"
    label = "stdv_security"
    verbose_name = "Bảo mật"
