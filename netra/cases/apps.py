from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_reference_data(sender, **kwargs):
    from netra.cases.elections import sync_elections
    from netra.cases.services import sync_violation_codes

    sync_elections()
    sync_violation_codes()


class CasesConfig(AppConfig):
    name = "netra.cases"
    label = "cases"
    verbose_name = "Penanganan kasus"

    def ready(self):
        post_migrate.connect(_sync_reference_data, sender=self)
