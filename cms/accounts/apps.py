from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "stdv_accounts"
    verbose_name = "Tài khoản và dữ liệu cá nhân"
