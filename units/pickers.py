"""Search fields for a unit or a person (core.pickers), and what each one offers.

A picker has a purpose ("active" units, a proposal's nominee...): a function of the user
and the request's parameters that returns the queryset the user may choose from. The form
field and its endpoint (`units:pick_units`, `units:pick_people`) read the same function, so
the options typed for are the ones the form accepts. Later apps register their purposes
when Django starts (evaluations/apps.py), as they register dashboard items.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse_lazy

from core.pickers import SearchChoiceField
from units.models import PERSON_SEARCH_FIELDS, UNIT_SEARCH_FIELDS, Person, Unit

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


def unit_field(purpose: str, *, user, params=None, **kwargs) -> UnitChoiceField:
    """A unit search field offering what `purpose` lets `user` choose."""
    queryset = picker(UNITS, purpose).choices(user, params or {})
    return UnitChoiceField(
        queryset=queryset,
        search_fields=UNIT_SEARCH_FIELDS,
        source=reverse_lazy("units:pick_units", kwargs={"purpose": purpose}),
        **kwargs,
    )


def person_field(purpose: str, *, user, params=None, **kwargs) -> PersonChoiceField:
    """A person search field offering what `purpose` lets `user` choose."""
    queryset = picker(PEOPLE, purpose).choices(user, params or {})
    return PersonChoiceField(
        queryset=queryset,
        search_fields=PERSON_SEARCH_FIELDS,
        source=reverse_lazy("units:pick_people", kwargs={"purpose": purpose}),
        **kwargs,
    )


FIELDS = {UNITS: unit_field, PEOPLE: person_field}


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
