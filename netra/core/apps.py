from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "netra.core"
    label = "core"
    verbose_name = "Netra"
