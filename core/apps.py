from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared infrastructure: no models, only template tags and helpers every app uses."""

    name = "core"
    verbose_name = "core"
