"""Django messages our users meet whose Vietnamese translation Django lacks or garbles.

Never called: `makemessages` reads these so that locale/vi carries them.
"""

from django.utils.translation import gettext_noop, ngettext


def _catalogue(n):  # pragma: no cover - read by makemessages only
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        n,
    )
    gettext_noop("That page number is not an integer")
    gettext_noop("That page number is less than 1")
    gettext_noop("That page contains no results")
    gettext_noop("Null characters are not allowed.")
    gettext_noop("Enter a complete value.")
    gettext_noop("Date out of range")
