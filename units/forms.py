from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.formfields import DateField
from units.audit import ACTION_KINDS
from units.choices import UnitKind
from units.models import Person, Unit, member_refusal
from units.pickers import unit_field
from units.selectors import units_joinable


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Wrong username or password. Both are case-sensitive; "
            "after several failed attempts signing in is blocked for a while."
        ),
        "inactive": _("This account is disabled."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the username's max_length after building the field, so nothing checks
        # it: a longer name reached authenticate(), and the login throttle's record of the
        # attempt (255 characters at most) failed in the database.
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class UnitFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *UnitKind.choices]
    )
    province = forms.ChoiceField(label=_("Province / city"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("active", _("Active")), ("archived", _("Archived"))],
    )

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("All provinces"))] + [(p, p) for p in provinces]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        active = {"active": True, "archived": False}.get(data["status"])
        return {
            "search": data["q"].strip(),
            "kind": data["kind"],
            "province": data["province"],
            "active": active,
        }


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "full_name",
            "gender",
            "staff_code",
            "position",
            "rank",
            "email",
            "phone",
            "is_active",
        ]

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The unit is fixed by the URL; set it so that uniqueness is checked within it.
        if unit is not None:
            self.instance.unit = unit

    def clean_staff_code(self):
        # The unit is not a form field, so the model's unique-within-unit check is asked here.
        code = self.cleaned_data["staff_code"].strip()
        if code and self.instance.unit_id:
            taken = Person.objects.filter(unit_id=self.instance.unit_id, staff_code=code)
            if taken.exclude(pk=self.instance.pk).exists():
                raise forms.ValidationError(_("This staff code is already used in this unit."))
        return code


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list (.xlsx)"),
        help_text=_("Use the template: one person per row, the first row names the columns."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


class AuditFilterForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind of object"), required=False)
    date_from = DateField(label=_("From"), required=False)
    date_to = DateField(label=_("To"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All my units"))] + [
            (u.pk, u.display_name) for u in units
        ]
        if len(units) < 2:
            del self.fields["unit"]
        self.fields["kind"].choices = [("", _("All kinds")), *ACTION_KINDS.items()]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return data

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "unit_id": data.get("unit"),
            "kind": data.get("kind", ""),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }


class UnitNameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class UnitNamesChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.unit.display_name})" if obj.unit_id else name


class ClusterYearRollForwardForm(forms.Form):
    """Next year of a cluster, as proposed from the last one, adjusted before saving."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    theme = forms.CharField(label=_("Theme of the year"), max_length=255, required=False)
    members = UnitNamesChoiceField(
        label=_("Member units carried over"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a unit that leaves the cluster."),
    )
    chair_unit = UnitNameChoiceField(
        label=_("Chair unit (cluster head)"), queryset=Unit.objects.none(), required=False
    )
    vice_chair_unit = UnitNameChoiceField(
        label=_("Vice-chair unit (deputy head)"), queryset=Unit.objects.none(), required=False
    )
    secretariat = UserChoiceField(
        label=_("Secretariat users"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, proposal, units, users, user, **kwargs):
        """`proposal`: selectors.NextYearProposal; `units`: the active units to choose from
        (one query, shared by the unit fields); `users`: who may be the secretariat.

        At national scale every active unit is 2,000 options: a unit is added with a search
        field (units.pickers "roll_forward": the units no cluster holds this year); once
        added ("Add and choose another") it is ticked among the members. The chair and
        vice-chair are offered among the members carried over (any member is still
        accepted when posted)."""
        initial = {
            "year": proposal.year,
            "theme": proposal.source.theme,
            "members": [u.pk for u in proposal.members],
            "chair_unit": proposal.chair.pk if proposal.chair else None,
            "vice_chair_unit": proposal.vice_chair.pk if proposal.vice_chair else None,
            "secretariat": [u.pk for u in proposal.secretariat],
        }
        kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        carried = {u.pk for u in proposal.members}
        source = proposal.source
        joinable = units_joinable(source.year)
        added = (
            [int(v) for v in self.data.getlist("members") if str(v).isdigit()]
            if (self.is_bound and hasattr(self.data, "getlist"))
            else []
        )
        added = [pk for pk in added if pk not in carried]
        members = Q(pk__in=carried)
        if added:  # units added before, ticked among the members (still only joinable ones)
            members |= Q(pk__in=joinable.filter(pk__in=added).values("pk"))
        self.fields["members"].queryset = units.filter(members)
        self.fields["add_member"] = unit_field(
            "roll_forward",
            user=user,
            params={"cluster_year": source},
            scope={"cluster_year": source.pk},
            label=_("Add a member unit"),
            required=False,
            help_text=_(
                "A unit that belongs to no cluster this year, found by name. To add several, "
                "press “Add and choose another” after each."
            ),
        )
        self.order_fields(
            ["year", "theme", "members", "add_member", "chair_unit", "vice_chair_unit"]
        )
        for name in ("chair_unit", "vice_chair_unit"):
            field = self.fields[name]
            field.queryset = units
            field.widget.choices = [
                ("", field.empty_label),
                *((unit.pk, field.label_from_instance(unit)) for unit in proposal.members),
            ]
        self.fields["secretariat"].queryset = users

    def clean(self):
        data = super().clean()
        added = data.get("add_member")
        members = list(dict.fromkeys([*data.get("members", ()), *([added] if added else [])]))
        data["all_members"] = members
        if "members" in data and "add_member" in data and not members:
            self.add_error("members", _("Choose the member units of the new year."))
        year = data.get("year")
        refusals = [text for unit in members if (text := member_refusal(unit, year))]
        if refusals:
            self.add_error(None, " ".join(refusals))
        chair, vice = data.get("chair_unit"), data.get("vice_chair_unit")
        for name, unit in (("chair_unit", chair), ("vice_chair_unit", vice)):
            if unit is not None and "members" in data and unit not in members:
                self.add_error(name, _("Tick this unit as a member too, or choose another."))
        if chair is not None and chair == vice:
            self.add_error(
                "vice_chair_unit", _("The chair and the vice-chair must be different units.")
            )
        return data
