from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from core.formfields import DateField, kept_rows
from pledges.choices import PledgeFileKind
from pledges.models import Pledge, RegistrationRound
from pledges.selectors import titles_for_registration
from units.models import ClusterYear, Person
from units.pickers import unit_field
from units.selectors import roles_of


def _managed_years(user):
    years = ClusterYear.objects.select_related("cluster").order_by("-year", "cluster__name")
    roles = roles_of(user)
    return years if roles.is_admin else years.filter(pk__in=roles.secretariat_cluster_year_ids)


def _unit_search(field, *, user):
    """A unit search field (units.pickers) in place of a select of every active unit."""
    return unit_field(
        "active", user=user, label=field.label, required=field.required, help_text=field.help_text
    )


class PledgeForm(forms.ModelForm):
    class Meta:
        model = Pledge
        fields = [
            "cluster_year",
            "campaign",
            "title",
            "theme",
            "preamble",
            "signing_date",
            "host_unit",
            "venue",
            "place_name",
        ]
        field_classes = {"signing_date": DateField}
        widgets = {"preamble": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        years = _managed_years(user)
        self.fields["cluster_year"].queryset = years
        self.fields["campaign"].queryset = Campaign.objects.filter(cluster_year__in=years).order_by(
            "-start_date"
        )
        self.fields["host_unit"] = _unit_search(self.fields["host_unit"], user=user)


class CommitmentForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    content = forms.CharField(
        label=_("Emulation content"), widget=forms.Textarea(attrs={"rows": 2})
    )
    target = forms.CharField(
        label=_("Target"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )
    criteria = forms.MultipleChoiceField(
        label=_("Rubric criteria"),
        required=False,
        help_text=_("The criteria whose scores will be shown against this target."),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria_by_pk = criteria
        self.fields["criteria"].choices = [
            (c.pk, f"{c.code}. {c.title}") for c in criteria.values()
        ]
        self.fields["criteria"].widget.attrs["size"] = 3

    def clean_criteria(self):
        return [self.criteria_by_pk[int(pk)] for pk in self.cleaned_data["criteria"]]


class BaseCommitmentFormSet(forms.BaseFormSet):
    def __init__(self, *args, criteria=None, **kwargs):
        # The criteria of the campaign's latest rubric, loaded once for every row.
        self.criteria = {c.pk: c for c in (criteria if criteria is not None else [])}
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"criteria": self.criteria}

    def rows(self):
        return kept_rows(self)


CommitmentFormSet = forms.formset_factory(
    CommitmentForm, formset=BaseCommitmentFormSet, extra=2, can_delete=True
)


class SignatureForm(forms.Form):
    signatory_name = forms.CharField(label=_("Signatory"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=150)
    signed_on = DateField(label=_("Signed on"), initial=timezone.localdate)


class PaperSignatureForm(SignatureForm):
    party = forms.ModelChoiceField(label=_("Unit"), queryset=None)

    field_order = ["party", "signatory_name", "position", "signed_on"]

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties
        self.fields["party"].label_from_instance = lambda p: p.unit_name


class PledgeAttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PledgeFileKind.choices)
    file = forms.FileField(
        label=_("File"), help_text=_("The signed original as PDF; photos as JPEG, PNG or WebP.")
    )


class RoundForm(forms.ModelForm):
    class Meta:
        model = RegistrationRound
        fields = ["cluster_year", "campaign", "title", "deadline", "note"]
        field_classes = {"deadline": DateField}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        years = _managed_years(user)
        self.fields["cluster_year"].queryset = years
        self.fields["campaign"].queryset = Campaign.objects.filter(cluster_year__in=years)


class RegistrationItemForm(forms.Form):
    """One title for the unit or a staff member. Choices come loaded from the formset,
    so that a long list of rows costs no query per row."""

    title = forms.ChoiceField(label=_("Title or award form"))
    person = forms.ChoiceField(
        label=_("Staff member"),
        required=False,
        help_text=_("Empty for the unit's own (collective) titles."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=255)

    def __init__(self, *args, titles, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.titles, self.people = titles, people
        self.fields["title"].choices = [("", "---------")] + [
            (t.pk, t.choice_label) for t in titles.values()
        ]
        self.fields["person"].choices = [("", "---------")] + [
            (p.pk, f"{p.full_name} – {p.position}" if p.position else p.full_name)
            for p in people.values()
        ]

    def clean_title(self):
        return self.titles[int(self.cleaned_data["title"])]

    def clean_person(self):
        value = self.cleaned_data["person"]
        return self.people[int(value)] if value else None

    def clean(self):
        data = super().clean()
        title, person = data.get("title"), data.get("person")
        if title and title.recipient == "person" and person is None:
            self.add_error("person", _("Choose the staff member for this individual title."))
        if title and title.recipient == "collective" and person is not None:
            self.add_error("person", _("A collective title is for the unit: leave this empty."))
        return data


class BaseItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, unit, **kwargs):
        self.titles = {t.pk: t for t in titles_for_registration()}
        self.people = {
            p.pk: p
            for p in Person.objects.filter(unit=unit, is_active=True).order_by("full_name", "pk")
        }
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"titles": self.titles, "people": self.people}

    def rows(self):
        return kept_rows(self)


RegistrationItemFormSet = forms.formset_factory(
    RegistrationItemForm, formset=BaseItemFormSet, extra=3, can_delete=True
)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the unit change?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReopenForm(forms.Form):
    until = DateField(label=_("Reopened until"))
    reason = forms.CharField(label=_("Reason"), max_length=255)
