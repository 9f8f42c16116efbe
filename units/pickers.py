"""Search fields for a unit or a person (core.pickers), and what each one offers.

A picker has a purpose ("active" units, a proposal's nominee...): a function of the user
and the request's parameters that returns the queryset the user may choose from. The form
field and its endpoint (`units:pick_units`, `units:pick_people`) read the same function, so
the options typed for are the ones the form accepts. Later apps register their purposes
when Django starts (evaluations/apps.py), as they register dashboard items.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from core.pickers import SearchChoiceField
from units.models import PERSON_SEARCH_FIELDS, UNIT_SEARCH_FIELDS, ClusterYear, Person, Unit
from units.selectors import units_joinable

UNITS = "units"
PEOPLE = "people"


@dataclass(frozen=True)
class Picker:
    kind: str  # UNITS or PEOPLE
    choices: Callable  # (user, params: a QueryDict or dict) -> QuerySet


_pickers: dict[tuple[str, str], Picker] = {}


def register_picker(kind: str, purpose: str, choices: Callable) -> None:
    _pickers[(kind, purpose)] = Picker(kind=kind, choices=choices)


def picker(kind: str, purpose: str) -> Picker:
    try:
        return _pickers[(kind, purpose)]
    except KeyError:
        raise Http404 from None


class UnitChoiceField(SearchChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PersonChoiceField(SearchChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} – {obj.unit.name}"


def source(view: str, purpose: str, scope: dict | None = None):
    """The endpoint's URL (reversed when first read), with the purpose's `scope` (such as
    {"ballot": 12}) in its query: what the endpoint passes on to the purpose as params."""

    def url():
        address = reverse(view, kwargs={"purpose": purpose})
        return f"{address}?{urlencode(scope)}" if scope else address

    return url


def unit_field(purpose: str, *, user, params=None, scope=None, **kwargs) -> UnitChoiceField:
    """A unit search field offering what `purpose` lets `user` choose. `scope`: params the
    endpoint needs too (it is given them in its address)."""
    queryset = picker(UNITS, purpose).choices(user, params or scope or {})
    return UnitChoiceField(
        queryset=queryset,
        search_fields=UNIT_SEARCH_FIELDS,
        source=source("units:pick_units", purpose, scope),
        **kwargs,
    )


def person_field(purpose: str, *, user, params=None, scope=None, **kwargs) -> PersonChoiceField:
    """A person search field offering what `purpose` lets `user` choose (`scope`: as for
    `unit_field`)."""
    queryset = picker(PEOPLE, purpose).choices(user, params or scope or {})
    return PersonChoiceField(
        queryset=queryset,
        search_fields=PERSON_SEARCH_FIELDS,
        source=source("units:pick_people", purpose, scope),
        **kwargs,
    )


FIELDS = {UNITS: unit_field, PEOPLE: person_field}


def settle_unit_and_person(form, data: dict, *, missing: str) -> dict:
    """A form's unit and person search fields, cleaned together: a person chosen alone brings
    their unit, a person of another unit is refused, and one of the two is needed (`missing`
    says what to choose)."""
    unit, person = data.get("unit"), data.get("person")
    if person is not None:
        if unit is None:
            data["unit"] = unit = person.unit
        elif person.unit_id != unit.pk:
            form.add_error("person", _("The person is not on the staff of this unit."))
    if unit is None and "unit" not in form.errors and "person" not in form.errors:
        form.add_error("unit", missing)
    return data


def active_units(user, params) -> QuerySet:
    """Every active unit: units are the sector's shared master data, read by every user."""
    return Unit.objects.filter(is_active=True).only("pk", "name").order_by("name", "pk")


def staff_of(units: QuerySet, params) -> QuerySet:
    """The current staff of `units`, narrowed to the one unit in `params["unit"]` if given."""
    people = Person.objects.filter(is_active=True, unit__in=units)
    unit = str(params.get("unit") or "")
    if unit.isdigit():
        people = people.filter(unit_id=int(unit))
    return (
        people.select_related("unit")
        .only("pk", "full_name", "unit_id", "unit__name")
        .order_by("full_name", "pk")
    )


register_picker(UNITS, "active", active_units)


def all_units(user, params) -> QuerySet:
    """Every unit, archived (merged) ones too: for looking up the past."""
    return Unit.objects.only("pk", "name").order_by("name", "pk")


register_picker(UNITS, "all", all_units)


def roll_forward_units(user, params) -> QuerySet:
    """The units a roll-forward from the cluster year `params["cluster_year"]` (an id, or the
    year itself from the form) may add: active units no cluster holds that year. Nothing
    for a user who may not roll that year forward."""
    source = params.get("cluster_year")
    if not isinstance(source, ClusterYear):
        source = str(source or "")
        source = ClusterYear.objects.filter(pk=int(source)).first() if source.isdigit() else None
    if source is None or not user.has_perm("units.roll_forward_clusteryear", source):
        return Unit.objects.none()
    return units_joinable(source.year)


register_picker(UNITS, "roll_forward", roll_forward_units)
