from django import forms
from django.utils.translation import gettext_lazy as _


class AwardImportForm(forms.Form):
    file = forms.FileField(
        label=_("Award records (.xlsx)"),
        help_text=_("Use the template: one award per row, the first row names the columns."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
