"""Every write to award proposals: one transition per function.

draft -> submitted (by the proposer) -> endorsed by the cluster (or returned) -> forwarded to
the council -> approved (decision) or rejected (reason); withdrawn before a decision.
Each step locks the row, checks permission, state and (for submitting and endorsing) the
hard eligibility rules, and leaves history and audit records. Approval writes the award
record that later eligibility checks read.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused
from core.uploads import DOCUMENTS_AND_IMAGES, fill_stored_file
from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord
from evaluations.awards.selectors import reward_fields
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.eligibility import batch_findings, findings_for
from evaluations.proposals.models import AwardProposal, NomineeList, ProposalEvent, ProposalFile
from evaluations.proposals.selectors import latest_ranking_entry
from evaluations.proposals.workflows import PROPOSAL_FLOW
from notifications.choices import NotificationKind
from notifications.recipients import secretariat_of, unit_people
from notifications.services import notify
from pledges.choices import Recipient
from units.audit import audit_record
from units.models import ClusterMembership
from units.selectors import roles_of
from units.services import require_perm

EDITABLE_FIELDS = (
    "title",
    "year",
    "campaign",
    "summary",
    "task_rating",
    "initiative",
    "initiative_scope",
    "no_pending_discipline",
    "ranking_entry",
)


def _refuse_hard_findings(proposal):
    blocking = [f for f in findings_for(proposal) if f.blocking]
    if blocking:
        raise ActionRefused(" ".join(f"{f.rule}: {f.message} ({f.source})" for f in blocking))


def _check_campaign(*, cluster_year, campaign):
    if campaign is not None and campaign.cluster_year_id not in (None, cluster_year.pk):
        raise ActionRefused(_("The campaign belongs to another cluster year."))


def _check_nominee(*, cluster_year, unit, person, title):
    if not ClusterMembership.objects.filter(cluster_year=cluster_year, unit=unit).exists():
        raise ActionRefused(_("The unit is not a member of this cluster year."))
    if person is not None and person.unit_id != unit.pk:
        raise ActionRefused(_("The person is not on the staff of this unit."))
    if (title.recipient == Recipient.PERSON) != (person is not None):
        raise ActionRefused(
            _("“%(title)s” is for %(recipient)s.")
            % {"title": title.name, "recipient": title.get_recipient_display().lower()}
        )


@transaction.atomic
def proposal_create(*, actor, cluster_year, unit, person=None, **fields) -> AwardProposal:
    """A draft proposal. Units propose for themselves and their staff; the cluster's
    secretariat proposes for any member unit or person of the cluster year."""
    roles = roles_of(actor)
    by_secretariat = cluster_year.pk in roles.secretariat_cluster_year_ids
    acting = roles.officer_unit_ids | roles.leader_unit_ids
    if not by_secretariat and unit.pk not in acting:
        raise ActionRefused(_("You can propose only for your own unit and its staff."))
    _check_nominee(cluster_year=cluster_year, unit=unit, person=person, title=fields["title"])
    _check_campaign(cluster_year=cluster_year, campaign=fields.get("campaign"))
    proposal = AwardProposal(
        cluster_year=cluster_year,
        unit=unit,
        person=person,
        nominee_name=person.full_name if person else unit.name,
        # The cluster proposes through its chair unit (or the nominee's unit when none is set).
        proposing_unit_id=(cluster_year.chair_unit_id or unit.pk) if by_secretariat else unit.pk,
        by_secretariat=by_secretariat,
        created_by=actor,
        **{name: fields[name] for name in EDITABLE_FIELDS if name in fields},
    )
    if person is None:  # a collective is judged on its place in the cluster's ranking
        proposal.ranking_entry = latest_ranking_entry(unit=unit, cluster_year=cluster_year)
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as exc:
        raise ActionRefused(
            _("This nominee is already proposed for this title this year.")
        ) from exc
    ProposalEvent.objects.create(proposal=proposal, to_status=ProposalStatus.DRAFT, actor=actor)
    audit_record(actor=actor, action="proposal.create", obj=proposal, unit=unit)
    return proposal


@transaction.atomic
def proposal_save(*, proposal, actor, revision: int, **fields) -> AwardProposal:
    proposal = PROPOSAL_FLOW.lock(proposal)
    require_perm(actor, "evaluations.change_awardproposal", proposal)
    if revision != proposal.revision:
        raise ActionRefused(
            _(
                "Someone else changed this proposal while you were editing. Reload the page "
                "and enter your changes again."
            )
        )
    changes = {}
    for name in EDITABLE_FIELDS:
        if name in fields and getattr(proposal, name) != fields[name]:
            changes[name] = [str(getattr(proposal, name)), str(fields[name])]
            setattr(proposal, name, fields[name])
    _check_nominee(
        cluster_year=proposal.cluster_year,
        unit=proposal.unit,
        person=proposal.person,
        title=proposal.title,
    )
    _check_campaign(cluster_year=proposal.cluster_year, campaign=proposal.campaign)
    proposal.revision += 1
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as exc:
        raise ActionRefused(
            _("This nominee is already proposed for this title this year.")
        ) from exc
    if changes:
        audit_record(
            actor=actor, action="proposal.edit", obj=proposal, unit=proposal.unit, changes=changes
        )
    return proposal


@transaction.atomic
def proposal_submit(*, proposal, actor) -> AwardProposal:
    proposal = PROPOSAL_FLOW.lock(proposal)
    if proposal.status == ProposalStatus.SUBMITTED:
        raise ActionRefused(_("This proposal has already been submitted."))
    PROPOSAL_FLOW.check(proposal, "submit", actor)
    _refuse_hard_findings(proposal)
    return PROPOSAL_FLOW.move(proposal, "submit", actor=actor)


@transaction.atomic
def proposal_endorse(*, proposal, actor, comment="") -> AwardProposal:
    proposal = PROPOSAL_FLOW.lock(proposal)
    PROPOSAL_FLOW.check(proposal, "endorse", actor)
    _refuse_hard_findings(proposal)
    return PROPOSAL_FLOW.move(proposal, "endorse", actor=actor, comment=comment)


def proposing_side(proposal):
    """Who is told of what happens to a proposal: the proposer's side (the proposing unit's
    officers and leaders, or the cluster year's secretariat for the cluster's own)."""
    if proposal.by_secretariat:
        return secretariat_of(proposal.cluster_year_id)
    return unit_people([proposal.proposing_unit_id])


@transaction.atomic
def proposal_return(*, proposal, actor, comment: str) -> AwardProposal:
    proposal = PROPOSAL_FLOW.transition(proposal, "return", actor=actor, comment=comment)
    notify(
        kind=NotificationKind.PROPOSAL_RETURNED,
        recipients=proposing_side(proposal),
        params={"proposal": str(proposal), "note": comment},
        url=reverse("evaluations:proposal", args=[proposal.pk]),
        actor=actor,
    )
    return proposal


@transaction.atomic
def proposal_forward(*, proposal, actor) -> AwardProposal:
    return PROPOSAL_FLOW.transition(proposal, "forward", actor=actor)


@transaction.atomic
def proposal_approve(
    *, proposal, actor, decision_number: str, decision_date, issuing_authority: str
) -> AwardRecord:
    """The council's decision: the proposal becomes an award record."""
    proposal = PROPOSAL_FLOW.lock(proposal)
    PROPOSAL_FLOW.check(proposal, "approve", actor)
    if not decision_number.strip() or decision_date is None:
        raise ActionRefused(_("Give the decision number and date."))
    proposal.decision_number = decision_number.strip()
    proposal.decision_date = decision_date
    proposal.issuing_authority = issuing_authority.strip()
    PROPOSAL_FLOW.move(
        proposal,
        "approve",
        actor=actor,
        comment=proposal.decision_number,
        fields=["decision_number", "decision_date", "issuing_authority"],
    )
    try:
        with transaction.atomic():
            record = AwardRecord.objects.create(
                title=proposal.title,
                year=proposal.year,
                unit=proposal.unit,
                person=proposal.person,
                recipient_name=proposal.nominee_name,
                campaign=proposal.campaign,
                is_thematic=proposal.campaign is not None and proposal.campaign.kind == "thematic",
                decision_number=proposal.decision_number,
                decision_date=decision_date,
                issuing_authority=proposal.issuing_authority,
                **reward_fields(proposal.title, decision_date),
                summary=proposal.summary,
                initiative=proposal.initiative,
                proposal=proposal,
                source=AwardSource.PROPOSAL,
            )
    except IntegrityError as exc:
        raise ActionRefused(
            _("The award history already holds this award for this nominee and year.")
        ) from exc
    audit_record(actor=actor, action="award.create", obj=record, unit=proposal.unit)
    notify(
        kind=NotificationKind.PROPOSAL_APPROVED,
        recipients=proposing_side(proposal),
        params={"proposal": str(proposal), "number": proposal.decision_number},
        url=reverse("evaluations:proposal", args=[proposal.pk]),
        actor=actor,
    )
    return record


