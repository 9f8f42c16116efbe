"""Each event reaches exactly the users it concerns, and nobody else: the roles of
tests/roles.py (our unit's officer and leader, the other unit's officer, an outsider, the
cluster year's secretariat, a sector viewer, a sector administrator) are all present, and
only the ones named are told."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from evaluations.ballots import services as ballots
from evaluations.proposals import services as proposals
from evaluations.results import services as results
from evaluations.results.reminders import send_reminders
from notifications.choices import NotificationKind
from notifications.models import Notification
from notifications.services import notify_decision_recorded
from pledges import services as pledges
from tests.factories.pledges import CommitmentFactory, PledgeFactory
from tests.helpers.proposals import YEAR, propose, record
from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db


def test_a_returned_result_reaches_that_units_officers_and_leader_only(
    told, submission, officer, secretariat
):
    submit_ready(submission, officer)
    results.submission_return(submission=submission, actor=secretariat, comment="Thiếu minh chứng")
    assert told(NotificationKind.RESULT_RETURNED) == {"officer", "leader"}
    notification = Notification.objects.filter(recipient=officer).get()
    assert notification.note == "Thiếu minh chứng"
    assert submission.phase.name in notification.sentence
    assert notification.url == f"/results/{submission.pk}/"


@pytest.fixture
def late_phase(phase):
    phase.results_deadline = timezone.localdate() - timedelta(days=1)
    phase.save()
    return phase


@pytest.fixture
def asked(late_phase, our_unit, officer):
    return results.extension_request_create(
        phase=late_phase,
        unit=our_unit,
        actor=officer,
        wished_until=timezone.localdate() + timedelta(days=10),
        reason="Mất điện kéo dài",
    )


def test_an_extension_granted_reaches_the_unit_only(told, asked, secretariat):
    results.extension_request_grant(request=asked, actor=secretariat)
    assert told(NotificationKind.EXTENSION_GRANTED) == {"officer", "leader"}
    until = f"{asked.wished_until:%d/%m/%Y}"
    assert all(until in n.sentence for n in Notification.objects.all())


def test_an_extension_granted_without_a_request_reaches_the_unit(
    told, late_phase, our_unit, secretariat
):
    results.extension_grant(
        phase=late_phase,
        unit=our_unit,
        actor=secretariat,
        until=late_phase.results_deadline + timedelta(days=5),
        reason="Thiên tai",
    )
    assert told(NotificationKind.EXTENSION_GRANTED) == {"officer", "leader"}


def test_an_extension_refused_reaches_the_unit_only(told, asked, secretariat):
    results.extension_request_refuse(request=asked, actor=secretariat, comment="Không có lý do")
    assert told(NotificationKind.EXTENSION_REFUSED) == {"officer", "leader"}
    assert told(NotificationKind.EXTENSION_GRANTED) == set()


def test_a_pledge_open_for_signing_reaches_the_leaders_of_its_member_units(
    told, cluster_year, secretariat, other_leader
):
    pledge = PledgeFactory(cluster_year=cluster_year, signing_date=None)
    CommitmentFactory(pledge=pledge)
    pledges.pledge_open(pledge=pledge, actor=secretariat)
    # The leaders sign; the other unit's leader is told too (not one of the walked roles).
    assert told(NotificationKind.PLEDGE_OPEN) == {"leader"}
    assert Notification.objects.filter(recipient=other_leader).exists()


def test_a_ballot_opened_reaches_its_voters(told, draft_ballot, secretariat, other_leader):
    voters = draft_ballot.voters.values_list("unit", flat=True)
    assert len(voters) == 2  # both member units vote, by their leaders
    ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    assert told(NotificationKind.BALLOT_OPEN) == {"leader"}
    assert Notification.objects.filter(recipient=other_leader).exists()


def test_a_ballot_opened_reaches_a_named_delegate(told, draft_ballot, secretariat, other_officer):
    ballots.voter_add(ballot=draft_ballot, actor=secretariat, user=other_officer)
    ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    assert told(NotificationKind.BALLOT_OPEN) == {"leader", "other_officer"}


@pytest.fixture
def submitted_proposal(officer, cluster_year, our_unit, titles, person):
    record(titles, "LDTT", YEAR, person=person)
    proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=person)
    return proposals.proposal_submit(proposal=proposal, actor=officer)


def test_a_returned_proposal_reaches_the_proposing_unit_only(told, submitted_proposal, secretariat):
    proposals.proposal_return(
        proposal=submitted_proposal, actor=secretariat, comment="Bổ sung minh chứng"
    )
    assert told(NotificationKind.PROPOSAL_RETURNED) == {"officer", "leader"}


def test_an_approved_proposal_reaches_the_proposing_unit_only(
    told, submitted_proposal, secretariat, admin_user
):
    proposals.proposal_endorse(proposal=submitted_proposal, actor=secretariat)
    proposals.proposal_forward(proposal=submitted_proposal, actor=secretariat)
    proposals.proposal_approve(
        proposal=submitted_proposal,
        actor=admin_user,
        decision_number="123/QĐ-TTCP",
        decision_date=date(2026, 1, 15),
        issuing_authority="Tổng Thanh tra Chính phủ",
    )
    assert told(NotificationKind.PROPOSAL_APPROVED) == {"officer", "leader"}
    assert "123/QĐ-TTCP" in Notification.objects.filter(recipient__isnull=False).first().sentence


def test_a_clusters_own_proposal_returned_reaches_its_secretariat(
    told, cluster_year, our_unit, titles, person, secretariat, admin_user
):
    record(titles, "LDTT", YEAR, person=person)
    proposal = propose(secretariat, cluster_year, our_unit, titles, "CSTDCS", person=person)
    assert proposal.by_secretariat
    proposals.proposal_submit(proposal=proposal, actor=secretariat)
    proposals.proposal_return(proposal=proposal, actor=admin_user, comment="Thiếu tờ trình")
    assert told(NotificationKind.PROPOSAL_RETURNED) == {"secretariat"}


def test_a_deadline_reaches_the_units_that_have_not_submitted(
    told, phase, submission, officer, other_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(phase=phase) == 2
    assert told(NotificationKind.DEADLINE) == {"officer", "leader", "other_officer"}
    Notification.objects.all().delete()
    submit_ready(submission, officer)
    send_reminders(phase=phase)
    assert told(NotificationKind.DEADLINE) == {"other_officer"}


def test_a_recorded_decision_reaches_the_units_and_secretariats_it_names(
    told, our_unit, cluster_year, admin_user
):
    notify_decision_recorded(
        number="45/QĐ-TTCP",
        subject="Tặng Cờ thi đua",
        unit_ids=[our_unit.pk],
        cluster_year_ids=[cluster_year.pk],
        url="/",
        actor=admin_user,
    )
    assert told(NotificationKind.DECISION_RECORDED) == {"officer", "leader", "secretariat"}


def test_the_actor_is_not_told_of_their_own_action(cluster_year, our_unit, leader):
    """A leader who is also the unit's secretariat would not be told what they just did."""
    notify_decision_recorded(number="1", subject="x", unit_ids=[our_unit.pk], url="/", actor=leader)
    assert not Notification.objects.filter(recipient=leader).exists()


