"""Form fields for the title catalogue, shared by every form that chooses a title."""

from django import forms


class TitleChoiceField(forms.ModelChoiceField):
    """A select of titles labelled with their recipient: "Bằng khen (Cá nhân)"."""

    def label_from_instance(self, obj):
        return obj.choice_label
