"""Every write to pledges and registrations: one transition per function.

Each checks permission and state under a row lock, writes an audit record, and
turns database conflicts (a second signature, a double click) into a clear refusal.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused
from core.uploads import IMAGES, FileKind, fill_stored_file
from notifications.choices import NotificationKind
from notifications.recipients import unit_leaders
from notifications.services import notify
from pledges import selectors
from pledges.choices import (
    PledgeFileKind,
    PledgeStatus,
    RegistrationStatus,
    SignatureSource,
)
from pledges.models import (
    Commitment,
    Pledge,
    PledgeAttachment,
    PledgeParty,
    Registration,
    RegistrationEvent,
    RegistrationItem,
    RegistrationRound,
    Signature,
)
from pledges.workflows import PLEDGE_FLOW, REGISTRATION_FLOW
from units.audit import audit_record, field_changes
from units.selectors import roles_of
from units.services import require_perm

PLEDGE_FIELDS = (
    "cluster_year",
    "campaign",
    "title",
    "theme",
    "preamble",
    "signing_date",
    "host_unit",
    "venue",
    "place_name",
)


def _d(day):
    return date_format(day, "SHORT_DATE_FORMAT")


# Pledges ----------------------------------------------------------------------------


@transaction.atomic
def pledge_save(*, actor, data: dict, commitments: list[dict], pledge=None) -> Pledge:
    """Create or change a draft pledge with its commitments (content, target, criteria)."""
    creating = pledge is None
    pledge = Pledge() if creating else PLEDGE_FLOW.lock(pledge)
    before = {} if creating else {n: getattr(pledge, n) for n in PLEDGE_FIELDS}
    for name in PLEDGE_FIELDS:
        if name in data:
            setattr(pledge, name, data[name])
    require_perm(actor, "pledges.add_pledge" if creating else "pledges.change_pledge", pledge)
    if not creating:
        # The new cluster year must be one the actor runs too.
        require_perm(actor, "pledges.add_pledge", pledge)
    if pledge.campaign_id and pledge.campaign.cluster_year_id not in (None, pledge.cluster_year_id):
        raise ActionRefused(_("The campaign belongs to another cluster year."))
    pledge.full_clean()
    pledge.save()
    _save_commitments(pledge, commitments)
    audit_record(
        actor=actor,
        action="pledge.create" if creating else "pledge.update",
        obj=pledge,
        changes=field_changes(before, {n: getattr(pledge, n) for n in PLEDGE_FIELDS}),
    )
    return pledge


def _save_commitments(pledge, commitments):
    existing = {c.pk: c for c in Commitment.objects.filter(pledge=pledge)}
    kept = set()
    for order, values in enumerate(commitments):
        commitment = existing.get(values.get("id")) or Commitment(pledge=pledge)
        commitment.order = order
        commitment.content = values["content"]
        commitment.target = values.get("target", "")
        commitment.save()
        commitment.criteria.set(values.get("criteria", []))
        kept.add(commitment.pk)
    Commitment.objects.filter(pledge=pledge).exclude(pk__in=kept).delete()


@transaction.atomic
def pledge_open(*, pledge, actor) -> Pledge:
    """Open for signing: the member units of the day become the parties, names fixed."""
    pledge = PLEDGE_FLOW.lock(pledge)
    PLEDGE_FLOW.check(pledge, "open", actor)
    if not pledge.commitments.exists():
        raise ActionRefused(_("Add at least one commitment before opening the pledge for signing."))
    members = selectors.signing_members(
        pledge.cluster_year, pledge.signing_date or timezone.localdate()
    )
    if not members:
        raise ActionRefused(_("The cluster year has no member units to sign."))
    PLEDGE_FLOW.move(pledge, "open", actor=actor)
    PledgeParty.objects.filter(pledge=pledge, signature__isnull=True).delete()
    signed = set(pledge.parties.values_list("unit_id", flat=True))
    PledgeParty.objects.bulk_create(
        PledgeParty(pledge=pledge, unit=unit, unit_name=unit.name, order=i)
        for i, unit in enumerate(members)
        if unit.pk not in signed
    )
    # The leaders of the units still to sign: they sign (pledges.sign_pledge).
    notify(
        kind=NotificationKind.PLEDGE_OPEN,
        recipients=unit_leaders([unit.pk for unit in members if unit.pk not in signed]),
        params={"pledge": pledge.title},
        url=reverse("pledges:pledge_detail", args=[pledge.pk]),
        actor=actor,
    )
    return pledge


@transaction.atomic
def pledge_reopen_draft(*, pledge, actor) -> Pledge:
    """Back to draft to correct it; only while nobody has signed."""
    pledge = PLEDGE_FLOW.lock(pledge)
    PLEDGE_FLOW.check(pledge, "redraft", actor)
    if Signature.objects.filter(party__pledge=pledge).exists():
        raise ActionRefused(_("Units have already signed: the pledge can no longer be changed."))
    return PLEDGE_FLOW.move(pledge, "redraft", actor=actor)


def _sign(pledge, party, actor, *, signatory_name, position, signed_on, source):
    if pledge.status != PledgeStatus.OPEN:
        raise ActionRefused(_("The pledge is not open for signing."))
    if Signature.objects.filter(party=party).exists():
        raise ActionRefused(
            _("%(unit)s has already signed this pledge; a unit signs once.")
            % {"unit": party.unit_name}
        )
    start, end = pledge.signing_window(timezone.localdate())
    if signed_on is not None and not start <= signed_on <= end:
        raise ValidationError(
            {
                "signed_on": _(
                    "The signature date must lie between %(start)s and %(end)s: from the "
                    "start of the pledge's year (or its ceremony, if earlier) up to today."
                )
                % {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")}
            }
        )
    signature = Signature(
        party=party,
        signatory_name=signatory_name.strip(),
        position=position.strip(),
        signed_on=signed_on,
        source=source,
        recorded_by=actor,
    )
    signature.full_clean(exclude=["party"])
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError as exc:  # two clicks or two people at once
        raise ActionRefused(
            _("%(unit)s has already signed this pledge; a unit signs once.")
            % {"unit": party.unit_name}
        ) from exc
    audit_record(
        actor=actor,
        action="pledge.sign",
        obj=pledge,
        unit=party.unit,
        changes={"signature": [None, f"{party.unit_name}: {signature.signatory_name}"]},
        note=str(SignatureSource(source).label),
    )
    if not PledgeParty.objects.filter(pledge=pledge, signature__isnull=True).exists():
        PLEDGE_FLOW.move(
            pledge, "complete", actor=actor, comment=_("Every member unit has signed.")
        )
    return signature


@transaction.atomic
def pledge_sign(*, pledge, actor, unit, signatory_name, position, signed_on) -> Signature:
    """The unit's leader signs in the browser, for their own unit only."""
    pledge = PLEDGE_FLOW.lock(pledge)
    party = PledgeParty.objects.filter(pledge=pledge, unit=unit).first()
    if party is None:
        raise ActionRefused(_("This unit is not a party to the pledge."))
    if unit.pk not in roles_of(actor).leader_unit_ids:
        raise ActionRefused(_("Only the unit's own leader can sign for it."))
    return _sign(
        pledge,
        party,
        actor,
        signatory_name=signatory_name,
        position=position,
        signed_on=signed_on,
        source=SignatureSource.ONLINE,
    )