def test_inactive_users_are_not_told(told, submission, officer, leader, secretariat):
    leader.is_active = False
    leader.save()
    submit_ready(submission, officer)
    results.submission_return(submission=submission, actor=secretariat, comment="Sửa lại")
    assert told(NotificationKind.RESULT_RETURNED) == {"officer"}


def test_email_is_one_channel_of_the_event_sent_after_commit(
    submission, officer, leader, secretariat, django_capture_on_commit_callbacks
):
    submit_ready(submission, officer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        results.submission_return(submission=submission, actor=secretariat, comment="Sửa lại")
    assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([officer.email, leader.email])
    message = mail.outbox[0]
    assert message.subject == Notification.objects.first().sentence
    assert "Sửa lại" in message.body
    assert f"/results/{submission.pk}/" in message.body
    assert "/account/" in message.body  # where to switch it off
    assert all(len(m.to) == 1 for m in mail.outbox)  # nobody sees another's address


def test_a_refused_action_tells_nobody(submission, officer, secretariat):
    """The notification is written in the service's transaction: a draft cannot be
    returned, and nobody is told it was."""
    from core.exceptions import ActionRefused

    with pytest.raises(ActionRefused):
        results.submission_return(submission=submission, actor=secretariat, comment="Sửa")
    assert not Notification.objects.exists()


def test_a_reminder_by_email_only_to_those_who_keep_email_on(
    phase, officer, leader, other_officer, django_capture_on_commit_callbacks
):
    from notifications.services import email_preference_set

    email_preference_set(actor=leader, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(phase=phase)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([officer.email, other_officer.email])
    assert Notification.objects.filter(recipient=leader, kind=NotificationKind.DEADLINE).exists()
