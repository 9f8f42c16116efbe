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
from units.models import Employment, Person, RoleAssignment, Unit
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


@transaction.atomic
def role_grant(*, user, role: str, actor, unit=None, cluster_year=None) -> RoleAssignment:
    require_perm(actor, "units.add_roleassignment")
    assignment = RoleAssignment(user=user, role=role, unit=unit, cluster_year=cluster_year)
    try:
        assignment.full_clean()
    except ValidationError as invalid:
        raise ActionRefused(" ".join(invalid.messages)) from invalid
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:
        raise ActionRefused(_("This user already has this role.")) from exc
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
