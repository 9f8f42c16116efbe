"""R18 with dated data (DOMAIN-OUTPUTS.md D): the multiplier of the decree in force on the
decision date × the base salary in force that day; records keep what they were given."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from evaluations.awards.models import AwardRecord
from evaluations.awards.selectors import award_amount, base_salaries, reward_on
from evaluations.proposals import services
from pledges.models import TitleMultiplier
from pledges.selectors import multiplier_on, title_multipliers
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PersonFactory
from tests.helpers.proposals import propose

pytestmark = pytest.mark.django_db

BEFORE_152, FROM_152 = date(2025, 6, 30), date(2025, 7, 1)
BEFORE_2026_SALARY, FROM_2026_SALARY = date(2026, 6, 30), date(2026, 7, 1)


# (code, recipient): amounts on 30/6/2025, 01/7/2025, 30/6/2026, 01/7/2026 and whether the
# Decree 98/2023 and Decree 152/2025 figures are to verify.
AFFECTED = {
    # 1.0 under Decree 98/2023 (the Decree 91/2017 figure, to verify) -> 1.5 (Art. 54(1)(b)).
    ("BK_TTCP", "person"): (
        ["2340000", "3510000", "3510000", "3795000"],
        (True, False),
    ),
    # 2 × the individual figure; Decree 152's Art. 54(2) is unverified.
    ("BK_TTCP", "collective"): (
        ["4680000", "7020000", "7020000", "7590000"],
        (True, True),
    ),
    ("GK", "collective"): (["1404000", "1404000", "1404000", "1518000"], (True, True)),
    ("GK", "person"): (["702000", "702000", "702000", "759000"], (True, False)),
    ("BK_TTG", "person"): (["8190000", "8190000", "8190000", "8855000"], (True, False)),
    # Titles: the same figure under both decrees, verified; the base salary moves.
    ("TTLDXS", "collective"): (["3510000", "3510000", "3510000", "3795000"], (False, False)),
    ("TTLDTT", "collective"): (["1872000", "1872000", "1872000", "2024000"], (False, False)),
    ("CSTDCS", "person"): (["2340000", "2340000", "2340000", "2530000"], (False, False)),
    ("LDTT", "person"): (["702000", "702000", "702000", "759000"], (False, False)),
    ("CO_TTCP", "collective"): (["18720000", "18720000", "18720000", "20240000"], (False, False)),
}


@pytest.mark.parametrize("key", list(AFFECTED))
def test_each_award_on_either_side_of_01_7_2025_and_01_7_2026(titles, base_salaries, key):
    amounts, (verify_98, verify_152) = AFFECTED[key]
    title = titles[key]
    days = [BEFORE_152, FROM_152, BEFORE_2026_SALARY, FROM_2026_SALARY]
    assert [award_amount(title, day) for day in days] == [Decimal(a) for a in amounts]
    assert reward_on(title, BEFORE_152).to_verify is verify_98
    assert reward_on(title, FROM_152).to_verify is verify_152
    assert reward_on(title, FROM_2026_SALARY).base_salary == Decimal("2530000")


def test_the_inspector_generals_certificate_is_1_5_from_decree_152(titles, base_salaries):
    title = titles[("BK_TTCP", "person")]
    old, new = reward_on(title, BEFORE_152), reward_on(title, FROM_152)
    assert (old.multiplier, new.multiplier) == (Decimal("1.0"), Decimal("1.5"))
    assert "98/2023" in old.legal_basis
    assert new.legal_basis == "Nghị định số 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b"


def test_a_batch_of_amounts_costs_two_queries(titles, base_salaries, django_assert_num_queries):
    with django_assert_num_queries(2):
        salaries, multipliers = base_salaries_and_multipliers()
    with django_assert_num_queries(0):
        for title in titles.values():
            for day in (BEFORE_152, FROM_152, FROM_2026_SALARY):
                reward_on(title, day, salaries=salaries, multipliers=multipliers)


def base_salaries_and_multipliers():
    return base_salaries(), title_multipliers()


def test_no_amount_without_a_period_or_a_base_salary(titles, base_salaries):
    assert award_amount(titles[("KNC", "person")], FROM_152) is None  # no multiplier
    assert award_amount(titles[("LDTT", "person")], date(2023, 12, 31)) is None  # before 98/2023


def test_a_successor_decree_is_a_data_change(titles, base_salaries):
    title = titles[("BK_TTCP", "person")]
    current = multiplier_on(title, FROM_152)
    current.valid_until = date(2027, 2, 28)
    current.save()
    TitleMultiplier.objects.create(
        title=title,
        valid_from=date(2027, 3, 1),
        multiplier=Decimal("2.0"),
        legal_basis="Nghị định kế nhiệm",
        to_verify=True,
    )
    assert award_amount(title, date(2027, 2, 28)) == Decimal("3795000")
    assert award_amount(title, date(2027, 3, 1)) == Decimal("5060000")


def test_periods_of_a_title_never_overlap(titles):
    title = titles[("BK_TTCP", "person")]
    overlapping = TitleMultiplier(
        title=title, valid_from=date(2026, 1, 1), multiplier=Decimal("2"), legal_basis="x"
    )
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    after_an_open_one = TitleMultiplier(
        title=title, valid_from=date(2030, 1, 1), multiplier=Decimal("2"), legal_basis="x"
    )
    with pytest.raises(ValidationError):  # Decree 152's period is still open
        after_an_open_one.full_clean()
    backwards = TitleMultiplier(
        title=title,
        valid_from=date(2023, 1, 1),
        valid_until=date(2022, 1, 1),
        multiplier=Decimal("2"),
        legal_basis="x",
    )
    with pytest.raises(ValidationError):
        backwards.full_clean()
    before = TitleMultiplier(
        title=title,
        valid_from=date(2023, 1, 1),
        valid_until=date(2023, 12, 31),
        multiplier=Decimal("1"),
        legal_basis="Nghị định số 91/2017/NĐ-CP",
    )
    before.full_clean()  # the day before Decree 98/2023's period: no overlap


def test_the_database_refuses_a_second_start_and_a_backward_period(titles):
    title = titles[("GK", "person")]
    with pytest.raises(IntegrityError), transaction.atomic():
        TitleMultiplier.objects.create(
            title=title, valid_from=FROM_152, multiplier=Decimal("1"), legal_basis="x"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        TitleMultiplier.objects.create(
            title=title,
            valid_from=date(2030, 1, 1),
            valid_until=date(2029, 1, 1),
            multiplier=Decimal("1"),
            legal_basis="x",
        )


def _approved(officer, secretariat, admin_user, cluster_year, our_unit, titles, code, on):
    proposal = propose(officer, cluster_year, our_unit, titles, code)
    services.proposal_submit(proposal=proposal, actor=officer)
    services.proposal_endorse(proposal=proposal, actor=secretariat)
    services.proposal_forward(proposal=proposal, actor=secretariat)
    return services.proposal_approve(
        proposal=proposal,
        actor=admin_user,
        decision_number="640/QĐ-TTCP",
        decision_date=on,
        issuing_authority="Tổng Thanh tra Chính phủ",
    )


def test_an_approval_records_the_amount_of_its_decision_date_and_keeps_it(
    officer, secretariat, admin_user, cluster_year, our_unit, titles, base_salaries
):
    record = _approved(
        officer, secretariat, admin_user, cluster_year, our_unit, titles, "GK", FROM_2026_SALARY
    )
    assert (record.amount, record.multiplier, record.amount_to_verify) == (
        Decimal("1518000"),
        Decimal("0.60"),
        True,
    )
    # The catalogue changes later (the collective figure is confirmed at 1.0): the record
    # keeps the amount of its decision.
    TitleMultiplier.objects.filter(title=record.title).update(
        multiplier=Decimal("1.0"), to_verify=False
    )
    record.refresh_from_db()
    assert (record.amount, record.amount_to_verify) == (Decimal("1518000"), True)


def test_history_pages_mark_the_amounts_to_verify(client, officer, our_unit, titles):
    person = PersonFactory(unit=our_unit, full_name="Trần Thị Kiểm")
    AwardRecordFactory(
        title=titles[("BK_TTCP", "collective")],
        unit=our_unit,
        year=2025,
        amount=Decimal("7590000"),
        multiplier=Decimal("3.0"),
        amount_to_verify=True,
    )
    AwardRecordFactory(
        title=titles[("BK_TTCP", "person")],
        unit=our_unit,
        person=person,
        year=2026,
        amount=Decimal("3795000"),
        multiplier=Decimal("1.5"),
    )
    client.force_login(officer)
    html = client.get(reverse("evaluations:unit_awards", args=[our_unit.pk])).content.decode()
    assert html.count("cần kiểm chứng") == 1  # the collective certificate only
    assert "7.590.000" in html and "3.795.000" in html
    assert "1,5 × lương cơ sở" in html and "3 × lương cơ sở" in html
    page = client.get(reverse("evaluations:person_awards", args=[person.pk])).content.decode()
    assert "3.795.000" in page and "cần kiểm chứng" not in page


def test_the_2019_amount_typed_from_its_decision_stays(titles, our_unit, base_salaries):
    record = AwardRecordFactory(
        title=titles[("BK_TTCP", "collective")],
        unit=our_unit,
        year=2019,
        decision_date=date(2020, 1, 20),
        amount=Decimal("2980000"),
    )
    assert award_amount(record.title, record.decision_date) is None  # no period in 2020
    assert AwardRecord.objects.get(pk=record.pk).amount == Decimal("2980000")
