"""Audit records: every service that changes state writes one."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import AuditEntry


def field_changes(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value changed (values as strings)."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in after
        if before.get(name) != after.get(name)
    }


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _entry(*, actor, action: str, obj, unit=None, changes=None, note="") -> AuditEntry:
    return AuditEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        unit=unit,
        changes=changes or {},
        note=note,
    )


def audit_record(*, actor, action: str, obj, unit=None, changes=None, note="") -> AuditEntry:
    entry = _entry(actor=actor, action=action, obj=obj, unit=unit, changes=changes, note=note)
    entry.save()
    return entry


def audit_records(entries) -> list[AuditEntry]:
    """Many audit records in one INSERT (a step taken on many objects at once): `entries`
    are dicts of `audit_record`'s keyword arguments."""
    return AuditEntry.objects.bulk_create([_entry(**entry) for entry in entries], batch_size=500)


# The kinds of object the change log filters by: label, and the first parts of the action
# codes that concern them (an admin code starts with the model's name: "clusteryear.change.admin").
OBJECT_KINDS = {
    "unit": (_("Units"), ("unit",)),
    "person": (_("Staff"), ("person", "employment")),
    "clusteryear": (
        _("Clusters and cluster years"),
        ("cluster", "clusteryear", "clustermembership"),
    ),
    "role": (_("Users and roles"), ("role", "roleassignment", "user")),
    "campaign": (_("Campaigns"), ("campaign", "contentarea")),
    "rubric": (_("Scoring rubrics"), ("rubric", "rubricgroup", "criterion")),
    "event": (_("Events and files"), ("event", "attachment", "campaignevent", "eventattachment")),
    "pledge": (_("Pledges"), ("pledge", "commitment", "pledgeparty", "signature")),
    "registration": (
        _("Registrations"),
        ("round", "registration", "registrationround", "registrationitem", "title"),
    ),
    "submission": (
        _("Results and rankings"),
        (
            "submission",
            "phase",
            "ranking",
            "score",
            "crossassignment",
            "extension",
            "extension_request",
            "extensionrequest",
        ),
    ),
    "ballot": (_("Secret ballots"), ("ballot", "ballotquestion", "ballotcandidate", "ballotvoter")),
    "proposal": (_("Award proposals"), ("proposal", "awardproposal", "nomineelist")),
    "award": (_("Awards"), ("award", "awardrecord", "basesalary")),
    "decision": (
        _("Award decisions"),
        (
            "decision",
            "awarddecision",
            "issuingauthority",
            "decisiontemplate",
            "certificate",
            "certificatebatch",
            "certificatelayout",
            "layoutfield",
        ),
    ),
}
ACTION_KINDS = {kind: label for kind, (label, _prefixes) in OBJECT_KINDS.items()}
_KIND_OF_PREFIX = {
    prefix: kind for kind, (_l, prefixes) in OBJECT_KINDS.items() for prefix in prefixes
}


def kind_filter(kind: str) -> Q:
    """The entries about one kind of object (all when the kind is unknown)."""
    if kind not in OBJECT_KINDS:
        return Q()
    condition = Q(pk__in=[])
    for prefix in OBJECT_KINDS[kind][1]:
        condition |= Q(action__startswith=f"{prefix}.")
    return condition


def action_kind(action: str) -> str:
    """The readable kind of an action code ("submission.review" -> "Results and rankings")."""
    kind = _KIND_OF_PREFIX.get(action.split(".", 1)[0])
    return str(OBJECT_KINDS[kind][0]) if kind else action.split(".", 1)[0]


def change_rows(changes) -> list[tuple]:
    """[(field, before, after)] from an entry's `changes`, tolerant of odd shapes."""
    if not isinstance(changes, dict):
        return []
    rows = []
    for name, values in changes.items():
        if isinstance(values, list | tuple) and len(values) == 2:
            rows.append((name, values[0], values[1]))
        else:
            rows.append((name, None, values))
    return rows


