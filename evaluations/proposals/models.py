"""Award proposals (đề nghị khen thưởng), their files and their steps."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import HasStatus
from core.search import SearchText, Trigrams
from core.uploads import UploadTo
from evaluations.proposals.choices import InitiativeScope, ProposalStatus, TaskRating
from evaluations.results.models import RankingEntry
from units.models import StatusChange, StoredFile, Unit

# What the top bar's search reads of a proposal (core.search): the nominee's name. (Its
# decision number is found through the award records the decision wrote.)
PROPOSAL_SEARCH_FIELDS = ("nominee_name",)


class NomineeList(models.Model):
    """One title for many people of one unit at once: one dossier with one list. Each row
    is an award proposal of its own (`proposals`), checked together and submitted together;
    the cluster and the council then return, endorse and decide each nominee."""

    cluster_year = models.ForeignKey(
        "units.ClusterYear",
        verbose_name=_("cluster year"),
        on_delete=models.PROTECT,
        related_name="nominee_lists",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="nominee_lists"
    )
    title = models.ForeignKey(
        "pledges.Title", verbose_name=_("title or award form"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("year"))
    by_secretariat = models.BooleanField(_("proposed by the cluster"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("nominee list")
        verbose_name_plural = _("nominee lists")
        ordering = ["-year", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.title.name} – {self.unit.name} ({self.year})"


class AwardProposal(HasStatus, models.Model):
    """A proposal (đề nghị khen thưởng) for a unit, or a person of a unit, to get a title."""

    status_choices = ProposalStatus

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
    nominee_list = models.ForeignKey(
        NomineeList,
        verbose_name=_("nominee list"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
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
            GinIndex(
                Trigrams(SearchText(*PROPOSAL_SEARCH_FIELDS)), name="proposal_search_trigrams"
            ),
        ]

    def __str__(self):
        return f"{self.title.name} – {self.nominee_name} ({self.year})"

    @property
    def is_editable(self) -> bool:
        return self.status in (ProposalStatus.DRAFT, ProposalStatus.RETURNED)

    @property
    def feedback(self) -> str:
        """What the proposer must read: why it was returned, or why it was rejected."""
        if self.status in (ProposalStatus.RETURNED, ProposalStatus.REJECTED):
            return self.comment
        return ""


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
