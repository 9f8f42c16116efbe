"""Eligibility of award proposals: DOMAIN.md's rules, each finding naming its rule and source.

A blocking finding (hard rule) stops the proposal from being submitted or endorsed; the
others warn. The same checks run on one proposal and on a whole cluster's batch with a
constant number of queries: `batch_findings` loads everything the rules read at once.

A proposal's findings depend on the proposal and the database only, never on the batch it
is checked with: the proposal page (a batch of one) and the cluster's batch page show the
same findings. The context may load more for a bigger batch, so every lookup is keyed by
what the proposal itself reads: its nominee, its unit, its year and the history window
before it. R9 ("one initiative, one award") compares the initiative with those of the same
person and of the same unit (the nominee's unit), whatever else is in the batch.
"""

import math
from collections import defaultdict
from dataclasses import replace

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from evaluations.awards.models import AwardRecord
from evaluations.ballots.selectors import results_for_proposals
from evaluations.proposals.choices import InitiativeScope, ProposalStatus, TaskRating
from evaluations.proposals.models import AwardProposal
from pledges.choices import Recipient
from pledges.eligibility import Finding, person_findings
from units.models import Unit

LIVE = Q(
    status__in=[
        ProposalStatus.DRAFT,
        ProposalStatus.SUBMITTED,
        ProposalStatus.RETURNED,
        ProposalStatus.ENDORSED,
        ProposalStatus.FORWARDED,
        ProposalStatus.APPROVED,
    ]
)
HISTORY_YEARS = 6
RATING_ORDER = [
    TaskRating.NOT_COMPLETE,
    TaskRating.COMPLETE,
    TaskRating.GOOD,
    TaskRating.EXCELLENT,
]
SCOPE_ORDER = [
    InitiativeScope.NONE,
    InitiativeScope.UNIT,
    InitiativeScope.SECTOR,
    InitiativeScope.NATIONAL,
]
# Titles decided by the cluster's secret ballot (R13); their proposals read its result.
BALLOT_TITLES = {"CO_TTCP", "CO_CP", "BK_TTCP", "CSTDCS", "CSTD_NGANH", "CSTD_TQ"}


def _law(article) -> str:
    return _("Law on Emulation and Commendation 2022, Art. %(article)s") % {"article": article}


def _at_least(value, minimum, order) -> bool:
    return value in order and order.index(value) >= order.index(minimum)


class Context:
    """Everything the rules read for a batch of proposals, loaded in a few queries."""

    def __init__(self, proposals):
        proposals = list(proposals)
        years = {p.year for p in proposals}
        low = min(years, default=0) - HISTORY_YEARS
        high = max(years, default=0)
        person_ids = {p.person_id for p in proposals if p.person_id}
        unit_ids = {p.unit_id for p in proposals}
        cluster_year_ids = {p.cluster_year_id for p in proposals}
        codes = {p.title.code for p in proposals}
        # Each query below runs only when a proposal of the batch needs what it reads.
        collective_codes = codes & {"TTLDTT", "TTLDXS"}
        with_initiative = any(p.initiative for p in proposals)
        with_quota = any(p.title.quota_percent for p in proposals)

        # Awards held (R10: thematic awards never count toward regular merit).
        self.person_history = defaultdict(lambda: defaultdict(set))
        records = []
        if person_ids:
            records = (
                AwardRecord.objects.in_force()
                .filter(person_id__in=person_ids, year__gte=low, year__lte=high, is_thematic=False)
                .values_list("person_id", "year", "title__code")
            )
        for person_id, year, code in records:
            self.person_history[person_id][year].add(code)

        # Other live proposals: same-year titles, the initiatives used (R9), flags (R12).
        # An approved proposal whose award was revoked (its decision revoked) no longer counts.
        others = list(
            AwardProposal.objects.filter(LIVE)
            .exclude(award_record__is_revoked=True)
            .filter(
                Q(person_id__in=person_ids)
                | Q(cluster_year_id__in=cluster_year_ids, title__code="CO_TTCP")
                | Q(unit_id__in=unit_ids, year__in=years, person__isnull=False)
                | ~Q(initiative="") & Q(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids))
            )
            .values_list(
                "pk", "person_id", "unit_id", "year", "title__code", "cluster_year_id", "initiative"
            )
        )
        self.same_year = defaultdict(set)  # (person, year) -> codes of other proposals
        self.flags = defaultdict(set)  # cluster year -> proposal pks for the flag
        # (holder, normalised initiative) -> proposal pks; holders: see `_holders`.
        self.initiatives = defaultdict(set)
        self.ldtt = defaultdict(set)  # (unit, year) -> people proposed for or holding LĐTT
        self.cstdcs = defaultdict(set)
        self.by_title = defaultdict(set)  # (unit, year, code) -> people proposed
        for pk, person_id, unit_id, year, code, cluster_year_id, initiative in others:
            if person_id:
                self.same_year[(person_id, year)].add((pk, code))
                self.by_title[(unit_id, year, code)].add(person_id)
            if code == "CO_TTCP":
                self.flags[cluster_year_id].add(pk)
            if initiative:
                for holder in _holders(person_id, unit_id):
                    self.initiatives[(holder, _normalise(initiative))].add(pk)
            if code == "LDTT" and person_id:
                self.ldtt[(unit_id, year)].add(person_id)
            if code == "CSTDCS" and person_id:
                self.cstdcs[(unit_id, year)].add(person_id)

        # Initiatives already rewarded (R9), and units' staff holding LĐTT (R5, R6).
        used = []
        if with_initiative:
            used = (
                AwardRecord.objects.in_force()
                .filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids), ~Q(initiative=""))
                .values_list("initiative", "proposal_id", "person_id", "unit_id")
            )
        self.rewarded_initiatives = defaultdict(set)
        for initiative, proposal_id, person_id, unit_id in used:
            for holder in _holders(person_id, unit_id):
                self.rewarded_initiatives[(holder, _normalise(initiative))].add(proposal_id)
        held = []
        if collective_codes:
            held = (
                AwardRecord.objects.in_force()
                .filter(
                    unit_id__in=unit_ids,
                    year__in=years,
                    person__isnull=False,
                    title__code__in=["LDTT", "CSTDCS"],
                )
                .values_list("unit_id", "year", "title__code", "person_id")
            )
        for unit_id, year, code, person_id in held:
            (self.ldtt if code == "LDTT" else self.cstdcs)[(unit_id, year)].add(person_id)

        self.staff_count = {}
        if collective_codes or with_quota:
            self.staff_count = dict(
                Unit.objects.filter(pk__in=unit_ids)
                .annotate(n=Count("staff", filter=Q(staff__is_active=True)))
                .values_list("pk", "n")
            )
        # R13: {proposal pk: (percent, passed)} from the closed ballots on these nominees.
        self.ballots = {}
        if codes & BALLOT_TITLES:
            self.ballots = results_for_proposals(
                [p for p in proposals if p.title.code in BALLOT_TITLES]
            )