@transaction.atomic
def pledge_record_signature(
    *, pledge, actor, party, signatory_name, position, signed_on
) -> Signature:
    """The secretariat records a signature from the paper original."""
    pledge = PLEDGE_FLOW.lock(pledge)
    require_perm(actor, "pledges.record_signature", pledge)
    if party.pledge_id != pledge.pk:
        raise ActionRefused(_("This unit is not a party to the pledge."))
    return _sign(
        pledge,
        party,
        actor,
        signatory_name=signatory_name,
        position=position,
        signed_on=signed_on,
        source=SignatureSource.PAPER,
    )


@transaction.atomic
def pledge_archive(*, pledge, actor) -> Pledge:
    return PLEDGE_FLOW.transition(pledge, "archive", actor=actor)


@transaction.atomic
def pledge_attach(*, pledge, actor, uploaded, kind) -> PledgeAttachment:
    require_perm(actor, "pledges.manage_pledge", pledge)
    allowed = {
        PledgeFileKind.SIGNED_ORIGINAL: frozenset({FileKind.PDF}),
        PledgeFileKind.PHOTO: IMAGES,
    }.get(kind, IMAGES | frozenset({FileKind.PDF, FileKind.WORD}))
    attachment = fill_stored_file(
        PledgeAttachment(pledge=pledge, kind=kind), uploaded, allowed=allowed, actor=actor
    )
    attachment.save()
    audit_record(
        actor=actor,
        action="pledge.attach",
        obj=pledge,
        changes={"file": [None, attachment.original_name]},
    )
    return attachment


# Registrations ----------------------------------------------------------------------


