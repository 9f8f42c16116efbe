"""Units' totals and the cluster ranking: pure Decimal computation, no database."""

from decimal import Decimal

import pytest

from evaluations.results.ranking import (
    Band,
    CriterionInfo,
    RankedUnit,
    RubricInfo,
    UnitScores,
    UnitTotal,
    band_for,
    final_score,
    rank_units,
    unit_total,
)

D = Decimal

# Criterion ids.
A1, A2, B1, G1, G2, H1 = 1, 2, 3, 4, 5, 6

EXCELLENT = "Hoàn thành xuất sắc"
GOOD = "Hoàn thành tốt"
DONE = "Hoàn thành"

RUBRIC = RubricInfo(
    criteria=[
        CriterionInfo(A1, "A", "normal", D("40")),
        CriterionInfo(A2, "A", "normal", D("20")),
        CriterionInfo(B1, "B", "normal", D("40")),
        CriterionInfo(G1, "G", "bonus", D("3")),
        CriterionInfo(G2, "G", "bonus", D("2")),
        CriterionInfo(H1, "H", "penalty", D("5")),
    ],
    group_codes=["A", "B", "G", "H"],
    bonus_cap=D("4"),
    tie_break_groups=["A", "B"],
    # Deliberately not sorted.
    bands=[Band(GOOD, D("80")), Band(EXCELLENT, D("90")), Band(DONE, D("70"))],
)


def scores(a1="0", a2="0", b1="0", g1="0", g2="0", h1="0"):
    """Every criterion scored; pass None to leave one without a score."""
    values = {A1: a1, A2: a2, B1: b1, G1: g1, G2: g2, H1: h1}
    return {cid: None if v is None else D(v) for cid, v in values.items()}


def unit(unit_id, name, **kwargs):
    return UnitScores(unit_id, name, scores(**kwargs))


def summary(ranked: list[RankedUnit]):
    return [(r.unit_name, r.rank, r.totals.total, r.tied) for r in ranked]


# --- final_score ---------------------------------------------------------------------------


def test_final_score_prefers_reviewed_score():
    assert final_score(D("7"), D("5.5")) == D("5.5")
    assert final_score(D("7"), D("0")) == D("0")


def test_final_score_falls_back_to_self_score():
    assert final_score(D("7"), None) == D("7")


def test_final_score_none_when_neither():
    assert final_score(None, None) is None


# --- unit_total ----------------------------------------------------------------------------


def test_unit_total_sums_and_caps_the_bonus():
    total = unit_total(RUBRIC, scores(a1="30", a2="15", b1="35", g1="3", g2="2"))
    assert total == UnitTotal(
        normal=D("80.00"),
        bonus=D("4.00"),
        bonus_uncapped=D("5.00"),
        penalty=D("0.00"),
        total=D("84.00"),
        group_totals={"A": D("45.00"), "B": D("35.00"), "G": D("5.00"), "H": D("0.00")},
        missing=0,
    )


def test_bonus_under_the_cap_is_kept_whole():
    total = unit_total(RUBRIC, scores(a1="30", g1="3"))
    assert total.bonus == D("3.00")
    assert total.bonus_uncapped == D("3.00")
    assert total.total == D("33.00")


def test_penalty_is_subtracted():
    total = unit_total(RUBRIC, scores(a1="40", a2="20", b1="30", g1="1", h1="2.5"))
    assert total.normal == D("90.00")
    assert total.bonus == D("1.00")
    assert total.penalty == D("2.50")
    assert total.total == D("88.50")


def test_missing_counts_none_and_absent_scores_as_zero():
    partial = scores(a1="30", a2=None, b1="35", g1=None, h1=None)
    del partial[G2]
    total = unit_total(RUBRIC, partial)
    assert total.missing == 4
    assert total.normal == D("65.00")
    assert total.bonus == D("0.00")
    assert total.penalty == D("0.00")
    assert total.total == D("65.00")


def test_no_scores_at_all():
    total = unit_total(RUBRIC, {})
    assert total.missing == 6
    assert total.total == D("0.00")
    assert total.group_totals == {"A": D("0"), "B": D("0"), "G": D("0"), "H": D("0")}


def test_group_totals_cover_every_group_in_rubric_order_with_penalty_negative():
    total = unit_total(RUBRIC, scores(a1="10", h1="3"))
    assert total.group_totals == {"A": D("10.00"), "B": D("0.00"), "G": D("0.00"), "H": D("-3.00")}
    assert list(total.group_totals) == ["A", "B", "G", "H"]


