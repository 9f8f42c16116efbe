"""Every write to campaigns, phases, rubrics and events.

Each service checks the permission, runs in one transaction and leaves an audit
record; deferred constraints are checked before the transaction ends, so a
conflict comes back as a clear refusal instead of a failed commit.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns import selectors
from campaigns.models import (
    Campaign,
    CampaignEvent,
    ContentArea,
    Criterion,
    EventAttachment,
    Phase,
    Rubric,
    RubricGroup,
)
from campaigns.validators import phase_problems, rubric_problems
from core.exceptions import ActionRefused
from core.uploads import DOCUMENTS, DOCUMENTS_AND_IMAGES, check_upload, fill_stored_file
from units.audit import audit_record, field_changes
from units.services import require_perm

CAMPAIGN_FIELDS = (
    "title",
    "theme",
    "kind",
    "scope",
    "cluster_year",
    "document_number",
    "launch_date",
    "issuing_unit",
    "start_date",
    "end_date",
    "description",
)
PHASE_FIELDS = ("name", "start_date", "end_date", "review_kind", "results_deadline", "review_date")
GROUP_FIELDS = ("code", "title", "order")
CRITERION_FIELDS = ("code", "title", "guidance", "max_points", "kind", "evidence_required", "order")
EVENT_FIELDS = ("kind", "title", "date", "host_unit", "place", "description")


def _check_deferred(message):
    """Run the deferred constraints now, inside the transaction, and refuse on conflict."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    except IntegrityError as exc:
        raise ActionRefused(message) from exc


def _refuse_problems(problems):
    if problems:
        raise ActionRefused(problems[0].message)


def _snapshot(obj, fields):
    return {name: getattr(obj, name) for name in fields}


# Campaigns and phases -------------------------------------------------------------


@transaction.atomic
def campaign_save(
    *,
    actor,
    data: dict,
    phases: list[dict],
    content_areas: list[str],
    campaign: Campaign | None = None,
    deleted_phase_ids=(),
) -> Campaign:
    """Create or change a campaign with its phases and contents, as one form does."""
    creating = campaign is None
    if creating:
        campaign = Campaign()
        require_perm(actor, "campaigns.add_campaign")
    else:
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        require_perm(actor, "campaigns.change_campaign", campaign)
    before = {} if creating else _snapshot(campaign, CAMPAIGN_FIELDS)
    for name in CAMPAIGN_FIELDS:
        if name in data:
            setattr(campaign, name, data[name])
    campaign.full_clean(exclude=["document_file"])
    # The new scope must be one the actor manages too (a secretariat: its own year).
    require_perm(actor, "campaigns.change_campaign", campaign)
    _refuse_problems(
        phase_problems(start=campaign.start_date, end=campaign.end_date, phases=phases)
    )
    upload = data.get("document_file")
    if upload:
        checked = check_upload(upload, allowed=DOCUMENTS, max_bytes=settings.UPLOAD_MAX_BYTES)
        campaign.document_file = upload
        campaign.document_file_name = checked.original_name
    elif upload is False and campaign.document_file:
        campaign.document_file.delete(save=False)
        campaign.document_file_name = ""
    campaign.save()
    _save_phases(campaign, phases, deleted_phase_ids)
    _save_content_areas(campaign, content_areas)
    _check_deferred(_("Phases of one campaign cannot overlap."))
    after = _snapshot(campaign, CAMPAIGN_FIELDS)
    audit_record(
        actor=actor,
        action="campaign.create" if creating else "campaign.update",
        obj=campaign,
        changes=field_changes(before, after),
        note=_("%(count)d phases") % {"count": len(phases)},
    )
    return campaign


