"""The top bar's search: units, people, proposals and decision numbers in one box.

Each kind is a provider `provider(user, query) -> FoundGroup | None` that reads only what
the user may see (a selector), at most `PER_KIND` rows and a constant number of queries.
Units and people are found here; later apps register their kinds when Django starts
(evaluations/apps.py), so `units` imports none of them.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.search import matching
from core.text import fold
from units.models import PERSON_SEARCH_FIELDS
from units.selectors import people_visible_to, unit_list

PER_KIND = 10
MAX_QUERY = 100


@dataclass(frozen=True)
class Found:
    text: str
    url: str
    detail: str = ""


@dataclass
class FoundGroup:
    kind: str  # the group's heading
    items: list = field(default_factory=list)
    more: bool = False  # more than shown: refine the words, or follow `more_url`
    more_url: str = ""


_providers = []


def register_search_provider(provider):
    """`provider(user, query) -> FoundGroup | None`, in a constant number of queries."""
    _providers.append(provider)
    return provider


def first(queryset, size=PER_KIND) -> tuple[list, bool]:
    """(at most `size` rows, whether there are more) in one query."""
    rows = list(queryset[: size + 1])
    return rows[:size], len(rows) > size


def search_everything(*, user, query: str) -> list[FoundGroup]:
    """The groups with something found, in the order registered. Nothing for a query of
    no letter or digit."""
    query = query.strip()[:MAX_QUERY]
    if not fold(query):
        return []
    groups = (provider(user, query) for provider in _providers)
    return [group for group in groups if group is not None and group.items]


@register_search_provider
def found_units(user, query):
    units, more = first(unit_list(search=query))
    return FoundGroup(
        kind=_("Units"),
        items=[
            Found(
                text=unit.name,
                detail="" if unit.is_active else str(_("archived")),
                url=reverse("units:unit_detail", args=[unit.pk]),
            )
            for unit in units
        ],
        more=more,
        more_url=reverse("units:unit_list") + "?" + urlencode({"q": query}),
    )


@register_search_provider
def found_people(user, query):
    """Staff records are personal data: only those the user may read (units.view_staff)."""
    people = (
        people_visible_to(user=user)
        .filter(*matching(PERSON_SEARCH_FIELDS, query))
        .order_by("-is_active", "full_name", "pk")
    )
    people, more = first(people)
    return FoundGroup(
        kind=_("People"),
        items=[
            Found(
                text=person.full_name,
                detail=person.unit.name,
                url=reverse("units:unit_detail", args=[person.unit_id])
                + "?"
                + urlencode({"q": person.full_name})
                + "#staff",
            )
            for person in people
        ],
        more=more,
    )