def _holders(person_id, unit_id) -> list:
    """Whose initiative it is, for R9: the unit's, and the person's when there is one."""
    return [("unit", unit_id), *([("person", person_id)] if person_id else [])]


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def proposal_findings(proposal, context: Context) -> list[Finding]:
    """Every finding for one proposal, hard (blocking) ones first."""
    findings = []
    is_person = proposal.person_id is not None
    if (proposal.title.recipient == Recipient.PERSON) != is_person:
        findings.append(
            Finding(
                "—",
                _("“%(title)s” is for %(recipient)s.")
                % {
                    "title": proposal.title.name,
                    "recipient": proposal.title.get_recipient_display(),
                },
                _("Title catalogue"),
                blocking=True,
            )
        )
        return findings
    if is_person:
        findings += _person_rules(proposal, context)
    else:
        findings += _collective_rules(proposal, context)
    findings += _common_rules(proposal, context)
    return sorted(findings, key=lambda f: not f.blocking)


def _person_rules(proposal, context):
    code, year = proposal.title.code, proposal.year
    same_year = {c for pk, c in context.same_year[(proposal.person_id, year)] if pk != proposal.pk}
    # The window before this proposal's year only (a batch may load a wider one).
    history = {
        held_year: codes
        for held_year, codes in context.person_history.get(proposal.person_id, {}).items()
        if year - HISTORY_YEARS <= held_year <= year
    }
    # R1, R3, R4, R7, R8 are shared with registrations; for a proposal they block.
    found = [
        replace(f, blocking=True)
        for f in person_findings(
            title_code=code, year=year, same_year_codes=same_year, history=history
        )
    ]
    rating, scope = proposal.task_rating, proposal.initiative_scope
    if code == "LDTT" and not _at_least(rating, TaskRating.GOOD, RATING_ORDER):
        found.append(
            Finding(
                "R2",
                _("Lao động tiên tiến requires a task rating of at least “good”."),
                _law(24),
                blocking=True,
            )
        )
    if code == "CSTDCS" and rating != TaskRating.EXCELLENT and not scope:
        found.append(
            Finding(
                "R1",
                _(
                    "Chiến sĩ thi đua cơ sở requires an “excellent” task rating or a recognised "
                    "initiative or scientific work."
                ),
                _law(23),
                blocking=True,
            )
        )
    needed = {"CSTD_NGANH": (InitiativeScope.SECTOR, 22), "CSTD_TQ": (InitiativeScope.NATIONAL, 21)}
    if code in needed and not _at_least(scope, needed[code][0], SCOPE_ORDER):
        found.append(
            Finding(
                "R3" if code == "CSTD_NGANH" else "R4",
                _("This title requires an initiative recognised as effective %(scope)s.")
                % {"scope": InitiativeScope(needed[code][0]).label.lower()},
                _law(needed[code][1]),
                blocking=True,
            )
        )
    quota = proposal.title.quota_percent
    if quota:
        staff = context.staff_count.get(proposal.unit_id, 0)
        allowed = max(1, math.floor(staff * quota / 100))
        proposed = context.by_title[(proposal.unit_id, year, code)] | {proposal.person_id}
        if len(proposed) > allowed:
            found.append(
                Finding(
                    "Q",
                    _(
                        "At most %(quota)d%% of the unit's staff (%(allowed)d people) may be "
                        "proposed for this title; %(count)d are."
                    )
                    % {"quota": quota, "allowed": allowed, "count": len(proposed)},
                    _("Quota set for the title"),
                    blocking=True,
                )
            )
    return found