def _save_phases(campaign, phases, deleted_ids):
    Phase.objects.filter(campaign=campaign, pk__in=list(deleted_ids)).delete()
    existing = {p.pk: p for p in Phase.objects.filter(campaign=campaign)}
    for values in phases:
        phase = existing.get(values.get("id")) or Phase(campaign=campaign)
        for name in PHASE_FIELDS:
            setattr(phase, name, values.get(name))
        phase.full_clean(exclude=["campaign"], validate_constraints=False)
        phase.save()


def _save_content_areas(campaign, content_areas):
    lines = [line.strip() for line in content_areas if line.strip()]
    current = list(campaign.content_areas.order_by("order", "pk").values_list("title", flat=True))
    if current == lines:
        return
    ContentArea.objects.filter(campaign=campaign).delete()
    ContentArea.objects.bulk_create(
        ContentArea(campaign=campaign, order=i, title=line) for i, line in enumerate(lines)
    )


# Rubrics ----------------------------------------------------------------------------


def _owner_kwargs(*, campaign=None, cluster_year=None):
    if campaign is not None:
        return {"campaign": campaign, "cluster_year": campaign.cluster_year}
    return {"campaign": None, "cluster_year": cluster_year}


@transaction.atomic
def rubric_create(*, actor, title: str, campaign=None, cluster_year=None) -> Rubric:
    owner = _owner_kwargs(campaign=campaign, cluster_year=cluster_year)
    rubric = Rubric(
        title=title,
        version=selectors.next_version(campaign=campaign, cluster_year=cluster_year),
        **owner,
    )
    require_perm(actor, "campaigns.add_rubric", rubric)
    rubric.full_clean()
    rubric.save()
    audit_record(actor=actor, action="rubric.create", obj=rubric)
    return rubric


def _lock_editable(rubric, actor, revision=None) -> Rubric:
    rubric = (
        Rubric.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=rubric.pk)
    )
    if rubric.is_frozen:
        raise ActionRefused(
            _(
                "Units have already submitted scores against this rubric, so it is frozen. "
                "Create a new version to change it."
            )
        )
    require_perm(actor, "campaigns.change_rubric", rubric)
    if revision is not None and revision != rubric.revision:
        raise ActionRefused(
            _(
                "Someone else saved this rubric while you were editing it. Your changes were "
                "not saved: copy what you need, reload the page and apply them again."
            )
        )
    return rubric


@transaction.atomic
def rubric_save(
    *, rubric: Rubric, actor, header: dict, groups: list[dict], criteria: list[dict], revision: int
) -> Rubric:
    """Replace the rubric's settings, groups and criteria with those of the editing form.

    Rows keep their identity (`id`), so later references to a criterion stay valid.
    """
    rubric = _lock_editable(rubric, actor, revision)
    _refuse_problems(rubric_problems(header=header, groups=groups, criteria=criteria))
    _apply_structure(rubric, groups=groups, criteria=criteria, match="id")
    _apply_header(rubric, header)
    audit_record(
        actor=actor,
        action="rubric.update",
        obj=rubric,
        changes={"criteria": [None, len(criteria)], "groups": [None, len(groups)]},
    )
    return rubric


@transaction.atomic
def rubric_import(*, rubric: Rubric, actor, data) -> Rubric:
    """Apply a parsed .xlsx (campaigns.rubric_xlsx.RubricData), matching rows by code."""
    rubric = _lock_editable(rubric, actor)
    groups = [{"code": g.code, "title": g.title, "order": g.order} for g in data.groups]
    criteria = [
        {
            "group_code": c.group_code,
            "code": c.code,
            "title": c.title,
            "guidance": c.guidance,
            "max_points": c.max_points,
            "kind": c.kind,
            "evidence_required": c.evidence_required,
            "order": c.order,
        }
        for c in data.criteria
    ]
    header = {
        "title": data.title or rubric.title,
        "bonus_cap": rubric.bonus_cap if data.bonus_cap is None else data.bonus_cap,
        "tie_break_groups": rubric.tie_break_groups
        if data.tie_break_groups is None
        else data.tie_break_groups,
    }
    _refuse_problems(rubric_problems(header=header, groups=groups, criteria=criteria))
    _apply_structure(rubric, groups=groups, criteria=criteria, match="code")
    _apply_header(rubric, header)
    audit_record(
        actor=actor,
        action="rubric.import",
        obj=rubric,
        changes={"criteria": [None, len(criteria)], "groups": [None, len(groups)]},
    )
    return rubric