@transaction.atomic
def proposal_reject(*, proposal, actor, reason: str) -> AwardProposal:
    return PROPOSAL_FLOW.transition(proposal, "reject", actor=actor, comment=reason)


@transaction.atomic
def proposal_withdraw(*, proposal, actor, reason: str = "") -> AwardProposal:
    return PROPOSAL_FLOW.transition(proposal, "withdraw", actor=actor, comment=reason)


@transaction.atomic
def proposal_file_add(*, proposal, actor, uploaded) -> ProposalFile:
    proposal = PROPOSAL_FLOW.lock(proposal)
    require_perm(actor, "evaluations.change_awardproposal", proposal)
    stored = fill_stored_file(
        ProposalFile(proposal=proposal), uploaded, allowed=DOCUMENTS_AND_IMAGES, actor=actor
    )
    stored.save()
    audit_record(
        actor=actor,
        action="proposal.file",
        obj=proposal,
        unit=proposal.unit,
        changes={"file": [None, stored.original_name]},
    )
    return stored


# --- Nominee lists: one title for many people of one unit at once ---------------------------


@dataclass(frozen=True)
class Nominee:
    """One row of a nominee list: the person and what is said of them."""

    person: object  # units.Person of the list's unit
    summary: str
    task_rating: str = ""
    initiative: str = ""


