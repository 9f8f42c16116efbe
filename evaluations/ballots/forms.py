"""Forms of the secret ballot: setup, questions, candidates, voters, the vote, paper totals.

Each form checks what the user typed and marks each problem on its field; the services
check the same rules again inside their transaction.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.formfields import DateField, DecimalCommaField
from evaluations.ballots.services import QuestionData
from pledges.formfields import TitleChoiceField
from pledges.models import Title
from units.pickers import person_field, settle_unit_and_person, unit_field


def cluster_year_field(choices) -> forms.TypedChoiceField:
    """The cluster year of a new ballot, among those the user runs."""
    return forms.TypedChoiceField(label=_("Cluster year"), choices=choices, coerce=int)


class BallotForm(forms.Form):
    title = forms.CharField(label=_("Title of the ballot"), max_length=255)
    source = forms.ChoiceField(
        label=_("Ranking used for the candidates"),
        required=False,
        help_text=_("A published ranking of a phase, or of a whole campaign."),
    )
    meeting_date = DateField(label=_("Meeting date"), required=False)
    meeting_place = forms.CharField(label=_("Meeting place"), max_length=255, required=False)
    chair_name = forms.CharField(label=_("Chair of the meeting"), max_length=150, required=False)
    secretary_name = forms.CharField(
        label=_("Secretary of the meeting"), max_length=150, required=False
    )
    quorum_numerator = forms.IntegerField(label=_("Quorum: at least"), min_value=1, initial=2)
    quorum_denominator = forms.IntegerField(
        label=_("out of every (eligible voters)"),
        min_value=1,
        initial=3,
        help_text=_("R14: two thirds of the eligible voters by default."),
    )

    def __init__(self, *args, sources=(), with_source=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_source:
            self.fields["source"].choices = [("", _("— none —")), *sources]
        else:
            del self.fields["source"]

    def clean(self):
        data = super().clean()
        numerator, denominator = data.get("quorum_numerator"), data.get("quorum_denominator")
        if numerator and denominator and numerator > denominator:
            self.add_error("quorum_numerator", _("The quorum cannot be more than all voters."))
        return data


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("What is being decided"),
        max_length=500,
        help_text=_(
            "For example: units proposed for the emulation flag of the Government Inspectorate."
        ),
    )
    title = TitleChoiceField(
        label=_("Title or award form"),
        queryset=Title.objects.filter(is_active=True),
        required=False,
    )
    places = forms.IntegerField(label=_("Number of places"), min_value=1, initial=1)
    threshold_percent = DecimalCommaField(
        label=_("Approval threshold (% of all eligible voters)"),
        required=False,
        help_text=_(
            "Leave empty for the title's default: 80% (90% for the ministry-level "
            "and national emulation fighter titles)."
        ),
    )
    from_ranking = forms.IntegerField(
        label=_("Candidates from the top of the ranking"),
        min_value=0,
        max_value=200,
        required=False,
        initial=3,
    )

    def __init__(self, *args, with_ranking=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_ranking:
            del self.fields["from_ranking"]

    def clean_threshold_percent(self):
        value = self.cleaned_data.get("threshold_percent")
        if value is not None and not (0 < value <= 100):
            raise forms.ValidationError(_("A percentage above 0 and at most 100."))
        return value

    def question_data(self) -> QuestionData:
        data = self.cleaned_data
        return QuestionData(
            text=data["text"],
            title=data.get("title"),
            places=data["places"],
            threshold_percent=data.get("threshold_percent"),
            from_ranking=data.get("from_ranking") or 0,
        )


class CandidateForm(forms.Form):
    """A candidate: a member unit, or a person of the staff of a member unit. Both are
    search fields (units.pickers, purpose "ballot"): they offer only the cluster year's
    member units and their current staff, found by name, never a list of everybody. A
    person chosen without a unit brings it."""

    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    field_order = ["unit", "person", "note"]

    def __init__(self, *args, ballot, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = {"ballot": ballot.pk}
        self.fields["unit"] = unit_field(
            "ballot",
            user=user,
            params={"ballot": ballot},
            scope=scope,
            label=_("Unit (the candidate, or the candidate's unit)"),
            required=False,
        )
        self.fields["person"] = person_field(
            "ballot",
            user=user,
            params={"ballot": ballot},
            scope=scope,
            label=_("Person (for an individual candidate)"),
            required=False,
            include="#id_unit",
            help_text=_(
                "The current staff of the member units, found by name (of the unit chosen, "
                "if any). Leave it empty to propose the unit."
            ),
        )
        self.order_fields(self.field_order)

    def clean(self):
        return settle_unit_and_person(
            self,
            super().clean(),
            missing=_("Choose the unit, or the person, that is the candidate."),
        )


class VoterForm(forms.Form):
    voter = forms.ChoiceField(label=_("Eligible voter"))

    def __init__(self, *args, units=(), users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voter"].choices = [
            ("", _("— choose —")),
            (_("Member units (cast by the leader)"), [(f"unit:{u.pk}", u.name) for u in units]),
            (
                _("Delegates"),
                [(f"user:{u.pk}", f"{u.get_full_name()} – {u.unit.display_name}") for u in users],
            ),
        ]


def split_choice(value: str) -> tuple[str, int]:
    kind, _sep, pk = (value or "").partition(":")
    return kind, int(pk) if pk.isdigit() else 0


class VoteForm(forms.Form):
    """One group of boxes per question: ticking a candidate approves them."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedMultipleChoiceField(
                label=question.text,
                choices=[(c.pk, c.name) for c in question.candidates.all()],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick at most %(places)d.") % {"places": question.places},
            )
        # Last, so that it comes after the questions wherever the form is shown.
        self.fields["confirm"] = forms.BooleanField(
            label=_("I confirm that my ballot cannot be changed once it is cast."),
            error_messages={
                "required": _("Tick the confirmation: a ballot cannot be changed once it is cast.")
            },
        )

    @property
    def question_fields(self) -> list:
        """The bound fields of the questions, in order (without the confirmation)."""
        return [self[f"q{question.pk}"] for question in self.questions]

    def clean(self):
        data = super().clean()
        for question in self.questions:
            if len(data.get(f"q{question.pk}") or []) > question.places:
                self.add_error(
                    f"q{question.pk}",
                    _("Choose at most %(places)d candidates here.") % {"places": question.places},
                )
        return data

    def choices(self) -> dict:
        return {q.pk: list(self.cleaned_data.get(f"q{q.pk}") or []) for q in self.questions}