HEADER_FIELDS = (
    "title",
    "bonus_cap",
    "tie_break_groups",
    "band_excellent_from",
    "band_good_from",
    "band_complete_from",
    "final_score_rule",
)


def _apply_header(rubric, header):
    for name in HEADER_FIELDS:
        if name in header:
            setattr(rubric, name, header[name])
    rubric.revision += 1
    rubric.full_clean()
    rubric.save()


def _apply_structure(rubric, *, groups, criteria, match):
    """Upsert groups then criteria; rows not in the new structure are removed."""
    old_groups = list(RubricGroup.objects.filter(rubric=rubric))
    old_criteria = list(Criterion.objects.filter(rubric=rubric))
    key = (lambda obj: obj.pk) if match == "id" else (lambda obj: obj.code)
    group_by_key = {key(g): g for g in old_groups}
    criterion_by_key = {key(c): c for c in old_criteria}

    kept_groups, group_by_code = set(), {}
    for values in groups:
        group = group_by_key.get(values.get("id") if match == "id" else values["code"])
        group = group or RubricGroup(rubric=rubric)
        for name in GROUP_FIELDS:
            setattr(group, name, values[name])
        group.save()
        kept_groups.add(group.pk)
        group_by_code[group.code] = group

    kept_criteria = set()
    for values in criteria:
        criterion = criterion_by_key.get(values.get("id") if match == "id" else values["code"])
        criterion = criterion or Criterion(rubric=rubric)
        for name in CRITERION_FIELDS:
            setattr(criterion, name, values[name])
        criterion.group = group_by_code[values["group_code"]]
        criterion.save()
        kept_criteria.add(criterion.pk)

    Criterion.objects.filter(rubric=rubric).exclude(pk__in=kept_criteria).delete()
    RubricGroup.objects.filter(rubric=rubric).exclude(pk__in=kept_groups).delete()
    _check_deferred(_("Codes must be unique within the rubric."))


def _copy_structure(source, target):
    groups = list(RubricGroup.objects.filter(rubric=source).order_by("order", "pk"))
    new_groups = RubricGroup.objects.bulk_create(
        RubricGroup(rubric=target, code=g.code, title=g.title, order=g.order) for g in groups
    )
    group_map = {old.pk: new for old, new in zip(groups, new_groups, strict=True)}
    Criterion.objects.bulk_create(
        Criterion(
            rubric=target,
            group=group_map[c.group_id],
            **{name: getattr(c, name) for name in CRITERION_FIELDS},
        )
        for c in Criterion.objects.filter(rubric=source).order_by("order", "pk")
    )


@transaction.atomic
def rubric_copy(
    *, source: Rubric, actor, campaign=None, cluster_year=None, title: str = ""
) -> Rubric:
    """Start a rubric for a campaign (or a cluster year) from an earlier one."""
    require_perm(actor, "campaigns.view_rubric", source)
    rubric = Rubric(
        **{name: getattr(source, name) for name in HEADER_FIELDS},
        version=selectors.next_version(campaign=campaign, cluster_year=cluster_year),
        **_owner_kwargs(campaign=campaign, cluster_year=cluster_year),
    )
    rubric.title = title or source.title
    require_perm(actor, "campaigns.add_rubric", rubric)
    if rubric.version > 1 and selectors.rubric_title_taken(
        campaign=campaign, cluster_year=cluster_year, title=rubric.title
    ):
        raise ActionRefused(
            _("A rubric of this campaign is already called “%(title)s”: choose another name.")
            % {"title": rubric.title}
        )
    rubric.full_clean()
    rubric.save()
    _copy_structure(source, rubric)
    audit_record(
        actor=actor, action="rubric.copy", obj=rubric, changes={"source": [None, str(source)]}
    )
    return rubric


