from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.exceptions import ActionRefused
from core.formfields import DateField, DecimalCommaField
from core.uploads import DOCUMENTS_AND_IMAGES, accepted_extensions, check_upload, clean_file_name
from evaluations.results.services import check_score

REPORT_FILES = "report_files"


def score_field_name(criterion) -> str:
    return f"score_{criterion.pk}"


def explanation_field_name(criterion) -> str:
    return f"explanation_{criterion.pk}"


def files_field_name(criterion) -> str:
    return f"files_{criterion.pk}"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several files at once (<input type=file multiple>), each checked as core/uploads.py
    says: by extension and content, not by the browser's word."""

    def __init__(self, **kwargs):
        accept = ",".join(accepted_extensions(DOCUMENTS_AND_IMAGES))
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        problems = []
        for uploaded in uploads:
            super().clean(uploaded, initial)
            try:
                check_upload(
                    uploaded, allowed=DOCUMENTS_AND_IMAGES, max_bytes=settings.UPLOAD_MAX_BYTES
                )
            except ActionRefused as refused:
                problems.append(f"{clean_file_name(uploaded.name)}: {refused.message}")
        if problems:
            raise forms.ValidationError(problems)
        return uploads


class ScoresForm(forms.Form):
    """One score and explanation per criterion, and the evidence files chosen on its row
    (the achievement report's files below): one form, so that attaching a file saves what
    was typed with it. Each bad value or file is marked on its own field, and everything
    typed stays in the form."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.fields[REPORT_FILES] = EvidenceFilesField(label=_("Achievement report files"))
        for criterion in self.criteria:
            self.fields[files_field_name(criterion)] = EvidenceFilesField(
                label=_("Evidence files for %(code)s") % {"code": criterion.code}
            )
            self.fields[score_field_name(criterion)] = DecimalCommaField(
                label=_("Score for %(code)s") % {"code": criterion.code},
                required=False,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "score-input", "autocomplete": "off"}
                ),
            )
            self.fields[explanation_field_name(criterion)] = forms.CharField(
                label=_("Explanation for %(code)s") % {"code": criterion.code},
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def clean(self):
        data = super().clean()
        for criterion in self.criteria:
            name = score_field_name(criterion)
            problem = check_score(criterion, data.get(name))
            if problem:
                self.add_error(name, problem)
        return data

    def scores(self) -> dict:
        return {
            c.pk: {
                "self_score": self.cleaned_data.get(score_field_name(c)),
                "explanation": self.cleaned_data.get(explanation_field_name(c), ""),
            }
            for c in self.criteria
        }

    def attachments(self) -> dict:
        """{criterion id (None: the achievement report): [files]}, for the criteria given."""
        chosen = {c.pk: self.cleaned_data.get(files_field_name(c)) for c in self.criteria}
        chosen[None] = self.cleaned_data.get(REPORT_FILES)
        return {pk: files for pk, files in chosen.items() if files}

    def file_count(self) -> int:
        return sum(len(files) for files in self.attachments().values())


class ReviewForm(forms.Form):
    # The submission's revision when the page was opened: a review saved meanwhile by
    # someone else is reported, not overwritten.
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"reviewed_{criterion.pk}"] = DecimalCommaField(
                label=_("Reviewed score for %(code)s") % {"code": criterion.code}, required=False
            )
            self.fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=_("Reason for %(code)s") % {"code": criterion.code}, required=False
            )

    def clean(self):
        data = super().clean()
        for criterion in self.criteria:
            value = data.get(f"reviewed_{criterion.pk}")
            problem = check_score(criterion, value)
            if problem:
                self.add_error(f"reviewed_{criterion.pk}", problem)
            if value is not None and not data.get(f"reason_{criterion.pk}", "").strip():
                self.add_error(
                    f"reason_{criterion.pk}", _("Give the reason for the reviewed score.")
                )
        return data

    def reviews(self) -> dict:
        return {
            c.pk: (
                self.cleaned_data.get(f"reviewed_{c.pk}"),
                self.cleaned_data.get(f"reason_{c.pk}", ""),
            )
            for c in self.criteria
        }


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the unit correct?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtensionForm(forms.Form):
    unit = forms.IntegerField(widget=forms.HiddenInput)
    until = DateField(label=_("Extended until"))
    reason = forms.CharField(label=_("Reason"), max_length=255)


class ExtensionRequestForm(forms.Form):
    """A unit asks for more time."""

    wished_until = DateField(label=_("Until"), help_text=_("The date your unit asks for."))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why your unit needs more time (the secretariat reads it)."),
    )


class ExtensionDecisionForm(forms.Form):
    """The secretariat's answer: grant (to the wished date or another) or refuse (why)."""

    until = DateField(
        label=_("Extended until"),
        required=False,
        help_text=_("Leave empty to grant the date the unit asked for."),
    )
    comment = forms.CharField(
        label=_("Answer to the unit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to refuse: say why."),
    )


class CrossScoresForm(forms.Form):
    """A cross-scoring unit's score and note per criterion."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"cross_{criterion.pk}"] = DecimalCommaField(
                label=_("Your score for %(code)s") % {"code": criterion.code},
                required=False,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "score-input", "autocomplete": "off"}
                ),
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Note for %(code)s") % {"code": criterion.code},
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def clean(self):
        data = super().clean()
        for criterion in self.criteria:
            problem = check_score(criterion, data.get(f"cross_{criterion.pk}"))
            if problem:
                self.add_error(f"cross_{criterion.pk}", problem)
        return data

    def scores(self) -> dict:
        return {
            c.pk: {
                "score": self.cleaned_data.get(f"cross_{c.pk}"),
                "note": self.cleaned_data.get(f"note_{c.pk}", ""),
            }
            for c in self.criteria
        }


CHECKBOX_LIMIT = 60


class CrossAssignForm(forms.Form):
    scorers = forms.TypedMultipleChoiceField(
        label=_("Units that score these results"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one unit.")},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {u.pk: u for u in units}
        field = self.fields["scorers"]
        pairs = [(u.pk, u.name) for u in units]
        # Handed over as a callable, which Django keeps as it is: a list is normalised choice
        # by choice, 30,000 calls for the 2,000 units of a sector-wide phase.
        field.choices = lambda: pairs
        if len(pairs) > CHECKBOX_LIMIT:
            # A sector-wide phase has 2,000 participants: a list box, not 2,000 checkboxes.
            field.widget = forms.SelectMultiple(attrs={"size": 12}, choices=field.choices)
            field.help_text = _("Hold Ctrl (or ⌘ on a Mac) to choose several units.")

    def chosen_units(self) -> list:
        return [self.units[pk] for pk in self.cleaned_data["scorers"]]
