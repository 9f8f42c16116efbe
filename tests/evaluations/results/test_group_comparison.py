"""The unit's subtotals per group against the published ranking, summed in the database."""

from decimal import Decimal

import pytest

from evaluations.results import selectors
from evaluations.results.models import RankingEntry, RankingPublication

pytestmark = pytest.mark.django_db


def publish(phase, totals_by_unit):
    publication = RankingPublication.objects.create(phase=phase)
    for rank, (unit, totals) in enumerate(totals_by_unit, start=1):
        RankingEntry.objects.create(
            publication=publication,
            unit=unit,
            unit_name=unit.name,
            rank=rank,
            total=sum(Decimal(v) for v in totals.values()),
            group_totals=totals,
        )


def test_averages_count_a_missing_group_as_zero_and_keep_the_units_groups_only(
    submission, phase, our_unit, other_unit, outside_unit
):
    publish(
        phase,
        [
            (our_unit, {"II": "1", "A": "6.00", "B": "2.50"}),
            (other_unit, {"A": "8.00"}),
            (outside_unit, {"A": "1", "B": "10.00", "C": "4"}),
        ],
    )
    submission.phase.refresh_from_db()
    rows = selectors.group_comparison(submission)
    assert [(r["group"], r["unit"], r["average"], r["top"]) for r in rows] == [
        ("A", Decimal("6.00"), Decimal("5.00"), Decimal("8.00")),
        ("B", Decimal("2.50"), Decimal("4.17"), Decimal("10.00")),
        ("II", Decimal("1"), Decimal("0.33"), Decimal("1")),
    ]


def test_nothing_to_compare_for_a_unit_left_out_of_the_ranking(
    submission, phase, other_unit, django_assert_max_num_queries
):
    publish(phase, [(other_unit, {"A": "8.00"})])
    submission.phase.refresh_from_db()
    assert submission.phase.publication  # read with the page's submission
    with django_assert_max_num_queries(1):
        assert selectors.group_comparison(submission) == []