@transaction.atomic
def rubric_new_version(*, rubric: Rubric, actor) -> Rubric:
    """A frozen rubric changes only through a new version; submissions keep the old one."""
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    require_perm(actor, "campaigns.version_rubric", rubric)
    if hasattr(rubric, "next_version"):
        raise ActionRefused(
            _("Version %(version)d already exists: edit that one.")
            % {"version": rubric.next_version.version}
        )
    new = Rubric(
        **{name: getattr(rubric, name) for name in HEADER_FIELDS},
        campaign=rubric.campaign,
        cluster_year=rubric.cluster_year,
        previous=rubric,
        version=selectors.next_version(campaign=rubric.campaign, cluster_year=rubric.cluster_year),
    )
    new.save()
    _copy_structure(rubric, new)
    audit_record(
        actor=actor,
        action="rubric.new_version",
        obj=new,
        changes={"version": [rubric.version, new.version]},
    )
    return new


@transaction.atomic
def rubric_freeze(*, rubric: Rubric, actor=None) -> Rubric:
    """Called when the first unit submits scores against the rubric; idempotent."""
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    if rubric.frozen_at is None:
        rubric.frozen_at = timezone.now()
        rubric.save(update_fields=["frozen_at", "updated_at"])
        audit_record(actor=actor, action="rubric.freeze", obj=rubric)
    return rubric


# Events ---------------------------------------------------------------------------


@transaction.atomic
def event_save(*, campaign: Campaign, actor, data: dict, event=None) -> CampaignEvent:
    require_perm(actor, "campaigns.manage_events", campaign)
    creating = event is None
    if creating:
        event = CampaignEvent(campaign=campaign)
    else:
        event = CampaignEvent.objects.select_for_update().get(pk=event.pk, campaign=campaign)
    before = {} if creating else _snapshot(event, EVENT_FIELDS)
    for name in EVENT_FIELDS:
        if name in data:
            setattr(event, name, data[name])
    event.full_clean()
    event.save()
    audit_record(
        actor=actor,
        action="event.create" if creating else "event.update",
        obj=event,
        changes=field_changes(before, _snapshot(event, EVENT_FIELDS)),
    )
    return event


@transaction.atomic
def event_delete(*, event: CampaignEvent, actor) -> None:
    require_perm(actor, "campaigns.manage_events", event.campaign)
    files = [(a.file.name, a.thumbnail.name) for a in event.attachments.all()]
    audit_record(actor=actor, action="event.delete", obj=event)
    event.delete()
    transaction.on_commit(lambda: _remove_files(files))


@transaction.atomic
def attachment_add(*, event: CampaignEvent, actor, uploaded) -> EventAttachment:
    require_perm(actor, "campaigns.manage_events", event.campaign)
    attachment = fill_stored_file(
        EventAttachment(event=event), uploaded, allowed=DOCUMENTS_AND_IMAGES, actor=actor
    )
    attachment.save()
    audit_record(
        actor=actor,
        action="attachment.add",
        obj=event,
        changes={"file": [None, attachment.original_name]},
    )
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: EventAttachment, actor) -> None:
    require_perm(actor, "campaigns.manage_events", attachment.event.campaign)
    files = [(attachment.file.name, attachment.thumbnail.name)]
    audit_record(
        actor=actor,
        action="attachment.delete",
        obj=attachment.event,
        changes={"file": [attachment.original_name, None]},
    )
    attachment.delete()
    transaction.on_commit(lambda: _remove_files(files))


def _remove_files(pairs):

    for names in pairs:
        for name in names:
            if name:
                default_storage.delete(name)
