"""The read side: what a user may see, loaded in a constant number of queries."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.search import matching
from units.audit import kind_filter
from units.choices import Role
from units.models import (
    PERSON_SEARCH_FIELDS,
    UNIT_SEARCH_FIELDS,
    AuditEntry,
    Cluster,
    ClusterMembership,
    ClusterYear,
    Person,
    RoleAssignment,
    Unit,
    User,
    member_refusal,
)
from units.rotation import rotate


@dataclass(frozen=True)
class UserRoles:
    """Everything the permission rules need to know about a user, loaded once per request."""

    is_admin: bool = False
    is_viewer: bool = False
    own_unit_id: int | None = None
    officer_unit_ids: frozenset = field(default_factory=frozenset)
    leader_unit_ids: frozenset = field(default_factory=frozenset)
    viewer_unit_ids: frozenset = field(default_factory=frozenset)
    secretariat_cluster_year_ids: frozenset = field(default_factory=frozenset)
    # Units that are members of a cluster year this user is the secretariat of.
    secretariat_unit_ids: frozenset = field(default_factory=frozenset)
    # Cluster years that the user's own units (own unit, unit roles) are members of.
    member_cluster_year_ids: frozenset = field(default_factory=frozenset)
    assignments: tuple = ()

    @property
    def is_sector_viewer(self) -> bool:
        """A viewer without a unit scope reads the whole sector."""
        return self.is_viewer and not self.viewer_unit_ids

    @property
    def member_unit_ids(self) -> frozenset:
        """Units whose internal data (staff, drafts) this user may read."""
        ids = self.officer_unit_ids | self.leader_unit_ids | self.viewer_unit_ids
        return ids | {self.own_unit_id} if self.own_unit_id else ids

    @property
    def readable_unit_ids(self) -> frozenset:
        return self.member_unit_ids | self.secretariat_unit_ids


ANONYMOUS_ROLES = UserRoles()
UNIT_SCOPED = (Role.UNIT_OFFICER, Role.UNIT_LEADER, Role.VIEWER)
_CACHE_ATTR = "_thidua_roles"


def roles_of(user) -> UserRoles:
    """The user's roles, cached on the user object (two queries at most, once)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS_ROLES
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    assignments = tuple(
        RoleAssignment.objects.filter(user=user).select_related("unit", "cluster_year__cluster")
    )
    by_role = {role: [a for a in assignments if a.role == role] for role in Role.values}
    secretariat_years = frozenset(a.cluster_year_id for a in by_role[Role.SECRETARIAT])
    member_units = {a.unit_id for role in UNIT_SCOPED for a in by_role[role] if a.unit_id}
    if user.unit_id:
        member_units.add(user.unit_id)
    # One query answers both: the units of the years the user runs, the years of the user's units.
    secretariat_units, member_years = set(), set()
    if secretariat_years or member_units:
        rows = ClusterMembership.objects.filter(
            Q(cluster_year_id__in=secretariat_years) | Q(unit_id__in=member_units)
        ).values_list("unit_id", "cluster_year_id")
        for unit_id, year_id in rows:
            if year_id in secretariat_years:
                secretariat_units.add(unit_id)
            if unit_id in member_units:
                member_years.add(year_id)
    roles = UserRoles(
        is_admin=user.is_superuser or bool(by_role[Role.SECTOR_ADMIN]),
        is_viewer=bool(by_role[Role.VIEWER]),
        own_unit_id=user.unit_id,
        officer_unit_ids=frozenset(a.unit_id for a in by_role[Role.UNIT_OFFICER]),
        leader_unit_ids=frozenset(a.unit_id for a in by_role[Role.UNIT_LEADER]),
        viewer_unit_ids=frozenset(a.unit_id for a in by_role[Role.VIEWER] if a.unit_id),
        secretariat_cluster_year_ids=secretariat_years,
        secretariat_unit_ids=frozenset(secretariat_units),
        member_cluster_year_ids=frozenset(member_years),
        assignments=assignments,
    )
    setattr(user, _CACHE_ATTR, roles)
    return roles


