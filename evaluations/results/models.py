"""Results of a phase: submissions, scores, evidence, cross-scoring, extensions, rankings."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Criterion, Phase, Rubric
from core.choices import HasStatus
from core.uploads import UploadTo
from evaluations.results.choices import Band as BandChoice
from evaluations.results.choices import EvidenceKind, ExtensionRequestStatus, SubmissionStatus
from evaluations.results.ranking import final_score
from units.models import StatusChange, StoredFile, Unit

SCORE = {"max_digits": 6, "decimal_places": 2}


class Submission(HasStatus, models.Model):
    """A unit's results for one phase (báo cáo kết quả, tự chấm điểm), on one rubric version."""

    status_choices = SubmissionStatus

    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.PROTECT, related_name="submissions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="submissions"
    )
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("rubric version"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    leader_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    leader_approved_at = models.DateTimeField(_("approved by the leader at"), null=True, blank=True)
    comment = models.TextField(_("secretariat's comment"), blank=True)
    # Totals kept with the row (recomputed in the same transaction as every score change),
    # so that boards and rankings over thousands of units read one row per unit.
    self_total = models.DecimalField(_("self-assessed total"), default=Decimal("0"), **SCORE)
    final_total = models.DecimalField(_("final total"), default=Decimal("0"), **SCORE)
    # The final totals' parts (normal, bonus, penalty, group subtotals), kept with the row so
    # that a ranking of thousands of units reads no score rows (see ranking.totals_from_json).
    final_breakdown = models.JSONField(default=dict, blank=True, editable=False)
    scored_count = models.PositiveSmallIntegerField(default=0)
    missing_evidence_count = models.PositiveSmallIntegerField(default=0)
    revision = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["phase", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "unit"],
                name="submission_one_per_unit_and_phase",
                violation_error_message=_("This unit already has results for this phase."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=SubmissionStatus.values), name="submission_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["phase", "status"])]

    def __str__(self):
        return f"{self.unit} – {self.phase}"

    @property
    def is_editable(self) -> bool:
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)

    @property
    def was_submitted(self) -> bool:
        """Submitted at least once: the secretariat reads it and its final total counts."""
        return self.status != SubmissionStatus.DRAFT

    @property
    def feedback(self) -> str:
        """The secretariat's comment, while the results are returned to the unit."""
        return self.comment if self.status == SubmissionStatus.RETURNED else ""


class Score(models.Model):
    """One criterion of a submission: the unit's score and explanation, the secretariat's review."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    self_score = models.DecimalField(_("self score"), null=True, blank=True, **SCORE)
    explanation = models.TextField(_("explanation"), blank=True)
    reviewed_score = models.DecimalField(_("reviewed score"), null=True, blank=True, **SCORE)
    review_reason = models.TextField(_("reason for the reviewed score"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # The average of the finished cross-scorers, kept here when one finishes (None: none did).
    cross_score = models.DecimalField(_("cross-scoring average"), null=True, blank=True, **SCORE)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["submission", "criterion__group__order", "criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "criterion"], name="score_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(self_score__isnull=True) | Q(self_score__gte=0),
                name="score_self_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_score__isnull=True) | Q(reviewed_score__gte=0),
                name="score_reviewed_not_negative",
            ),
            # A reviewed score always comes with its reason.
            models.CheckConstraint(
                condition=Q(reviewed_score__isnull=True) | ~Q(review_reason=""),
                name="score_review_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.submission} – {self.criterion.code}"

    def final_for(self, rule):
        """The score that counts under the rubric's final score rule."""
        return final_score(self.self_score, self.reviewed_score, self.cross_score, rule)


