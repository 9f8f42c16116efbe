from decimal import Decimal

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import BigIntegerRangeField, DateRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.choices import (
    CampaignKind,
    CampaignScope,
    CampaignStatus,
    CriterionKind,
    EventKind,
    FinalScoreRule,
    ReviewKind,
)
from core.choices import HasStatus
from core.uploads import UploadTo
from units.models import ClusterYear, StoredFile, Unit

campaign_document_path = UploadTo("campaigns")
event_attachment_path = UploadTo("events")
event_thumbnail_path = UploadTo("thumbnails")


class Campaign(HasStatus, models.Model):
    """An emulation movement (phong trào thi đua) with the period it covers."""

    status_choices = CampaignStatus

    title = models.CharField(_("title"), max_length=255)
    theme = models.CharField(_("theme or slogan"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CampaignKind.choices)
    scope = models.CharField(_("scope"), max_length=20, choices=CampaignScope.choices)
    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    # The launching document: its date is the launch date, which may differ from the
    # period the campaign covers (the 80th-anniversary plan counts from before its launch).
    document_number = models.CharField(_("launching document number"), max_length=100, blank=True)
    launch_date = models.DateField(_("launch date (date of the document)"), null=True, blank=True)
    issuing_unit = models.ForeignKey(
        Unit,
        verbose_name=_("issuing unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_campaigns",
    )
    document_file = models.FileField(
        _("launching document (file)"), upload_to=campaign_document_path, blank=True
    )
    document_file_name = models.CharField(max_length=255, blank=True, editable=False)
    start_date = models.DateField(_("covers from"))
    end_date = models.DateField(_("covers until"))
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CampaignKind.values), name="campaign_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope=CampaignScope.SECTOR, cluster_year__isnull=True)
                | Q(scope=CampaignScope.CLUSTER_YEAR, cluster_year__isnull=False),
                name="campaign_scope_matches_cluster_year",
                violation_error_message=_(
                    "A cluster campaign needs its cluster year; a sector campaign has none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="campaign_ends_after_start",
                violation_error_message=_("The campaign cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["start_date", "end_date"])]

    def __str__(self):
        return self.title

    def status_on(self, day) -> str:
        if day < self.start_date:
            return CampaignStatus.PLANNED
        if day > self.end_date:
            return CampaignStatus.CLOSED
        return CampaignStatus.RUNNING

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self):
        return CampaignStatus(self.status).label

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})
        if self.scope == CampaignScope.CLUSTER_YEAR and not self.cluster_year_id:
            raise ValidationError({"cluster_year": _("Choose the cluster year of this campaign.")})
        if self.scope == CampaignScope.SECTOR:
            self.cluster_year = None