def forget_roles(user) -> None:
    """Drop the cached roles after they changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


# Units and clusters are the sector's shared master data: every signed-in user reads them.


def unit_list(*, search: str = "", kind: str = "", province: str = "", active=None) -> QuerySet:
    qs = Unit.objects.select_related("parent", "merged_into")
    if search:
        # Accents and case aside, every word in the code, name or short name (indexed).
        qs = qs.filter(*matching(UNIT_SEARCH_FIELDS, search))
    if kind:
        qs = qs.filter(kind=kind)
    if province:
        qs = qs.filter(province=province)
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs.order_by("-is_active", "name")


def units_joinable(year: int) -> QuerySet:
    """Active units that no cluster holds in `year`: what a roll-forward from that year may
    add as members (units.pickers "roll_forward")."""
    return unit_choices_for_clusters().exclude(
        pk__in=ClusterMembership.objects.filter(
            cluster_year__year=year, left_on__isnull=True
        ).values("unit_id")
    )


def unit_choices_for_clusters() -> QuerySet:
    """Active units for a cluster's member, chair and vice-chair fields: the columns a
    choice shows and the membership rules read (kind, the parent's kind)."""
    return (
        Unit.objects.filter(is_active=True)
        .select_related("parent")
        .only("pk", "name", "short_name", "kind", "is_active", "parent__kind", "parent__name")
        .order_by("name", "pk")
    )


def unit_provinces() -> list[str]:
    return list(
        Unit.objects.exclude(province="")
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def unit_detail_queryset() -> QuerySet:
    return Unit.objects.select_related("parent", "merged_into").prefetch_related(
        Prefetch("predecessors", queryset=Unit.objects.order_by("name")),
        Prefetch(
            "memberships",
            queryset=ClusterMembership.objects.select_related("cluster_year__cluster").order_by(
                "-cluster_year__year", "cluster_year__cluster__name"
            ),
        ),
    )


def people_visible_to(*, user) -> QuerySet:
    """Staff records this user may read: admins all; others their units' staff."""
    roles = roles_of(user)
    qs = Person.objects.select_related("unit")
    if roles.is_admin:
        return qs
    if not roles.readable_unit_ids:
        return qs.none()
    return qs.filter(unit_id__in=roles.readable_unit_ids)


def unit_staff(*, unit, search: str = "", include_inactive: bool = False) -> QuerySet:
    qs = Person.objects.filter(unit=unit)
    if not include_inactive:
        qs = qs.filter(is_active=True)
    if search:
        # Accents and case aside, every word in the name, staff code or e-mail (indexed).
        qs = qs.filter(*matching(PERSON_SEARCH_FIELDS, search))
    return qs.order_by("full_name", "pk")


def staff_choices(*, unit_id: int) -> list[Person]:
    """The current staff of one unit for a nominee list's checkboxes: one query on the
    (unit, is_active, full_name) index, only the columns an option shows."""
    return list(unit_staff(unit=unit_id).only("pk", "full_name", "unit_id"))


def cluster_list() -> QuerySet:
    return Cluster.objects.annotate(year_count=Count("years")).order_by("-is_active", "name")


def cluster_detail_queryset() -> QuerySet:
    return Cluster.objects.prefetch_related(
        Prefetch(
            "years",
            queryset=ClusterYear.objects.select_related("chair_unit", "vice_chair_unit")
            .annotate(member_count=Count("memberships"))
            .order_by("-year"),
        )
    )


def cluster_year_detail_queryset() -> QuerySet:
    next_year = ClusterYear.objects.filter(cluster=OuterRef("cluster"), year=OuterRef("year") + 1)
    return (
        ClusterYear.objects.select_related("cluster", "chair_unit", "vice_chair_unit")
        .annotate(has_next_year=Exists(next_year))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=ClusterMembership.objects.select_related("unit__merged_into").order_by(
                    "unit__name"
                ),
            ),
            Prefetch(
                "role_assignments",
                queryset=RoleAssignment.objects.filter(role=Role.SECRETARIAT).select_related(
                    "user__unit"
                ),
                to_attr="secretariat_assignments",
            ),
        )
    )


def cluster_years_of(*, user, limit: int | None = 6) -> list:
    """Cluster years that concern the user: their unit is a member, or they run them."""
    roles = roles_of(user)
    condition = Q(pk__in=roles.secretariat_cluster_year_ids)
    if roles.member_unit_ids:
        member_of = ClusterMembership.objects.filter(unit_id__in=roles.member_unit_ids)
        condition |= Q(pk__in=member_of.values("cluster_year_id"))
    return list(
        ClusterYear.objects.filter(condition)
        .select_related("cluster", "chair_unit", "vice_chair_unit")
        .annotate(member_count=Count("memberships"))
        .order_by("-year", "cluster__name")[:limit]
    )


