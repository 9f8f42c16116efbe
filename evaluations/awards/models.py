"""Award records (the history every eligibility check reads) and the base salary."""

from decimal import Decimal

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.search import SearchText, Trigrams
from evaluations.awards.choices import AwardSource
from units.models import Unit

# What the award lookup and the top bar's search read of a record (core.search): the
# recipient's name (a person or a collective), through a trigram index; the decision's
# number folded the same way, through a btree index that serves "begins with" (a register's
# numbers share their symbol and year: trigrams of "qd" or "2024" would match most rows).
AWARD_SEARCH_FIELDS = ("recipient_name",)
DECISION_NUMBER_TEXT = SearchText("decision_number")


class AwardRecordQuerySet(models.QuerySet):
    def in_force(self):
        """Awards that count: a revoked one (its decision was revoked) leaves the eligibility
        history and the honour boards."""
        return self.filter(is_revoked=False)


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
    # Kept with the amount when the system computes it (R18), so that the record keeps the
    # figure of its decision date whatever the catalogue later says; empty for a typed amount.
    multiplier = models.DecimalField(
        _("reward multiplier (× base salary)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    amount_to_verify = models.BooleanField(
        _("amount to verify"),
        default=False,
        db_default=False,  # rows written by raw SQL (seed_scale) are not marked
        help_text=_("The amount comes from a multiplier not confirmed by the legal text."),
    )
    summary = models.TextField(_("achievement summary"), blank=True)
    initiative = models.CharField(_("initiative or scientific work"), max_length=255, blank=True)
    # By name: proposals come after awards in the import order (a proposal reads the amounts).
    proposal = models.OneToOneField(
        "evaluations.AwardProposal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_record",
    )
    # The recorded decision that made this award (empty for awards typed or imported).
    decision = models.ForeignKey(
        "evaluations.AwardDecision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_records",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=AwardSource.choices, default=AwardSource.MANUAL
    )
    # Set when its decision is revoked (thu hồi): kept for the register, counted nowhere.
    is_revoked = models.BooleanField(
        _("revoked"),
        default=False,
        db_default=False,  # rows written by raw SQL (seed_scale) are in force
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AwardRecordQuerySet.as_manager()

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
            GinIndex(Trigrams(SearchText(*AWARD_SEARCH_FIELDS)), name="award_search_trigrams"),
            models.Index(
                OpClass(DECISION_NUMBER_TEXT, name="text_pattern_ops"),
                name="award_decision_number_folded",
            ),
            # The lookup's order, so that a page of a year or a unit is read in order.
            models.Index(
                F("year").desc(),
                F("decision_date").desc(),
                "recipient_name",
                "id",
                name="award_lookup_order",
            ),
        ]

    def __str__(self):
        return f"{self.title.name} – {self.recipient_name} ({self.year})"

    @property
    def multiplier_text(self) -> str:
        """The multiplier without trailing zeros, in the page's number format ("1,5", "8")."""
        if self.multiplier is None:
            return ""
        m = self.multiplier
        m = m.quantize(Decimal(1)) if m == m.to_integral_value() else m.normalize()
        return number_format(m)


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