class Evidence(StoredFile):
    """A file attached to a submission: evidence for a criterion, or the narrative report."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="files"
    )
    criterion = models.ForeignKey(
        Criterion,
        verbose_name=_("criterion"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=UploadTo("evidence"))
    thumbnail = models.ImageField(upload_to=UploadTo("thumbnails"), blank=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["submission", "kind", "uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=EvidenceKind.EVIDENCE, criterion__isnull=False)
                | Q(kind=EvidenceKind.REPORT, criterion__isnull=True),
                name="evidence_kind_matches_criterion",
            ),
        ]


class CrossAssignment(models.Model):
    """The secretariat asks a member unit to score another unit's results (chấm chéo)."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("results scored"),
        on_delete=models.CASCADE,
        related_name="cross_assignments",
    )
    scorer = models.ForeignKey(
        Unit,
        verbose_name=_("scoring unit"),
        on_delete=models.PROTECT,
        related_name="cross_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("cross-scoring assignment")
        verbose_name_plural = _("cross-scoring assignments")
        ordering = ["submission", "scorer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "scorer"],
                name="cross_assignment_once_per_scorer",
                violation_error_message=_("This unit already scores these results."),
            )
        ]
        indexes = [models.Index(fields=["scorer", "finished_at"])]

    def __str__(self):
        return f"{self.scorer} → {self.submission}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class CrossScore(models.Model):
    """One criterion as scored by a cross-scoring unit."""

    assignment = models.ForeignKey(CrossAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(_("score"), null=True, blank=True, **SCORE)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("cross score")
        verbose_name_plural = _("cross scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="cross_score_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0), name="cross_score_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.assignment} – {self.criterion_id}"


class Extension(models.Model):
    """The secretariat lets one unit submit a phase's results after the deadline."""

    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="extensions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="extensions"
    )
    until = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=255)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now=True)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "unit"], name="extension_one_per_unit_and_phase"
            )
        ]

    def __str__(self):
        return f"{self.unit} – {self.phase}: {self.until}"


class ExtensionRequest(HasStatus, models.Model):
    """A unit asks the secretariat for more time to submit a phase's results (xin gia hạn);
    the secretariat grants it (the unit's Extension, perhaps to another date) or refuses."""

    status_choices = ExtensionRequestStatus

    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="extension_requests"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="extension_requests"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionRequestStatus.choices,
        default=ExtensionRequestStatus.PENDING,
    )
    wished_until = models.DateField(_("wished date"))
    reason = models.CharField(_("reason"), max_length=255)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    granted_until = models.DateField(_("granted until"), null=True, blank=True)
    # The secretariat's word: why it refused (required), or a note with the grant.
    comment = models.TextField(_("secretariat's answer"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["phase", "unit__name", "-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "unit"],
                condition=Q(status=ExtensionRequestStatus.PENDING),
                name="extension_request_one_pending",
                violation_error_message=_(
                    "This unit already has a request waiting for the secretariat."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=ExtensionRequestStatus.values),
                name="extension_request_status_valid",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="extension_request_has_reason"),
            models.CheckConstraint(
                condition=~Q(status=ExtensionRequestStatus.GRANTED)
                | Q(granted_until__isnull=False),
                name="extension_request_granted_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=ExtensionRequestStatus.REFUSED) | ~Q(comment=""),
                name="extension_request_refusal_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["phase", "status"])]

    def __str__(self):
        return f"{self.unit} – {self.phase}: {self.wished_until}"

    @property
    def is_pending(self) -> bool:
        return self.status == ExtensionRequestStatus.PENDING

    @property
    def is_refused(self) -> bool:
        return self.status == ExtensionRequestStatus.REFUSED

    @property
    def is_granted(self) -> bool:
        return self.status == ExtensionRequestStatus.GRANTED


class SubmissionEvent(StatusChange):
    """The rounds of a submission: every status change with who, when and why."""

    status_choices = SubmissionStatus
    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="history"
    )

    class Meta:
        ordering = ["submission", "at", "pk"]


class RankingPublication(models.Model):
    """The secretariat publishes a phase's ranking; the entries are kept as published."""

    phase = models.OneToOneField(
        Phase, verbose_name=_("phase"), on_delete=models.PROTECT, related_name="publication"
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("published ranking")
        verbose_name_plural = _("published rankings")

    def __str__(self):
        return str(self.phase)


class RankingEntry(models.Model):
    publication = models.ForeignKey(
        RankingPublication, on_delete=models.CASCADE, related_name="entries"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="ranking_entries")
    unit_name = models.CharField(max_length=255)
    rank = models.PositiveSmallIntegerField()
    total = models.DecimalField(**SCORE)
    group_totals = models.JSONField(default=dict)
    band = models.CharField(max_length=10, choices=BandChoice.choices, blank=True)
    tied = models.BooleanField(default=False)

    class Meta:
        ordering = ["publication", "rank", "unit_name"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "unit"], name="ranking_entry_unique")
        ]

    def __str__(self):
        return f"{self.rank}. {self.unit_name}"