def test_group_totals_follow_group_codes_order_not_criteria_order():
    rubric = RubricInfo(
        criteria=[
            CriterionInfo(1, "Z", "normal", D("10")),
            CriterionInfo(2, "Y", "normal", D("10")),
        ],
        group_codes=["Y", "Z", "X"],
        bonus_cap=D("0"),
        tie_break_groups=[],
        bands=[],
    )
    total = unit_total(rubric, {1: D("1"), 2: D("2")})
    assert list(total.group_totals.items()) == [("Y", D("2")), ("Z", D("1")), ("X", D("0"))]


def test_decimals_sum_exactly():
    total = unit_total(RUBRIC, scores(a1="2.5", a2="0.25", b1="0.1", g1="0.2", h1="0.05"))
    assert total.normal == D("2.85")
    assert total.bonus == D("0.20")
    assert total.penalty == D("0.05")
    assert total.total == D("3.00")
    assert total.group_totals["A"] == D("2.75")
    # Decimal equality ignores the exponent; check the representation too.
    assert str(total.total) == "3.00"
    assert str(total.group_totals["A"]) == "2.75"


def test_returned_values_are_quantized_half_up():
    total = unit_total(RUBRIC, scores(a1="10.005", b1="0.125"))
    # Half up (banker's rounding would give 10.00 and 0.12).
    assert total.group_totals["A"] == D("10.01")
    assert total.group_totals["B"] == D("0.13")
    # The normal sum 10.130 is quantized once; the total is built from the quantized parts.
    assert total.normal == D("10.13")
    assert total.total == D("10.13")


def test_scores_for_unknown_criteria_are_ignored():
    with_unknown = scores(a1="30") | {99: D("50"), 100: None}
    assert unit_total(RUBRIC, with_unknown) == unit_total(RUBRIC, scores(a1="30"))


def test_unknown_kind_is_rejected():
    rubric = RubricInfo(
        criteria=[CriterionInfo(1, "A", "extra", D("10"))],
        group_codes=["A"],
        bonus_cap=D("0"),
        tie_break_groups=[],
        bands=[],
    )
    with pytest.raises(ValueError, match="unknown kind"):
        unit_total(rubric, {1: D("1")})


# --- band_for ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "label"),
    [
        (D("104"), EXCELLENT),
        (D("90"), EXCELLENT),
        (D("89.99"), GOOD),
        (D("80.00"), GOOD),
        (D("79.99"), DONE),
        (D("70"), DONE),
        (D("69.99"), ""),
        (D("-3"), ""),
    ],
)
def test_band_by_thresholds(total, label):
    assert band_for(RUBRIC, total) == label


def test_no_bands_gives_empty_label():
    rubric = RubricInfo(RUBRIC.criteria, RUBRIC.group_codes, D("4"), [], [])
    assert band_for(rubric, D("100")) == ""


# --- rank_units ----------------------------------------------------------------------------


def test_empty_unit_list():
    assert rank_units(RUBRIC, []) == []


def test_ranks_by_total_descending():
    ranked = rank_units(
        RUBRIC,
        [
            unit(1, "Thanh tra tỉnh Cà Mau", a1="30", b1="30"),
            unit(2, "Thanh tra tỉnh Bạc Liêu", a1="40", a2="20", b1="35"),
            unit(3, "Thanh tra tỉnh An Giang", a1="35", a2="15", b1="30", g1="3", g2="2"),
        ],
    )
    assert summary(ranked) == [
        ("Thanh tra tỉnh Bạc Liêu", 1, D("95.00"), False),
        ("Thanh tra tỉnh An Giang", 2, D("84.00"), False),
        ("Thanh tra tỉnh Cà Mau", 3, D("60.00"), False),
    ]
    assert [r.unit_id for r in ranked] == [2, 3, 1]
    assert [r.band for r in ranked] == [EXCELLENT, GOOD, ""]
    assert ranked[1].totals == unit_total(RUBRIC, scores(a1="35", a2="15", b1="30", g1="3", g2="2"))


def test_penalty_changes_the_order():
    ranked = rank_units(
        RUBRIC,
        [
            unit(1, "Một", a1="40", b1="40", h1="5"),
            unit(2, "Hai", a1="40", b1="37"),
        ],
    )
    assert summary(ranked) == [("Hai", 1, D("77.00"), False), ("Một", 2, D("75.00"), False)]


