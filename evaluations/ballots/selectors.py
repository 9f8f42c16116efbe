"""Reads for secret ballots: what a user may see, the tally, and the result for proposals."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot, BallotCandidate, BallotQuestion, BallotVoter
from evaluations.results.selectors import campaign_ranking, published_entries
from units.models import ClusterMembership, Unit, User
from units.selectors import roles_of

_VOTER_CACHE = "_voter_for_user"
VISIBLE_TO_MEMBERS = (BallotStatus.OPEN, BallotStatus.CLOSED, BallotStatus.PUBLISHED)


def ballots_visible_to(*, user) -> QuerySet:
    """The secretariat (and administrators) see their ballots in every state; member units
    and delegates once the ballot is open; sector viewers once the result is published."""
    qs = Ballot.objects.select_related("cluster_year__cluster", "campaign", "phase")
    if not user.is_authenticated:
        return qs.none()
    roles = roles_of(user)
    if roles.is_admin:
        return qs
    delegate = BallotVoter.objects.filter(ballot=OuterRef("pk"), user=user)
    condition = Q(cluster_year_id__in=roles.secretariat_cluster_year_ids) | (
        Q(status__in=VISIBLE_TO_MEMBERS)
        & (Q(cluster_year_id__in=roles.member_cluster_year_ids) | Exists(delegate))
    )
    if roles.is_sector_viewer:
        condition |= Q(status=BallotStatus.PUBLISHED)
    return qs.filter(condition)


def ballot_list(*, user, cluster_year_id=None, campaign_id=None) -> list:
    qs = ballots_visible_to(user=user)
    if cluster_year_id:
        qs = qs.filter(cluster_year_id=cluster_year_id)
    if campaign_id:
        qs = qs.filter(campaign_id=campaign_id)
    ballots = list(qs.order_by("-cluster_year__year", "-created_at", "-pk")[:200])
    attach_voters_for(user=user, ballots=ballots)
    return ballots


def _voter_condition(user) -> Q:
    roles = roles_of(user)
    return Q(user_id=user.pk) | Q(unit_id__in=roles.leader_unit_ids)


def attach_voters_for(*, user, ballots) -> None:
    """Set, on each ballot, the voter row this user casts (one query for all ballots)."""
    by_ballot = {}
    if user.is_authenticated and ballots:
        rows = BallotVoter.objects.filter(
            _voter_condition(user), ballot__in=[b.pk for b in ballots]
        ).order_by("voted_at", "pk")  # not yet voted first (NULLs sort last in PostgreSQL)
        for voter in rows:
            current = by_ballot.get(voter.ballot_id)
            if current is None or (current.voted_at is not None and voter.voted_at is None):
                by_ballot[voter.ballot_id] = voter
    for ballot in ballots:
        cache = getattr(ballot, _VOTER_CACHE, {})
        cache[user.pk] = by_ballot.get(ballot.pk)
        setattr(ballot, _VOTER_CACHE, cache)
        ballot.my_voter = cache[user.pk]


def voter_for(*, user, ballot):
    """The voter row the user casts on this ballot (their unit's, as its leader, or their
    own as a delegate), preferring one not yet cast; None if not eligible. Cached."""
    if ballot is None or not user.is_authenticated:
        return None
    cache = getattr(ballot, _VOTER_CACHE, {})
    if user.pk not in cache:
        attach_voters_for(user=user, ballots=[ballot])
        cache = getattr(ballot, _VOTER_CACHE)
    return cache[user.pk]


def questions_of(ballot) -> list:
    """The questions with their candidates (two queries)."""
    return list(
        BallotQuestion.objects.filter(ballot=ballot)
        .select_related("title")
        .prefetch_related(
            Prefetch(
                "candidates",
                queryset=BallotCandidate.objects.select_related("unit", "person__unit"),
            )
        )
    )


def tallied_candidates(question) -> list:
    """A question's candidates as the tally ranks them (by votes, then their order)."""
    return sorted(
        question.candidates.all(), key=lambda c: (c.rank or 10**6, -c.votes, c.order, c.pk)
    )


def voters_of(ballot) -> list:
    return list(BallotVoter.objects.filter(ballot=ballot).select_related("unit", "user"))


def member_units(cluster_year, *, on=None) -> list[Unit]:
    """The cluster year's member units on a date (today by default)."""
    on = on or timezone.localdate()
    rows = (
        ClusterMembership.objects.filter(cluster_year=cluster_year)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=on))
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=on))
        .select_related("unit")
        .order_by("unit__name")
    )
    return [m.unit for m in rows]


def all_member_units(cluster_year) -> list[Unit]:
    return list(Unit.objects.filter(memberships__cluster_year=cluster_year).order_by("name"))


def delegate_users(cluster_year) -> list:
    """Active users of the member units (possible delegates)."""
    return list(
        User.objects.filter(is_active=True, unit__memberships__cluster_year=cluster_year)
        .select_related("unit")
        .order_by("unit__name", "username")
    )