class ContentArea(models.Model):
    """One emulation content (nội dung thi đua) of a campaign."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="content_areas"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.TextField(_("content"))

    class Meta:
        verbose_name = _("emulation content")
        verbose_name_plural = _("emulation contents")
        ordering = ["campaign", "order", "pk"]

    def __str__(self):
        return self.title[:80]


class Phase(models.Model):
    """A phase (đợt) of a campaign, closed by a preliminary or final review."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="phases"
    )
    name = models.CharField(_("name"), max_length=150)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    review_kind = models.CharField(_("review"), max_length=20, choices=ReviewKind.choices)
    results_deadline = models.DateField(_("deadline for units' results"))
    review_date = models.DateField(_("review meeting date"), null=True, blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["campaign", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_kind__in=ReviewKind.values), name="phase_review_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="phase_ends_after_start",
                violation_error_message=_("A phase cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(results_deadline__gte=F("start_date")),
                name="phase_deadline_after_start",
                violation_error_message=_(
                    "The results deadline cannot be before the phase starts."
                ),
            ),
            # Phases of one campaign never overlap. The campaign id is wrapped in a
            # one-value range so that plain GiST can compare it (no btree_gist needed).
            ExclusionConstraint(
                name="phase_no_overlap_in_campaign",
                expressions=[
                    (
                        Func(
                            F("campaign_id"),
                            F("campaign_id") + 1,
                            function="int8range",
                            output_field=BigIntegerRangeField(),
                        ),
                        RangeOperators.OVERLAPS,
                    ),
                    (
                        Func(
                            F("start_date"),
                            F("end_date"),
                            Value("[]"),
                            function="daterange",
                            output_field=DateRangeField(),
                        ),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                violation_error_message=_("Phases of one campaign cannot overlap."),
                # Checked at commit, so that a service may move several phases at once.
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]

    def __str__(self):
        return f"{self.campaign} – {self.name}"


class Rubric(models.Model):
    """A scoring rubric (bảng tiêu chí chấm điểm): groups of criteria, versioned.

    Frozen once a unit has submitted scores against it; a change then needs a new
    version, and earlier submissions keep pointing at the version they used.
    """

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rubrics",
    )
    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rubrics",
    )
    title = models.CharField(_("title"), max_length=255)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_version",
    )
    bonus_cap = models.DecimalField(
        _("cap on bonus points"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The most bonus points a unit can gain in total."),
    )
    # Ranking ties: compare these group codes in order (higher subtotal first).
    tie_break_groups = models.CharField(
        _("tie-break order of groups"),
        max_length=100,
        blank=True,
        help_text=_(
            "Group codes separated by commas, e.g. “A, B”: on equal totals, "
            "the higher score in A wins, then B."
        ),
    )
    # Classification bands of the ranking: the lowest total of each band (empty = unused).
    band_excellent_from = models.DecimalField(
        _("“excellent” from (total)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    band_good_from = models.DecimalField(
        _("“good” from (total)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    band_complete_from = models.DecimalField(
        _("“complete” from (total)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    final_score_rule = models.CharField(
        _("final score rule"),
        max_length=20,
        choices=FinalScoreRule.choices,
        default=FinalScoreRule.REVIEWED_ELSE_SELF,
        help_text=_("Which score of each criterion counts in the totals and the ranking."),
    )
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Optimistic locking: a save based on an older revision is refused, not merged.
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("scoring rubric")
        verbose_name_plural = _("scoring rubrics")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(campaign__isnull=False) | Q(cluster_year__isnull=False),
                name="rubric_belongs_somewhere",
                violation_error_message=_("A rubric belongs to a campaign or a cluster year."),
            ),
            models.UniqueConstraint(
                fields=["campaign", "version"],
                condition=Q(campaign__isnull=False),
                name="rubric_version_unique_in_campaign",
            ),
            models.UniqueConstraint(
                fields=["cluster_year", "version"],
                condition=Q(campaign__isnull=True),
                name="rubric_version_unique_in_cluster_year",
            ),
            models.CheckConstraint(condition=Q(bonus_cap__gte=0), name="rubric_bonus_cap_positive"),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def owner(self):
        return self.campaign or self.cluster_year

    @property
    def tie_break_codes(self) -> list[str]:
        return [c.strip() for c in self.tie_break_groups.split(",") if c.strip()]


class RubricGroup(models.Model):
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="groups"
    )
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("title"), max_length=255)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criteria group")
        verbose_name_plural = _("criteria groups")
        ordering = ["rubric", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rubric", "code"],
                name="rubric_group_code_unique",
                violation_error_message=_("Group codes must be unique within the rubric."),
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"


class Criterion(models.Model):
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="criteria"
    )
    group = models.ForeignKey(
        RubricGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("criterion"), max_length=500)
    guidance = models.TextField(_("guidance for units"), blank=True)
    max_points = models.DecimalField(
        _("maximum points"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    kind = models.CharField(
        _("kind"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.NORMAL
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rubric", "group__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rubric", "code"],
                name="criterion_code_unique_in_rubric",
                violation_error_message=_("Criterion codes must be unique within the rubric."),
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=CriterionKind.values), name="criterion_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"


class CampaignEvent(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"))
    host_unit = models.ForeignKey(
        Unit,
        verbose_name=_("host unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("campaign event")
        verbose_name_plural = _("campaign events")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
        ]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return self.title


class EventAttachment(StoredFile):
    """A document or photo of an event; served only to users who may see the campaign."""

    event = models.ForeignKey(
        CampaignEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=event_attachment_path)
    thumbnail = models.ImageField(upload_to=event_thumbnail_path, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["event", "uploaded_at", "pk"]
