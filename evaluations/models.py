from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Criterion, Phase, Rubric
from core.uploads import UploadTo
from evaluations.choices import (
    AwardSource,
    EvidenceKind,
    InitiativeScope,
    ProposalStatus,
    SubmissionStatus,
    TaskRating,
)
from evaluations.choices import Band as BandChoice
from evaluations.ranking import final_score
from units.models import StatusChange, StoredFile, Unit

SCORE = {"max_digits": 6, "decimal_places": 2}


class Submission(models.Model):
    """A unit's results for one phase (báo cáo kết quả, tự chấm điểm), on one rubric version."""

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


# --- Award proposals and award records -------------------------------------------------------


class AwardProposal(models.Model):
    """A proposal (đề nghị khen thưởng) for a unit, or a person of a unit, to get a title."""

    title = models.ForeignKey(
        "pledges.Title", verbose_name=_("title or award form"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("year"))
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_proposals",
    )
    cluster_year = models.ForeignKey(
        "units.ClusterYear",
        verbose_name=_("cluster year"),
        on_delete=models.PROTECT,
        related_name="award_proposals",
    )
    # The nominee: the unit itself, or one of its people.
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="award_proposals"
    )
    person = models.ForeignKey(
        "units.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_proposals",
    )
    nominee_name = models.CharField(_("nominee"), max_length=255)
    proposing_unit = models.ForeignKey(
        Unit, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    by_secretariat = models.BooleanField(_("proposed by the cluster"), default=False)
    summary = models.TextField(_("achievement summary"))
    task_rating = models.CharField(
        _("task rating of the year"), max_length=12, choices=TaskRating.choices, blank=True
    )
    initiative = models.CharField(
        _("initiative or scientific work"),
        max_length=255,
        blank=True,
        help_text=_("The initiative this proposal relies on (one initiative, one award)."),
    )
    initiative_scope = models.CharField(
        _("initiative recognised"),
        max_length=10,
        choices=InitiativeScope.choices,
        blank=True,
    )
    no_pending_discipline = models.BooleanField(
        _("no discipline review, investigation or complaint is pending"),
        default=False,
        help_text=_("The proposing unit confirms this (Decree 152, Art. 4)."),
    )
    ranking_entry = models.ForeignKey(
        RankingEntry,
        verbose_name=_("ranking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    comment = models.TextField(_("comment"), blank=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuing_authority = models.CharField(_("issued by"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("award proposal")
        verbose_name_plural = _("award proposals")
        ordering = ["-year", "title__order", "nominee_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="proposal_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.APPROVED)
                | (~Q(decision_number="") & Q(decision_date__isnull=False)),
                name="proposal_approved_has_decision",
            ),
            # One live proposal per nominee, title and year (withdrawn and rejected ones aside).
            models.UniqueConstraint(
                fields=["title", "year", "unit"],
                condition=Q(person__isnull=True)
                & ~Q(status__in=[ProposalStatus.WITHDRAWN, ProposalStatus.REJECTED]),
                name="proposal_one_live_per_unit",
                violation_error_message=_(
                    "This unit is already proposed for this title this year."
                ),
            ),
            models.UniqueConstraint(
                fields=["title", "year", "person"],
                condition=Q(person__isnull=False)
                & ~Q(status__in=[ProposalStatus.WITHDRAWN, ProposalStatus.REJECTED]),
                name="proposal_one_live_per_person",
                violation_error_message=_(
                    "This person is already proposed for this title this year."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["cluster_year", "status"]),
            models.Index(fields=["unit", "year"]),
        ]

    def __str__(self):
        return f"{self.title.name} – {self.nominee_name} ({self.year})"

    @property
    def is_editable(self) -> bool:
        return self.status in (ProposalStatus.DRAFT, ProposalStatus.RETURNED)


class ProposalFile(StoredFile):
    """Proofs attached to a proposal: achievement report, initiative certificate, ratings."""

    proposal = models.ForeignKey(
        AwardProposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to=UploadTo("proposals"))

    class Meta:
        verbose_name = _("proposal file")
        verbose_name_plural = _("proposal files")
        ordering = ["proposal", "uploaded_at"]


class ProposalEvent(StatusChange):
    """Every step of a proposal: who, when, and why."""

    status_choices = ProposalStatus
    proposal = models.ForeignKey(AwardProposal, on_delete=models.CASCADE, related_name="history")

    class Meta:
        ordering = ["proposal", "at", "pk"]


class AwardRecord(models.Model):
    """A title or award received: the history every later eligibility check reads."""

    title = models.ForeignKey(
        "pledges.Title", verbose_name=_("title or award form"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="award_records"
    )
    person = models.ForeignKey(
        "units.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_records",
    )
    recipient_name = models.CharField(_("recipient"), max_length=255)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_records",
    )
    is_thematic = models.BooleanField(
        _("from a thematic movement"),
        default=False,
        help_text=_("Thematic awards do not count toward regular-merit proposals."),
    )
    decision_number = models.CharField(_("decision number"), max_length=50)
    decision_date = models.DateField(_("decision date"))
    issuing_authority = models.CharField(_("issued by"), max_length=255, blank=True)
    amount = models.DecimalField(
        _("reward amount (VND)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    summary = models.TextField(_("achievement summary"), blank=True)
    initiative = models.CharField(_("initiative or scientific work"), max_length=255, blank=True)
    proposal = models.OneToOneField(
        AwardProposal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_record",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=AwardSource.choices, default=AwardSource.MANUAL
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        ordering = ["-year", "title__order", "recipient_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "year", "unit"],
                condition=Q(person__isnull=True),
                name="award_once_per_unit_title_year",
                violation_error_message=_("This unit already holds this award for that year."),
            ),
            models.UniqueConstraint(
                fields=["title", "year", "person"],
                condition=Q(person__isnull=False),
                name="award_once_per_person_title_year",
                violation_error_message=_("This person already holds this award for that year."),
            ),
        ]
        indexes = [
            models.Index(fields=["person", "year"]),
            models.Index(fields=["unit", "year"]),
        ]

    def __str__(self):
        return f"{self.title.name} – {self.recipient_name} ({self.year})"


from evaluations.ballot_models import *  # noqa: E402, F403

# --- Base salary (R18: reward amount = multiplier × base salary in force) -------------------


class BaseSalary(models.Model):
    """The statutory base salary (lương cơ sở) from a date on; rewards are multiples of it."""

    amount = models.DecimalField(_("base salary (VND)"), max_digits=12, decimal_places=0)
    valid_from = models.DateField(_("in force from"), unique=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive"),
        ]

    def __str__(self):
        return f"{self.amount:,.0f} VND ({self.valid_from:%d/%m/%Y})"