def ranking_rows(ballot) -> list[tuple]:
    """(unit id, unit name, rank, total) from the ballot's source ranking, best first:
    the phase's published ranking, or the whole campaign's once every phase is published.
    Only the cluster year's member units (a sector campaign ranks everybody)."""
    members = {u.pk for u in all_member_units(ballot.cluster_year)}
    if ballot.phase_id:
        rows = [(e.unit_id, e.unit_name, e.rank, e.total) for e in published_entries(ballot.phase)]
    elif ballot.campaign_id:
        _info, ranked, published, phase_count = campaign_ranking(ballot.campaign)
        if not phase_count or published != phase_count:
            return []
        rows = [(r.unit_id, r.unit_name, r.rank, r.totals.total) for r in ranked]
    else:
        return []
    return [row for row in rows if row[0] in members]


def ballots_to_vote(*, user) -> list:
    """Open ballots where the user still has a ballot to cast (one query)."""
    if not user.is_authenticated:
        return []
    return list(
        BallotVoter.objects.filter(
            _voter_condition(user), ballot__status=BallotStatus.OPEN, voted_at__isnull=True
        )
        .select_related("ballot")
        .order_by("ballot_id", "pk")
    )


# ------------------------------------------------------------------ for award proposals


@dataclass(frozen=True)
class BallotResult:
    """A nominee's result in a tallied ballot (R13: percent of all eligible voters)."""

    ballot_id: int
    question_id: int
    candidate_id: int
    title_code: str
    year: int
    votes: int
    eligible: int
    cast: int
    percent: Decimal
    threshold_percent: Decimal
    passed: bool  # reached the threshold (and the quorum)
    elected: bool  # passed and within the number of places (no unresolved tie)
    tie: bool
    quorum_met: bool
    is_paper: bool
    published: bool


def result_for(
    *,
    title_code: str,
    year: int,
    unit_id: int | None = None,
    person_id: int | None = None,
    published_only: bool = True,
) -> BallotResult | None:
    """The latest tallied ballot result for a unit or a person on a title in a year.

    Looks for a closed (``published_only=False``) or published ballot of a cluster year of
    ``year`` with a question linked to the title ``title_code``; returns None when there is
    none. Exactly one of ``unit_id`` and ``person_id``. One query.
    """
    if (unit_id is None) == (person_id is None):
        raise ValueError("Give exactly one of unit_id and person_id.")
    statuses = [BallotStatus.PUBLISHED]
    if not published_only:
        statuses.append(BallotStatus.CLOSED)
    qs = BallotCandidate.objects.filter(
        question__title__code=title_code,
        question__ballot__cluster_year__year=year,
        question__ballot__status__in=statuses,
    )
    qs = qs.filter(unit_id=unit_id) if unit_id is not None else qs.filter(person_id=person_id)
    candidate = (
        qs.select_related("question__ballot", "question__title")
        .order_by("-question__ballot__closed_at", "-pk")
        .first()
    )
    if candidate is None:
        return None
    question, ballot = candidate.question, candidate.question.ballot
    return BallotResult(
        ballot_id=ballot.pk,
        question_id=question.pk,
        candidate_id=candidate.pk,
        title_code=question.title.code,
        year=year,
        votes=candidate.votes,
        eligible=ballot.eligible_count,
        cast=ballot.cast_count,
        percent=candidate.percent or Decimal("0"),
        threshold_percent=question.threshold_percent,
        passed=bool(candidate.passed),
        elected=candidate.elected,
        tie=candidate.tie,
        quorum_met=bool(ballot.quorum_met),
        is_paper=ballot.is_paper,
        published=ballot.status == BallotStatus.PUBLISHED,
    )


def results_for_proposals(proposals) -> dict:
    """{proposal pk: (percent, passed)} from the closed or published ballots that decided
    on each proposal's nominee for its title and year (the latest one wins). One query."""
    proposals = [p for p in proposals if p.pk]
    if not proposals:
        return {}
    candidates = (
        BallotCandidate.objects.filter(
            question__title__code__in={p.title.code for p in proposals},
            question__ballot__cluster_year__year__in={p.year for p in proposals},
            question__ballot__status__in=[BallotStatus.CLOSED, BallotStatus.PUBLISHED],
        )
        .filter(
            Q(person_id__in={p.person_id for p in proposals if p.person_id})
            | Q(person__isnull=True, unit_id__in={p.unit_id for p in proposals})
        )
        .values_list(
            "question__title__code",
            "question__ballot__cluster_year__year",
            "unit_id",
            "person_id",
            "percent",
            "passed",
        )
        .order_by("question__ballot__closed_at", "pk")
    )
    latest = {}
    for code, year, unit_id, person_id, percent, passed in candidates:
        key = (code, year, ("person", person_id) if person_id else ("unit", unit_id))
        latest[key] = (percent or Decimal("0"), bool(passed))
    found = {}
    for p in proposals:
        nominee = ("person", p.person_id) if p.person_id else ("unit", p.unit_id)
        result = latest.get((p.title.code, p.year, nominee))
        if result is not None:
            found[p.pk] = result
    return found
