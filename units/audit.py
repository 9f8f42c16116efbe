"""Audit records: every service that changes state writes one."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from units.models import AuditEntry


def field_changes(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value changed (values as strings)."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in after
        if before.get(name) != after.get(name)
    }


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def audit_record(*, actor, action: str, obj, unit=None, changes=None, note="") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        unit=unit,
        changes=changes or {},
        note=note,
    )


# What the change log shows for each kind of action (by the part before the first dot).
ACTION_KINDS = {
    "person": _("Staff"),
    "unit": _("Unit"),
    "role": _("Roles"),
    "campaign": _("Campaign"),
    "rubric": _("Scoring rubric"),
    "event": _("Event"),
    "attachment": _("Event file"),
    "pledge": _("Pledge"),
    "round": _("Registration round"),
    "registration": _("Registration"),
    "submission": _("Results"),
    "phase": _("Phase"),
    "ranking": _("Ranking"),
}


def action_kind(action: str) -> str:
    """The readable kind of an action code ("submission.review" -> "Results")."""
    return str(ACTION_KINDS.get(action.split(".", 1)[0], action))


def change_rows(changes) -> list[tuple]:
    """[(field, before, after)] from an entry's `changes`, tolerant of odd shapes."""
    if not isinstance(changes, dict):
        return []
    rows = []
    for name, values in changes.items():
        if isinstance(values, list | tuple) and len(values) == 2:
            rows.append((name, values[0], values[1]))
        else:
            rows.append((name, None, values))
    return rows