class PaperForm(forms.Form):
    """Totals from paper ballots: checked votes ≤ cast ≤ eligible."""

    cast_count = forms.IntegerField(label=_("Ballots cast (valid)"), min_value=0)
    present_count = forms.IntegerField(
        label=_("Present at the meeting"), min_value=0, required=False
    )

    def __init__(self, *args, ballot, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.ballot = ballot
        self.questions = list(questions)
        for question in self.questions:
            for candidate in question.candidates.all():
                self.fields[f"c{candidate.pk}"] = forms.IntegerField(
                    label=candidate.name, min_value=0, initial=candidate.votes or None
                )

    def clean(self):
        data = super().clean()
        cast, present = data.get("cast_count"), data.get("present_count")
        eligible = self.ballot.eligible_count
        if cast is not None and cast > eligible:
            self.add_error(
                "cast_count",
                _("At most the %(eligible)d eligible voters.") % {"eligible": eligible},
            )
            cast = None
        if cast is not None and present is not None and not (cast <= present <= eligible):
            self.add_error(
                "present_count",
                _("At least the ballots cast and at most the eligible voters."),
            )
        if cast is None:
            return data
        for question in self.questions:
            total = 0
            for candidate in question.candidates.all():
                value = data.get(f"c{candidate.pk}")
                if value is None:
                    continue
                total += value
                if value > cast:
                    self.add_error(
                        f"c{candidate.pk}",
                        _("More votes than ballots cast (%(cast)d).") % {"cast": cast},
                    )
            if total > cast * question.places:
                self.add_error(
                    None,
                    _(
                        "“%(question)s”: more votes in all than %(cast)d ballots with at most "
                        "%(places)d ticks each."
                    )
                    % {"question": question.text, "cast": cast, "places": question.places},
                )
        return data

    def rows(self):
        """(question, [(candidate, bound field)]) for the template."""
        return [(q, [(c, self[f"c{c.pk}"]) for c in q.candidates.all()]) for q in self.questions]

    def votes(self) -> dict:
        return {
            c.pk: self.cleaned_data[f"c{c.pk}"] for q in self.questions for c in q.candidates.all()
        }
