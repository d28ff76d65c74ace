from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    from netra.accounts.services import sync_roles

    sync_roles(kwargs["apps"].get_model("accounts", "Role") if kwargs.get("apps") else None)


class AccountsConfig(AppConfig):
    name = "netra.accounts"
    label = "accounts"
    verbose_name = "Akun dan peran"

    def ready(self):
        post_migrate.connect(_sync_roles, sender=self)