# The change log in sentences. Placeholders: %(actor)s (who), %(object)s (the object, as
# it was named when the entry was written), %(unit)s (the unit the change concerns, or the
# object when none). A note (a comment, a reason) follows the sentence after a colon.
SENTENCES = {
    "attachment.add": _("%(actor)s attached a file to %(object)s"),
    "attachment.delete": _("%(actor)s removed a file from %(object)s"),
    "award.create": _("%(actor)s recorded the award %(object)s"),
    "awardrecord.import": _("%(actor)s imported past awards: %(object)s"),
    "ballot.candidate": _("%(actor)s changed the candidates of the ballot “%(object)s”"),
    "ballot.create": _("%(actor)s created the ballot “%(object)s”"),
    "ballot.paper_totals": _("%(actor)s entered the paper ballot totals of “%(object)s”"),
    "ballot.paper_revote": _(
        "%(actor)s discarded the electronic ballots of “%(object)s” for a paper re-vote"
    ),
    "ballot.question": _("%(actor)s changed the questions of the ballot “%(object)s”"),
    "ballot.update": _("%(actor)s edited the ballot “%(object)s”"),
    "ballot.vote": _("%(actor)s voted in the ballot “%(object)s”"),
    "ballot.voter": _("%(actor)s changed the voters of the ballot “%(object)s”"),
    "campaign.create": _("%(actor)s created the campaign “%(object)s”"),
    "certificate.reprint": _("%(actor)s reprinted the certificate %(object)s"),
    "certificatebatch.start": _("%(actor)s started printing the certificates of %(object)s"),
    "certificatelayout.create": _("%(actor)s set up the certificate layout %(object)s"),
    "clusteryear.roll_forward": _("%(actor)s created %(object)s from the previous year"),
    "extension_request.create": _("%(actor)s asked for more time for %(unit)s in %(object)s"),
    "event.create": _("%(actor)s added the event “%(object)s”"),
    "event.delete": _("%(actor)s deleted the event “%(object)s”"),
    "nomineelist.create": _("%(actor)s drew up the nominee list %(object)s"),
    "notification.email": _("%(actor)s switched their notification e-mails on or off"),
    "person.create": _("%(actor)s added %(object)s to the staff of %(unit)s"),
    "person.import": _("%(actor)s imported the staff list of %(unit)s"),
    "person.transfer": _("%(actor)s moved %(object)s between units"),
    "person.update": _("%(actor)s updated the staff record of %(object)s"),
    "phase.extension": _("%(actor)s gave %(unit)s more time in %(object)s"),
    "phase.reminders": _("%(actor)s sent reminders for %(object)s"),
    "pledge.attach": _("%(actor)s attached a file to the pledge “%(object)s”"),
    "pledge.create": _("%(actor)s drafted the pledge “%(object)s”"),
    "pledge.sign": _("%(actor)s signed the pledge “%(object)s” for %(unit)s"),
    "decision.create": _("%(actor)s drafted the award decision “%(object)s”"),
    "decision.discard": _("%(actor)s deleted “%(object)s”"),
    "proposal.create": _("%(actor)s drafted the award proposal %(object)s"),
    "proposal.edit": _("%(actor)s edited the award proposal %(object)s"),
    "proposal.file": _("%(actor)s attached a file to the award proposal %(object)s"),
    "ranking.publish": _("%(actor)s published the ranking of %(object)s"),
    "registration.create": _("%(actor)s started the registration of %(unit)s"),
    "registration.items": _("%(actor)s changed the titles registered by %(unit)s"),
    "registration.reopen": _("%(actor)s reopened the registration of %(unit)s"),
    "role.grant": _("%(actor)s gave a role to %(object)s"),
    "role.revoke": _("%(actor)s took a role from %(object)s"),
    "round.save": _("%(actor)s saved the registration round “%(object)s”"),
    "rubric.copy": _("%(actor)s copied the scoring rubric “%(object)s”"),
    "rubric.create": _("%(actor)s created the scoring rubric “%(object)s”"),
    "rubric.freeze": _("%(actor)s froze the scoring rubric “%(object)s”"),
    "rubric.import": _("%(actor)s imported the scoring rubric “%(object)s” from Excel"),
    "rubric.new_version": _("%(actor)s started a new version of the scoring rubric “%(object)s”"),
    "rubric.update": _("%(actor)s edited the scoring rubric “%(object)s”"),
    "submission.create": _("%(actor)s started the results of %(unit)s"),
    "submission.cross_assign": _("%(actor)s assigned the cross-scoring of %(object)s"),
    "submission.cross_score": _("%(actor)s cross-scored the results of %(unit)s"),
    "submission.cross_unassign": _("%(actor)s withdrew the cross-scoring of %(object)s"),
    "submission.evidence": _("%(actor)s changed the evidence in the results of %(unit)s"),
    "submission.review": _("%(actor)s reviewed the scores of %(unit)s"),
    "submission.scores": _("%(actor)s entered the scores of %(unit)s"),
    "unit.merge": _("%(actor)s merged %(object)s into its successor"),
}

