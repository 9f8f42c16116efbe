"""Award proposals: the workflow, its refusals, the eligibility rules and the pages."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.exceptions import ActionRefused
from evaluations.awards.models import AwardRecord
from evaluations.proposals import services
from evaluations.proposals.choices import InitiativeScope, ProposalStatus, TaskRating
from evaluations.proposals.eligibility import batch_findings, findings_for
from evaluations.proposals.models import AwardProposal, ProposalEvent
from tests.factories.units import PersonFactory
from units.models import AuditEntry

pytestmark = pytest.mark.django_db
YEAR = 2025  # the cluster year of the fixtures


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def person(our_unit):
    return PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa")


def title(titles, code, recipient="person"):
    return titles[(code, recipient)]


def record(titles, code, year, *, person=None, unit=None, thematic=False, initiative=""):
    return AwardRecord.objects.create(
        title=title(titles, code, "person" if person else "collective"),
        year=year,
        unit=unit or person.unit,
        person=person,
        recipient_name=person.full_name if person else unit.name,
        decision_number=f"{year}/QĐ-TTCP",
        decision_date=date(year, 12, 20),
        is_thematic=thematic,
        initiative=initiative,
    )


def propose(actor, cluster_year, unit, titles, code, person=None, **fields):
    defaults = {
        "title": title(titles, code, "person" if person else "collective"),
        "year": YEAR,
        "summary": "Hoàn thành xuất sắc nhiệm vụ được giao.",
        "task_rating": TaskRating.EXCELLENT,
        "no_pending_discipline": True,
    }
    return services.proposal_create(
        actor=actor, cluster_year=cluster_year, unit=unit, person=person, **{**defaults, **fields}
    )


def rules_of(proposal, blocking=True):
    return {f.rule for f in findings_for(proposal) if f.blocking == blocking}


# --- Workflow --------------------------------------------------------------------------------


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


# --- Eligibility rules: one passing and one failing case each ---------------------------------


def test_r1_cstdcs_needs_ldtt_same_year(officer, cluster_year, our_unit, titles, person):
    proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=person)
    assert "R1" in rules_of(proposal)
    with pytest.raises(ActionRefused, match="R1"):
        services.proposal_submit(proposal=proposal, actor=officer)
    record(titles, "LDTT", YEAR, person=person)
    assert "R1" not in rules_of(proposal)


def test_r1_cstdcs_needs_excellence_or_an_initiative(
    officer, cluster_year, our_unit, titles, person
):
    record(titles, "LDTT", YEAR, person=person)
    proposal = propose(
        officer, cluster_year, our_unit, titles, "CSTDCS", person=person, task_rating="good"
    )
    assert "R1" in rules_of(proposal)
    proposal.initiative, proposal.initiative_scope = "Số hoá hồ sơ", InitiativeScope.UNIT
    assert "R1" not in rules_of(proposal)


def test_r2_ldtt_needs_a_good_rating(officer, cluster_year, our_unit, titles, person):
    proposal = propose(
        officer, cluster_year, our_unit, titles, "LDTT", person=person, task_rating="complete"
    )
    assert "R2" in rules_of(proposal)
    proposal.task_rating = TaskRating.GOOD
    assert "R2" not in rules_of(proposal)


def test_r3_sector_fighter_needs_three_years_and_a_sector_initiative(
    officer, cluster_year, our_unit, titles, person
):
    for year in (YEAR - 2, YEAR - 1):
        record(titles, "CSTDCS", year, person=person)
    proposal = propose(
        officer,
        cluster_year,
        our_unit,
        titles,
        "CSTD_NGANH",
        person=person,
        initiative="Quy trình tiếp công dân điện tử",
        initiative_scope=InitiativeScope.SECTOR,
    )
    assert "R3" in rules_of(proposal)  # YEAR - 3 missing
    record(titles, "CSTDCS", YEAR - 3, person=person)
    assert "R3" not in rules_of(proposal)
    proposal.initiative_scope = InitiativeScope.UNIT
    assert "R3" in rules_of(proposal)


def test_r4_national_fighter_needs_two_sector_titles(
    officer, cluster_year, our_unit, titles, person
):
    record(titles, "CSTD_NGANH", YEAR - 3, person=person)
    proposal = propose(
        officer,
        cluster_year,
        our_unit,
        titles,
        "CSTD_TQ",
        person=person,
        initiative="Sáng kiến cấp quốc gia",
        initiative_scope=InitiativeScope.NATIONAL,
    )
    assert "R4" in rules_of(proposal)
    record(titles, "CSTD_NGANH", YEAR - 6, person=person)
    assert "R4" not in rules_of(proposal)


def test_r7_certificate_needs_two_cstdcs(officer, cluster_year, our_unit, titles, person):
    record(titles, "CSTDCS", YEAR - 1, person=person)
    proposal = propose(officer, cluster_year, our_unit, titles, "BK_TTCP", person=person)
    assert "R7" in rules_of(proposal)
    record(titles, "CSTDCS", YEAR - 2, person=person)
    assert "R7" not in rules_of(proposal)


def test_r8_prime_minister_certificate(officer, cluster_year, our_unit, titles, person):
    record(titles, "BK_TTCP", YEAR - 5, person=person)
    for year in (YEAR - 3, YEAR - 2):
        record(titles, "CSTDCS", year, person=person)
    proposal = propose(officer, cluster_year, our_unit, titles, "BK_TTG", person=person)
    assert "R8" in rules_of(proposal)
    record(titles, "CSTDCS", YEAR - 1, person=person)
    assert "R8" not in rules_of(proposal)


def staff(unit, count):
    return [PersonFactory(unit=unit) for _ in range(count)]


def test_r5_excellent_collective(officer, cluster_year, our_unit, titles):
    people = staff(our_unit, 10)
    for p in people[:6]:
        record(titles, "LDTT", YEAR, person=p)
    proposal = propose(officer, cluster_year, our_unit, titles, "TTLDXS")
    assert "R5" in rules_of(proposal)  # 60% LĐTT, no CSTĐCS
    record(titles, "LDTT", YEAR, person=people[6])
    record(titles, "CSTDCS", YEAR, person=people[0])
    assert "R5" not in rules_of(proposal)


def test_r6_advanced_collective_counts_ldtt_and_warns_on_discipline(
    officer, cluster_year, our_unit, titles
):
    people = staff(our_unit, 4)
    record(titles, "LDTT", YEAR, person=people[0])
    proposal = propose(officer, cluster_year, our_unit, titles, "TTLDTT")
    assert "R6" in rules_of(proposal)
    for p in people[1:3]:
        record(titles, "LDTT", YEAR, person=p)
    assert "R6" not in rules_of(proposal)  # 75%
    assert "R6" in rules_of(proposal, blocking=False)  # the discipline clause stays a warning


def test_r9_one_initiative_one_award(officer, cluster_year, our_unit, titles, person):
    record(titles, "LDTT", YEAR, person=person)
    record(titles, "GK", YEAR - 1, person=person, initiative="Số hoá   hồ sơ thanh tra")
    proposal = propose(
        officer,
        cluster_year,
        our_unit,
        titles,
        "CSTDCS",
        person=person,
        initiative="số hoá hồ sơ thanh tra",
        initiative_scope=InitiativeScope.UNIT,
    )
    assert "R9" in rules_of(proposal)
    proposal.initiative = "Một sáng kiến khác"
    assert "R9" not in rules_of(proposal)


def test_r10_thematic_awards_do_not_count(officer, cluster_year, our_unit, titles, person):
    record(titles, "CSTDCS", YEAR - 1, person=person)
    record(titles, "CSTDCS", YEAR - 2, person=person, thematic=True)
    proposal = propose(officer, cluster_year, our_unit, titles, "BK_TTCP", person=person)
    assert "R7" in rules_of(proposal)  # the thematic year does not make two in a row


def test_r11_pending_discipline_blocks(officer, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK", no_pending_discipline=False)
    assert "R11" in rules_of(proposal)
    with pytest.raises(ActionRefused, match="R11"):
        services.proposal_submit(proposal=proposal, actor=officer)
    proposal.no_pending_discipline = True
    assert "R11" not in rules_of(proposal)


def test_r12_one_flag_per_cluster(
    officer, other_officer, cluster_year, our_unit, other_unit, titles
):
    ours = propose(officer, cluster_year, our_unit, titles, "CO_TTCP")
    assert "R12" not in rules_of(ours)
    assert "R12" in rules_of(ours, blocking=False)  # no ranking linked: a warning
    theirs = propose(other_officer, cluster_year, other_unit, titles, "CO_TTCP")
    assert "R12" in rules_of(theirs) and "R12" in rules_of(ours)
    services.proposal_withdraw(proposal=theirs, actor=other_officer)
    assert "R12" not in rules_of(ours)


def test_quota_share_of_staff(officer, cluster_year, our_unit, titles):
    people = staff(our_unit, 10)
    gk = title(titles, "GK")
    gk.quota_percent = 20
    gk.save()
    first = propose(officer, cluster_year, our_unit, titles, "GK", person=people[0])
    second = propose(officer, cluster_year, our_unit, titles, "GK", person=people[1])
    assert "Q" not in rules_of(second)
    third = propose(officer, cluster_year, our_unit, titles, "GK", person=people[2])
    assert "Q" in rules_of(third) and first.pk


def test_batch_check_costs_constant_queries(
    officer, cluster_year, our_unit, titles, django_assert_max_num_queries
):
    people = staff(our_unit, 30)
    for p in people:
        propose(officer, cluster_year, our_unit, titles, "LDTT", person=p)
    proposals = list(AwardProposal.objects.select_related("title", "ranking_entry"))
    with django_assert_max_num_queries(6):
        found = batch_findings(proposals)
    assert len(found) == 30


# --- Pages -----------------------------------------------------------------------------------


ROLES = ["admin", "officer", "leader", "other_officer", "outsider", "secretariat", "viewer"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("officer", 200),
        ("leader", 200),
        ("secretariat", 200),
        ("admin", 200),
        ("other_officer", 404),
        ("outsider", 404),
        ("viewer", 404),
    ],
)
def test_who_sees_a_proposal(
    client, role_users, role, status, officer, cluster_year, our_unit, titles
):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK", summary="Bí mật nội bộ")
    client.force_login(role_users[role])
    response = client.get(reverse("evaluations:proposal", args=[proposal.pk]))
    assert response.status_code == status
    listing = client.get(reverse("evaluations:proposal_list")).content.decode()
    assert (proposal.nominee_name in listing) == (status == 200)


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("leader", 200), ("secretariat", 403), ("other_officer", 404)],
)
def test_who_edits_a_draft(
    client, role_users, role, status, officer, cluster_year, our_unit, titles
):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    client.force_login(role_users[role])
    assert (
        client.get(reverse("evaluations:proposal_edit", args=[proposal.pk])).status_code == status
    )


def test_anonymous_goes_to_login(client, officer, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    for url in (
        reverse("evaluations:proposal_list"),
        reverse("evaluations:proposal_create"),
        reverse("evaluations:proposal", args=[proposal.pk]),
        reverse("evaluations:cluster_proposals", args=[cluster_year.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_create_in_the_browser_keeps_input_on_error(
    client, officer, cluster_year, our_unit, titles
):
    client.force_login(officer)
    url = reverse("evaluations:proposal_create")
    assert client.get(url).status_code == 200
    data = {
        "cluster_year": cluster_year.pk,
        "unit": our_unit.pk,
        "person": "",
        "title": title(titles, "LDTT").pk,  # a person's title without a person
        "year": YEAR,
        "summary": "Thành tích nổi bật của đơn vị",
        "task_rating": "good",
        "initiative_scope": "",
        "no_pending_discipline": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Thành tích nổi bật của đơn vị" in response.content.decode()
    assert not AwardProposal.objects.exists()
    data["title"] = title(titles, "GK", "collective").pk
    response = client.post(url, data)
    assert response.status_code == 302
    assert AwardProposal.objects.get().nominee_name == our_unit.name


def test_steps_from_the_page(client, officer, secretariat, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    url = reverse("evaluations:proposal", args=[proposal.pk])
    client.force_login(officer)
    upload = client.post(
        url, {"action": "upload", "file": SimpleUploadedFile("Báo cáo.pdf", b"%PDF-1.4\n")}
    )
    assert upload.status_code == 302
    file_url = reverse("evaluations:proposal_file", args=[proposal.files.get().pk])
    assert client.get(file_url).status_code == 200
    assert client.post(url, {"action": "endorse"}).status_code == 403
    assert client.post(url, {"action": "submit"}).status_code == 302
    client.force_login(secretariat)
    page = client.get(url).content.decode()
    assert 'value="endorse"' in page
    assert client.post(url, {"action": "return", "comment": ""}).status_code == 200
    assert client.post(url, {"action": "endorse"}).status_code == 302
    assert AwardProposal.objects.get().status == ProposalStatus.ENDORSED


def test_batch_page_for_the_secretariat_only(
    client, role_users, officer, cluster_year, our_unit, titles, django_assert_max_num_queries
):
    people = staff(our_unit, 25)
    for p in people:
        proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=p)
        AwardProposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.SUBMITTED)
    url = reverse("evaluations:cluster_proposals", args=[cluster_year.pk])
    client.force_login(role_users["secretariat"])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("R1") >= 25  # none holds LĐTT
    for role in ("officer", "leader", "other_officer", "outsider", "viewer"):
        client.force_login(role_users[role])
        assert client.get(url).status_code == 404


def test_proposal_pages_bounded(
    client, officer, cluster_year, our_unit, titles, django_assert_max_num_queries
):
    for p in staff(our_unit, 30):
        propose(officer, cluster_year, our_unit, titles, "LDTT", person=p)
    proposal = AwardProposal.objects.first()
    client.force_login(officer)
    for url in (
        reverse("evaluations:proposal_list"),
        reverse("evaluations:proposal", args=[proposal.pk]),
        reverse("evaluations:proposal_create"),
        reverse("evaluations:proposal_edit", args=[proposal.pk]),
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_dashboard_shows_what_waits(client, officer, secretariat, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    services.proposal_submit(proposal=proposal, actor=officer)
    client.force_login(secretariat)
    assert "?status=submitted" in client.get(reverse("dashboard")).content.decode()
    services.proposal_return(proposal=proposal, actor=secretariat, comment="Bổ sung")
    client.force_login(officer)
    assert "?status=returned" in client.get(reverse("dashboard")).content.decode()


def test_r13_reads_the_ballot(
    officer, other_officer, cluster_year, our_unit, other_unit, titles, closed_ballot
):
    # Both voters chose the other unit for the flag: it passes, ours has 0%.
    ours = propose(officer, cluster_year, our_unit, titles, "CO_TTCP")
    assert "R13" in rules_of(ours)
    theirs_title = title(titles, "BK_TTCP", "collective")
    theirs = propose(other_officer, cluster_year, other_unit, titles, "CO_TTCP")
    assert "R13" not in rules_of(theirs) and "R13" not in rules_of(theirs, blocking=False)
    # A title no ballot decided on: a warning only.
    other = propose(other_officer, cluster_year, other_unit, titles, "BK_TTCP")
    assert other.title == theirs_title
    assert "R13" in rules_of(other, blocking=False) and "R13" not in rules_of(other)


def test_campaign_of_another_cluster_year_is_refused(officer, cluster_year, our_unit, titles):
    from tests.factories.campaigns import CampaignFactory

    foreign = CampaignFactory()
    with pytest.raises(ActionRefused):
        propose(officer, cluster_year, our_unit, titles, "GK", campaign=foreign)
    own = CampaignFactory(cluster_year=cluster_year)
    assert propose(officer, cluster_year, our_unit, titles, "GK", campaign=own).campaign == own
