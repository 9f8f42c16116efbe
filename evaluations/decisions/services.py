"""Every write to award decisions: draft from forwarded proposals, record, correct, revoke.

Recording is the step that makes awards: in one transaction it numbers the decision, approves
every line's proposal through the proposals' workflow (`PROPOSAL_FLOW.move`) and writes the
award records with the decision set on them. A line that cannot be approved refuses the whole
decision, with one sentence per refused line; nothing is written then.

Public functions other parts call (certificates, statistics, the demo, the benchmark):
`decision_draft`, `decision_record`, `decision_correct`, `decision_revoke`,
`decision_discard`.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused
from core.text import clean_text
from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord
from evaluations.awards.selectors import base_salaries, reward_on
from evaluations.decisions.choices import DecisionKind, DecisionStatus, SignForm
from evaluations.decisions.models import AwardDecision, DecisionEvent, DecisionLine
from evaluations.decisions.workflows import CORRECTION_FLOW, DECISION_FLOW
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal
from evaluations.proposals.workflows import PROPOSAL_FLOW
from notifications.services import notify_decision_recorded
from pledges.selectors import title_multipliers
from units.audit import audit_record
from units.services import require_perm

# What a correction (đính chính) may change: the text of the decision, never whom it awards.
CORRECTABLE_FIELDS = (
    "subject",
    "legal_bases",
    "effective_date",
    "signer_name",
    "signer_position",
    "sign_form",
)


class LinesRefused(ActionRefused):
    """Some lines of a decision cannot be drafted or approved: `lines` says why, one each."""

    def __init__(self, heading: str, lines: list[str]):
        super().__init__(" ".join([heading, *lines]))
        self.heading = heading
        self.lines = lines


def _line_name(proposal) -> str:
    return f"“{proposal.nominee_name} – {proposal.title.name}”"


def _line_order(proposal):
    """Collectives first, then people; by the catalogue's title order, then by name."""
    person = proposal.person_id is not None
    return (person, proposal.title.order, proposal.nominee_name, proposal.pk)


def _in_live_decision(proposal_ids) -> set[int]:
    """Proposals already on a draft or recorded decision (a revoked one frees them)."""
    return set(
        DecisionLine.objects.filter(proposal_id__in=proposal_ids)
        .exclude(decision__status=DecisionStatus.REVOKED)
        .values_list("proposal_id", flat=True)
    )


def _rewards(lines_or_proposals, day: date) -> dict:
    """{title id: Reward or None} on `day`, in two queries."""
    salaries, multipliers = base_salaries(), title_multipliers()
    titles = {item.title_id: item.title for item in lines_or_proposals}
    return {
        pk: reward_on(title, day, salaries=salaries, multipliers=multipliers)
        for pk, title in titles.items()
    }


def _reward_values(reward) -> dict:
    if reward is None:
        return {"multiplier": None, "amount": None, "amount_to_verify": False}
    return {
        "multiplier": reward.multiplier,
        "amount": reward.amount,
        "amount_to_verify": reward.to_verify,
    }


@transaction.atomic
def decision_draft(
    *,
    actor,
    authority,
    proposals,
    kind: str = DecisionKind.COMMENDATION,
    subject: str = "",
    legal_bases: str = "",
    cluster_year=None,
) -> AwardDecision:
    """A draft decision of `authority` with one line per forwarded proposal (a cluster's whole
    batch or chosen rows). Amounts are computed for today and again on the decision date when
    it is recorded."""
    require_perm(actor, "evaluations.add_awarddecision")
    if not authority.is_active:
        raise ActionRefused(_("This issuing authority is no longer active."))
    proposals = list(
        AwardProposal.objects.select_for_update(of=("self",))
        .select_related("title")
        .filter(pk__in=[p.pk for p in proposals])
    )
    if not proposals:
        raise ActionRefused(_("Choose at least one forwarded proposal."))
    taken = _in_live_decision([p.pk for p in proposals])
    refused = []
    for proposal in sorted(proposals, key=_line_order):
        if proposal.status != ProposalStatus.FORWARDED:
            refused.append(
                _("%(line)s is “%(status)s”, not forwarded to the council.")
                % {"line": _line_name(proposal), "status": proposal.get_status_display()}
            )
        elif proposal.pk in taken:
            refused.append(
                _("%(line)s is already on another decision.") % {"line": _line_name(proposal)}
            )
    if refused:
        raise LinesRefused(_("The decision was not drafted:"), refused)
    decision = AwardDecision.objects.create(
        authority=authority,
        kind=kind,
        subject=clean_text(subject),
        legal_bases=clean_text(legal_bases),
        cluster_year=cluster_year,
        created_by=actor,
    )
    rewards = _rewards(proposals, timezone.localdate())
    DecisionLine.objects.bulk_create(
        [
            DecisionLine(
                decision=decision,
                position=position,
                proposal=proposal,
                title_id=proposal.title_id,
                unit_id=proposal.unit_id,
                person_id=proposal.person_id,
                recipient_name=proposal.nominee_name,
                reason=proposal.summary,
                **_reward_values(rewards[proposal.title_id]),
            )
            for position, proposal in enumerate(sorted(proposals, key=_line_order), start=1)
        ],
        batch_size=1000,
    )
    DecisionEvent.objects.create(decision=decision, to_status=DecisionStatus.DRAFT, actor=actor)
    audit_record(
        actor=actor,
        action="decision.create",
        obj=decision,
        changes={"lines": [None, len(proposals)]},
    )
    return decision


