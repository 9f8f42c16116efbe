from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Criterion
from core.choices import HasStatus
from core.docx import vietnamese_date_line
from core.uploads import UploadTo
from pledges.choices import (
    PledgeFileKind,
    PledgeStatus,
    Recipient,
    RegistrationStatus,
    SignatureSource,
    TitleLevel,
)
from units.models import ClusterYear, Person, StatusChange, StoredFile, Unit


class Title(models.Model):
    """An emulation title or award form (DOMAIN.md catalogue), kept as data.

    One row per code and recipient kind: the same form (Bằng khen) has a different
    reward multiplier for a person and for a collective. The multiplier itself is dated
    (`TitleMultiplier`): it belongs to the decree in force on the decision date.
    """

    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=255)
    recipient = models.CharField(_("for"), max_length=12, choices=Recipient.choices)
    level = models.CharField(_("level"), max_length=10, choices=TitleLevel.choices)
    is_emulation_title = models.BooleanField(
        _("emulation title"),
        default=True,
        help_text=_("Untick for award forms (certificates, medals)."),
    )
    criteria_summary = models.TextField(_("main criteria"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    valid_from = models.DateField(_("applies from"), null=True, blank=True)
    valid_until = models.DateField(_("applies until"), null=True, blank=True)
    quota_percent = models.PositiveSmallIntegerField(
        _("quota (% of the unit's staff)"),
        null=True,
        blank=True,
        help_text=_(
            "At most this share of a unit's staff may be proposed in a year (empty: none)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("title or award form")
        verbose_name_plural = _("titles and award forms")
        ordering = ["order", "code", "recipient"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "recipient"], name="title_code_recipient_unique"
            ),
            models.CheckConstraint(
                condition=Q(recipient__in=Recipient.values), name="title_recipient_valid"
            ),
            models.CheckConstraint(
                condition=Q(level__in=TitleLevel.values), name="title_level_valid"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def choice_label(self) -> str:
        """How a title reads wherever it is chosen: the same name exists for a person and
        for a collective (Bằng khen), so the recipient is always said."""
        return f"{self.name} ({self.get_recipient_display()})"


class TitleMultiplier(models.Model):
    """A title's reward multiplier (× base salary) over the period a decree sets it.

    The amount of an award is the multiplier in force on its decision date times the base
    salary in force that day (DOMAIN-OUTPUTS.md D). Periods of one title never overlap
    (`clean`, and the admin's formset); a successor decree is a new row, never an edit.
    """

    title = models.ForeignKey(
        Title,
        verbose_name=_("title or award form"),
        on_delete=models.CASCADE,
        related_name="multipliers",
    )
    valid_from = models.DateField(_("in force from"))
    valid_until = models.DateField(
        _("in force until"), null=True, blank=True, help_text=_("Empty: still in force.")
    )
    multiplier = models.DecimalField(
        _("reward multiplier (× base salary)"), max_digits=5, decimal_places=2
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    to_verify = models.BooleanField(
        _("to verify"),
        default=False,
        help_text=_(
            "Tick when the figure is not confirmed by the legal text: amounts computed "
            "from it are marked “to verify”."
        ),
    )

    class Meta:
        verbose_name = _("reward multiplier")
        verbose_name_plural = _("reward multipliers")
        ordering = ["title__order", "title__code", "title__recipient", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "valid_from"],
                name="title_multiplier_once_per_start",
                violation_error_message=_("This title already has a multiplier from that date."),
            ),
            models.CheckConstraint(
                condition=Q(multiplier__gte=Decimal("0")), name="title_multiplier_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="title_multiplier_period_ordered",
                violation_error_message=_("The period ends before it starts."),
            ),
        ]

    def __str__(self):
        until = f"{self.valid_until:%d/%m/%Y}" if self.valid_until else "…"
        return f"{self.title} ×{self.multiplier} ({self.valid_from:%d/%m/%Y}–{until})"

    # The admin checks all the periods of a title together (one may end as another begins in
    # the same save) and turns the check against the saved rows off.
    check_saved_overlaps = True

    def overlaps(self, valid_from, valid_until) -> bool:
        """Whether this period shares a day with [valid_from, valid_until] (None: open)."""
        starts_before_end = valid_until is None or self.valid_from <= valid_until
        ends_after_start = self.valid_until is None or self.valid_until >= valid_from
        return starts_before_end and ends_after_start

    def clean(self):
        super().clean()
        if self.title_id is None or self.valid_from is None:
            return
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The period ends before it starts.")})
        if not self.check_saved_overlaps:
            return
        others = TitleMultiplier.objects.filter(title_id=self.title_id).exclude(pk=self.pk)
        for other in others:
            if other.overlaps(self.valid_from, self.valid_until):
                raise ValidationError(
                    _("This period overlaps the multiplier %(other)s: end that one first.")
                    % {"other": other}
                )


class Pledge(HasStatus, models.Model):
    """The emulation pledge (giao ước thi đua) of a cluster year."""

    status_choices = PledgeStatus

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    title = models.CharField(_("title"), max_length=255)
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.DRAFT
    )
    signing_date = models.DateField(_("signing date"), null=True, blank=True)
    host_unit = models.ForeignKey(
        Unit,
        verbose_name=_("host unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_pledges",
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    place_name = models.CharField(
        _("place on the document"),
        max_length=100,
        blank=True,
        help_text=_("The place in the date line, e.g. “Hà Nam”."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("emulation pledge")
        verbose_name_plural = _("emulation pledges")
        ordering = ["-cluster_year__year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PledgeStatus.values), name="pledge_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status == PledgeStatus.DRAFT

    @property
    def document_place(self) -> str:
        """The place on the pledge's date line: the one typed, else the host unit's province."""
        if self.place_name:
            return self.place_name
        return self.host_unit.province if self.host_unit_id else ""

    @property
    def date_line(self) -> str:
        """The signing place and date as the printed pledge writes them, dots where missing:
        "Hà Nam, ngày 11 tháng 3 năm 2025"."""
        return vietnamese_date_line(self.document_place, self.signing_date)

    def signing_window(self, today: date) -> tuple[date, date]:
        """The days a signature may be dated: from 1 January of the pledge's year (or its
        ceremony, when that came earlier) up to today. A pledge stays open into the next
        year for a late signer, but nobody signs before the pledge's season or tomorrow."""
        start = date(self.cluster_year.year, 1, 1)
        if self.signing_date is not None and self.signing_date < start:
            start = self.signing_date
        return start, today


class Commitment(models.Model):
    """One emulation content of the pledge with its measurable target (chỉ tiêu)."""

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="commitments"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    content = models.TextField(_("emulation content"))
    target = models.TextField(_("target"), blank=True)
    criteria = models.ManyToManyField(
        Criterion, verbose_name=_("rubric criteria"), blank=True, related_name="commitments"
    )

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["pledge", "order", "pk"]

    def __str__(self):
        return self.content[:80]


class PledgeParty(models.Model):
    """A member unit expected to sign, fixed when the pledge opens for signing.

    The unit's name is kept as it was then, so a past pledge reads as signed even
    after the unit merged or left the cluster.
    """

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="parties"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="pledge_parties"
    )
    unit_name = models.CharField(_("unit name at signing"), max_length=255)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("signing party")
        verbose_name_plural = _("signing parties")
        ordering = ["pledge", "order", "unit_name"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "unit"], name="pledge_party_unique"),
        ]

    def __str__(self):
        return self.unit_name


class Signature(models.Model):
    """A unit's signature of a pledge: at most one per party, enforced by the database."""

    party = models.OneToOneField(
        PledgeParty, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="signature"
    )
    signatory_name = models.CharField(_("signatory"), max_length=150)
    position = models.CharField(_("position"), max_length=150)
    signed_on = models.DateField(_("signed on"))
    source = models.CharField(_("recorded how"), max_length=10, choices=SignatureSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=SignatureSource.values), name="signature_source_valid"
            ),
        ]

    def __str__(self):
        return f"{self.party} – {self.signatory_name}"


class PledgeAttachment(StoredFile):
    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PledgeFileKind.choices)
    file = models.FileField(_("file"), upload_to=UploadTo("pledges"))
    thumbnail = models.ImageField(upload_to=UploadTo("thumbnails"), blank=True)

    class Meta:
        verbose_name = _("pledge file")
        verbose_name_plural = _("pledge files")
        ordering = ["pledge", "kind", "uploaded_at"]


class RegistrationRound(models.Model):
    """A call to register titles for a cluster year (or one of its campaigns), with a deadline."""

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.PROTECT,
        related_name="registration_rounds",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registration_rounds",
    )
    title = models.CharField(_("title"), max_length=255)
    deadline = models.DateField(_("registration deadline"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("registration round")
        verbose_name_plural = _("registration rounds")
        ordering = ["-cluster_year__year", "deadline"]

    def __str__(self):
        return self.title

    def is_past_deadline(self, day=None) -> bool:
        return (day or timezone.localdate()) > self.deadline


class Registration(HasStatus, models.Model):
    """A unit's registration of titles in a round: draft -> submitted -> accepted / returned."""

    status_choices = RegistrationStatus

    round = models.ForeignKey(
        RegistrationRound,
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.DRAFT,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # The secretariat may let one unit submit after the deadline.
    reopened_until = models.DateField(_("reopened until"), null=True, blank=True)
    reopen_reason = models.CharField(_("reason for reopening"), max_length=255, blank=True)
    comment = models.TextField(_("secretariat's comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["round", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit"],
                name="registration_one_per_unit_and_round",
                violation_error_message=_("This unit already has a registration in this round."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.unit} – {self.round}"

    @property
    def feedback(self) -> str:
        """The secretariat's comment, while the registration is returned to the unit."""
        return self.comment if self.status == RegistrationStatus.RETURNED else ""

    def deadline_for_unit(self):
        if self.reopened_until and self.reopened_until > self.round.deadline:
            return self.reopened_until
        return self.round.deadline


class RegistrationItem(models.Model):
    """One title aimed for: by the unit itself (no person) or by a named staff member."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="items"
    )
    title = models.ForeignKey(
        Title, verbose_name=_("title"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registration_items",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("registered title")
        verbose_name_plural = _("registered titles")
        ordering = ["registration", "person__full_name", "title__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "title", "person"],
                nulls_distinct=False,
                name="registration_item_unique",
                violation_error_message=_("This title is already registered for them."),
            ),
        ]

    def __str__(self):
        return f"{self.person or self.registration.unit}: {self.title}"


class RegistrationEvent(StatusChange):
    """The history of a registration: every status change with who, when and why."""

    status_choices = RegistrationStatus
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="history",
    )

    class Meta:
        ordering = ["registration", "at", "pk"]
