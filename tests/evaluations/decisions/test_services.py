"""Drafting, recording, correcting and revoking award decisions (evaluations/decisions/
services.py): all or nothing, with one sentence per refused line."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from core.exceptions import ActionRefused
from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord
from evaluations.awards.selectors import honour_board_for_cluster_year, person_history
from evaluations.decisions import services
from evaluations.decisions.choices import DecisionStatus
from evaluations.decisions.models import AwardDecision, DecisionEvent
from evaluations.proposals.choices import ProposalStatus
from tests.evaluations.decisions.conftest import DECISION_DATE, record
from tests.factories.evaluations import IssuingAuthorityFactory
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_draft_takes_the_whole_batch_collectives_first(draft, forwarded):
    lines = list(draft.lines.order_by("position"))
    assert [line.proposal for line in lines] == forwarded
    assert [line.position for line in lines] == [1, 2]
    assert lines[0].is_collective and not lines[1].is_collective
    assert lines[1].recipient_name == "Trần Thị Lan"
    assert draft.status == DecisionStatus.DRAFT
    assert draft.history.get().to_status == DecisionStatus.DRAFT


def test_a_draft_refuses_a_proposal_not_forwarded_naming_it(admin_user, authority, forwarded):
    forwarded[1].status = ProposalStatus.ENDORSED
    forwarded[1].save()
    with pytest.raises(services.LinesRefused) as refused:
        services.decision_draft(actor=admin_user, authority=authority, proposals=forwarded)
    assert len(refused.value.lines) == 1
    assert "Trần Thị Lan" in refused.value.lines[0]
    assert AwardDecision.objects.count() == 0


def test_a_proposal_is_on_one_live_decision_only(draft, admin_user, authority, forwarded):
    with pytest.raises(services.LinesRefused, match="đã có trong một quyết định khác"):
        services.decision_draft(actor=admin_user, authority=authority, proposals=forwarded[:1])


@pytest.mark.parametrize("role", ["secretariat", "officer", "viewer"])
def test_only_sector_administrators_draft(user_of, role, authority, forwarded):
    with pytest.raises(ActionRefused):
        services.decision_draft(actor=user_of(role), authority=authority, proposals=forwarded)


def test_recording_approves_every_line_and_writes_the_awards(recorded, forwarded):
    assert recorded.status == DecisionStatus.RECORDED
    assert recorded.full_number == "123/QĐ-TTCP"
    for proposal in forwarded:
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.APPROVED
        assert proposal.decision_number == "123/QĐ-TTCP"
        assert proposal.history.last().to_status == ProposalStatus.APPROVED
    records = list(AwardRecord.objects.filter(decision=recorded).order_by("pk"))
    assert len(records) == 2
    assert {r.source for r in records} == {AwardSource.PROPOSAL}
    assert {r.decision_date for r in records} == {DECISION_DATE}
    lines = list(recorded.lines.order_by("position"))
    assert [line.award_record for line in lines] == records
    # R18 on the decision date (20/12/2025): Decree 152 multipliers × 2,340,000 VND.
    assert [line.amount for line in lines] == [Decimal("7020000"), Decimal("3510000")]
    assert [r.amount for r in records] == [Decimal("7020000"), Decimal("3510000")]


def test_recording_is_all_or_nothing_with_a_sentence_per_refused_line(draft, admin_user, forwarded):
    for proposal in forwarded:
        proposal.status = ProposalStatus.WITHDRAWN
        proposal.save()
    with pytest.raises(services.LinesRefused) as refused:
        record(draft, admin_user)
    assert len(refused.value.lines) == 2
    assert "Trần Thị Lan" in refused.value.lines[1]
    draft.refresh_from_db()
    assert draft.status == DecisionStatus.DRAFT and draft.number == ""
    assert not AwardRecord.objects.exists()


def test_recording_refuses_an_award_already_held(draft, admin_user, forwarded):
    held = forwarded[0]
    AwardRecord.objects.create(
        title=held.title,
        year=held.year,
        unit=held.unit,
        recipient_name=held.nominee_name,
        decision_number="9/QĐ-TTCP",
        decision_date=date(2025, 6, 1),
    )
    with pytest.raises(services.LinesRefused, match="lịch sử khen thưởng đã có khen thưởng này"):
        record(draft, admin_user)
    forwarded[1].refresh_from_db()
    assert forwarded[1].status == ProposalStatus.FORWARDED  # nothing half written


def test_the_number_is_unique_per_authority_and_year(recorded, admin_user, titles, cluster_year):
    other = AwardDecision.objects.create(authority=recorded.authority)
    with pytest.raises(ActionRefused, match="đã có quyết định số 123 trong năm 2025"):
        record(other, admin_user)
    # The database refuses it too, whoever writes.
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardDecision.objects.create(
            authority=recorded.authority,
            status=DecisionStatus.RECORDED,
            number="123",
            date=date(2025, 3, 1),
        )


def test_the_same_number_is_free_in_another_year_or_for_another_authority(recorded):
    AwardDecision.objects.create(
        authority=recorded.authority,
        status=DecisionStatus.RECORDED,
        number="123",
        date=date(2026, 1, 5),
    )
    AwardDecision.objects.create(
        authority=IssuingAuthorityFactory(name="Chánh Thanh tra tỉnh Hà Nam", symbol="QĐ-TTr"),
        status=DecisionStatus.RECORDED,
        number="123",
        date=date(2025, 3, 1),
    )
    assert AwardDecision.objects.filter(number="123").count() == 3


def test_a_correction_keeps_the_decision_recorded_with_its_reason(recorded, admin_user):
    services.decision_correct(
        decision=recorded,
        actor=admin_user,
        reason="Sai chức vụ người ký",
        signer_position="Tổng Thanh tra",
        sign_form="",
    )
    recorded.refresh_from_db()
    assert recorded.status == DecisionStatus.RECORDED
    assert recorded.signer_position == "Tổng Thanh tra"
    event = DecisionEvent.objects.filter(decision=recorded).last()
    assert event.comment == "Sai chức vụ người ký"
    entry = AuditEntry.objects.filter(action="decision.correction").get()
    assert entry.changes["signer_position"] == ["Phó Tổng Thanh tra", "Tổng Thanh tra"]


def test_a_correction_needs_a_reason_and_a_change(recorded, admin_user):
    with pytest.raises(ActionRefused):
        services.decision_correct(
            decision=recorded, actor=admin_user, reason="", signer_name="Lê Văn Mới"
        )
    with pytest.raises(ActionRefused, match="Chưa có nội dung nào thay đổi"):
        services.decision_correct(
            decision=recorded, actor=admin_user, reason="x", signer_name="Nguyễn Văn Ký"
        )


def test_revoking_marks_the_awards_and_keeps_them_in_the_register(recorded, admin_user):
    services.decision_revoke(decision=recorded, actor=admin_user, reason="Hồ sơ không trung thực")
    recorded.refresh_from_db()
    assert recorded.status == DecisionStatus.REVOKED
    assert recorded.revocation_reason == "Hồ sơ không trung thực"
    assert AwardRecord.objects.filter(decision=recorded, is_revoked=True).count() == 2
    assert not honour_board_for_cluster_year(recorded.cluster_year)
    assert recorded.history.last().comment == "Hồ sơ không trung thực"


def test_revoking_needs_a_reason(recorded, admin_user):
    with pytest.raises(ActionRefused, match="Vui lòng ghi lý do thu hồi"):
        services.decision_revoke(decision=recorded, actor=admin_user, reason=" ")


def test_a_revoked_award_leaves_the_person_history(recorded, admin_user, forwarded):
    person_id = forwarded[1].person_id
    assert person_history([person_id], [2025]) == {person_id: {2025: {"BK_TTCP"}}}
    services.decision_revoke(decision=recorded, actor=admin_user, reason="Thu hồi")
    assert person_history([person_id], [2025]) == {}


def test_a_draft_can_be_discarded_and_its_proposals_freed(draft, admin_user, authority, forwarded):
    services.decision_discard(decision=draft, actor=admin_user)
    assert not AwardDecision.objects.exists()
    again = services.decision_draft(actor=admin_user, authority=authority, proposals=forwarded)
    assert again.lines.count() == 2


def test_a_recorded_decision_is_told_to_the_units_it_names_and_their_secretariat(
    role_users, draft, admin_user
):
    """Recording tells the awardees' units (officers, leaders) and the secretariat whose
    proposals it decides; nobody outside, and not the administrator who recorded it."""
    from notifications.choices import NotificationKind
    from notifications.models import Notification

    recorded = record(draft, admin_user)  # every role's user exists before it is recorded
    told = set(
        Notification.objects.filter(kind=NotificationKind.DECISION_RECORDED).values_list(
            "recipient_id", flat=True
        )
    )
    roles = {role for role, user in role_users.items() if user.pk in told}
    assert {"officer", "leader", "other_officer", "secretariat"} <= roles
    assert not roles & {"admin", "viewer", "outsider_officer"}
    note = Notification.objects.filter(kind=NotificationKind.DECISION_RECORDED).first()
    assert recorded.full_number in note.sentence
    assert note.url == f"/decisions/{recorded.pk}/"
