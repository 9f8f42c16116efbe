"""Who an event concerns, as querysets of active users (the emitting service picks one)."""

from django.contrib.auth import get_user_model

from units.choices import Role


def _users():
    return get_user_model().objects.filter(is_active=True)


def unit_people(units, roles=(Role.UNIT_OFFICER, Role.UNIT_LEADER)):
    """The officers and leaders (or only `roles`) of `units` (units, ids or a queryset)."""
    return (
        _users()
        .filter(role_assignments__unit__in=units, role_assignments__role__in=roles)
        .distinct()
    )


def unit_leaders(units):
    return unit_people(units, roles=(Role.UNIT_LEADER,))


def secretariat_of(cluster_year):
    return secretariat_of_years([cluster_year])


def secretariat_of_years(cluster_years):
    """The secretariats of `cluster_years` (cluster years or ids)."""
    return (
        _users()
        .filter(
            role_assignments__role=Role.SECRETARIAT,
            role_assignments__cluster_year__in=cluster_years,
        )
        .distinct()
    )