@transaction.atomic
def round_save(*, actor, data: dict, round_=None) -> RegistrationRound:
    round_ = round_ or RegistrationRound()
    for name in ("cluster_year", "campaign", "title", "deadline", "note"):
        if name in data:
            setattr(round_, name, data[name])
    require_perm(actor, "pledges.manage_rounds", round_)
    round_.full_clean()
    round_.save()
    audit_record(
        actor=actor,
        action="round.save",
        obj=round_,
        changes={"deadline": [None, str(round_.deadline)]},
    )
    return round_


@transaction.atomic
def registration_start(*, round_, unit, actor) -> Registration:
    """The unit's registration in the round, created on first use (idempotent)."""
    registration, created = Registration.objects.get_or_create(round=round_, unit=unit)
    if created:
        require_perm(actor, "pledges.change_registration", registration)
        RegistrationEvent.objects.create(
            registration=registration, to_status=RegistrationStatus.DRAFT, actor=actor
        )
        audit_record(actor=actor, action="registration.create", obj=registration, unit=unit)
    return registration


@transaction.atomic
def registration_save_items(*, registration, actor, items: list[dict]) -> Registration:
    """Replace the registered titles: [{"title": Title, "person": Person|None, "note": str}]."""
    registration = REGISTRATION_FLOW.lock(registration)
    require_perm(actor, "pledges.change_registration", registration)
    seen = set()
    for item in items:
        title, person = item["title"], item.get("person")
        if (person is None) != (title.recipient == "collective"):
            raise ActionRefused(
                _("“%(title)s” is for a person: choose the staff member.") % {"title": title.name}
                if person is None
                else _("“%(title)s” is a collective title: leave the staff member empty.")
                % {"title": title.name}
            )
        if person is not None and person.unit_id != registration.unit_id:
            raise ActionRefused(_("Only the unit's own staff can be registered."))
        key = (title.pk, person.pk if person else None)
        if key in seen:
            raise ActionRefused(
                _("“%(title)s” is listed twice for %(who)s.")
                % {"title": title.name, "who": person or registration.unit}
            )
        seen.add(key)
    RegistrationItem.objects.filter(registration=registration).delete()
    RegistrationItem.objects.bulk_create(
        RegistrationItem(
            registration=registration,
            title=i["title"],
            person=i.get("person"),
            note=i.get("note", ""),
        )
        for i in items
    )
    registration.save(update_fields=["updated_at"])
    audit_record(
        actor=actor,
        action="registration.items",
        obj=registration,
        unit=registration.unit,
        changes={"items": [None, len(items)]},
    )
    return registration


@transaction.atomic
def registration_submit(*, registration, actor, today=None) -> Registration:
    registration = REGISTRATION_FLOW.lock(registration)
    if registration.status == RegistrationStatus.SUBMITTED:
        raise ActionRefused(_("This registration has already been submitted."))
    REGISTRATION_FLOW.check(registration, "submit", actor)
    today = today or timezone.localdate()
    deadline = registration.deadline_for_unit()
    if today > deadline:
        raise ActionRefused(
            _(
                "The registration deadline was %(date)s: it can no longer be submitted. "
                "Ask the cluster secretariat to reopen it for your unit."
            )
            % {"date": _d(deadline)}
        )
    if not registration.items.exists():
        raise ActionRefused(_("Register at least one title before submitting."))
    return REGISTRATION_FLOW.move(registration, "submit", actor=actor)


@transaction.atomic
def registration_accept(*, registration, actor) -> Registration:
    return REGISTRATION_FLOW.transition(registration, "accept", actor=actor)


@transaction.atomic
def registration_return(*, registration, actor, comment: str) -> Registration:
    return REGISTRATION_FLOW.transition(registration, "return", actor=actor, comment=comment)


@transaction.atomic
def registration_reopen(*, registration, actor, until, reason: str) -> Registration:
    """Let one unit submit after the deadline, until a date, for a recorded reason."""
    registration = REGISTRATION_FLOW.lock(registration)
    require_perm(actor, "pledges.reopen_registration", registration)
    if not reason.strip():
        raise ActionRefused(_("Give the reason for reopening."))
    if until < timezone.localdate():
        raise ActionRefused(_("The new deadline cannot be in the past."))
    before = registration.reopened_until
    registration.reopened_until = until
    registration.reopen_reason = reason.strip()
    registration.save(update_fields=["reopened_until", "reopen_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="registration.reopen",
        obj=registration,
        unit=registration.unit,
        changes={"reopened_until": [str(before) if before else None, str(until)]},
        note=reason,
    )
    return registration
