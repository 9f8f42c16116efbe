"""Issuing authorities and award decisions.

A decision (quyết định khen thưởng) is issued by one authority; recording it writes the award
records (`AwardRecord.decision`), which certificates and the award register then read.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import HasStatus
from evaluations.decisions.choices import AuthorityLevel, DecisionStatus, SignForm


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
        ]

    def __str__(self):
        return self.full_number or str(_("Draft decision"))

    @property
    def full_number(self) -> str:
        """ "123/QĐ-TTCP", or empty while a draft has no number."""
        return f"{self.number}/{self.authority.symbol}" if self.number else ""
