from datetime import date

import pytest

from core.exceptions import ActionRefused
from pledges import services
from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.models import Pledge, PledgeParty, RegistrationEvent, RegistrationItem, Signature
from tests.factories.pledges import RegistrationFactory
from tests.factories.units import PersonFactory
from tests.helpers.pledges import sign
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_secretariat_drafts_a_pledge_with_commitments(secretariat, cluster_year):
    pledge = services.pledge_save(
        actor=secretariat,
        data={"cluster_year": cluster_year, "title": "Giao ước 2025"},
        commitments=[{"content": "Nội dung 1", "target": "100%"}, {"content": "Nội dung 2"}],
    )
    assert pledge.status == PledgeStatus.DRAFT
    assert list(pledge.commitments.values_list("content", "target")) == [
        ("Nội dung 1", "100%"),
        ("Nội dung 2", ""),
    ]


def test_officer_cannot_draft_a_pledge(officer, cluster_year):
    with pytest.raises(ActionRefused):
        services.pledge_save(
            actor=officer, data={"cluster_year": cluster_year, "title": "X"}, commitments=[]
        )
    assert not Pledge.objects.exists()


def test_opening_fixes_parties_with_their_names(open_pledge, our_unit, other_unit):
    assert open_pledge.status == PledgeStatus.OPEN
    assert set(PledgeParty.objects.filter(pledge=open_pledge).values_list("unit", "unit_name")) == {
        (our_unit.pk, our_unit.name),
        (other_unit.pk, other_unit.name),
    }


def test_open_needs_commitments(secretariat, cluster_year):
    from tests.factories.pledges import PledgeFactory

    empty = PledgeFactory(cluster_year=cluster_year)
    with pytest.raises(ActionRefused):
        services.pledge_open(pledge=empty, actor=secretariat)
    empty.refresh_from_db()
    assert empty.status == PledgeStatus.DRAFT


def test_leader_signs_once_and_second_signature_is_refused(open_pledge, leader, our_unit):
    sign(open_pledge, leader, our_unit)
    with pytest.raises(ActionRefused) as refused:
        sign(open_pledge, leader, our_unit, name="Người khác")
    assert our_unit.name in refused.value.message
    assert Signature.objects.filter(party__pledge=open_pledge).count() == 1


def test_leader_cannot_sign_for_another_unit(open_pledge, leader, other_unit):
    with pytest.raises(ActionRefused):
        sign(open_pledge, leader, other_unit)
    assert not Signature.objects.exists()


def test_officer_cannot_sign(open_pledge, officer, our_unit):
    with pytest.raises(ActionRefused):
        sign(open_pledge, officer, our_unit)


def test_last_signature_makes_the_pledge_signed(
    open_pledge, leader, our_unit, other_unit, secretariat
):
    sign(open_pledge, leader, our_unit)
    party = PledgeParty.objects.get(pledge=open_pledge, unit=other_unit)
    services.pledge_record_signature(
        pledge=open_pledge,
        actor=secretariat,
        party=party,
        signatory_name="Trần Thị Bình",
        position="Chánh Thanh tra",
        signed_on=date(2025, 3, 11),
    )
    open_pledge.refresh_from_db()
    assert open_pledge.status == PledgeStatus.SIGNED
    assert AuditEntry.objects.filter(
        action="pledge.status", changes__status=["open", "signed"]
    ).exists()
    services.pledge_archive(pledge=open_pledge, actor=secretariat)
    open_pledge.refresh_from_db()
    assert open_pledge.status == PledgeStatus.ARCHIVED


def test_signed_pledge_keeps_old_names_after_a_merger(open_pledge, leader, our_unit, admin_user):
    from tests.factories.units import UnitFactory
    from units.services import unit_merge

    sign(open_pledge, leader, our_unit)
    old_name = our_unit.name
    unit_merge(unit=our_unit, into=UnitFactory(), on=date(2025, 7, 1), actor=admin_user)
    party = PledgeParty.objects.get(pledge=open_pledge, unit=our_unit)
    assert party.unit_name == old_name and party.signature.signatory_name == "Nguyễn Văn An"


