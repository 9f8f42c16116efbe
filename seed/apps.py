from django.apps import AppConfig


class SeedConfig(AppConfig):
    """Demo and national-scale data, built on every app's services; nothing imports it."""

    name = "seed"
    verbose_name = "seed"