def already_proposed(*, title, year, people) -> dict:
    """{person pk: the live proposal} of these people for this title and year (one query)."""
    live = AwardProposal.objects.filter(
        title=title, year=year, person__in=[p.pk for p in people]
    ).exclude(status__in=[ProposalStatus.WITHDRAWN, ProposalStatus.REJECTED])
    return {p.person_id: p for p in live}


@transaction.atomic
def nominee_list_create(
    *,
    actor,
    cluster_year,
    unit,
    title,
    year: int,
    nominees: list[Nominee],
    no_pending_discipline: bool = False,
    campaign=None,
) -> NomineeList:
    """One title for many people of `unit`: the list and a draft proposal per nominee, all
    of them or none (a refusal names the first problem; the import checks every row first
    and reports them all)."""
    if title.recipient != Recipient.PERSON:
        raise ActionRefused(
            _("A nominee list is for an individual title: “%(title)s” is for collectives.")
            % {"title": title.name}
        )
    if not nominees:
        raise ActionRefused(_("Choose at least one person for the list."))
    people = [n.person for n in nominees]
    if len({p.pk for p in people}) != len(people):
        raise ActionRefused(_("A person appears twice in the list."))
    taken = already_proposed(title=title, year=year, people=people)
    if taken:
        names = ", ".join(sorted(p.nominee_name for p in taken.values()))
        raise ActionRefused(
            _("Already proposed for this title this year: %(names)s.") % {"names": names}
        )
    roles = roles_of(actor)
    nominee_list = NomineeList.objects.create(
        cluster_year=cluster_year,
        unit=unit,
        title=title,
        year=year,
        by_secretariat=cluster_year.pk in roles.secretariat_cluster_year_ids,
        created_by=actor,
    )
    for nominee in nominees:
        proposal = proposal_create(
            actor=actor,
            cluster_year=cluster_year,
            unit=unit,
            person=nominee.person,
            title=title,
            year=year,
            campaign=campaign,
            summary=nominee.summary,
            task_rating=nominee.task_rating,
            initiative=nominee.initiative,
            no_pending_discipline=no_pending_discipline,
        )
        proposal.nominee_list = nominee_list
        proposal.save(update_fields=["nominee_list"])
    audit_record(
        actor=actor,
        action="nomineelist.create",
        obj=nominee_list,
        unit=unit,
        changes={"nominees": [None, len(nominees)]},
    )
    return nominee_list


@transaction.atomic
def nominee_list_submit(*, nominee_list, actor) -> int:
    """Submit every draft or returned nominee of the list to the cluster at once, checked
    together (one batch of the eligibility rules); none if any has a hard finding."""
    proposals = list(
        AwardProposal.objects.select_for_update(of=("self",))
        .filter(
            nominee_list=nominee_list, status__in=[ProposalStatus.DRAFT, ProposalStatus.RETURNED]
        )
        .select_related("title", "unit", "person", "cluster_year")
        .order_by("nominee_name", "pk")
    )
    if not proposals:
        raise ActionRefused(_("No nominee of this list is waiting to be submitted."))
    for proposal in proposals:
        PROPOSAL_FLOW.check(proposal, "submit", actor)
    findings = batch_findings(proposals)
    blocked = [p.nominee_name for p in proposals if any(f.blocking for f in findings[p.pk])]
    if blocked:
        raise ActionRefused(
            _("Nothing was submitted: these nominees fail a hard rule: %(names)s.")
            % {"names": ", ".join(blocked)}
        )
    for proposal in proposals:
        PROPOSAL_FLOW.move(proposal, "submit", actor=actor)
    return len(proposals)
