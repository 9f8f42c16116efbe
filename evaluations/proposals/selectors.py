"""Reads for award proposals."""

from django.db.models import Q, QuerySet

from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal, NomineeList
from evaluations.results.models import RankingEntry
from units.choices import Role
from units.models import ClusterMembership, ClusterYear, Unit, User
from units.selectors import roles_of

# The proposals a cluster's dossier carries to the council.
DOSSIER_STATUSES = (ProposalStatus.ENDORSED, ProposalStatus.FORWARDED)


def proposals_visible_to(*, user) -> QuerySet:
    """The proposals of the user's units (as nominee or proposer) and the cluster's own ones
    of the years the user runs, in any state; once submitted (past draft), also those of the
    cluster years the user runs, and everything for sector administrators. A draft is its
    unit's own, as draft results and registrations are."""
    roles = roles_of(user)
    qs = AwardProposal.objects.select_related(
        "title", "unit", "person", "proposing_unit", "cluster_year__cluster", "campaign"
    )
    own = (
        Q(unit_id__in=roles.member_unit_ids)
        | Q(proposing_unit_id__in=roles.member_unit_ids)
        | Q(by_secretariat=True, cluster_year_id__in=roles.secretariat_cluster_year_ids)
    )
    past_draft = ~Q(status=ProposalStatus.DRAFT)
    if roles.is_admin:
        return qs.filter(own | past_draft)
    return qs.filter(own | (past_draft & Q(cluster_year_id__in=roles.secretariat_cluster_year_ids)))


def proposable(*, user) -> tuple[list, list]:
    """(cluster years, units) the user may propose for: the secretariat for every member of
    the years it runs, officers and leaders for their own unit. The people come from the
    search field of their staff (proposals/finder.py), never as a list of all of them."""
    roles = roles_of(user)
    acting = roles.officer_unit_ids | roles.leader_unit_ids
    memberships = list(
        ClusterMembership.objects.filter(
            Q(cluster_year_id__in=roles.secretariat_cluster_year_ids) | Q(unit_id__in=acting)
        ).select_related("cluster_year__cluster", "unit")
    )
    years = sorted(
        {m.cluster_year for m in memberships}, key=lambda cy: (-cy.year, cy.cluster.name)
    )
    units = sorted(
        {
            m.unit
            for m in memberships
            if m.unit_id in acting or m.cluster_year_id in roles.secretariat_cluster_year_ids
        },
        key=lambda u: u.name,
    )
    return years, units


def latest_ranking_entry(*, unit: Unit, cluster_year: ClusterYear):
    """The unit's latest published rank in the campaigns of the cluster year, if any."""
    return (
        RankingEntry.objects.filter(
            unit=unit, publication__phase__campaign__cluster_year=cluster_year
        )
        .select_related("publication__phase")
        .order_by("-publication__phase__results_deadline")
        .first()
    )


def proposal_detail(proposal) -> dict:
    return {
        "history": list(proposal.history.select_related("actor")),
        "files": list(proposal.files.all()),
        # The award decisions it is on (evaluations/decisions, named through the relation).
        "decision_lines": list(
            proposal.decision_lines.select_related("decision__authority").order_by("pk")
        ),
    }


def dossier_proposals(cluster_year) -> list:
    """The cluster year's endorsed and forwarded proposals, with what a dossier prints."""
    return list(
        AwardProposal.objects.filter(cluster_year=cluster_year, status__in=DOSSIER_STATUSES)
        .select_related("title", "unit", "person")
        .prefetch_related("files")
        .order_by("title__order", "title__code", "title__recipient", "nominee_name", "pk")
    )


def dossier_signer_name(cluster_year) -> str:
    """Who signs the cover letter for the cluster (Cụm trưởng): the leader of the chair
    unit, the longest-serving one when it has several; "" without a chair or a leader."""
    if not cluster_year.chair_unit_id:
        return ""
    leader = (
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.UNIT_LEADER,
            role_assignments__unit_id=cluster_year.chair_unit_id,
        )
        .order_by("role_assignments__granted_at", "pk")
        .first()
    )
    return leader.get_full_name() if leader else ""


def nominee_lists_visible_to(*, user) -> QuerySet:
    """The lists whose nominees the user sees (a list of drafts is its unit's own)."""
    visible = proposals_visible_to(user=user).filter(nominee_list__isnull=False)
    return NomineeList.objects.filter(pk__in=visible.values("nominee_list_id")).select_related(
        "title", "unit", "cluster_year__cluster"
    )


def nominee_list_rows(nominee_list) -> list:
    """The list's nominees with what the page shows (one query)."""
    return list(
        nominee_list.proposals.select_related(
            "title", "unit", "person", "cluster_year", "ranking_entry"
        ).order_by("nominee_name", "pk")
    )


STATE_ORDER = list(ProposalStatus)
# How far a dossier has gone: a list of several nominees is as far as its slowest one (a
# returned nominee holds its list back before the cluster).
PROGRESS = [
    ProposalStatus.DRAFT,
    ProposalStatus.RETURNED,
    ProposalStatus.SUBMITTED,
    ProposalStatus.ENDORSED,
    ProposalStatus.FORWARDED,
    ProposalStatus.APPROVED,
    ProposalStatus.REJECTED,
    ProposalStatus.WITHDRAWN,
]


def dossier_counts(proposals) -> list[dict]:
    """Dossiers and nominees by state, from proposals already loaded: a proposal outside
    any list is a dossier of one; a nominee list is one dossier, in the state of its
    least advanced nominee still live (withdrawn and rejected ones count only when all
    are)."""
    nominees, lists = {}, {}
    for proposal in proposals:
        nominees[proposal.status] = nominees.get(proposal.status, 0) + 1
        key = (
            ("list", proposal.nominee_list_id) if proposal.nominee_list_id else ("one", proposal.pk)
        )
        lists.setdefault(key, []).append(proposal.status)
    ended = {ProposalStatus.WITHDRAWN, ProposalStatus.REJECTED}
    dossiers = {}
    for statuses in lists.values():
        live = [s for s in statuses if s not in ended] or statuses
        state = min(live, key=lambda s: PROGRESS.index(ProposalStatus(s)))
        dossiers[state] = dossiers.get(state, 0) + 1
    return [
        {"status": status, "dossiers": dossiers.get(status, 0), "nominees": nominees.get(status, 0)}
        for status in STATE_ORDER
        if nominees.get(status) or dossiers.get(status)
    ]
