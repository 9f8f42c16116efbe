"""The eligibility rules of award proposals: one passing and one failing case each."""

import pytest

from core.exceptions import ActionRefused
from evaluations.proposals import services
from evaluations.proposals.choices import InitiativeScope, TaskRating
from evaluations.proposals.eligibility import batch_findings, findings_for
from evaluations.proposals.models import AwardProposal
from tests.helpers.proposals import YEAR, propose, record, rules_of, staff, title

pytestmark = pytest.mark.django_db


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


def _discipline_findings(proposal):
    return [
        f for f in findings_for(proposal) if "kỷ luật" in f.message or "disciplined" in f.message
    ]


def test_r5_excellent_collective_has_no_discipline_clause(officer, cluster_year, our_unit, titles):
    """DOMAIN-OUTPUTS.md correction 3: the discipline clause is TTLĐTT's, not TTLĐXS's."""
    people = staff(our_unit, 10)
    for p in people[:7]:
        record(titles, "LDTT", YEAR, person=p)
    record(titles, "CSTDCS", YEAR, person=people[0])
    excellent = propose(officer, cluster_year, our_unit, titles, "TTLDXS")
    assert rules_of(excellent) == set() and "R6" not in rules_of(excellent, blocking=False)
    assert _discipline_findings(excellent) == []
    advanced = propose(officer, cluster_year, our_unit, titles, "TTLDTT", task_rating="good")
    assert [f.rule for f in _discipline_findings(advanced)] == ["R6"]


def test_r6_advanced_collective_needs_a_good_rating(officer, cluster_year, our_unit, titles):
    for p in staff(our_unit, 4):
        record(titles, "LDTT", YEAR, person=p)
    proposal = propose(
        officer, cluster_year, our_unit, titles, "TTLDTT", task_rating=TaskRating.COMPLETE
    )
    assert "R6" in rules_of(proposal)
    with pytest.raises(ActionRefused, match="R6"):
        services.proposal_submit(proposal=proposal, actor=officer)
    proposal.task_rating = TaskRating.GOOD
    assert "R6" not in rules_of(proposal)


def test_the_catalogue_puts_the_discipline_clause_on_ttldtt_only(titles):
    assert "kỷ luật" not in titles[("TTLDXS", "collective")].criteria_summary
    assert "100% cá nhân" in titles[("TTLDXS", "collective")].criteria_summary
    advanced = titles[("TTLDTT", "collective")].criteria_summary
    assert "kỷ luật từ hình thức cảnh cáo trở lên" in advanced


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
