"""Audit records: every service that changes state writes one."""

from django.contrib.contenttypes.models import ContentType

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
