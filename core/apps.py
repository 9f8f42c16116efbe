from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared infrastructure: no models, only template tags and helpers every app uses."""

    name = "core"
    verbose_name = "core"

    def ready(self):
        from core.formfields import sane_years_in_every_form, strip_format_characters_in_every_form

        # Names and titles typed anywhere lose invisible format characters (U+202E...).
        strip_format_characters_in_every_form()
        # Dates typed anywhere (the admin's included) lie between 1900 and 2100.
        sane_years_in_every_form()
