from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from units.audit import ACTION_KINDS
from units.choices import UnitKind
from units.models import Person


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
    kind = forms.ChoiceField(label=_("Kind of change"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All my units"))] + [
            (u.pk, u.display_name) for u in units
        ]
        if len(units) < 2:
            del self.fields["unit"]
        self.fields["kind"].choices = [("", _("All kinds")), *ACTION_KINDS.items()]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        kind = data.get("kind")
        return {"unit_id": data.get("unit"), "action": f"{kind}." if kind else ""}