# Workflow steps ("<kind>.status", core/workflow.py), by the status reached.
STATUS_SENTENCES = {
    "pledge.status": {
        "open": _("%(actor)s opened the pledge “%(object)s” for signing"),
        "draft": _("%(actor)s took the pledge “%(object)s” back to draft"),
        "signed": _("The pledge “%(object)s” is signed by every party"),
        "archived": _("%(actor)s archived the pledge “%(object)s”"),
    },
    "registration.status": {
        "submitted": _("%(actor)s submitted the registration of %(unit)s"),
        "accepted": _("%(actor)s accepted the registration of %(unit)s"),
        "returned": _("%(actor)s returned the registration of %(unit)s"),
        "draft": _("%(actor)s reopened the registration of %(unit)s"),
    },
    "submission.status": {
        "submitted": _("%(actor)s submitted the results of %(unit)s"),
        "accepted": _("%(actor)s accepted the results of %(unit)s"),
        "returned": _("%(actor)s returned the results of %(unit)s"),
        "draft": _("%(actor)s reopened the results of %(unit)s"),
    },
    "extension_request.status": {
        "granted": _("%(actor)s granted %(unit)s more time: %(object)s"),
        "refused": _("%(actor)s refused %(unit)s more time: %(object)s"),
    },
    "ballot.status": {
        "open": _("%(actor)s opened the ballot “%(object)s” for voting"),
        "closed": _("%(actor)s closed and tallied the ballot “%(object)s”"),
        "published": _("%(actor)s published the result of the ballot “%(object)s”"),
    },
    "decision.status": {
        "recorded": _("%(actor)s recorded the award decision %(object)s"),
        "revoked": _("%(actor)s revoked the award decision %(object)s"),
    },
    "decision.correction": {
        "recorded": _("%(actor)s corrected the award decision %(object)s"),
    },
    "proposal.status": {
        "submitted": _("%(actor)s submitted the award proposal %(object)s"),
        "endorsed": _("%(actor)s endorsed the award proposal %(object)s"),
        "returned": _("%(actor)s returned the award proposal %(object)s"),
        "forwarded": _("%(actor)s forwarded the award proposal %(object)s to the council"),
        "approved": _("%(actor)s approved the award proposal %(object)s"),
        "rejected": _("%(actor)s rejected the award proposal %(object)s"),
        "withdrawn": _("%(actor)s withdrew the award proposal %(object)s"),
    },
}
STATUS_FALLBACK = _("%(actor)s moved %(object)s from “%(before)s” to “%(after)s”")

# Saves in the Django admin: "<model>.<verb>.admin", "<model>.inline.<verb>.admin".
ADMIN_SENTENCES = {
    "create": _("%(actor)s created %(model)s “%(object)s” in the administration"),
    "change": _("%(actor)s changed %(model)s “%(object)s” in the administration"),
    "delete": _("%(actor)s deleted %(model)s “%(object)s” in the administration"),
    "inline": _("%(actor)s changed the rows of %(model)s “%(object)s” in the administration"),
}
FALLBACK = _("%(actor)s: %(kind)s – %(object)s")

