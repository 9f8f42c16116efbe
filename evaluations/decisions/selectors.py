"""The read side of award decisions: what a user may see, one decision's page, the forwarded
proposals a draft can take, and the register (sổ quyết định) of an authority's year.

Every function costs a constant number of queries, whatever the number of lines.

Public functions other parts call (certificates, statistics): `decisions_visible_to`,
`decision_lines` (a decision's lines with nominee, title, unit and award record),
`register_of` (an authority's recorded and revoked decisions of a year).
"""

from django.db.models import Count, Exists, F, OuterRef, QuerySet

from evaluations.decisions.choices import DecisionStatus
from evaluations.decisions.models import AwardDecision, DecisionLine, IssuingAuthority
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal
from units.selectors import roles_of


def decisions_visible_to(*, user) -> QuerySet:
    """Drafts for the sector administrators; recorded and revoked decisions for everyone."""
    decisions = AwardDecision.objects.select_related("authority", "cluster_year__cluster").annotate(
        line_count=Count("lines")
    )
    if roles_of(user).is_admin:
        return decisions
    return decisions.exclude(status=DecisionStatus.DRAFT)


def decision_lines(decision) -> list[DecisionLine]:
    """The decision's lines in their order, with what a page, a document or a certificate
    prints (nominee, unit, title, award record)."""
    return list(
        decision.lines.select_related(
            "title", "unit", "person", "proposal", "award_record"
        ).order_by("position")
    )


def decision_detail(decision) -> dict:
    return {
        "lines": decision_lines(decision),
        "history": list(decision.history.select_related("actor")),
    }


def live_decision_lines() -> QuerySet:
    """Lines of draft and recorded decisions: their proposals are taken."""
    return DecisionLine.objects.exclude(decision__status=DecisionStatus.REVOKED)


def forwarded_proposals(cluster_year) -> QuerySet:
    """The cluster year's proposals forwarded to the council and on no live decision: what a
    new decision may take, collectives first."""
    taken = live_decision_lines().filter(proposal=OuterRef("pk"))
    return (
        AwardProposal.objects.filter(cluster_year=cluster_year, status=ProposalStatus.FORWARDED)
        .exclude(Exists(taken))
        .select_related("title", "unit", "person")
        .order_by(F("person").asc(nulls_first=True), "title__order", "nominee_name", "pk")
    )


def active_authorities() -> QuerySet:
    return IssuingAuthority.objects.filter(is_active=True)


def register_of(*, authority, year: int) -> list[AwardDecision]:
    """The authority's register (sổ quyết định) of `year`: its recorded and revoked decisions
    by number (numbers are written as text: "9" before "10")."""
    decisions = (
        AwardDecision.objects.filter(authority=authority, date__year=year)
        .exclude(status=DecisionStatus.DRAFT)
        .select_related("authority", "cluster_year__cluster")
        .annotate(line_count=Count("lines"))
    )
    return sorted(decisions, key=lambda d: (len(d.number), d.number, d.pk))


def register_years() -> list[tuple]:
    """[(authority, [years with recorded decisions, newest first])], for the list page."""
    rows = (
        AwardDecision.objects.exclude(status=DecisionStatus.DRAFT)
        .values_list("authority_id", "date__year")
        .distinct()
        .order_by("authority_id", "-date__year")
    )
    years = {}
    for authority_id, year in rows:
        years.setdefault(authority_id, []).append(year)
    authorities = IssuingAuthority.objects.filter(pk__in=list(years)).order_by("name")
    return [(authority, years[authority.pk]) for authority in authorities]


def decisions_of_cluster_year(*, user, cluster_year) -> QuerySet:
    return decisions_visible_to(user=user).filter(cluster_year=cluster_year).order_by("-date", "pk")
