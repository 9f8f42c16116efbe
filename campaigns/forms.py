from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.choices import CampaignScope, CriterionKind, FinalScoreRule, ReviewKind
from campaigns.models import Campaign, CampaignEvent
from campaigns.validators import phase_problems, rubric_problems
from core.formfields import DateField, DecimalCommaField, kept_rows
from units.models import ClusterYear
from units.pickers import unit_field
from units.selectors import roles_of

DATE_FIELDS = ("launch_date", "start_date", "end_date")


def _unit_search(field, *, user):
    """A unit search field (units.pickers) in place of a select of every active unit."""
    return unit_field(
        "active", user=user, label=field.label, required=field.required, help_text=field.help_text
    )


class CampaignFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    scope = forms.ChoiceField(
        label=_("Scope"), required=False, choices=[("", _("All scopes")), *CampaignScope.choices]
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"year": self.cleaned_data["year"], "scope": self.cleaned_data["scope"]}


class CampaignForm(forms.ModelForm):
    content_areas_text = forms.CharField(
        label=_("Emulation contents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One content per line."),
    )

    class Meta:
        model = Campaign
        fields = [
            "title",
            "theme",
            "kind",
            "scope",
            "cluster_year",
            "document_number",
            "launch_date",
            "issuing_unit",
            "document_file",
            "start_date",
            "end_date",
            "description",
        ]
        field_classes = dict.fromkeys(DATE_FIELDS, DateField)
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles_of(user)
        years = ClusterYear.objects.select_related("cluster").order_by("-year", "cluster__name")
        if not roles.is_admin:
            years = years.filter(pk__in=roles.secretariat_cluster_year_ids)
            # A secretariat runs campaigns of its own cluster year only.
            self.fields["scope"].choices = [
                (CampaignScope.CLUSTER_YEAR, CampaignScope.CLUSTER_YEAR.label)
            ]
        self.fields["cluster_year"].queryset = years
        self.fields["issuing_unit"] = _unit_search(self.fields["issuing_unit"], user=user)
        self.fields["document_file"].help_text = _("PDF or Word, at most 20 MB.")
        if self.instance.pk:
            self.fields["content_areas_text"].initial = "\n".join(
                area.title for area in self.instance.content_areas.all()
            )

    def clean(self):
        data = super().clean()
        if data.get("scope") == CampaignScope.CLUSTER_YEAR and not data.get("cluster_year"):
            self.add_error("cluster_year", _("Choose the cluster year of this campaign."))
        if data.get("scope") == CampaignScope.SECTOR:
            data["cluster_year"] = None
        return data

    def _post_clean(self):
        # The uploaded file is checked by content in the service, not stored by the form.
        self.instance.document_file = self.initial.get("document_file")
        super()._post_clean()

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        if self.cleaned_data.get("document_file") in (None, self.initial.get("document_file")):
            data.pop("document_file")  # unchanged
        return data

    def content_areas(self) -> list[str]:
        return self.cleaned_data.get("content_areas_text", "").splitlines()


class PhaseForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Phase name"), max_length=150)
    start_date = DateField(label=_("From"))
    end_date = DateField(label=_("To"))
    # The blank "new phase" row shows this kind selected; as its initial value too, an
    # untouched row counts as unchanged (and is left out) instead of as a half-filled phase.
    review_kind = forms.ChoiceField(
        label=_("Review"), choices=ReviewKind.choices, initial=ReviewKind.PRELIMINARY
    )
    results_deadline = DateField(label=_("Deadline for units' results"))
    review_date = DateField(label=_("Review meeting date"), required=False)


class BasePhaseFormSet(forms.BaseFormSet):
    def filled_forms(self):
        return kept_rows(self)

    def check_against(self, *, start, end) -> bool:
        """Add the period and overlap problems to the rows concerned; True when none."""
        forms_ = self.filled_forms()
        problems = phase_problems(start=start, end=end, phases=[f.cleaned_data for f in forms_])
        for problem in problems:
            forms_[problem.index].add_error(problem.field, problem.message)
        return not problems

    def phases(self) -> list[dict]:
        return [f.cleaned_data for f in self.filled_forms()]

    def deleted_ids(self) -> list[int]:
        return [
            f.cleaned_data["id"]
            for f in self.deleted_forms
            if f.is_valid() and f.cleaned_data.get("id")
        ]


PhaseFormSet = forms.formset_factory(PhaseForm, formset=BasePhaseFormSet, extra=1, can_delete=True)


class RubricHeaderForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    bonus_cap = DecimalCommaField(
        label=_("Cap on bonus points"),
        required=False,
        help_text=_("The most bonus points a unit can gain in total."),
    )
    tie_break_groups = forms.CharField(
        label=_("Tie-break order of groups"),
        required=False,
        max_length=100,
        help_text=_("Group codes separated by commas, e.g. “A, B”."),
    )
    band_excellent_from = DecimalCommaField(label=_("“Excellent” from"), required=False)
    band_good_from = DecimalCommaField(label=_("“Good” from"), required=False)
    band_complete_from = DecimalCommaField(label=_("“Complete” from"), required=False)
    final_score_rule = forms.ChoiceField(
        label=_("Final score rule"),
        choices=FinalScoreRule.choices,
        initial=FinalScoreRule.REVIEWED_ELSE_SELF,
        required=False,
        help_text=_("Which score of each criterion counts in the totals and the ranking."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def clean_final_score_rule(self):
        return self.cleaned_data["final_score_rule"] or FinalScoreRule.REVIEWED_ELSE_SELF

    def clean(self):
        data = super().clean()
        bands = [
            data.get(k) for k in ("band_excellent_from", "band_good_from", "band_complete_from")
        ]
        given = [b for b in bands if b is not None]
        if given != sorted(given, reverse=True):
            self.add_error(
                None, _("Band thresholds must go down: excellent above good above complete.")
            )
        return data


class GroupForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    code = forms.CharField(label=_("Code"), max_length=10)
    title = forms.CharField(label=_("Group title"), max_length=255)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=0)


class CriterionForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    group_code = forms.CharField(
        label=_("Group"), max_length=10, widget=forms.TextInput(attrs={"list": "group-codes"})
    )
    code = forms.CharField(label=_("Code"), max_length=20)
    title = forms.CharField(label=_("Criterion"), max_length=500)
    guidance = forms.CharField(
        label=_("Guidance for units"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1, "placeholder": _("Guidance for units")}),
    )
    max_points = DecimalCommaField(label=_("Maximum points"), max_digits=6, decimal_places=2)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=CriterionKind.choices, initial=CriterionKind.NORMAL
    )
    evidence_required = forms.BooleanField(label=_("Evidence required"), required=False)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=9999, initial=0)


class _RowsFormSet(forms.BaseFormSet):
    def rows(self) -> list[forms.Form]:
        return kept_rows(self)


GroupFormSet = forms.formset_factory(GroupForm, formset=_RowsFormSet, extra=2, can_delete=True)
CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=_RowsFormSet, extra=3, can_delete=True
)


def check_rubric_forms(header_form, group_formset, criterion_formset) -> bool:
    """Validate the editor as a whole; put each problem beside its field."""
    valid = all([header_form.is_valid(), group_formset.is_valid(), criterion_formset.is_valid()])
    if not valid:
        return False
    groups, criteria = group_formset.rows(), criterion_formset.rows()
    problems = rubric_problems(
        header=header_form.cleaned_data,
        groups=[f.cleaned_data for f in groups],
        criteria=[f.cleaned_data for f in criteria],
    )
    rows = {"groups": groups, "criteria": criteria}
    for problem in problems:
        if problem.index is None:
            header_form.add_error(problem.field, problem.message)
        else:
            rows[problem.section][problem.index].add_error(problem.field, problem.message)
    return not problems


class RubricCopyForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Copy from"), queryset=None)
    title = forms.CharField(
        label=_("Name of the copy"),
        max_length=255,
        required=False,
        help_text=_("Empty: the name of the rubric copied."),
    )

    def __init__(self, *args, sources, taken_titles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources
        self.fields["source"].label_from_instance = lambda r: (
            _("%(rubric)s – %(owner)s (%(count)d criteria)")
            % {"rubric": r, "owner": r.owner, "count": r.criterion_count}
        )
        # A campaign that has a rubric already gets a second one only under a new name,
        # so that two rubrics of the campaign are never told apart by a version number alone.
        self.taken_titles = {t.strip().casefold(): t for t in taken_titles}
        if self.taken_titles:
            self.fields["title"].required = True
            self.fields["title"].help_text = _(
                "This campaign already has a rubric (%(titles)s): name the copy differently."
            ) % {"titles": ", ".join(f"“{t}”" for t in taken_titles)}
            self.fields["title"].error_messages["required"] = _(
                "This campaign already has a rubric: give the copy a new name."
            )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if title.casefold() in self.taken_titles:
            raise forms.ValidationError(
                _("A rubric of this campaign is already called “%(title)s”: choose another name."),
                params={"title": self.taken_titles[title.casefold()]},
            )
        return title


class RubricImportForm(forms.Form):
    file = forms.FileField(
        label=_("Rubric (.xlsx)"),
        help_text=_("Start from an exported rubric: one criterion per row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = CampaignEvent
        fields = ["kind", "title", "date", "host_unit", "place", "description"]
        field_classes = {"date": DateField}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_unit"] = _unit_search(self.fields["host_unit"], user=None)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Document or photo"),
        help_text=_("PDF, Word, Excel, JPEG, PNG or WebP; at most 20 MB."),
    )