def test_archive_needs_signed_state(open_pledge, secretariat):
    with pytest.raises(ActionRefused):
        services.pledge_archive(pledge=open_pledge, actor=secretariat)


# Registrations ----------------------------------------------------------------------


@pytest.fixture
def registration(registration_round, our_unit):
    return RegistrationFactory(round=registration_round, unit=our_unit)


def items_for(unit, titles):
    person = PersonFactory(unit=unit)
    return [
        {"title": titles[("TTLDXS", "collective")], "person": None},
        {"title": titles[("LDTT", "person")], "person": person},
        {"title": titles[("CSTDCS", "person")], "person": person},
    ]


def test_unit_registers_and_submits_before_deadline(registration, officer, our_unit, titles):
    services.registration_save_items(
        registration=registration, actor=officer, items=items_for(our_unit, titles)
    )
    services.registration_submit(registration=registration, actor=officer, today=date(2025, 3, 30))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED and registration.submitted_at
    assert list(
        RegistrationEvent.objects.filter(registration=registration).values_list(
            "to_status", flat=True
        )
    ) == ["submitted"]


def test_submit_after_deadline_refused_until_reopened(
    registration, officer, secretariat, our_unit, titles
):
    services.registration_save_items(
        registration=registration, actor=officer, items=items_for(our_unit, titles)
    )
    late = date(2100, 1, 5)
    with pytest.raises(ActionRefused):
        services.registration_submit(registration=registration, actor=officer, today=late)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.DRAFT
    services.registration_reopen(
        registration=registration,
        actor=secretariat,
        until=date(2100, 1, 10),
        reason="Đơn vị đề nghị",
    )
    services.registration_submit(registration=registration, actor=officer, today=late)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED


def test_double_submit_gives_one_submission_and_a_message(registration, officer, our_unit, titles):
    services.registration_save_items(
        registration=registration, actor=officer, items=items_for(our_unit, titles)
    )
    services.registration_submit(registration=registration, actor=officer, today=date(2025, 3, 1))
    with pytest.raises(ActionRefused):
        services.registration_submit(
            registration=registration, actor=officer, today=date(2025, 3, 1)
        )
    assert (
        RegistrationEvent.objects.filter(registration=registration, to_status="submitted").count()
        == 1
    )


def test_return_then_resubmit_keeps_history(registration, officer, secretariat, our_unit, titles):
    services.registration_save_items(
        registration=registration, actor=officer, items=items_for(our_unit, titles)
    )
    services.registration_submit(registration=registration, actor=officer, today=date(2025, 3, 1))
    with pytest.raises(ActionRefused):
        services.registration_return(registration=registration, actor=secretariat, comment="  ")
    services.registration_return(
        registration=registration, actor=secretariat, comment="Bổ sung danh sách"
    )
    services.registration_submit(registration=registration, actor=officer, today=date(2025, 3, 2))
    services.registration_accept(registration=registration, actor=secretariat)
    steps = list(
        RegistrationEvent.objects.filter(registration=registration).values_list(
            "from_status", "to_status"
        )
    )
    assert steps == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
    ]


def test_items_refuse_wrong_recipient_and_other_units_staff(
    registration, officer, other_unit, titles
):
    with pytest.raises(ActionRefused):
        services.registration_save_items(
            registration=registration,
            actor=officer,
            items=[{"title": titles[("LDTT", "person")], "person": None}],
        )
    with pytest.raises(ActionRefused):
        services.registration_save_items(
            registration=registration,
            actor=officer,
            items=[{"title": titles[("LDTT", "person")], "person": PersonFactory(unit=other_unit)}],
        )
    assert not RegistrationItem.objects.exists()


def test_other_unit_cannot_edit_our_registration(registration, other_officer, titles):
    with pytest.raises(ActionRefused):
        services.registration_save_items(
            registration=registration,
            actor=other_officer,
            items=[{"title": titles[("TTLDXS", "collective")]}],
        )


def test_secretariat_cannot_accept_a_draft(registration, secretariat):
    with pytest.raises(ActionRefused):
        services.registration_accept(registration=registration, actor=secretariat)
