"""Writes of users: layouts, starting a print batch, reprints. The batch itself is
numbered and rendered by the task queue (printing.py, tasks.py)."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused
from core.text import clean_text
from evaluations.certificates import selectors
from evaluations.certificates.content import certificate_texts
from evaluations.certificates.layouts import default_field_values, default_paper, sheet_of
from evaluations.certificates.models import (
    CertificateBatch,
    CertificateLayout,
    CertificateReprint,
    LayoutField,
)
from evaluations.certificates.pdf import Page, render_calibration, render_pages
from evaluations.certificates.tasks import render_certificate_batch
from evaluations.decisions.models import AwardDecision
from pledges.models import Title
from units.audit import audit_record


def refuse_unless(actor, perm, obj):
    if not actor.has_perm(perm, obj):
        raise ActionRefused(_("You do not have permission to do this."))


# --- Layouts ----------------------------------------------------------------------------------


def layout_ensure(*, authority, title, actor=None) -> CertificateLayout:
    """The layout of `authority`'s `title`, created with the default positions if missing."""
    layout, created = CertificateLayout.objects.get_or_create(
        authority=authority, title=title, defaults={"paper": default_paper(title)}
    )
    if created:
        LayoutField.objects.bulk_create(
            LayoutField(layout=layout, **values) for values in default_field_values(layout.paper)
        )
        audit_record(actor=actor, action="certificatelayout.create", obj=layout)
    return layout


def layout_calibration_pdf(*, layout) -> bytes:
    """The calibration page of a layout (every field, printed or not)."""
    heading = _("Calibration page: %(layout)s. Print on plain paper at 100%% scale.") % {
        "layout": layout
    }
    return render_calibration(sheet_of(layout, all_fields=True), title=str(layout), heading=heading)


# --- Batches ----------------------------------------------------------------------------------


def certificate_batch_start(*, decision, actor) -> CertificateBatch:
    """Queue the printing of every award of a recorded decision as one PDF."""
    with transaction.atomic():
        decision = (
            AwardDecision.objects.select_for_update(of=("self",))
            .select_related("authority")
            .get(pk=decision.pk)
        )
        refuse_unless(actor, "evaluations.print_decision_certificates", decision)
        if CertificateBatch.objects.filter(decision=decision, finished_at__isnull=True).exists():
            raise ActionRefused(_("The certificates of this decision are being printed."))
        title_ids = set(
            selectors.awards_to_print(decision).order_by().values_list("title_id", flat=True)
        )
        total = selectors.awards_to_print(decision).count()
        if not total:
            raise ActionRefused(_("This decision has no awards to print."))
        for title in Title.objects.filter(pk__in=title_ids):
            layout_ensure(authority=decision.authority, title=title, actor=actor)
        batch = CertificateBatch.objects.create(decision=decision, total=total, requested_by=actor)
        audit_record(
            actor=actor,
            action="certificatebatch.start",
            obj=batch,
            changes={"decision": decision.full_number, "total": total},
        )
        transaction.on_commit(lambda: render_certificate_batch.enqueue(batch_id=batch.pk))
    return batch


# --- Reprints ---------------------------------------------------------------------------------


def certificate_reprint(*, certificate, actor, reason: str) -> bytes:
    """Record a reprint (who, when, why) and return the page; the register number stays."""
    reason = clean_text(reason).strip()
    with transaction.atomic():
        certificate = (
            selectors.certificates().select_for_update(of=("self",)).get(pk=certificate.pk)
        )
        refuse_unless(actor, "evaluations.reprint_certificate", certificate)
        if not reason:
            raise ActionRefused(_("Say why the certificate is printed again."))
        CertificateReprint.objects.create(certificate=certificate, actor=actor, reason=reason)
        audit_record(
            actor=actor,
            action="certificate.reprint",
            obj=certificate,
            unit=certificate.award_record.unit,
            changes={"register_number": certificate.register_number},
            note=reason,
        )
    record = certificate.award_record
    decision = record.decision
    layout = layout_ensure(authority=decision.authority, title=record.title, actor=actor)
    layout = selectors.layouts().get(pk=layout.pk)
    with translation.override("vi"):  # certificates are Vietnamese whatever the page language
        page = Page(
            sheet=sheet_of(layout),
            texts=certificate_texts(record, decision, certificate.register_number),
        )
    return render_pages([page], title=record.recipient_name)