def units_for_audit(*, roles) -> QuerySet:
    """The units whose change log a (non-administrator) user reads."""
    return Unit.objects.filter(pk__in=roles.member_unit_ids).order_by("name")


def audit_entries_visible_to(
    *, user, unit_id=None, kind="", date_from=None, date_to=None
) -> QuerySet:
    """The audit log a user may read: everything for sector administrators, the entries
    about their own units' objects for everyone else (one indexed query on unit, time);
    narrowed to a unit, a kind of object (units.audit.OBJECT_KINDS) and a period (days,
    both ends included, in the local time zone)."""
    roles = roles_of(user)
    qs = AuditEntry.objects.select_related("actor", "unit", "content_type")
    if not roles.is_admin:
        qs = qs.filter(unit_id__in=roles.member_unit_ids)
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    if kind:
        qs = qs.filter(kind_filter(kind))
    if date_from:
        qs = qs.filter(at__gte=_start_of_day(date_from))
    if date_to:
        qs = qs.filter(at__lt=_start_of_day(date_to + timedelta(days=1)))
    return qs.order_by("-at", "-pk")


def cluster_year_roll_forward_queryset() -> QuerySet:
    """Cluster years with what next year's proposal reads: members (and their successors),
    chair, vice-chair and secretariat, in a constant number of queries."""
    return ClusterYear.objects.select_related(
        "cluster",
        "chair_unit__merged_into",
        "vice_chair_unit__merged_into",
    ).prefetch_related(
        Prefetch(
            "memberships",
            queryset=ClusterMembership.objects.select_related(
                "unit__parent", "unit__merged_into__parent"
            ).order_by("unit__name"),
        ),
        Prefetch(
            "role_assignments",
            queryset=RoleAssignment.objects.filter(role=Role.SECRETARIAT).select_related(
                "user__unit"
            ),
            to_attr="secretariat_assignments",
        ),
    )


@dataclass
class NextYearProposal:
    """What the roll-forward form starts from: last year's members, chair and vice-chair by
    rotation (units/rotation.py), the same secretariat and theme."""

    source: ClusterYear
    year: int
    members: list
    chair: Unit | None
    vice_chair: Unit | None
    secretariat: list
    # (unit, why it is not carried over) and (merged unit, its successor)
    left_out: list = field(default_factory=list)
    replaced: list = field(default_factory=list)


def _successor(unit):
    """The unit itself, or the active unit it was merged into (the 2025 mergers)."""
    if unit is not None and unit.merged_into_id:
        return unit.merged_into
    return unit


def next_year_proposal(source: ClusterYear) -> NextYearProposal:
    """Next year of `source` (loaded by `cluster_year_roll_forward_queryset`), proposed."""
    year = source.year + 1
    members, left_out, replaced = [], [], []
    for membership in source.memberships.all():
        unit = membership.unit
        successor = _successor(unit)
        if membership.left_on:
            left_out.append(
                (
                    unit,
                    _("left the cluster on %(date)s")
                    % {"date": formats.date_format(membership.left_on, "SHORT_DATE_FORMAT")},
                )
            )
            continue
        if successor is not unit:
            replaced.append((unit, successor))
        if not successor.is_active:
            left_out.append((successor, _("archived")))
            continue
        refusal = member_refusal(successor, year)
        if refusal:
            left_out.append((successor, refusal))
            continue
        if successor not in members:
            members.append(successor)
    chair, vice_chair = rotate(
        members, _successor(source.chair_unit), _successor(source.vice_chair_unit)
    )
    return NextYearProposal(
        source=source,
        year=year,
        members=sorted(members, key=lambda u: (u.name, u.pk)),
        chair=chair,
        vice_chair=vice_chair,
        secretariat=[a.user for a in source.secretariat_assignments if a.user.is_active],
        left_out=left_out,
        replaced=replaced,
    )


def secretariat_choices(*, unit_ids, user_ids) -> QuerySet:
    """Active users who may run a cluster year: staff of its member units and whoever ran it."""
    return (
        User.objects.filter(Q(unit_id__in=unit_ids) | Q(pk__in=user_ids), is_active=True)
        .select_related("unit")
        .order_by("display_name", "username")
    )


def _start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.min))
