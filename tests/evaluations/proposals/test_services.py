"""Award proposals: the workflow and its refusals."""

from datetime import date

import pytest

from core.exceptions import ActionRefused
from evaluations.awards.models import AwardRecord
from evaluations.proposals import services
from evaluations.proposals.choices import ProposalStatus, TaskRating
from evaluations.proposals.models import AwardProposal, ProposalEvent
from tests.factories.units import PersonFactory
from tests.helpers.proposals import YEAR, propose, record, title
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_whole_path_to_the_award_history(
    officer, secretariat, admin_user, cluster_year, our_unit, person, titles
):
    record(titles, "LDTT", YEAR, person=person)
    proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=person)
    assert proposal.status == ProposalStatus.DRAFT and proposal.nominee_name == "Nguyễn Thị Hoa"
    services.proposal_submit(proposal=proposal, actor=officer)
    services.proposal_endorse(proposal=proposal, actor=secretariat)
    services.proposal_forward(proposal=proposal, actor=secretariat)
    award = services.proposal_approve(
        proposal=proposal,
        actor=admin_user,
        decision_number="123/QĐ-TTCP",
        decision_date=date(2026, 1, 15),
        issuing_authority="Tổng Thanh tra Chính phủ",
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    assert (award.person, award.year, award.title.code) == (person, YEAR, "CSTDCS")
    assert award.decision_number == "123/QĐ-TTCP" and award.proposal == proposal
    steps = list(ProposalEvent.objects.filter(proposal=proposal).values_list("to_status", "actor"))
    assert steps == [
        ("draft", officer.pk),
        ("submitted", officer.pk),
        ("endorsed", secretariat.pk),
        ("forwarded", secretariat.pk),
        ("approved", admin_user.pk),
    ]
    assert AuditEntry.objects.filter(action="proposal.status").count() == 4


def test_return_then_resubmit(officer, secretariat, cluster_year, our_unit, titles, person):
    record(titles, "LDTT", YEAR, person=person)
    proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=person)
    services.proposal_submit(proposal=proposal, actor=officer)
    with pytest.raises(ActionRefused):
        services.proposal_return(proposal=proposal, actor=secretariat, comment="  ")
    services.proposal_return(proposal=proposal, actor=secretariat, comment="Bổ sung minh chứng")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RETURNED and proposal.comment == "Bổ sung minh chứng"
    services.proposal_save(
        proposal=proposal, actor=officer, revision=proposal.revision, summary="Đã bổ sung."
    )
    services.proposal_submit(proposal=proposal, actor=officer)
    assert AwardProposal.objects.get().status == ProposalStatus.SUBMITTED


def test_reject_needs_a_reason(officer, secretariat, admin_user, cluster_year, our_unit, titles):
    proposal = propose(
        officer, cluster_year, our_unit, titles, "GK", person=None, task_rating=TaskRating.GOOD
    )
    services.proposal_submit(proposal=proposal, actor=officer)
    services.proposal_endorse(proposal=proposal, actor=secretariat)
    services.proposal_forward(proposal=proposal, actor=secretariat)
    with pytest.raises(ActionRefused):
        services.proposal_reject(proposal=proposal, actor=admin_user, reason="")
    services.proposal_reject(proposal=proposal, actor=admin_user, reason="Chưa đủ tiêu chuẩn")
    assert AwardProposal.objects.get().status == ProposalStatus.REJECTED
    assert not AwardRecord.objects.exists()


def test_approval_needs_decision_number_and_date(
    officer, secretariat, admin_user, cluster_year, our_unit, titles
):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    services.proposal_submit(proposal=proposal, actor=officer)
    services.proposal_endorse(proposal=proposal, actor=secretariat)
    services.proposal_forward(proposal=proposal, actor=secretariat)
    with pytest.raises(ActionRefused):
        services.proposal_approve(
            proposal=proposal,
            actor=admin_user,
            decision_number=" ",
            decision_date=date(2026, 1, 1),
            issuing_authority="",
        )
    assert AwardProposal.objects.get().status == ProposalStatus.FORWARDED


