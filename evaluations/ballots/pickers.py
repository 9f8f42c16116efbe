"""The search fields of a ballot's candidate form (units.pickers): the member units of the
ballot's cluster year and their current staff, offered only to whom may add candidates to
that ballot (a draft the user manages); anybody else is offered nothing."""

from django.db.models import QuerySet

from evaluations.ballots.models import Ballot
from units.models import Person, Unit
from units.pickers import PEOPLE, UNITS, register_picker, staff_of


def _ballot(user, params):
    """The ballot of `params["ballot"]` (an id, or the ballot itself from the form), if
    `user` may add candidates to it."""
    ballot = params.get("ballot")
    if not isinstance(ballot, Ballot):
        ballot = str(ballot or "")
        ballot = Ballot.objects.filter(pk=int(ballot)).first() if ballot.isdigit() else None
    if ballot is None or not user.has_perm("evaluations.change_ballot", ballot):
        return None
    return ballot


def candidate_units(user, params) -> QuerySet:
    """The member units of the ballot's cluster year (as the service accepts them)."""
    ballot = _ballot(user, params)
    if ballot is None:
        return Unit.objects.none()
    return (
        Unit.objects.filter(memberships__cluster_year_id=ballot.cluster_year_id)
        .only("pk", "name")
        .order_by("name", "pk")
    )


def candidate_people(user, params) -> QuerySet:
    """The current staff of the member units (of `params["unit"]` if given)."""
    ballot = _ballot(user, params)
    if ballot is None:
        return Person.objects.none()
    members = Unit.objects.filter(memberships__cluster_year_id=ballot.cluster_year_id)
    return staff_of(members, params)


register_picker(UNITS, "ballot", candidate_units)
register_picker(PEOPLE, "ballot", candidate_people)
