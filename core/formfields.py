"""Form fields shared by every app."""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from core.text import strip_format_characters

NUMBER = re.compile(r"[-+]?[0-9]{1,9}(\.[0-9]{1,6})?")


class DecimalCommaField(forms.DecimalField):
    """A number typed with a decimal comma or point: "2,5" and "2.5" both mean 2.5.

    Django's localized input would read "2.5" as 25 in Vietnamese (the dot groups
    thousands); scores and points are small, so neither sign groups thousands here.
    """

    default_error_messages = {
        "invalid": _("Enter a number, with a comma or a point for decimals (for example 2,5)."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int | float):
            return Decimal(str(value))
        text = str(value).strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
        if not NUMBER.fullmatch(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return Decimal(text)

    def prepare_value(self, value):
        # Shown back to the user in their own convention (2,5 in Vietnamese).
        if isinstance(value, Decimal | int | float):
            plain = format(Decimal(str(value)).normalize(), "f")
            return plain.replace(".", get_format("DECIMAL_SEPARATOR"))
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # The browser's number validation rejects a comma; the server checks instead.
        attrs.pop("step", None)
        attrs.pop("min", None)
        attrs.pop("max", None)
        return attrs


FIRST_YEAR, LAST_YEAR = 1900, 2100


class DateField(forms.DateField):
    """dd/mm/yyyy as a text input, which every browser and phone shows the same way.

    Every date typed into the application lies between 1900 and 2100 (a slip such as
    "01/01/0225" or "01/01/20255" is refused, not stored). `past_only=True` refuses a
    date after today, for what has already happened (a decision, a signature); the
    message can be given as `future_message` (with `%(today)s`).
    """

    default_error_messages = {
        "year": _("Enter a year between %(first)d and %(last)d."),
        "future": _("This date is in the future: enter a date up to today (%(today)s)."),
    }

    def __init__(self, *args, past_only=False, future_message=None, **kwargs):
        self.past_only = past_only
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off"}
            ),
        )
        super().__init__(*args, **kwargs)
        if future_message is not None:
            self.error_messages["future"] = future_message

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                self.error_messages["year"],
                code="year",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        today = timezone.localdate()
        if self.past_only and value > today:
            raise forms.ValidationError(
                self.error_messages["future"],
                code="future",
                params={"today": today.strftime("%d/%m/%Y")},
            )


def kept_rows(formset) -> list:
    """Rows that make up the result: existing ones and filled new ones, not marked deleted."""
    initial = set(formset.initial_forms)
    return [
        form
        for form in formset.forms
        if (form in initial or form.has_changed())
        and form.is_valid()
        and not formset._should_delete_form(form)
    ]


# --- Every text field -------------------------------------------------------------------------

_char_field_to_python = forms.CharField.to_python


def _to_python_without_format_characters(self, value):
    """forms.CharField.to_python, then without invisible format characters (core.text), so a
    name made only of them is empty (and refused when required). Passwords stay as typed."""
    value = _char_field_to_python(self, value)
    if isinstance(value, str) and not isinstance(self.widget, forms.PasswordInput):
        cleaned = strip_format_characters(value)
        if cleaned != value:
            cleaned = cleaned.strip() if self.strip else cleaned
            value = cleaned if cleaned not in self.empty_values else self.empty_value
    return value


def strip_format_characters_in_every_form() -> None:
    """Install the hook on forms.CharField (and so on every subclass that keeps its
    to_python: EmailField, SlugField, URLField, the admin's and every ModelForm's text
    fields). Called once, by CoreConfig.ready()."""
    forms.CharField.to_python = _to_python_without_format_characters


# --- Every date field -------------------------------------------------------------------------

_field_validate = forms.Field.validate


def _validate_with_sane_year(self, value):
    """forms.Field.validate, then the year range of every typed date (1900-2100): the admin's
    and every ModelForm's date fields too, where 01/01/0001 and 31/12/9999 were accepted."""
    _field_validate(self, value)
    year = getattr(value, "year", None)
    if value not in self.empty_values and year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise forms.ValidationError(
            DateField.default_error_messages["year"],
            code="year",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def sane_years_in_every_form() -> None:
    """Install the year check on forms.DateField and forms.DateTimeField (and so on the
    admin's split date-time field, whose parts are those). Called once, by CoreConfig.ready()."""
    forms.DateField.validate = _validate_with_sane_year
    forms.DateTimeField.validate = _validate_with_sane_year