def test_withdraw_before_the_decision_only(
    officer, secretariat, admin_user, cluster_year, our_unit, titles
):
    first = propose(officer, cluster_year, our_unit, titles, "GK")
    services.proposal_submit(proposal=first, actor=officer)
    services.proposal_withdraw(proposal=first, actor=officer, reason="Đề nghị lại sau")
    assert AwardProposal.objects.get(pk=first.pk).status == ProposalStatus.WITHDRAWN
    # A withdrawn proposal frees the nominee for a new one.
    second = propose(officer, cluster_year, our_unit, titles, "GK")
    services.proposal_submit(proposal=second, actor=officer)
    services.proposal_endorse(proposal=second, actor=secretariat)
    services.proposal_forward(proposal=second, actor=secretariat)
    services.proposal_approve(
        proposal=second,
        actor=admin_user,
        decision_number="9/QĐ-TTr",
        decision_date=date(2026, 1, 2),
        issuing_authority="",
    )
    with pytest.raises(ActionRefused):
        services.proposal_withdraw(proposal=second, actor=officer)


def test_wrong_order_and_wrong_people_are_refused(
    officer, other_officer, secretariat, leader, admin_user, cluster_year, our_unit, titles
):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    with pytest.raises(ActionRefused):  # not submitted yet
        services.proposal_endorse(proposal=proposal, actor=secretariat)
    with pytest.raises(ActionRefused):  # another unit
        services.proposal_submit(proposal=proposal, actor=other_officer)
    services.proposal_submit(proposal=proposal, actor=leader)
    with pytest.raises(ActionRefused):  # twice
        services.proposal_submit(proposal=proposal, actor=officer)
    for stranger in (officer, leader, other_officer):
        with pytest.raises(ActionRefused):
            services.proposal_endorse(proposal=proposal, actor=stranger)
    with pytest.raises(ActionRefused):  # the council decides only forwarded proposals
        services.proposal_reject(proposal=proposal, actor=admin_user, reason="x")
    services.proposal_endorse(proposal=proposal, actor=secretariat)
    services.proposal_forward(proposal=proposal, actor=secretariat)
    with pytest.raises(ActionRefused):  # the secretariat does not decide
        services.proposal_reject(proposal=proposal, actor=secretariat, reason="x")


def test_units_propose_only_for_themselves(officer, cluster_year, other_unit, titles):
    with pytest.raises(ActionRefused):
        propose(officer, cluster_year, other_unit, titles, "GK")
    assert not AwardProposal.objects.exists()


def test_person_must_be_on_the_units_staff(officer, cluster_year, our_unit, other_unit, titles):
    stranger = PersonFactory(unit=other_unit)
    with pytest.raises(ActionRefused):
        propose(officer, cluster_year, our_unit, titles, "LDTT", person=stranger)


def test_person_title_needs_a_person(officer, cluster_year, our_unit, titles):
    with pytest.raises(ActionRefused):
        services.proposal_create(
            actor=officer,
            cluster_year=cluster_year,
            unit=our_unit,
            title=title(titles, "LDTT"),
            year=YEAR,
            summary="x",
        )


def test_secretariat_proposes_for_the_cluster(secretariat, cluster_year, our_unit, titles):
    proposal = propose(secretariat, cluster_year, our_unit, titles, "GK")
    assert proposal.by_secretariat
    services.proposal_submit(proposal=proposal, actor=secretariat)
    services.proposal_endorse(proposal=proposal, actor=secretariat)


def test_one_live_proposal_per_nominee_title_and_year(officer, cluster_year, our_unit, titles):
    propose(officer, cluster_year, our_unit, titles, "GK")
    with pytest.raises(ActionRefused):
        propose(officer, cluster_year, our_unit, titles, "GK")
    assert AwardProposal.objects.count() == 1


def test_stale_edit_is_refused(officer, leader, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    stale = proposal.revision
    services.proposal_save(proposal=proposal, actor=leader, revision=stale, summary="Bản của A")
    with pytest.raises(ActionRefused):
        services.proposal_save(proposal=proposal, actor=officer, revision=stale, summary="Bản B")
    assert AwardProposal.objects.get().summary == "Bản của A"


def test_campaign_of_another_cluster_year_is_refused(officer, cluster_year, our_unit, titles):
    from tests.factories.campaigns import CampaignFactory

    foreign = CampaignFactory()
    with pytest.raises(ActionRefused):
        propose(officer, cluster_year, our_unit, titles, "GK", campaign=foreign)
    own = CampaignFactory(cluster_year=cluster_year)
    assert propose(officer, cluster_year, our_unit, titles, "GK", campaign=own).campaign == own
