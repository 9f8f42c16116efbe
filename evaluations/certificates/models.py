"""Certificate layouts, the certificates printed from award records, and their print batches.

A layout says where each field goes on a pre-printed blank of one authority and award form
(positions in millimetres from the top-left corner of the sheet). A certificate is the
record that an award was printed: it holds the register number (số sổ vàng), sequential
and unique per authority and year, given at the first printing and kept by every reprint.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.uploads import UploadTo
from evaluations.certificates.choices import PAPER_MM, Align, FieldKind, Paper


def mm_field(verbose_name, **options):
    return models.DecimalField(verbose_name, max_digits=5, decimal_places=1, **options)


class CertificateLayout(models.Model):
    """Where the fields go on the blanks of one authority's award form."""

    authority = models.ForeignKey(
        "evaluations.IssuingAuthority",
        verbose_name=_("issuing authority"),
        on_delete=models.CASCADE,
        related_name="certificate_layouts",
    )
    title = models.ForeignKey(
        "pledges.Title", verbose_name=_("title or award form"), on_delete=models.PROTECT
    )
    paper = models.CharField(_("paper"), max_length=10, choices=Paper.choices)
    # The printer's own shift, measured on the calibration page and added to every field.
    offset_x_mm = mm_field(
        _("shift right (mm)"),
        default=0,
        help_text=_("Measured on the calibration page; negative moves left."),
    )
    offset_y_mm = mm_field(
        _("shift down (mm)"),
        default=0,
        help_text=_("Measured on the calibration page; negative moves up."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("certificate layout")
        verbose_name_plural = _("certificate layouts")
        ordering = ["authority__name", "title__order", "title__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "title"],
                name="certificate_layout_once_per_authority_title",
                violation_error_message=_("This authority already has a layout for this award."),
            ),
            models.CheckConstraint(condition=Q(paper__in=Paper.values), name="layout_paper_valid"),
        ]

    def __str__(self):
        return f"{self.authority} – {self.title.name}"

    @property
    def size_mm(self) -> tuple[int, int]:
        """(width, height) of the sheet in millimetres."""
        return PAPER_MM[Paper(self.paper)]


class LayoutField(models.Model):
    """One field of a layout: a box whose top-left corner is (x, y) millimetres."""

    layout = models.ForeignKey(CertificateLayout, on_delete=models.CASCADE, related_name="fields")
    kind = models.CharField(_("field"), max_length=20, choices=FieldKind.choices)
    printed = models.BooleanField(
        _("printed"), default=True, help_text=_("Untick what the blank already carries.")
    )
    x_mm = mm_field(_("from the left (mm)"))
    y_mm = mm_field(_("from the top (mm)"))
    width_mm = mm_field(_("width (mm)"))
    font_size = models.DecimalField(_("font size (pt)"), max_digits=4, decimal_places=1)
    bold = models.BooleanField(_("bold"), default=False)
    italic = models.BooleanField(_("italic"), default=False)
    align = models.CharField(_("alignment"), max_length=1, choices=Align.choices, default="C")
    max_lines = models.PositiveSmallIntegerField(_("lines at most"), default=1)

    class Meta:
        verbose_name = _("layout field")
        verbose_name_plural = _("layout fields")
        ordering = ["layout", "y_mm", "x_mm"]
        constraints = [
            models.UniqueConstraint(
                fields=["layout", "kind"],
                name="layout_field_once",
                violation_error_message=_("Each field appears once in a layout."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=FieldKind.values), name="layout_field_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(x_mm__gte=0, y_mm__gte=0, width_mm__gt=0),
                name="layout_field_on_the_sheet",
                violation_error_message=_("Positions are 0 or more and the width more than 0."),
            ),
            models.CheckConstraint(
                condition=Q(font_size__gte=6, font_size__lte=72),
                name="layout_field_font_size",
                violation_error_message=_("The font size is between 6 and 72 points."),
            ),
            models.CheckConstraint(
                condition=Q(max_lines__gte=1, max_lines__lte=10),
                name="layout_field_lines",
                violation_error_message=_("A field has between 1 and 10 lines."),
            ),
            models.CheckConstraint(condition=Q(align__in=Align.values), name="layout_align_valid"),
        ]

    def __str__(self):
        return self.get_kind_display()


class CertificateBatch(models.Model):
    """One print run of a decision's certificates: one PDF, rendered by the task queue."""

    decision = models.ForeignKey(
        "evaluations.AwardDecision",
        verbose_name=_("decision"),
        on_delete=models.CASCADE,
        related_name="certificate_batches",
    )
    total = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("printed"), default=0)
    file = models.FileField(_("file"), upload_to=UploadTo("certificates"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    failed = models.BooleanField(_("failed"), default=False)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(done__lte=models.F("total")), name="batch_done_lte"),
        ]

    def __str__(self):
        return f"{self.decision} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def is_ready(self) -> bool:
        return self.finished_at is not None and not self.failed and bool(self.file)

    @property
    def is_pending(self) -> bool:
        return self.finished_at is None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class RegisterCounter(models.Model):
    """The last register number given by an authority in a year (numbers are taken from it
    with one atomic UPDATE, see printing.register_numbers_take)."""

    authority = models.ForeignKey(
        "evaluations.IssuingAuthority", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="register_counter_once"),
        ]

    def __str__(self):
        return f"{self.authority_id}/{self.year}: {self.last_number}"


class Certificate(models.Model):
    """An award's certificate, printed at least once, with its register number."""

    award_record = models.OneToOneField(
        "evaluations.AwardRecord",
        verbose_name=_("award"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    authority = models.ForeignKey(
        "evaluations.IssuingAuthority",
        verbose_name=_("issuing authority"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    year = models.PositiveSmallIntegerField(_("register year"))
    register_number = models.PositiveIntegerField(_("register number"))
    batch = models.ForeignKey(
        CertificateBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    printed_at = models.DateTimeField(_("first printed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["authority", "year", "register_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "year", "register_number"],
                name="certificate_register_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(register_number__gte=1), name="certificate_register_number_positive"
            ),
        ]

    def __str__(self):
        return f"{self.register_number}/{self.year} – {self.award_record.recipient_name}"


class CertificateReprint(models.Model):
    """A certificate printed again (lost, damaged, misprinted): who, when and why."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reprints")
    reason = models.CharField(_("reason"), max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("reprinted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate reprint")
        verbose_name_plural = _("certificate reprints")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.certificate} ({self.created_at:%d/%m/%Y})"
