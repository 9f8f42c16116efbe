from django import forms
from django.utils.translation import gettext_lazy as _


class ReprintForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it printed again?"),
        max_length=500,
        help_text=_("For example: the first print was damaged or lost."),
    )
