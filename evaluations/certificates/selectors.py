"""Reads for certificate pages and the renderer, each in a constant number of queries."""

from django.db.models import Prefetch

from evaluations.awards.models import AwardRecord
from evaluations.certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateLayout,
    CertificateReprint,
    LayoutField,
)
from evaluations.decisions.models import AwardDecision


def decisions_with_certificates():
    """Decisions whose certificate page may be asked for (permissions decide the rest:
    decisions are public acts, so a stranger gets 403, not 404)."""
    return AwardDecision.objects.select_related("authority")


def decision_awards(decision):
    """A decision's awards in print order (by award form, then by name), each with its
    certificate (once printed)."""
    return (
        AwardRecord.objects.filter(decision=decision)
        .select_related("title", "unit__parent", "person", "certificate")
        .order_by("title__order", "title__name", "recipient_name", "pk")
    )


def decision_batches(decision):
    return CertificateBatch.objects.filter(decision=decision).select_related("requested_by")


def batches():
    return CertificateBatch.objects.select_related("decision__authority")


def certificates():
    return Certificate.objects.select_related(
        "authority",
        "award_record__decision__authority",
        "award_record__title",
        "award_record__unit__parent",
        "award_record__person",
    )


def certificate_reprints(certificate):
    return CertificateReprint.objects.filter(certificate=certificate).select_related("actor")


def layouts():
    return CertificateLayout.objects.select_related("authority", "title").prefetch_related(
        Prefetch("fields", queryset=LayoutField.objects.order_by("y_mm", "x_mm"))
    )


def layouts_by_title(authority) -> dict:
    """{title id: layout} of an authority, fields prefetched."""
    return {layout.title_id: layout for layout in layouts().filter(authority=authority)}


def awards_to_print(decision):
    """The decision's awards in force: a revoked award gets no certificate, even when its
    decision is revoked after the batch was queued."""
    return decision_awards(decision).filter(is_revoked=False)


def certificates_to_print(decision):
    """The decision's awards with their certificates, for the renderer (all printed)."""
    return awards_to_print(decision).filter(certificate__isnull=False)
