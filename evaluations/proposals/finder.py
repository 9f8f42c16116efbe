"""What award proposals add to the top bar's search (units.finder) and to the search fields
(units.pickers): proposals by nominee or decision number, and whom a user may propose."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import matching
from evaluations.proposals.models import PROPOSAL_SEARCH_FIELDS
from evaluations.proposals.selectors import proposals_visible_to
from units.finder import Found, FoundGroup, first, register_search_provider
from units.models import ClusterMembership, Unit
from units.pickers import PEOPLE, UNITS, register_picker, staff_of
from units.selectors import roles_of


@register_search_provider
def found_proposals(user, query):
    """Only the proposals the user sees: another unit's draft is never found."""
    proposals = (
        proposals_visible_to(user=user)
        .filter(*matching(PROPOSAL_SEARCH_FIELDS, query))
        .order_by("-year", "nominee_name", "pk")
    )
    proposals, more = first(proposals)
    return FoundGroup(
        kind=_("Award proposals"),
        items=[
            Found(
                text=proposal.nominee_name,
                detail=" · ".join(
                    part
                    for part in (
                        proposal.title.name,
                        str(proposal.year),
                        str(proposal.status_choice.label),
                        proposal.decision_number,
                    )
                    if part
                ),
                url=reverse("evaluations:proposal", args=[proposal.pk]),
            )
            for proposal in proposals
        ],
        more=more,
    )


def proposable_units(user, params=None) -> QuerySet:
    """The units `user` may propose for (as selectors.proposable): members of the cluster
    years the user runs as secretariat, and the user's own units (officer, leader) that
    belong to a cluster year."""
    roles = roles_of(user)
    acting = roles.officer_unit_ids | roles.leader_unit_ids
    memberships = ClusterMembership.objects.filter(unit=OuterRef("pk")).filter(
        Q(cluster_year_id__in=roles.secretariat_cluster_year_ids) | Q(unit_id__in=acting)
    )
    return Unit.objects.filter(Exists(memberships)).only("pk", "name").order_by("name", "pk")


def proposable_people(user, params) -> QuerySet:
    """The current staff of the units `user` may propose for (of `params["unit"]` if given)."""
    return staff_of(proposable_units(user), params)


register_picker(UNITS, "proposal", proposable_units)
register_picker(PEOPLE, "proposal", proposable_people)
