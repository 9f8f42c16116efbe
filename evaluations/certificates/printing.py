"""The task queue's part of printing: register numbers, the pages, the batch's PDF.

Register numbers (số sổ vàng) are sequential per authority and year. They are taken from
a counter row with one `INSERT … ON CONFLICT DO UPDATE … RETURNING` statement: the row
stays locked until the taking transaction ends, so concurrent batches (on any number of
worker machines) get consecutive, disjoint ranges; the unique constraint on
(authority, year, number) is the last guard.
"""

import logging

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from evaluations.certificates import selectors
from evaluations.certificates.content import certificate_texts
from evaluations.certificates.layouts import default_sheet, sheet_of
from evaluations.certificates.models import Certificate, CertificateBatch, RegisterCounter
from evaluations.certificates.pdf import Page, render_pages
from evaluations.decisions.models import AwardDecision

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 20  # pages between two progress updates of a batch


def register_numbers_take(*, authority, year: int, count: int) -> range:
    """`count` consecutive register numbers of `authority` in `year` (inside a transaction)."""
    table = RegisterCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (authority_id, year, last_number) VALUES (%s, %s, %s)
            ON CONFLICT (authority_id, year)
            DO UPDATE SET last_number = {table}.last_number + EXCLUDED.last_number
            RETURNING last_number
            """,
            [authority.pk, year, count],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def certificates_assign(*, batch) -> int:
    """Give a certificate, with the next register numbers, to each award of the batch's
    decision that has none yet; returns how many were given."""
    with transaction.atomic():
        # One assignment per decision at a time: a second batch waits here, then finds the
        # numbers given.
        decision = (
            AwardDecision.objects.select_for_update(of=("self",))
            .select_related("authority")
            .get(pk=batch.decision_id)
        )
        new = list(selectors.awards_to_print(decision).filter(certificate__isnull=True))
        if not new:
            return 0
        numbers = register_numbers_take(
            authority=decision.authority, year=decision.date.year, count=len(new)
        )
        Certificate.objects.bulk_create(
            Certificate(
                award_record=record,
                authority=decision.authority,
                year=decision.date.year,
                register_number=number,
                batch=batch,
                printed_by=batch.requested_by,
            )
            for record, number in zip(new, numbers, strict=True)
        )
    return len(new)


def decision_pages(decision, records) -> list[Page]:
    layouts = selectors.layouts_by_title(decision.authority)
    sheets = {title_id: sheet_of(layout) for title_id, layout in layouts.items()}
    for record in records:
        if record.title_id not in sheets:
            sheets[record.title_id] = default_sheet(record.title)
    return [
        Page(
            sheet=sheets[record.title_id],
            texts=certificate_texts(record, decision, record.certificate.register_number),
        )
        for record in records
    ]


def certificate_batch_render(*, batch_id: int) -> None:
    """The task queue's work: number the certificates, render the PDF page by page (the
    progress is saved every few pages, outside any transaction, for the page to show), and
    store the file."""
    batch = selectors.batches().get(pk=batch_id)
    if batch.finished_at is not None:
        return
    try:
        with translation.override("vi"):
            certificates_assign(batch=batch)
            decision = batch.decision
            records = list(selectors.certificates_to_print(decision))
            pages = decision_pages(decision, records)

            def progress(n):
                if n % PROGRESS_EVERY == 0 or n == len(pages):
                    CertificateBatch.objects.filter(pk=batch.pk).update(done=min(n, batch.total))

            content = render_pages(
                pages,
                title=_("Certificates of decision %(number)s") % {"number": decision.full_number},
                progress=progress,
            )
        name = f"bang-khen-{decision.full_number.replace('/', '-')}.pdf"
        batch.file.save(name, ContentFile(content), save=False)
        CertificateBatch.objects.filter(pk=batch.pk).update(
            file=batch.file.name, done=batch.total, finished_at=timezone.now()
        )
    except Exception:
        logger.exception("certificate batch %s failed", batch_id)
        CertificateBatch.objects.filter(pk=batch.pk).update(failed=True, finished_at=timezone.now())
        raise
