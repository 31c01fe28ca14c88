from django.apps import AppConfig
from django.apps import apps as registry


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # allauth's app is also called "Accounts", which gave the admin two sections of that
        # name; it only holds the sign-in email addresses, so it is named after them.
        registry.get_app_config("account").verbose_name = "Sign-in email addresses"
        from apps.accounts import audit_signals  # noqa: F401  (connects the receivers)