@transaction.atomic
def decision_discard(*, decision, actor) -> None:
    """Delete a draft (its proposals stay forwarded, free for another decision)."""
    decision = DECISION_FLOW.lock(decision)
    require_perm(actor, "evaluations.delete_awarddecision", decision)
    audit_record(
        actor=actor,
        action="decision.discard",
        obj=decision,
        changes={"lines": [decision.lines.count(), None]},
    )
    decision.delete()


def _clean_signer(*, number, day, signer_name, signer_position, sign_form):
    number = clean_text(number).strip()
    if not number:
        raise ActionRefused(_("Give the decision number."))
    if "/" in number:
        raise ActionRefused(
            _("Give the number alone (“123”): the symbol (“QĐ-TTCP”) comes from the authority.")
        )
    if day is None:
        raise ActionRefused(_("Give the decision date."))
    if sign_form not in SignForm.values:
        raise ActionRefused(_("Choose how the decision is signed."))
    if not clean_text(signer_name).strip() or not clean_text(signer_position).strip():
        raise ActionRefused(_("Give the signer's name and position."))
    return number


def _record_refusals(decision, lines, proposals, actor) -> list[str]:
    """Why lines cannot be approved: the proposal moved on, or the award is already held."""
    refused = []
    for line in lines:
        proposal = proposals.get(line.proposal_id)
        try:
            PROPOSAL_FLOW.check(proposal, "approve", actor)
        except ActionRefused as refusal:
            refused.append(f"{_line_name(proposal)}: {refusal.message}")
    held = AwardRecord.objects.filter(
        Q(person__isnull=True, unit_id__in=[ln.unit_id for ln in lines if ln.person_id is None])
        | Q(person_id__in=[ln.person_id for ln in lines if ln.person_id]),
        title_id__in={ln.title_id for ln in lines},
        year__in={proposals[ln.proposal_id].year for ln in lines},
    ).values_list("title_id", "year", "unit_id", "person_id")
    held_keys = {(title, year, person or ("unit", unit)) for title, year, unit, person in held}
    for line in lines:
        proposal = proposals[line.proposal_id]
        key = (line.title_id, proposal.year, line.person_id or ("unit", line.unit_id))
        if key in held_keys:
            refused.append(
                _("%(line)s: the award history already holds this award for this year.")
                % {"line": _line_name(proposal)}
            )
    return refused