def test_equal_totals_broken_by_group_a():
    ranked = rank_units(
        RUBRIC,
        [
            # Same total 80; the second has more in group A.
            unit(1, "Anh", a1="30", a2="10", b1="40"),
            unit(2, "Bình", a1="35", a2="10", b1="35"),
        ],
    )
    assert summary(ranked) == [("Bình", 1, D("80.00"), False), ("Anh", 2, D("80.00"), False)]


def test_equal_totals_and_group_a_broken_by_group_b():
    ranked = rank_units(
        RUBRIC,
        [
            # Same total 80 and same group A; the first has more in group B (less bonus).
            unit(1, "Anh", a1="40", b1="38", g1="2"),
            unit(2, "Bình", a1="40", b1="39", g1="1"),
        ],
    )
    assert summary(ranked) == [("Bình", 1, D("80.00"), False), ("Anh", 2, D("80.00"), False)]


def test_tie_surviving_the_tie_break_shares_the_rank_and_the_next_rank_skips():
    ranked = rank_units(
        RUBRIC,
        [
            unit(1, "Đồng Tháp", a1="30", a2="10", b1="35", g1="3"),
            unit(2, "an Giang", a1="30", a2="10", b1="35", g2="2", h1="0"),
            unit(3, "Kiên Giang", a1="40", a2="20", b1="30"),
            unit(4, "Bến Tre", a1="30", a2="10", b1="35", g1="1", g2="2"),
            unit(5, "Cần Thơ", a1="30", a2="10", b1="30"),
        ],
    )
    assert summary(ranked) == [
        ("Kiên Giang", 1, D("90.00"), False),
        # 78 each with the same A (40) and B (35): a shared rank, listed by name.
        ("Bến Tre", 2, D("78.00"), True),
        ("Đồng Tháp", 2, D("78.00"), True),
        ("an Giang", 4, D("77.00"), False),
        ("Cần Thơ", 5, D("70.00"), False),
    ]
    assert [r.band for r in ranked] == [EXCELLENT, DONE, DONE, DONE, DONE]


def test_three_way_tie_ranks_1_1_1_4_ordered_by_name():
    same = {"a1": "30", "b1": "30"}
    ranked = rank_units(
        RUBRIC,
        [
            unit(1, "Trà Vinh", **same),
            unit(2, "Sóc Trăng", a1="20"),
            unit(3, "an Giang", **same),
            unit(4, "Bạc Liêu", **same),
        ],
    )
    assert summary(ranked) == [
        ("an Giang", 1, D("60.00"), True),
        ("Bạc Liêu", 1, D("60.00"), True),
        ("Trà Vinh", 1, D("60.00"), True),
        ("Sóc Trăng", 4, D("20.00"), False),
    ]


def test_tied_names_compare_in_nfc():
    # "Ấp" typed decomposed (A + circumflex + acute): in NFC "ấ" is one letter after "z",
    # so it comes after "Ba"; comparing the decomposed form would put it first.
    decomposed = "A\u0302\u0301p"
    ranked = rank_units(RUBRIC, [unit(1, decomposed, a1="1"), unit(2, "Ba", a1="1")])
    assert [(r.unit_id, r.rank, r.tied) for r in ranked] == [(2, 1, True), (1, 1, True)]


def test_identical_names_are_ordered_by_unit_id():
    ranked = rank_units(RUBRIC, [unit(7, "Một", a1="1"), unit(3, "Một", a1="1")])
    assert [(r.unit_id, r.rank, r.tied) for r in ranked] == [(3, 1, True), (7, 1, True)]


def test_no_tie_break_groups_leaves_equal_totals_tied():
    rubric = RubricInfo(RUBRIC.criteria, RUBRIC.group_codes, D("4"), [], [])
    ranked = rank_units(rubric, [unit(1, "B", a1="30", b1="10"), unit(2, "A", a1="10", b1="30")])
    assert summary(ranked) == [("A", 1, D("40.00"), True), ("B", 1, D("40.00"), True)]
    assert [r.band for r in ranked] == ["", ""]


def test_ranking_ignores_scores_for_unknown_criteria():
    ranked = rank_units(
        RUBRIC,
        [
            UnitScores(1, "Một", scores(a1="30") | {99: D("100")}),
            UnitScores(2, "Hai", scores(a1="31")),
        ],
    )
    assert summary(ranked) == [("Hai", 1, D("31.00"), False), ("Một", 2, D("30.00"), False)]


def test_tie_break_group_not_in_rubric_is_rejected():
    rubric = RubricInfo(RUBRIC.criteria, RUBRIC.group_codes, D("4"), ["Q"], [])
    with pytest.raises(ValueError, match="Tie-break group"):
        rank_units(rubric, [unit(1, "Một")])