# Entries that must never show more than who acted: a vote says who voted, never what.
# Paper totals per candidate stay with the ballot's own pages (published with its result).
SECRET_ACTIONS = frozenset({"ballot.vote", "ballot.paper_totals"})


def _model_of(entry):
    """The entry's model class, from its content type (select_related: no query)."""
    return entry.content_type.model_class() if entry.content_type_id else None


def _status_label(model, code):
    choices = getattr(model, "status_choices", None)
    if choices is None or code in (None, ""):
        return code or "—"
    try:
        return str(choices(code).label)
    except ValueError:
        return code


def sentence_template(action: str, changes=None):
    """The sentence of an action code (None for a code with no sentence of its own)."""
    if action in SENTENCES:
        return SENTENCES[action]
    if action in STATUS_SENTENCES:
        status = changes.get("status") if isinstance(changes, dict) else None
        after = status[1] if isinstance(status, list | tuple) and len(status) == 2 else None
        return STATUS_SENTENCES[action].get(after, STATUS_FALLBACK)
    parts = action.split(".")
    if len(parts) >= 3 and parts[-1] == "admin":
        return ADMIN_SENTENCES.get(parts[1])
    return None


def describe(entry) -> str:
    """The entry in one sentence, with its note: "Thư ký Cụm 2 trả lại kết quả của Thanh
    tra tỉnh Ninh Bình: thiếu minh chứng"."""
    actor = entry.actor.get_full_name() if entry.actor_id and entry.actor else _("The system")
    model = _model_of(entry)
    status = entry.changes.get("status") if isinstance(entry.changes, dict) else None
    before, after = (
        status if isinstance(status, list | tuple) and len(status) == 2 else (None, None)
    )
    values = {
        "actor": actor,
        "object": entry.object_repr,
        "unit": entry.unit.name if entry.unit_id and entry.unit else entry.object_repr,
        "model": str(model._meta.verbose_name) if model else entry.action.split(".", 1)[0],
        "kind": action_kind(entry.action),
        "before": _status_label(model, before),
        "after": _status_label(model, after),
    }
    template = sentence_template(entry.action, entry.changes) or FALLBACK
    text = str(template) % values
    if entry.note and entry.action not in SECRET_ACTIONS:
        text = f"{text}: {entry.note}"
    return text


def readable_rows(entry) -> list[tuple]:
    """The entry's before/after values with the fields' names and statuses' labels; none
    for a secret entry."""
    if entry.action in SECRET_ACTIONS:
        return []
    model = _model_of(entry)
    rows = []
    for name, before, after in change_rows(entry.changes):
        label = str(FIELD_LABELS.get(name, name))
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # not a field of the model: a description ("members")
                field = None
            # A reverse relation ("registration" of a submission) has no verbose name.
            if getattr(field, "verbose_name", None):
                label = str(field.verbose_name)
        if name == "status":
            before, after = _status_label(model, before), _status_label(model, after)
        rows.append((label, before, after))
    return rows


# Names of values the services write that are no model field.
FIELD_LABELS = {
    "members": _("member units"),
    "secretariat": _("secretariat"),
    "inline": _("rows"),
    "role": _("role"),
    "date": _("date"),
    "question": _("question"),
    "candidate": _("candidate"),
    "voter": _("voter"),
    "items": _("registered titles"),
    "file": _("file"),
    "units": _("units"),
    "scorers": _("cross-scorers"),
    "criteria": _("criteria"),
    "created": _("rows created"),
    "cast": _("votes cast"),
    "eligible": _("eligible voters"),
    "source": _("copied from"),
    "signature": _("signature"),
    "wished_until": _("extension asked until"),
    "granted_until": _("extension granted until"),
    "reopened_until": _("reopened until"),
    "version": _("version"),
    "until": _("until"),
    "deadline": _("deadline"),
    "merged_into": _("merged into"),
    "title": _("title"),
    "lines": _("decision lines"),
    "awards": _("awards in force"),
}