def _collective_rules(proposal, context):
    code, year, unit = proposal.title.code, proposal.year, proposal.unit_id
    found = []
    staff = context.staff_count.get(unit, 0)
    if code in ("TTLDTT", "TTLDXS"):
        share = len(context.ldtt[(unit, year)]) / staff if staff else 0
        if share < 0.7:
            found.append(
                Finding(
                    "R5" if code == "TTLDXS" else "R6",
                    _(
                        "At least 70%% of the members must hold Lao động tiên tiến; "
                        "%(share)d%% do (%(count)d of %(staff)d)."
                    )
                    % {
                        "share": round(share * 100),
                        "count": len(context.ldtt[(unit, year)]),
                        "staff": staff,
                    },
                    _law(27 if code == "TTLDXS" else 28),
                    blocking=True,
                )
            )
    if code == "TTLDXS":
        if not context.cstdcs[(unit, year)]:
            found.append(
                Finding(
                    "R5",
                    _("At least one member must hold Chiến sĩ thi đua cơ sở."),
                    _law(27),
                    blocking=True,
                )
            )
        if proposal.task_rating != TaskRating.EXCELLENT:
            found.append(
                Finding(
                    "R5",
                    _("Tập thể lao động xuất sắc requires an “excellent” task rating."),
                    _law(27),
                    blocking=True,
                )
            )
    if code == "TTLDTT":
        if not _at_least(proposal.task_rating, TaskRating.GOOD, RATING_ORDER):
            found.append(
                Finding(
                    "R6",
                    _("Tập thể lao động tiên tiến requires a task rating of at least “good”."),
                    _law(28),
                    blocking=True,
                )
            )
        # The discipline clause is TTLĐTT's alone (DOMAIN-OUTPUTS.md, correction 3): TTLĐXS
        # has none. No discipline data is kept, so the proposer is reminded to check.
        found.append(
            Finding(
                "R6",
                _("Check that no member was disciplined at warning level or above this year."),
                _law(28),
            )
        )
    if code == "CO_TTCP":
        rivals = context.flags[proposal.cluster_year_id] - {proposal.pk}
        if rivals:
            found.append(
                Finding(
                    "R12",
                    _("The cluster already proposes another unit for the flag this year."),
                    _("Law Art. 26; one flag per cluster"),
                    blocking=True,
                )
            )
        entry = proposal.ranking_entry
        if entry is None or entry.rank != 1:
            found.append(
                Finding(
                    "R12",
                    _(
                        "The flag goes to the cluster's leading unit: link the ranking where the "
                        "unit is first."
                    ),
                    _("Law Art. 26"),
                )
            )
    return found


def _common_rules(proposal, context):
    found = []
    if not proposal.no_pending_discipline:
        found.append(
            Finding(
                "R11",
                _(
                    "Confirm that no discipline review, investigation or complaint is pending "
                    "against the nominee."
                ),
                _("Decree 152/2025/NĐ-CP, Art. 4"),
                blocking=True,
            )
        )
    if proposal.initiative:
        text = _normalise(proposal.initiative)
        reused = set()
        for holder in _holders(proposal.person_id, proposal.unit_id):
            reused |= (
                context.initiatives[(holder, text)] | context.rewarded_initiatives[(holder, text)]
            )
        reused -= {proposal.pk}
        if reused:
            found.append(
                Finding(
                    "R9",
                    _("The initiative “%(name)s” already supports another award or proposal.")
                    % {"name": proposal.initiative},
                    _("Ministry of Home Affairs guidance 5007/BNV-TĐKT"),
                    blocking=True,
                )
            )
    if proposal.title.code in BALLOT_TITLES:
        result = context.ballots.get(proposal.pk)
        if result is None:
            found.append(
                Finding(
                    "R13",
                    _("No closed ballot of the cluster has decided on this nominee yet."),
                    _("Decree 98/2023/NĐ-CP, Art. 30"),
                )
            )
        elif not result[1]:
            found.append(
                Finding(
                    "R13",
                    _(
                        "The ballot approved the nominee with %(percent)s%% only: below the "
                        "threshold."
                    )
                    % {"percent": result[0]},
                    _("Decree 98/2023/NĐ-CP, Art. 30"),
                    blocking=True,
                )
            )
    return found


def batch_findings(proposals) -> dict:
    """{proposal pk: [Finding]} for a batch, with one context."""
    proposals = list(proposals)
    context = Context(proposals)
    return {p.pk: proposal_findings(p, context) for p in proposals}


def findings_for(proposal) -> list[Finding]:
    """One proposal's findings: the batch computation, for a batch of one."""
    return batch_findings([proposal])[proposal.pk]
