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
from units.models import ClusterMembership, ClusterYear, Person, Unit
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


_providers = []
_deadline_providers = []
UPCOMING_DEADLINES = 5


def register_action_provider(provider):
    """`provider(user, roles) -> list[ActionItem]`; each must cost a constant number of queries."""
    _providers.append(provider)
    return provider


def register_deadline_provider(provider):
    """`provider(user, roles, today) -> list[Deadline]` of open (not yet done) deadlines."""
    _deadline_providers.append(provider)
    return provider


def dashboard_context(*, user) -> dict:
    roles = roles_of(user)
    own_unit = None
    if user.unit_id:
        own_unit = (
            Unit.objects.select_related("merged_into")
            .annotate(active_staff=Count("staff", filter=Q(staff__is_active=True)))
            .get(pk=user.unit_id)
        )
    # Lets `staff_list_items` answer for the user's own unit without a second query.
    user._dashboard_own_unit = own_unit
    items = []
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
        "own_unit": own_unit,
        "my_cluster_years": cluster_years_of(user=user),
        "action_items": items,
        "today": today,
        "overdue": [d for d in deadlines if d.due < today][-UPCOMING_DEADLINES:],
        "upcoming": [d for d in deadlines if d.due >= today][:UPCOMING_DEADLINES],
    }


@register_action_provider
def staff_list_items(user, roles):
    """Unit officers and leaders: a unit with no staff recorded cannot register titles."""
    unit_ids = roles.officer_unit_ids | roles.leader_unit_ids
    if not unit_ids:
        return []
    own_unit = getattr(user, "_dashboard_own_unit", None)
    if own_unit is not None and unit_ids == {own_unit.pk}:
        # The dashboard has just counted the own unit's active staff.
        empty_units = [own_unit] if own_unit.is_active and not own_unit.active_staff else []
    else:
        has_staff = Person.objects.filter(unit=OuterRef("pk"), is_active=True)
        empty_units = Unit.objects.filter(pk__in=unit_ids, is_active=True).exclude(
            Exists(has_staff)
        )
    return [
        ActionItem(
            _("Record the staff of %(unit)s (add people or import an Excel list).")
            % {"unit": unit.display_name},
            reverse("units:staff_import", args=[unit.pk]),
        )
        for unit in empty_units
    ]


@register_action_provider
def cluster_year_items(user, roles):
    """Secretariat: the year they run lacks a chair, a vice-chair or members."""
    if not roles.secretariat_cluster_year_ids:
        return []
    years = (
        ClusterYear.objects.filter(pk__in=roles.secretariat_cluster_year_ids)
        .select_related("cluster")
        .annotate(member_count=Count("memberships"))
    )
    items = []
    for year in years:
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
