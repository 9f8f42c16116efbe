"""Every write that changes units, people, clusters and roles.

Each service checks permission and state, runs in a transaction, and leaves an
audit record. Views and the admin call these; nothing else saves these models.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused
from units.audit import audit_record, field_changes
from units.choices import Role
from units.models import (
    Cluster,
    ClusterMembership,
    ClusterYear,
    Employment,
    Person,
    RoleAssignment,
    Unit,
    member_refusal,
)
from units.selectors import forget_roles

PERSON_FIELDS = (
    "full_name",
    "gender",
    "staff_code",
    "position",
    "rank",
    "email",
    "phone",
    "is_active",
)


def require_perm(user, perm, obj=None):
    """Raise ActionRefused unless the rules grant `perm` on `obj`."""
    if not user.has_perm(perm, obj):
        raise ActionRefused(_("You do not have permission to do this."))


def _snapshot(obj, fields):
    return {name: getattr(obj, name) for name in fields}


def _save_person(person, **kwargs):
    """Save; a constraint hit by a concurrent request becomes a clear refusal."""
    try:
        with transaction.atomic():
            person.save(**kwargs)
    except IntegrityError as exc:
        raise ActionRefused(_("This staff code is already used in this unit.")) from exc


@transaction.atomic
def person_create(*, unit: Unit, actor, data: dict, start_date: date | None = None) -> Person:
    require_perm(actor, "units.manage_staff", unit)
    person = Person(unit=unit, **{k: v for k, v in data.items() if k in PERSON_FIELDS})
    person.full_clean()
    _save_person(person)
    Employment.objects.create(
        person=person,
        unit=unit,
        position=person.position,
        start_date=start_date or timezone.localdate(),
    )
    audit_record(
        actor=actor,
        action="person.create",
        obj=person,
        unit=unit,
        changes=field_changes({}, _snapshot(person, PERSON_FIELDS)),
    )
    return person


@transaction.atomic
def person_update(*, person: Person, actor, data: dict) -> Person:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    require_perm(actor, "units.change_person", person)
    before = _snapshot(person, PERSON_FIELDS)
    for name in PERSON_FIELDS:
        if name in data:
            setattr(person, name, data[name])
    changes = field_changes(before, _snapshot(person, PERSON_FIELDS))
    if not changes:
        return person
    person.full_clean()
    _save_person(person, update_fields=[*changes, "updated_at"])
    if "position" in changes:
        Employment.objects.filter(person=person, end_date__isnull=True).update(
            position=person.position
        )
    audit_record(actor=actor, action="person.update", obj=person, unit=person.unit, changes=changes)
    return person


@transaction.atomic
def person_transfer(*, person: Person, to_unit: Unit, on: date, actor) -> Person:
    """Move a person to another unit; the old employment is closed, history stays."""
    require_perm(actor, "units.change_unit", to_unit)
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    if not to_unit.is_active:
        raise ActionRefused(_("People cannot be moved to an archived unit."))
    if person.unit_id == to_unit.pk:
        raise ActionRefused(_("This person already works in that unit."))
    from_unit = person.unit
    _close_employment(person, on)
    Employment.objects.create(person=person, unit=to_unit, position=person.position, start_date=on)
    person.unit = to_unit
    person.save(update_fields=["unit", "updated_at"])
    changes = {"unit": [str(from_unit), str(to_unit)], "date": [None, on.isoformat()]}
    audit_record(actor=actor, action="person.transfer", obj=person, unit=from_unit, changes=changes)
    audit_record(actor=actor, action="person.transfer", obj=person, unit=to_unit, changes=changes)
    return person


def _close_employment(person, on):
    open_jobs = Employment.objects.filter(person=person, end_date__isnull=True)
    for job in open_jobs:
        # A move on the first day of a job replaces it rather than ending it before it began.
        job.end_date = max(on, job.start_date)
        job.save(update_fields=["end_date"])


@transaction.atomic
def unit_merge(*, unit: Unit, into: Unit, on: date, actor) -> Unit:
    """Merge a unit into its successor (2025 reorganisation): archived, history kept,
    active staff moved to the successor."""
    require_perm(actor, "units.change_unit", unit)
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if unit.pk == into.pk:
        raise ActionRefused(_("A unit cannot be merged into itself."))
    if unit.merged_into_id:
        raise ActionRefused(_("This unit has already been merged."))
    if not into.is_active:
        raise ActionRefused(_("The successor unit must be active."))
    unit.merged_into = into
    unit.merged_on = on
    unit.is_active = False
    unit.save(update_fields=["merged_into", "merged_on", "is_active"])
    moved = list(Person.objects.filter(unit=unit, is_active=True))
    for person in moved:
        _close_employment(person, on)
    Employment.objects.bulk_create(
        Employment(person=p, unit=into, position=p.position, start_date=on) for p in moved
    )
    Person.objects.filter(pk__in=[p.pk for p in moved]).update(unit=into, updated_at=timezone.now())
    audit_record(
        actor=actor,
        action="unit.merge",
        obj=unit,
        unit=unit,
        changes={"merged_into": [None, str(into)], "merged_on": [None, on.isoformat()]},
        note=_("%(count)d staff moved to the successor unit.") % {"count": len(moved)},
    )
    return unit


def _save_checked(obj, *, taken: str) -> None:
    """Validate and save `obj`, refusing with the model's messages, or with `taken` when a
    unique row was saved by another request at the same moment."""
    try:
        obj.full_clean()
    except ValidationError as invalid:
        raise ActionRefused(" ".join(invalid.messages)) from invalid
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ActionRefused(taken) from exc


@transaction.atomic
def role_grant(*, user, role: str, actor, unit=None, cluster_year=None) -> RoleAssignment:
    require_perm(actor, "units.add_roleassignment")
    assignment = RoleAssignment(user=user, role=role, unit=unit, cluster_year=cluster_year)
    _save_checked(assignment, taken=_("This user already has this role."))
    forget_roles(user)
    audit_record(
        actor=actor,
        action="role.grant",
        obj=user,
        unit=unit or user.unit,
        changes={"role": [None, str(assignment)]},
    )
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment, actor) -> None:
    require_perm(actor, "units.delete_roleassignment", assignment)
    user = assignment.user
    description = str(assignment)
    assignment.delete()
    forget_roles(user)
    audit_record(
        actor=actor,
        action="role.revoke",
        obj=user,
        unit=assignment.unit or user.unit,
        changes={"role": [description, None]},
    )


@transaction.atomic
def cluster_year_roll_forward(
    *,
    source: ClusterYear,
    actor,
    year: int,
    members,
    chair_unit=None,
    vice_chair_unit=None,
    secretariat=(),
    theme: str = "",
) -> ClusterYear:
    """Create the next year of `source`'s cluster: its members, chair and vice-chair,
    secretariat users and theme, as the secretariat adjusted them (see
    `selectors.next_year_proposal` for what it starts from). All or nothing."""
    require_perm(actor, "units.roll_forward_clusteryear", source)
    # One roll-forward of a cluster at a time: the second waits, then finds the year taken.
    cluster = Cluster.objects.select_for_update().get(pk=source.cluster_id)
    members = list(dict.fromkeys(members))
    _check_next_year(source, cluster, year, members, chair_unit, vice_chair_unit)
    cluster_year = ClusterYear(
        cluster=cluster,
        year=year,
        theme=theme.strip(),
        chair_unit=chair_unit,
        vice_chair_unit=vice_chair_unit,
        leader_approval_required=source.leader_approval_required,
    )
    _save_checked(cluster_year, taken=_year_taken(cluster, year))
    ClusterMembership.objects.bulk_create(
        ClusterMembership(cluster_year=cluster_year, unit=unit) for unit in members
    )
    users = list(dict.fromkeys(secretariat))
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=user, role=Role.SECRETARIAT, cluster_year=cluster_year)
        for user in users
    )
    for user in users:
        forget_roles(user)
    audit_record(
        actor=actor,
        action="clusteryear.roll_forward",
        obj=cluster_year,
        unit=chair_unit,
        changes={
            "year": [source.year, year],
            "members": [None, ", ".join(u.display_name for u in members)],
            "chair_unit": [_name(source.chair_unit), _name(chair_unit)],
            "vice_chair_unit": [_name(source.vice_chair_unit), _name(vice_chair_unit)],
            "secretariat": [None, ", ".join(u.get_full_name() for u in users)],
            "theme": [source.theme, cluster_year.theme],
        },
    )
    return cluster_year


def _name(unit):
    return unit.display_name if unit is not None else None


def _year_taken(cluster, year):
    return _(
        "%(cluster)s already has the year %(year)d: open that year instead of creating it again."
    ) % {"cluster": cluster.name, "year": year}


def _check_next_year(source, cluster, year, members, chair_unit, vice_chair_unit):
    if year <= source.year:
        raise ActionRefused(_("The new year must come after %(year)d.") % {"year": source.year})
    if ClusterYear.objects.filter(cluster=cluster, year=year).exists():
        raise ActionRefused(_year_taken(cluster, year))
    if not members:
        raise ActionRefused(_("Choose the member units of the new year."))
    refusals = [refusal for unit in members if (refusal := member_refusal(unit, year))]
    refusals += [
        _("%(unit)s is archived: it cannot be a member any more.") % {"unit": unit.name}
        for unit in members
        if not unit.is_active
    ]
    if refusals:
        raise ActionRefused(" ".join(refusals))
    for unit in (chair_unit, vice_chair_unit):
        if unit is not None and unit not in members:
            raise ActionRefused(
                _("%(unit)s chairs or vice-chairs the cluster, so it must be a member.")
                % {"unit": unit.name}
            )
    if chair_unit is not None and chair_unit == vice_chair_unit:
        raise ActionRefused(_("The chair and the vice-chair must be different units."))
