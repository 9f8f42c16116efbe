"""Register numbers under concurrency: batches of different decisions of one authority and
year numbered at the same moment (several workers, maybe several machines) get disjoint,
consecutive numbers; two batches of one decision number its awards once."""

from datetime import date
from threading import Barrier, Thread

import pytest
from django.db import connection

from evaluations.certificates import printing
from evaluations.certificates.models import Certificate, CertificateBatch
from tests.evaluations.certificates.helpers import award, recorded_decision
from tests.factories.units import UnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(*calls):
    """Each call in its own thread (its own connection), released together."""
    barrier = Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait(timeout=10)
            call()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def test_batches_of_one_authority_and_year_get_disjoint_consecutive_numbers(titles):
    title = titles[("BK_TTCP", "collective")]
    batches = []
    for n in range(4):
        decision = recorded_decision(number=str(200 + n), on=date(2020, 5, 1 + n))
        for _ in range(5):
            award(decision, title=title, unit=UnitFactory())
        batches.append(CertificateBatch.objects.create(decision=decision, total=5))

    at_once(*(lambda b=b: printing.certificates_assign(batch=b) for b in batches))

    numbers = sorted(Certificate.objects.values_list("register_number", flat=True))
    assert numbers == list(range(1, 21))
    for batch in batches:  # each decision's numbers are one block
        mine = sorted(
            Certificate.objects.filter(award_record__decision=batch.decision).values_list(
                "register_number", flat=True
            )
        )
        assert mine == list(range(mine[0], mine[0] + 5))


def test_two_batches_of_one_decision_number_its_awards_once(titles):
    title = titles[("BK_TTCP", "collective")]
    decision = recorded_decision()
    for _ in range(6):
        award(decision, title=title, unit=UnitFactory())
    first, second = (CertificateBatch.objects.create(decision=decision, total=6) for _ in "ab")

    at_once(
        lambda: printing.certificates_assign(batch=first),
        lambda: printing.certificates_assign(batch=second),
    )

    assert sorted(Certificate.objects.values_list("register_number", flat=True)) == list(
        range(1, 7)
    )
