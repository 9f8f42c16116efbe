"""Every write to secret ballots: setup in draft, open, vote, paper totals, close, publish.

Each function runs in a transaction, locks the ballot row, checks permission and state,
and leaves an audit record. A vote's audit record says only that the voter voted: the
choices are written nowhere but, encrypted under the ballot's public key, into an
envelope row; the private key exists only in the secretariat's hands (see secrecy.py).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from core.exceptions import ActionRefused
from evaluations.ballots import secrecy, selectors
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import (
    Ballot,
    BallotCandidate,
    BallotEnvelope,
    BallotQuestion,
    BallotVoter,
)
from evaluations.ballots.workflows import BALLOT_FLOW
from notifications.choices import NotificationKind
from notifications.recipients import unit_leaders
from notifications.services import notify
from units.audit import audit_record, field_changes
from units.selectors import roles_of
from units.services import require_perm

# R13 (Decree 98/2023 Art. 30; verify in Decree 152): the threshold offered when a question
# is linked to a title; stored per question, where the secretariat may change it.
DEFAULT_THRESHOLD = Decimal("80")
TITLE_THRESHOLDS = {"CSTD_NGANH": Decimal("90"), "CSTD_TQ": Decimal("90")}
HUNDRED = Decimal("100")


def default_threshold(title) -> Decimal:
    """The approval threshold offered for a title (settings.BALLOT_TITLE_THRESHOLDS first)."""
    table = getattr(settings, "BALLOT_TITLE_THRESHOLDS", TITLE_THRESHOLDS)
    if title is None:
        return getattr(settings, "BALLOT_DEFAULT_THRESHOLD", DEFAULT_THRESHOLD)
    return Decimal(str(table.get(title.code, DEFAULT_THRESHOLD)))


def _draft(ballot, actor) -> Ballot:
    ballot = BALLOT_FLOW.lock(ballot)
    require_perm(actor, "evaluations.manage_ballot", ballot)
    if ballot.status != BallotStatus.DRAFT:
        raise ActionRefused(_("The ballot is no longer a draft: it cannot be changed."))
    return ballot


def _member_ids(cluster_year) -> set:
    return {u.pk for u in selectors.all_member_units(cluster_year)}


# ------------------------------------------------------------------------- setup (draft)


@dataclass(frozen=True)
class QuestionData:
    text: str
    title: object = None  # pledges.Title or None
    places: int = 1
    threshold_percent: Decimal | None = None  # None: the title's default
    from_ranking: int = 0  # how many units from the top of the ranking become candidates


@transaction.atomic
def ballot_create(
    *,
    cluster_year,
    actor,
    title: str,
    campaign=None,
    phase=None,
    meeting_date=None,
    meeting_place: str = "",
    chair_name: str = "",
    secretary_name: str = "",
    quorum_numerator: int = 2,
    quorum_denominator: int = 3,
    questions=(),
) -> Ballot:
    """A draft ballot with one voter per member unit (cast by its leader) and, for each
    question, candidates from the top of the published ranking."""
    require_perm(actor, "evaluations.create_ballot", cluster_year)
    if phase is not None and campaign is None:
        campaign = phase.campaign
    if phase is not None and phase.campaign_id != campaign.pk:
        raise ActionRefused(_("This phase is not part of the campaign."))
    if campaign is not None and campaign.cluster_year_id not in (None, cluster_year.pk):
        raise ActionRefused(_("This campaign belongs to another cluster year."))
    _check_quorum(quorum_numerator, quorum_denominator)
    ballot = Ballot(
        cluster_year=cluster_year,
        campaign=campaign,
        phase=phase,
        title=title.strip(),
        meeting_date=meeting_date,
        meeting_place=meeting_place.strip(),
        chair_name=chair_name.strip(),
        secretary_name=secretary_name.strip(),
        quorum_numerator=quorum_numerator,
        quorum_denominator=quorum_denominator,
        created_by=actor,
    )
    ballot.full_clean()
    ballot.save()
    BallotVoter.objects.bulk_create(
        BallotVoter(ballot=ballot, unit=unit, name=unit.name)
        for unit in selectors.member_units(cluster_year, on=meeting_date)
    )
    audit_record(actor=actor, action="ballot.create", obj=ballot, changes={"title": [None, title]})
    for data in questions:
        question_add(ballot=ballot, actor=actor, data=data)
    return ballot


def _check_quorum(numerator, denominator):
    if not numerator or not denominator or numerator > denominator:
        raise ActionRefused(
            _("The quorum is a fraction of the eligible voters, such as 2/3 (at most 1/1).")
        )


BALLOT_FIELDS = [
    "title",
    "meeting_date",
    "meeting_place",
    "chair_name",
    "secretary_name",
    "quorum_numerator",
    "quorum_denominator",
]


@transaction.atomic
def ballot_update(*, ballot, actor, data: dict) -> Ballot:
    ballot = _draft(ballot, actor)
    before = {name: getattr(ballot, name) for name in BALLOT_FIELDS}
    for name in BALLOT_FIELDS:
        if name in data:
            value = data[name]
            setattr(ballot, name, value.strip() if isinstance(value, str) else value)
    _check_quorum(ballot.quorum_numerator, ballot.quorum_denominator)
    ballot.full_clean()
    ballot.save(update_fields=BALLOT_FIELDS)

    changes = field_changes(before, {name: getattr(ballot, name) for name in BALLOT_FIELDS})
    if changes:
        audit_record(actor=actor, action="ballot.update", obj=ballot, changes=changes)
    return ballot


def _question_values(data: QuestionData) -> dict:
    text = (data.text or "").strip()
    if not text:
        raise ActionRefused(_("Say what is being decided."))
    if not data.places or data.places < 1:
        raise ActionRefused(_("A question has at least one place."))
    threshold = data.threshold_percent
    if threshold is None:
        threshold = default_threshold(data.title)
    if not (Decimal("0") < threshold <= HUNDRED):
        raise ActionRefused(_("The threshold is a percentage above 0 and at most 100."))
    return {
        "text": text,
        "title": data.title,
        "places": data.places,
        "threshold_percent": threshold,
    }


@transaction.atomic
def question_add(*, ballot, actor, data: QuestionData) -> BallotQuestion:
    ballot = _draft(ballot, actor)
    values = _question_values(data)
    order = BallotQuestion.objects.filter(ballot=ballot).count()
    question = BallotQuestion.objects.create(ballot=ballot, order=order, **values)
    if data.from_ranking:
        rows = selectors.ranking_rows(ballot)[: data.from_ranking]
        BallotCandidate.objects.bulk_create(
            BallotCandidate(
                question=question,
                unit_id=unit_id,
                name=name,
                order=index,
                note=_("Rank %(rank)s – %(total)s points")
                % {"rank": rank, "total": f"{total.normalize():f}".replace(".", ",")},
            )
            for index, (unit_id, name, rank, total) in enumerate(rows)
        )
    audit_record(
        actor=actor,
        action="ballot.question",
        obj=ballot,
        changes={"question": [None, values["text"]]},
    )
    return question


@transaction.atomic
def question_update(*, question, actor, data: QuestionData) -> BallotQuestion:
    _draft(question.ballot, actor)
    values = _question_values(data)
    before = question.text
    for name, value in values.items():
        setattr(question, name, value)
    question.save(update_fields=["text", "title", "places", "threshold_percent"])
    audit_record(
        actor=actor,
        action="ballot.question",
        obj=question.ballot,
        changes={"question": [before, question.text]},
        note=_("%(places)d places, threshold %(threshold)s%%")
        % {"places": question.places, "threshold": question.threshold_percent},
    )
    return question


@transaction.atomic
def question_delete(*, question, actor) -> None:
    ballot = _draft(question.ballot, actor)
    text = question.text
    question.delete()
    audit_record(
        actor=actor, action="ballot.question", obj=ballot, changes={"question": [text, None]}
    )


@transaction.atomic
def candidate_add(*, question, actor, unit=None, person=None, note: str = "") -> BallotCandidate:
    ballot = _draft(question.ballot, actor)
    if (unit is None) == (person is None):
        raise ActionRefused(_("Choose a unit or a person."))
    members = _member_ids(ballot.cluster_year)
    if unit is not None and unit.pk not in members:
        raise ActionRefused(_("Only member units of the cluster year can be candidates."))
    if person is not None and person.unit_id not in members:
        raise ActionRefused(_("Only staff of the member units can be candidates."))
    name = unit.name if unit is not None else f"{person.full_name} ({person.unit.display_name})"
    order = BallotCandidate.objects.filter(question=question).count()
    try:
        with transaction.atomic():
            candidate = BallotCandidate.objects.create(
                question=question, unit=unit, person=person, name=name, note=note, order=order
            )
    except IntegrityError as exc:
        raise ActionRefused(_("%(name)s is already a candidate.") % {"name": name}) from exc
    audit_record(
        actor=actor, action="ballot.candidate", obj=ballot, changes={"candidate": [None, name]}
    )
    return candidate


@transaction.atomic
def candidate_remove(*, candidate, actor) -> None:
    ballot = _draft(candidate.question.ballot, actor)
    name = candidate.name
    candidate.delete()
    audit_record(
        actor=actor, action="ballot.candidate", obj=ballot, changes={"candidate": [name, None]}
    )


@transaction.atomic
def voter_add(*, ballot, actor, unit=None, user=None) -> BallotVoter:
    """An eligible voter: a member unit (its leader casts the ballot) or a delegate."""
    ballot = _draft(ballot, actor)
    if (unit is None) == (user is None):
        raise ActionRefused(_("Choose a member unit or a delegate."))
    members = _member_ids(ballot.cluster_year)
    if unit is not None and unit.pk not in members:
        raise ActionRefused(_("Only member units of the cluster year can vote."))
    if user is not None and (not user.is_active or user.unit_id not in members):
        raise ActionRefused(_("A delegate must be an active user of a member unit."))
    name = unit.name if unit is not None else f"{user.get_full_name()} ({user.unit.display_name})"
    try:
        with transaction.atomic():
            voter = BallotVoter.objects.create(ballot=ballot, unit=unit, user=user, name=name)
    except IntegrityError as exc:
        raise ActionRefused(_("%(name)s is already an eligible voter.") % {"name": name}) from exc
    audit_record(actor=actor, action="ballot.voter", obj=ballot, changes={"voter": [None, name]})
    return voter


@transaction.atomic
def voter_remove(*, voter, actor) -> None:
    ballot = _draft(voter.ballot, actor)
    name = voter.name
    voter.delete()
    audit_record(actor=actor, action="ballot.voter", obj=ballot, changes={"voter": [name, None]})


# ------------------------------------------------------------------------------ states


@sensitive_variables("issued")
@transaction.atomic
def ballot_open(*, ballot, actor) -> Ballot:
    ballot = BALLOT_FLOW.lock(ballot)
    BALLOT_FLOW.check(ballot, "open", actor)
    questions = selectors.questions_of(ballot)
    if not questions:
        raise ActionRefused(_("Add at least one question before opening the ballot."))
    empty = [q.text for q in questions if not q.candidates.all()]
    if empty:
        raise ActionRefused(
            _("These questions have no candidate yet: %(questions)s.")
            % {"questions": "; ".join(empty)}
        )
    eligible = BallotVoter.objects.filter(ballot=ballot).count()
    if not eligible:
        raise ActionRefused(_("Add the eligible voters before opening the ballot."))
    ballot.eligible_count = eligible
    # The keypair of the ballot: only the public modulus is stored; the private key goes
    # back to the caller once (`ballot.issued_key`) and is never written or logged.
    issued = secrecy.generate()
    ballot.public_key = str(issued.public_n)
    ballot = BALLOT_FLOW.move(
        ballot,
        "open",
        actor=actor,
        fields=["eligible_count", "public_key"],
        changes={"eligible": [None, eligible]},
        comment=_("Key %(fingerprint)s") % {"fingerprint": issued.fingerprint},
    )
    ballot.issued_key = issued
    # The eligible voters: a member unit's paper is cast by its leader, a delegate's by them.
    voters = BallotVoter.objects.filter(ballot=ballot)
    notify(
        kind=NotificationKind.BALLOT_OPEN,
        recipients=get_user_model().objects.filter(
            Q(pk__in=unit_leaders(voters.filter(unit__isnull=False).values("unit")).values("pk"))
            | Q(pk__in=voters.filter(user__isnull=False).values("user"))
        ),
        params={"ballot": ballot.title},
        url=reverse("evaluations:ballot_detail", args=[ballot.pk]),
        actor=actor,
    )
    return ballot


def _receipt_time(voter) -> str:
    moment = timezone.localtime(voter.voted_at)
    return _("%(time)s on %(date)s") % {
        "time": moment.strftime("%H:%M"),
        "date": date_format(moment.date(), "SHORT_DATE_FORMAT"),
    }


@transaction.atomic
def ballot_vote(*, ballot, actor, choices: dict) -> BallotVoter:
    """Cast the actor's ballot: `choices` = {question id: [candidate ids]} (blank allowed).

    The ballot row lock serialises the votes of one ballot, so a double click or two
    leaders of one unit at once count once. What is written: the voter row's time, the
    ballot's cast count, and one new envelope row: a Paillier ciphertext per candidate of
    the ballot (Enc(1) ticked, Enc(0) not) under the ballot's public key. No candidate
    row is written, so no row version anywhere tells what this voter ticked.
    """
    ballot = BALLOT_FLOW.lock(ballot)
    if ballot.status != BallotStatus.OPEN:
        raise ActionRefused(_("This ballot is not open for voting."))
    if ballot.is_paper:
        raise ActionRefused(
            _("The results of this ballot are entered from paper ballots by the secretariat.")
        )
    if not ballot.public_key:
        raise ActionRefused(
            _(
                "This ballot was opened before votes were sealed: close it, or discard its "
                "electronic ballots for a paper re-vote."
            )
        )
    roles = roles_of(actor)
    voter = (
        BallotVoter.objects.select_for_update()
        .filter(Q(user_id=actor.pk) | Q(unit_id__in=roles.leader_unit_ids), ballot=ballot)
        .order_by("voted_at", "pk")
        .first()
    )
    if voter is None:
        raise ActionRefused(_("You are not an eligible voter in this ballot."))
    if voter.voted_at is not None:
        raise ActionRefused(
            _(
                "The ballot of %(voter)s was already counted at %(when)s. Each voter votes "
                "only once."
            )
            % {"voter": voter.name, "when": _receipt_time(voter)}
        )
    questions = {q.pk: q for q in selectors.questions_of(ballot)}
    chosen = set()
    for question_id, candidate_ids in choices.items():
        question = questions.get(question_id)
        if question is None:
            raise ActionRefused(_("This question is not part of the ballot."))
        ids = set(candidate_ids)
        if not ids <= {c.pk for c in question.candidates.all()}:
            raise ActionRefused(_("This candidate is not on the ballot."))
        if len(ids) > question.places:
            raise ActionRefused(
                _("“%(question)s”: choose at most %(places)d.")
                % {"question": question.text, "places": question.places}
            )
        chosen |= ids
    voter.voted_at = timezone.now()
    voter.save(update_fields=["voted_at"])
    order = sorted(c.pk for q in questions.values() for c in q.candidates.all())
    BallotEnvelope.objects.create(
        ballot=ballot,
        ciphertexts=secrecy.encrypt_vector(
            int(ballot.public_key), [int(pk in chosen) for pk in order]
        ),
    )
    Ballot.objects.filter(pk=ballot.pk).update(cast_count=F("cast_count") + 1)
    # Says who voted, never what: no choices in the audit trail.
    audit_record(actor=actor, action="ballot.vote", obj=ballot, unit=voter.unit, note="voted")
    return voter


@transaction.atomic
def paper_totals_enter(
    *, ballot, actor, cast_count: int, votes: dict, present_count: int | None = None
) -> Ballot:
    """The secretariat enters the totals of a paper ballot: cast count and votes per
    candidate ({candidate id: int}), checked: votes ≤ cast ≤ eligible, and no more votes
    on a question than cast ballots × places."""
    ballot = BALLOT_FLOW.lock(ballot)
    require_perm(actor, "evaluations.enter_paper_ballot", ballot)
    if (
        not ballot.is_paper
        and BallotVoter.objects.filter(ballot=ballot, voted_at__isnull=False).exists()
    ):
        raise ActionRefused(
            _(
                "Ballots were already cast in the browser: paper totals cannot replace them "
                "unless the electronic ballots are first discarded for a paper re-vote."
            )
        )
    if cast_count is None or cast_count < 0 or cast_count > ballot.eligible_count:
        raise ActionRefused(
            _("The ballots cast must be between 0 and the %(eligible)d eligible voters.")
            % {"eligible": ballot.eligible_count}
        )
    if present_count is not None and not (cast_count <= present_count <= ballot.eligible_count):
        raise ActionRefused(
            _("Those present are at least the ballots cast and at most the eligible voters.")
        )
    questions = selectors.questions_of(ballot)
    rows = []
    for question in questions:
        total = 0
        for candidate in question.candidates.all():
            value = votes.get(candidate.pk)
            if value is None or value < 0 or value > cast_count:
                raise ActionRefused(
                    _("%(name)s: the votes must be between 0 and the %(cast)d ballots cast.")
                    % {"name": candidate.name, "cast": cast_count}
                )
            total += value
            candidate.votes = value
            rows.append(candidate)
        if total > cast_count * question.places:
            raise ActionRefused(
                _(
                    "“%(question)s”: %(total)d votes in all, but %(cast)d ballots with at most "
                    "%(places)d ticks each allow %(most)d."
                )
                % {
                    "question": question.text,
                    "total": total,
                    "cast": cast_count,
                    "places": question.places,
                    "most": cast_count * question.places,
                }
            )
    BallotCandidate.objects.bulk_update(rows, ["votes"])
    before = ballot.cast_count
    ballot.cast_count = cast_count
    ballot.present_count = present_count
    ballot.is_paper = True
    ballot.save(update_fields=["cast_count", "present_count", "is_paper"])
    audit_record(
        actor=actor,
        action="ballot.paper_totals",
        obj=ballot,
        changes={"cast": [before, cast_count], **{str(c.pk): [None, c.votes] for c in rows}},
    )
    return ballot


# ------------------------------------------------------------------------------- tally


@dataclass
class Tallied:
    candidate_id: int
    votes: int
    percent: Decimal
    passed: bool
    rank: int
    tie: bool
    elected: bool


def percent_of(votes: int, eligible: int) -> Decimal:
    if not eligible:
        return Decimal("0.00")
    return (Decimal(votes) * HUNDRED / Decimal(eligible)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def quorum_reached(*, cast: int, eligible: int, numerator: int, denominator: int) -> bool:
    """R14: cast / eligible ≥ numerator / denominator (exact, in integers)."""
    return eligible > 0 and cast * denominator >= numerator * eligible


def tally(
    *,
    candidates: list[tuple[int, int]],
    eligible: int,
    places: int,
    threshold_percent: Decimal,
    quorum_met: bool,
) -> list[Tallied]:
    """Rank (id, votes) pairs. R13: a candidate passes with votes ≥ threshold % of ALL
    eligible voters (exact). The passing candidates fill the places by votes; where equal
    votes straddle the last place, those candidates are flagged as a tie and none of them
    is selected (a second round, or the cluster head and deputy decide). Without quorum
    nobody passes."""
    ordered = sorted(candidates, key=lambda c: -c[1])
    ranks, previous, rank = {}, None, 0
    for index, (candidate_id, votes) in enumerate(ordered, start=1):
        if votes != previous:
            rank, previous = index, votes
        ranks[candidate_id] = rank
    passed = {
        candidate_id: quorum_met and Decimal(votes) * HUNDRED >= threshold_percent * eligible
        for candidate_id, votes in ordered
    }
    passing = [(cid, votes) for cid, votes in ordered if passed[cid]]
    elected, tied = set(), set()
    if len(passing) <= places:
        elected = {cid for cid, _v in passing}
    else:
        boundary = passing[places - 1][1]
        above = [cid for cid, votes in passing if votes > boundary]
        at = [cid for cid, votes in passing if votes == boundary]
        elected = set(above)
        if len(above) + len(at) <= places:
            elected |= set(at)
        else:
            tied = set(at)
    return [
        Tallied(
            candidate_id=cid,
            votes=votes,
            percent=percent_of(votes, eligible),
            passed=passed[cid],
            rank=ranks[cid],
            tie=cid in tied,
            elected=cid in elected,
        )
        for cid, votes in ordered
    ]


@transaction.atomic
def ballot_discard_electronic(*, ballot, actor) -> Ballot:
    """The way out when the key is lost (or the vote must be held again): the envelopes
    are deleted unread, every voter may vote again on paper, and the secretariat enters
    the paper totals, then closes without a key."""
    ballot = BALLOT_FLOW.lock(ballot)
    require_perm(actor, "evaluations.enter_paper_ballot", ballot)
    if ballot.is_paper:
        raise ActionRefused(_("This ballot is already counted from paper ballots."))
    discarded = BallotEnvelope.objects.filter(ballot=ballot).delete()[0]
    BallotVoter.objects.filter(ballot=ballot, voted_at__isnull=False).update(voted_at=None)
    before = ballot.cast_count
    ballot.cast_count = 0
    ballot.is_paper = True
    ballot.public_key = ""
    ballot.save(update_fields=["cast_count", "is_paper", "public_key"])
    audit_record(
        actor=actor,
        action="ballot.paper_revote",
        obj=ballot,
        changes={"cast": [before, 0]},
        note=_("%(count)d electronic ballots discarded unread for a paper re-vote")
        % {"count": discarded},
    )
    return ballot


@sensitive_variables("key_text", "private")
def _electronic_totals(ballot, key_text: str) -> dict:
    """{candidate id: votes} from the envelopes: summed encrypted, only the sums decrypted.
    Refuses (nothing written) when the key does not belong to the ballot."""
    if not ballot.public_key:  # opened before votes were sealed: the counters hold them
        return {}
    n = int(ballot.public_key)
    try:
        private = secrecy.private_key(n, key_text or "")
    except secrecy.WrongKey as exc:
        raise ActionRefused(
            _(
                "This key does not belong to this ballot: nothing was counted and the ballot "
                "stays open. Check the code (or the file) handed out when it was opened. If "
                "the key is lost, discard the electronic ballots and hold a paper re-vote."
            )
        ) from exc
    order = sorted(
        BallotCandidate.objects.filter(question__ballot=ballot).values_list("pk", flat=True)
    )
    vectors = BallotEnvelope.objects.filter(ballot=ballot).values_list("ciphertexts", flat=True)
    try:
        sums = secrecy.sum_vectors(n, list(vectors), len(order))
    except secrecy.WrongKey as exc:
        raise ActionRefused(
            _("An envelope of this ballot is damaged: nothing was counted.")
        ) from exc
    return dict(zip(order, secrecy.decrypt_sums(private, sums), strict=True))


@sensitive_variables("key")
@transaction.atomic
def ballot_close(*, ballot, actor, key: str = "") -> Ballot:
    """Close the vote and write the tally (quorum, percentages, threshold, places, ties).

    An electronic ballot needs its private key (`key`: the code or the key file's text):
    the envelopes are added up encrypted and only the sums are decrypted into the
    candidates' counters, in this transaction; the envelopes are then deleted."""
    ballot = BALLOT_FLOW.lock(ballot)
    BALLOT_FLOW.check(ballot, "close", actor)
    totals = {} if ballot.is_paper else _electronic_totals(ballot, key)
    ballot.quorum_met = quorum_reached(
        cast=ballot.cast_count,
        eligible=ballot.eligible_count,
        numerator=ballot.quorum_numerator,
        denominator=ballot.quorum_denominator,
    )
    rows = []
    for question in selectors.questions_of(ballot):
        candidates = {c.pk: c for c in question.candidates.all()}
        for candidate in candidates.values():
            candidate.votes += totals.get(candidate.pk, 0)
        for result in tally(
            candidates=[(c.pk, c.votes) for c in candidates.values()],
            eligible=ballot.eligible_count,
            places=question.places,
            threshold_percent=question.threshold_percent,
            quorum_met=ballot.quorum_met,
        ):
            candidate = candidates[result.candidate_id]
            candidate.percent = result.percent
            candidate.passed = result.passed
            candidate.rank = result.rank
            candidate.tie = result.tie
            candidate.elected = result.elected
            rows.append(candidate)
    BallotCandidate.objects.bulk_update(
        rows, ["votes", "percent", "passed", "rank", "tie", "elected"]
    )
    BallotEnvelope.objects.filter(ballot=ballot).delete()
    return BALLOT_FLOW.move(
        ballot,
        "close",
        actor=actor,
        fields=["quorum_met"],
        changes={"cast": [None, ballot.cast_count], "quorum_met": [None, ballot.quorum_met]},
    )


@transaction.atomic
def ballot_publish(*, ballot, actor) -> Ballot:
    return BALLOT_FLOW.transition(ballot, "publish", actor=actor)
