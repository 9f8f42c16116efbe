"""The role-aware dashboard: my unit, my clusters, and what needs my action.

Later apps add their own items (deadlines, submissions to review) by registering
a provider here, so `units` never imports them.
"""

from dataclasses import dataclass, replace

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from units.choices import UnitKind
from units.models import ClusterMembership, Unit
from units.selectors import cluster_years_of, roles_of


@dataclass(frozen=True)
class ActionItem:
    text: str
    url: str
    level: str = "warning"  # a Bootstrap colour: warning, danger, info
    due: object = None  # a date, when the item has a deadline


@dataclass(frozen=True)
class Deadline:
    due: object  # a date
    text: str
    url: str
    unit: str = ""  # the unit it concerns, shown when the user acts for several
    days_left: int = 0  # filled in by the dashboard: negative when past due

    @property
    def days_overdue(self) -> int:
        return -self.days_left


@dataclass(frozen=True)
class Figure:
    """One number of the sector overview, with the list it counts."""

    label: str
    value: object  # an int, or a text such as "12/20"
    url: str = ""


@dataclass(frozen=True)
class OverviewSection:
    """A card of the sector overview: figures, a chart (core.charts.Chart), or both."""

    key: str  # a stable name, for tests and anchors
    title: str
    figures: tuple = ()
    chart: object = None
    url: str = ""  # the list the whole card counts
    empty: str = ""  # said when there is nothing to count


_providers = []
_deadline_providers = []
_overview_providers = []
MY_CLUSTER_YEARS = 6
UPCOMING_DEADLINES = 5


def register_action_provider(provider):
    """`provider(user, roles) -> list[ActionItem]`; each must cost a constant number of queries."""
    _providers.append(provider)
    return provider


def register_deadline_provider(provider):
    """`provider(user, roles, today) -> list[Deadline]` of open (not yet done) deadlines."""
    _deadline_providers.append(provider)
    return provider


def register_overview_provider(provider):
    """`provider(user, roles, today) -> list[OverviewSection]`, for sector administrators and
    sector viewers; each must cost a constant number of queries whatever the sector's size."""
    _overview_providers.append(provider)
    return provider


def sector_overview(user, roles, today) -> list[OverviewSection]:
    """The sector's running campaigns, results, pledges, ballots, proposals and awards, as
    the later apps count them; only for those who watch the whole sector."""
    if not (roles.is_admin or roles.is_sector_viewer):
        return []
    return [section for provider in _overview_providers for section in provider(user, roles, today)]


def dashboard_context(*, user) -> dict:
    roles = roles_of(user)
    # The user's own unit and the units they act for, with their staff counts: one query.
    acting_ids = roles.officer_unit_ids | roles.leader_unit_ids
    units = {}
    if user.unit_id or acting_ids:
        units = {
            unit.pk: unit
            for unit in Unit.objects.filter(pk__in={user.unit_id, *acting_ids} - {None})
            .select_related("merged_into")
            .annotate(active_staff=Count("staff", filter=Q(staff__is_active=True)))
        }
    # Every cluster year of the user, read once for the list and for the secretariat's items.
    my_years = cluster_years_of(user=user, limit=None)
    items = staff_list_items([units[pk] for pk in sorted(acting_ids) if pk in units])
    items += cluster_year_items(my_years, roles)
    for provider in _providers:
        items.extend(provider(user, roles))
    today = timezone.localdate()
    deadlines = sorted(
        (
            replace(d, days_left=(d.due - today).days)
            for provider in _deadline_providers
            for d in provider(user, roles, today)
        ),
        key=lambda d: d.due,
    )
    return {
        "roles": roles,
        "own_unit": units.get(user.unit_id),
        "my_cluster_years": my_years[:MY_CLUSTER_YEARS],
        "action_items": items,
        "today": today,
        "overdue": [d for d in deadlines if d.due < today][-UPCOMING_DEADLINES:],
        "upcoming": [d for d in deadlines if d.due >= today][:UPCOMING_DEADLINES],
        "overview": sector_overview(user, roles, today),
    }


def staff_list_items(acting_units) -> list[ActionItem]:
    """Unit officers and leaders: a unit with no staff recorded cannot register titles."""
    return [
        ActionItem(
            _("Record the staff of %(unit)s (add people or import an Excel list).")
            % {"unit": unit.display_name},
            reverse("units:staff_import", args=[unit.pk]),
        )
        for unit in acting_units
        if unit.is_active and not unit.active_staff
    ]


def cluster_year_items(my_years, roles):
    """Secretariat: the year they run lacks a chair, a vice-chair or members."""
    items = []
    for year in my_years:
        if year.pk not in roles.secretariat_cluster_year_ids:
            continue
        url = reverse("units:cluster_year_detail", args=[year.cluster_id, year.year])
        if not year.member_count:
            items.append(ActionItem(_("%(year)s has no member units yet.") % {"year": year}, url))
        if not year.chair_unit_id or not year.vice_chair_unit_id:
            items.append(
                ActionItem(_("%(year)s has no chair or vice-chair unit yet.") % {"year": year}, url)
            )
    return items


@register_action_provider
def unclustered_units_items(user, roles):
    """Administrators: active provincial inspectorates that belong to no cluster this year."""
    if not roles.is_admin:
        return []
    year = timezone.localdate().year
    in_cluster = ClusterMembership.objects.filter(unit=OuterRef("pk"), cluster_year__year=year)
    count = (
        Unit.objects.filter(kind=UnitKind.PROVINCIAL_INSPECTORATE, is_active=True)
        .exclude(Exists(in_cluster))
        .count()
    )
    if not count:
        return []
    return [
        ActionItem(
            _("%(count)d active provincial inspectorates are in no cluster for %(year)d.")
            % {"count": count, "year": year},
            reverse("units:unit_list") + "?kind=provincial&status=active",
            level="info",
        )
    ]
