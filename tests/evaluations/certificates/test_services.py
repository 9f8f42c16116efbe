"""The services' refusals: nothing written, a clear message."""

import pytest

from core.exceptions import ActionRefused
from evaluations.certificates import services
from evaluations.certificates.models import Certificate, CertificateBatch, CertificateReprint
from evaluations.decisions.choices import DecisionStatus
from tests.evaluations.certificates.helpers import recorded_decision
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_decision_without_awards_is_refused(admin_user):
    with pytest.raises(ActionRefused, match="không có khen thưởng"):
        services.certificate_batch_start(decision=recorded_decision(), actor=admin_user)
    assert not CertificateBatch.objects.exists()


@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer"])
def test_only_administrators_start_a_batch(user_of, decision, role):
    with pytest.raises(ActionRefused):
        services.certificate_batch_start(decision=decision, actor=user_of(role))
    assert not CertificateBatch.objects.exists()
    assert not AuditEntry.objects.filter(action="certificatebatch.start").exists()


def test_starting_queues_the_task_on_commit(
    admin_user, decision, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        batch = services.certificate_batch_start(decision=decision, actor=admin_user)
    assert (batch.total, batch.done, batch.is_pending) == (2, 0, True)
    assert len(callbacks) == 1
    entry = AuditEntry.objects.get(action="certificatebatch.start")
    assert entry.changes == {"decision": "123/QĐ-TTCP", "total": 2}


def test_a_revoked_decision_is_not_reprinted(admin_user, decision):
    record = decision.award_records.first()
    certificate = Certificate.objects.create(
        award_record=record, authority=decision.authority, year=2020, register_number=1
    )
    decision.status = DecisionStatus.REVOKED
    decision.save()
    with pytest.raises(ActionRefused):
        services.certificate_reprint(certificate=certificate, actor=admin_user, reason="Mất")
    assert not CertificateReprint.objects.exists()
