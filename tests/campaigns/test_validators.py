from datetime import date
from decimal import Decimal

from campaigns.validators import phase_problems, rubric_problems


def phase(name, start, end, deadline=None):
    return {"name": name, "start_date": start, "end_date": end, "results_deadline": deadline or end}


def test_phases_inside_period_without_overlap_pass():
    phases = [
        phase("1", date(2024, 7, 1), date(2024, 12, 31)),
        phase("2", date(2025, 1, 1), date(2025, 11, 23)),
    ]
    assert phase_problems(start=date(2024, 7, 1), end=date(2025, 11, 23), phases=phases) == []


def test_phase_before_the_period_is_flagged_on_its_start():
    problems = phase_problems(
        start=date(2024, 7, 5),
        end=date(2025, 11, 23),
        phases=[phase("1", date(2024, 7, 1), date(2024, 12, 31))],
    )
    assert [(p.index, p.field) for p in problems] == [(0, "start_date")]


def test_overlap_is_found_even_when_not_adjacent():
    phases = [
        phase("long", date(2025, 1, 1), date(2025, 12, 31)),
        phase("b", date(2025, 2, 1), date(2025, 3, 1)),
        phase("c", date(2025, 4, 1), date(2025, 5, 1)),
    ]
    problems = phase_problems(start=date(2025, 1, 1), end=date(2025, 12, 31), phases=phases)
    assert sorted(p.index for p in problems) == [1, 2]


def test_touching_phases_overlap_on_the_shared_day():
    phases = [
        phase("1", date(2025, 1, 1), date(2025, 6, 30)),
        phase("2", date(2025, 6, 30), date(2025, 12, 31)),
    ]
    problems = phase_problems(start=date(2025, 1, 1), end=date(2025, 12, 31), phases=phases)
    assert [(p.index, p.field) for p in problems] == [(1, "start_date")]


def test_deadline_before_phase_start_flagged():
    bad = phase("1", date(2025, 1, 1), date(2025, 6, 30), deadline=date(2024, 12, 1))
    problems = phase_problems(start=None, end=None, phases=[bad])
    assert [(p.index, p.field) for p in problems] == [(0, "results_deadline")]


def criterion(code, group="A", points="5", kind="normal"):
    return {"code": code, "group_code": group, "max_points": Decimal(points), "kind": kind}


def test_rubric_problems_find_each_mistake_with_its_place():
    problems = rubric_problems(
        header={"bonus_cap": Decimal("0"), "tie_break_groups": "A, Z"},
        groups=[{"code": "A"}, {"code": "A"}],
        criteria=[
            criterion("A1"),
            criterion("A1"),
            criterion("X1", group="X"),
            criterion("A3", points="0"),
            criterion("B1", points="2", kind="bonus"),
        ],
    )
    assert [(p.section, p.index, p.field) for p in problems] == [
        ("groups", 1, "code"),
        ("criteria", 1, "code"),
        ("criteria", 2, "group_code"),
        ("criteria", 3, "max_points"),
        ("", None, "bonus_cap"),
        ("", None, "tie_break_groups"),
    ]


def test_valid_rubric_has_no_problem():
    assert (
        rubric_problems(
            header={"bonus_cap": Decimal("3"), "tie_break_groups": "A"},
            groups=[{"code": "A"}],
            criteria=[
                criterion("A1"),
                criterion("A2", kind="bonus"),
                criterion("A3", kind="penalty"),
            ],
        )
        == []
    )
