from django import forms
from django.utils.translation import gettext_lazy as _

from core.formfields import DateField
from evaluations.proposals.choices import InitiativeScope, TaskRating
from evaluations.proposals.models import AwardProposal
from pledges.choices import Recipient
from pledges.formfields import TitleChoiceField
from pledges.models import Title
from units.pickers import person_field, settle_unit_and_person, unit_field

PROPOSAL_FIELDS = [
    "title",
    "year",
    "campaign",
    "summary",
    "task_rating",
    "initiative",
    "initiative_scope",
    "no_pending_discipline",
]


class ProposalForm(forms.ModelForm):
    """The content of a proposal; the nominee is chosen when it is created."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AwardProposal
        fields = PROPOSAL_FIELDS
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"title": TitleChoiceField}

    def __init__(self, *args, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].queryset = Title.objects.filter(is_active=True)
        if campaigns is not None:
            self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].help_text = _(
            "For an award of a campaign: it then appears on the campaign's honour board."
        )
        self.fields["task_rating"].choices = [("", "—"), *TaskRating.choices]
        self.fields["initiative_scope"].choices = InitiativeScope.choices
        self.fields["year"].min_value = 2000
        self.fields["year"].widget.attrs.update({"min": 2000, "max": 2100})


class NewProposalForm(ProposalForm):
    """A new proposal. The nominee's unit and person are search fields (units.pickers): they
    offer only the units the user may propose for and their current staff, found by name,
    never a list of every person of every unit. A person chosen without a unit brings it."""

    cluster_year = forms.TypedChoiceField(label=_("Cluster year"), coerce=int)

    field_order = ["cluster_year", "unit", "person", *PROPOSAL_FIELDS]

    def __init__(self, *args, user, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster_year"].choices = [(cy.pk, str(cy)) for cy in years]
        self.fields["unit"] = unit_field(
            "proposal",
            user=user,
            label=_("Unit (the nominee, or the nominee's unit)"),
            required=False,
        )
        self.fields["person"] = person_field(
            "proposal",
            user=user,
            label=_("Person (for an individual title)"),
            required=False,
            include="#id_unit",
            help_text=_(
                "The current staff of the units you propose for, found by name (of the unit "
                "chosen, if any). Leave it empty for a collective title."
            ),
        )
        self.order_fields(self.field_order)

    def clean(self):
        return settle_unit_and_person(
            self,
            super().clean(),
            missing=_("Choose the unit, or the person, that the proposal is for."),
        )


class ReasonForm(forms.Form):
    comment = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision number"), max_length=50)
    decision_date = DateField(
        label=_("Decision date"),
        past_only=True,
        future_message=_("A decision date cannot be in the future (today is %(today)s)."),
    )
    issuing_authority = forms.CharField(
        label=_("Issued by"), max_length=255, initial=_("Government Inspector General")
    )


class ProposalFileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel or a photo (JPEG, PNG, WebP); at most 20 MB."),
    )


class NomineeListForm(forms.Form):
    """One title for many people of one unit: ticked on screen, or listed in an .xlsx file
    of the template (then the file's rows are the list)."""

    cluster_year = forms.TypedChoiceField(label=_("Cluster year"), coerce=int)
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)
    title = TitleChoiceField(label=_("Title or award form"), queryset=Title.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    summary = forms.CharField(
        label=_("Achievement summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For every nominee; a row of the file may give its own."),
    )
    task_rating = forms.ChoiceField(label=_("Task rating of the year"), required=False)
    no_pending_discipline = forms.BooleanField(
        label=_("No discipline review, investigation or complaint is pending for any nominee"),
        required=False,
    )
    people = forms.TypedMultipleChoiceField(
        label=_("Nominees"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("The person is not on the staff of this unit.")},
    )
    file = forms.FileField(
        label=_("Or the list from an Excel file (.xlsx)"),
        required=False,
        help_text=_(
            "The template's columns; every row is checked and nothing is saved if one is wrong."
        ),
    )

    def __init__(self, *args, years, units, unit=None, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster_year"].choices = [(cy.pk, str(cy)) for cy in years]
        unit_choices = [(u.pk, u.name) for u in units]
        self.fields["unit"].choices = (
            unit_choices if len(units) == 1 else [("", "—"), *unit_choices]
        )
        self.fields["unit"].widget.attrs.update(
            {
                "data-reload-on-change": "",
                "data-reload-keep": "cluster_year",
                "data-loaded": unit.pk if unit else "",
            }
        )
        self.fields["title"].queryset = Title.objects.filter(
            is_active=True, recipient=Recipient.PERSON
        )
        self.fields["task_rating"].choices = [("", "—"), *TaskRating.choices]
        self.fields["people"].choices = [(p.pk, p.full_name) for p in people]
        self.fields["people"].help_text = (
            _("Tick the people of the list (the unit's current staff).")
            if unit
            else _("Choose the unit first: this list then shows its staff.")
        )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("people"):
            self.add_error("people", _("Tick the people of the list, or choose a file."))
        if not data.get("file") and not (data.get("summary") or "").strip():
            self.add_error("summary", _("Give the achievement summary of the nominees."))
        return data
