"""Issuing authorities and award decisions.

A decision (quyết định khen thưởng) is issued by one authority; recording it writes the award
records (`AwardRecord.decision`), which certificates and the award register then read.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from core.choices import HasStatus
from core.uploads import UploadTo
from evaluations.decisions.choices import (
    AuthorityLevel,
    DecisionKind,
    DecisionStatus,
    DocumentKind,
    SignForm,
)
from units.models import StatusChange


class IssuingAuthority(models.Model):
    """An authority that decides awards (Tổng Thanh tra Chính phủ, Chánh Thanh tra tỉnh …)."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    # The line printed in capitals at the head of its documents ("TỔNG THANH TRA CHÍNH PHỦ").
    heading = models.CharField(_("heading line"), max_length=255)
    level = models.CharField(_("level"), max_length=10, choices=AuthorityLevel.choices)
    # Symbol after the number ("QĐ-TTCP" in 123/QĐ-TTCP).
    symbol = models.CharField(_("decision symbol"), max_length=50)
    place = models.CharField(
        _("place name"), max_length=100, help_text=_('Printed as "Hà Nội, ngày … tháng … năm …".')
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("issuing authority")
        verbose_name_plural = _("issuing authorities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=AuthorityLevel.values), name="authority_level_valid"
            ),
        ]

    def __str__(self):
        return self.name


class AwardDecision(HasStatus, models.Model):
    """A decision awarding titles to collectives and individuals (its lines)."""

    status_choices = DecisionStatus

    authority = models.ForeignKey(
        IssuingAuthority,
        verbose_name=_("issuing authority"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    # Empty while a draft: the number is given when the decision is signed.
    number = models.CharField(_("decision number"), max_length=50, blank=True)
    date = models.DateField(_("decision date"), null=True, blank=True)
    effective_date = models.DateField(_("effective from"), null=True, blank=True)
    legal_bases = models.TextField(_("legal bases"), blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=255, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=255, blank=True)
    sign_form = models.CharField(
        _("signing form"), max_length=4, choices=SignForm.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    kind = models.CharField(
        _("kind of decision"),
        max_length=12,
        choices=DecisionKind.choices,
        default=DecisionKind.COMMENDATION,
    )
    # The abstract under "QUYẾT ĐỊNH" ("Về việc tặng Bằng khen …").
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    # The cluster year whose forwarded proposals it was drafted from (links, tờ trình).
    cluster_year = models.ForeignKey(
        "units.ClusterYear",
        verbose_name=_("cluster year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    # Why it was revoked (thu hồi); the corrections are in its history.
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DecisionStatus.values), name="decision_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=DecisionStatus.DRAFT) | (~Q(number="") & Q(date__isnull=False)),
                name="decision_recorded_has_number",
            ),
            # The register (sổ quyết định): one number per authority and year.
            models.UniqueConstraint(
                F("authority"),
                ExtractYear("date"),
                F("number"),
                condition=~Q(number=""),
                name="decision_number_unique_per_authority_year",
                violation_error_message=_(
                    "This authority already has a decision with this number this year."
                ),
            ),
        ]
        indexes = [models.Index(fields=["authority", "date"])]

    def __str__(self):
        if self.number:
            return self.full_number
        return _("Draft decision no. %(pk)s") % {"pk": self.pk}

    @property
    def full_number(self) -> str:
        """ "123/QĐ-TTCP", or empty while a draft has no number."""
        return f"{self.number}/{self.authority.symbol}" if self.number else ""

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def is_draft(self) -> bool:
        return self.status == DecisionStatus.DRAFT

    @property
    def is_revoked(self) -> bool:
        return self.status == DecisionStatus.REVOKED

    @property
    def signer_heading(self) -> str:
        """The signature block's first line: "KT. TỔNG THANH TRA" or the authority's heading."""
        return f"{self.sign_form} {self.authority.heading}".strip()


class DecisionLine(models.Model):
    """One nominee of a decision: a collective or a person, the title, reason and amount.

    `position` is the nominee's number in the decision's annex (the register number, "số sổ
    vàng", printed on the certificate)."""

    decision = models.ForeignKey(
        AwardDecision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveIntegerField(_("no."))
    proposal = models.ForeignKey(
        "evaluations.AwardProposal",
        verbose_name=_("proposal"),
        on_delete=models.PROTECT,
        related_name="decision_lines",
    )
    title = models.ForeignKey(
        "pledges.Title", verbose_name=_("title or award form"), on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "units.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient_name = models.CharField(_("recipient"), max_length=255)
    reason = models.TextField(_("reason"), blank=True)
    multiplier = models.DecimalField(
        _("reward multiplier (× base salary)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    amount = models.DecimalField(
        _("reward amount (VND)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    amount_to_verify = models.BooleanField(_("amount to verify"), default=False)
    # Written when the decision is recorded.
    award_record = models.OneToOneField(
        "evaluations.AwardRecord",
        verbose_name=_("award record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_line",
    )

    class Meta:
        verbose_name = _("decision line")
        verbose_name_plural = _("decision lines")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "position"], name="decision_line_position_unique"
            ),
            models.UniqueConstraint(
                fields=["decision", "proposal"], name="decision_line_proposal_unique"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.recipient_name} – {self.title.name}"

    @property
    def is_collective(self) -> bool:
        return self.person_id is None


class DecisionEvent(StatusChange):
    """Every step of a decision: drafted, recorded, corrected (đính chính), revoked (thu hồi)."""

    status_choices = DecisionStatus
    decision = models.ForeignKey(AwardDecision, on_delete=models.CASCADE, related_name="history")

    class Meta:
        ordering = ["decision", "at", "pk"]


class DecisionTemplate(models.Model):
    """The office's Word template (docxtpl) for one document of one kind of decision; the
    shipped default (Decree 30/2020 layout) is used while none is uploaded."""

    decision_kind = models.CharField(
        _("kind of decision"), max_length=12, choices=DecisionKind.choices
    )
    document = models.CharField(_("document"), max_length=12, choices=DocumentKind.choices)
    file = models.FileField(_("Word template (.docx)"), upload_to=UploadTo("decision_templates"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("decision template")
        verbose_name_plural = _("decision templates")
        ordering = ["decision_kind", "document"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision_kind", "document"],
                name="decision_template_one_per_kind",
                violation_error_message=_(
                    "There is already a template for this document and kind of decision: "
                    "replace its file."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_document_display()} – {self.get_decision_kind_display()}"
