"""What the dashboard shows of award proposals: what waits for each side's next step."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal
from units.dashboard import ActionItem, register_action_provider


@register_action_provider
def proposals_waiting(user, roles):
    """One query: returned proposals for their proposers, submitted ones for the cluster's
    secretariat, forwarded ones for the council (sector administrators)."""
    acting = roles.officer_unit_ids | roles.leader_unit_ids
    conditions = []
    if acting:
        conditions.append(
            Q(status=ProposalStatus.RETURNED, proposing_unit_id__in=acting, by_secretariat=False)
        )
    if roles.secretariat_cluster_year_ids:
        conditions.append(
            Q(
                status=ProposalStatus.SUBMITTED,
                cluster_year_id__in=roles.secretariat_cluster_year_ids,
            )
        )
    if roles.is_admin:
        conditions.append(Q(status=ProposalStatus.FORWARDED))
    if not conditions:
        return []
    condition = conditions[0]
    for other in conditions[1:]:
        condition |= other
    rows = (
        AwardProposal.objects.filter(condition)
        .values("status")
        .annotate(count=Count("pk"))
        .order_by("status")
    )
    texts = {
        ProposalStatus.RETURNED: _("%(count)d award proposals were returned: correct them."),
        ProposalStatus.SUBMITTED: _("%(count)d award proposals wait for the cluster's decision."),
        ProposalStatus.FORWARDED: _("%(count)d award proposals wait for the council's decision."),
    }
    return [
        ActionItem(
            texts[row["status"]] % {"count": row["count"]},
            reverse("evaluations:proposal_list") + f"?status={row['status']}",
            level="info",
        )
        for row in rows
    ]