@transaction.atomic
def decision_record(
    *,
    decision,
    actor,
    number: str,
    date: date,
    signer_name: str,
    signer_position: str,
    sign_form: str = SignForm.HEAD,
    effective_date: date | None = None,
) -> AwardDecision:
    """Number, date and sign the decision; approve every line's proposal and write its award
    record (with `decision` set, source PROPOSAL) in one transaction, or nothing at all."""
    decision = DECISION_FLOW.lock(decision)
    DECISION_FLOW.check(decision, "record", actor)
    number = _clean_signer(
        number=number,
        day=date,
        signer_name=signer_name,
        signer_position=signer_position,
        sign_form=sign_form,
    )
    if effective_date is not None and effective_date < date:
        raise ActionRefused(_("The decision cannot take effect before its date."))
    taken = AwardDecision.objects.filter(
        authority_id=decision.authority_id, date__year=date.year, number=number
    ).exclude(pk=decision.pk)
    if taken.exists():
        raise ActionRefused(
            _("%(authority)s already has decision no. %(number)s in %(year)s.")
            % {"authority": decision.authority.name, "number": number, "year": date.year}
        )
    lines = list(decision.lines.select_related("title").order_by("position"))
    if not lines:
        raise ActionRefused(_("The decision has no lines."))
    proposals = {
        p.pk: p
        for p in AwardProposal.objects.select_for_update(of=("self",))
        .select_related("title", "campaign", "unit")
        .filter(pk__in=[line.proposal_id for line in lines])
    }
    refused = _record_refusals(decision, lines, proposals, actor)
    if refused:
        raise LinesRefused(_("The decision was not recorded:"), refused)

    decision.number = number
    decision.date = date
    decision.effective_date = effective_date or date
    decision.signer_name = clean_text(signer_name).strip()
    decision.signer_position = clean_text(signer_position).strip()
    decision.sign_form = sign_form
    try:
        with transaction.atomic():
            DECISION_FLOW.move(
                decision,
                "record",
                actor=actor,
                comment=decision.full_number,
                fields=[
                    "number",
                    "date",
                    "effective_date",
                    "signer_name",
                    "signer_position",
                    "sign_form",
                ],
                changes={"lines": [None, len(lines)]},
            )
    except IntegrityError as exc:
        raise ActionRefused(
            _("This authority already has a decision with this number this year.")
        ) from exc

    full_number, authority_name = decision.full_number, decision.authority.name
    for proposal in proposals.values():
        proposal.decision_number = full_number
        proposal.decision_date = date
        proposal.issuing_authority = authority_name
    # Every line's proposal approved through its workflow (checks, history, audit), at once.
    PROPOSAL_FLOW.move_many(
        [proposals[line.proposal_id] for line in lines],
        "approve",
        actor=actor,
        comment=full_number,
        fields=["decision_number", "decision_date", "issuing_authority"],
    )
    rewards = _rewards(lines, date)
    records = []
    for line in lines:
        proposal = proposals[line.proposal_id]
        values = _reward_values(rewards[line.title_id])
        for name, value in values.items():
            setattr(line, name, value)
        records.append(
            AwardRecord(
                title_id=line.title_id,
                year=proposal.year,
                unit_id=line.unit_id,
                person_id=line.person_id,
                recipient_name=line.recipient_name,
                campaign=proposal.campaign,
                is_thematic=proposal.campaign is not None and proposal.campaign.kind == "thematic",
                decision_number=full_number,
                decision_date=date,
                issuing_authority=authority_name,
                summary=line.reason,
                initiative=proposal.initiative,
                proposal=proposal,
                decision=decision,
                source=AwardSource.PROPOSAL,
                **values,
            )
        )
    try:
        with transaction.atomic():
            AwardRecord.objects.bulk_create(records, batch_size=1000)
    except IntegrityError as exc:  # a record written meanwhile by someone else
        raise ActionRefused(
            _("The award history already holds one of these awards for this year.")
        ) from exc
    # The amounts on the decision date (one UPDATE per title) and each line's award record
    # (one UPDATE): bulk_update's CASE per row costs seconds at 500 lines.
    for title_id, reward in rewards.items():
        decision.lines.filter(title_id=title_id).update(**_reward_values(reward))
    decision.lines.update(
        award_record=Subquery(
            AwardRecord.objects.filter(proposal_id=OuterRef("proposal_id")).values("pk")[:1]
        )
    )
    # The awardees' and the proposing units, and the secretariats whose proposals it decides.
    notify_decision_recorded(
        number=full_number,
        subject=decision.subject,
        unit_ids={line.unit_id for line in lines}
        | {p.proposing_unit_id for p in proposals.values()},
        cluster_year_ids={p.cluster_year_id for p in proposals.values()},
        url=reverse("evaluations:decision", args=[decision.pk]),
        actor=actor,
    )
    return decision


@transaction.atomic
def decision_correct(*, decision, actor, reason: str, **fields) -> AwardDecision:
    """Correct (đính chính) the text of a recorded decision: the reason and the changed
    values go to its history and the audit log."""
    decision = CORRECTION_FLOW.lock(decision)
    CORRECTION_FLOW.check(decision, "correct", actor)
    changes = {}
    for name in CORRECTABLE_FIELDS:
        if name not in fields:
            continue
        value = fields[name]
        if isinstance(value, str):
            value = clean_text(value).strip()
        if getattr(decision, name) != value:
            changes[name] = [str(getattr(decision, name) or ""), str(value or "")]
            setattr(decision, name, value)
    if not changes:
        raise ActionRefused(_("Nothing was changed: change at least one value."))
    if decision.sign_form not in SignForm.values:
        raise ActionRefused(_("Choose how the decision is signed."))
    if decision.effective_date and decision.effective_date < decision.date:
        raise ActionRefused(_("The decision cannot take effect before its date."))
    return CORRECTION_FLOW.move(
        decision,
        "correct",
        actor=actor,
        comment=clean_text(reason),
        fields=list(changes),
        changes=changes,
    )


@transaction.atomic
def decision_revoke(*, decision, actor, reason: str) -> AwardDecision:
    """Revoke (thu hồi) a recorded decision: its awards stay in the register, marked revoked,
    and leave the eligibility history and the honour boards."""
    decision = DECISION_FLOW.lock(decision)
    reason = clean_text(reason).strip()
    decision.revocation_reason = reason
    revoked = AwardRecord.objects.filter(decision=decision, is_revoked=False)
    count = revoked.count()
    DECISION_FLOW.move(
        decision,
        "revoke",
        actor=actor,
        comment=reason,
        fields=["revocation_reason"],
        changes={"awards": [count, 0]},
    )
    revoked.update(is_revoked=True)
    return decision
