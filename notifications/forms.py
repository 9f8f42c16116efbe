from django import forms
from django.utils.translation import gettext_lazy as _


class EmailPreferenceForm(forms.Form):
    email = forms.BooleanField(
        label=_("Also send my notifications by e-mail"),
        required=False,
        help_text=_("They always appear under the bell in the top bar."),
    )
