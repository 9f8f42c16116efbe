"""Units' totals and the cluster ranking for an emulation scoring rubric.

Pure computation: no database and no Django models, only ``decimal.Decimal`` (never float).
The caller turns a rubric and the units' scores into the plain data classes below.

Criterion kinds (the values of ``campaigns.choices.CriterionKind``, repeated here so that this
module stays free of Django):

* ``"normal"``: points up to the criterion's maximum;
* ``"bonus"`` (điểm thưởng): points up to the criterion's maximum; the sum of all bonus points
  of a unit is capped by the rubric's ``bonus_cap``;
* ``"penalty"`` (điểm trừ): a deduction entered as a positive number up to the criterion's
  maximum and subtracted from the total.

Checking that a score lies between 0 and the criterion's maximum belongs to data entry; the
totals here take the final scores as given.

Rounding: every Decimal returned is quantized to 0.01 (ROUND_HALF_UP), and the ranking compares
those quantized values, so that two units showing the same total on screen are also equal for
the ranking. The total is computed from the quantized parts (normal + bonus - penalty), so the
figures shown always add up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

NORMAL = "normal"
BONUS = "bonus"
PENALTY = "penalty"
KINDS = (NORMAL, BONUS, PENALTY)

CENT = Decimal("0.01")


@dataclass(frozen=True)
class CriterionInfo:
    id: int
    group_code: str
    kind: str  # "normal" | "bonus" | "penalty"
    max_points: Decimal


@dataclass(frozen=True)
class Band:
    label: str  # e.g. "Hoàn thành xuất sắc"
    # A unit is in the first band (highest min_total first) whose min_total <= its total.
    min_total: Decimal


@dataclass(frozen=True)
class RubricInfo:
    criteria: list[CriterionInfo]
    group_codes: list[str]  # display order of groups
    bonus_cap: Decimal
    # Compare these group subtotals in order on equal totals (higher wins).
    tie_break_groups: list[str]
    bands: list[Band]  # any order; may be empty


@dataclass(frozen=True)
class UnitScores:
    unit_id: int
    unit_name: str
    scores: dict[int, Decimal | None]  # criterion id -> final score


@dataclass(frozen=True)
class UnitTotal:
    normal: Decimal  # sum of normal criteria
    bonus: Decimal  # sum of bonus criteria, capped at bonus_cap
    bonus_uncapped: Decimal
    penalty: Decimal  # sum of penalty criteria (positive number)
    total: Decimal  # normal + bonus - penalty
    # Per group, in rubric.group_codes order: normal and bonus points count positive, penalty
    # points negative; every group code is present (0 when nothing).
    group_totals: dict[str, Decimal]
    missing: int  # criteria of the rubric without a score


@dataclass(frozen=True)
class RankedUnit:
    unit_id: int
    unit_name: str
    rank: int  # standard competition ranking: 1, 2, 2, 4
    totals: UnitTotal
    band: str  # "" when no band applies / no bands
    tied: bool  # shares its rank with another unit after applying the tie-break


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def _check_rubric(rubric: RubricInfo) -> None:
    """Raise ValueError when the rubric contradicts itself (a programming or data error)."""
    groups = set(rubric.group_codes)
    for criterion in rubric.criteria:
        if criterion.kind not in KINDS:
            raise ValueError(f"Criterion {criterion.id}: unknown kind {criterion.kind!r}")
        if criterion.group_code not in groups:
            raise ValueError(
                f"Criterion {criterion.id}: group {criterion.group_code!r} is not in the rubric"
            )
    for code in rubric.tie_break_groups:
        if code not in groups:
            raise ValueError(f"Tie-break group {code!r} is not in the rubric")


# Final score rules (the values of ``campaigns.choices.FinalScoreRule``).
REVIEWED_ELSE_SELF = "reviewed"
REVIEWED_ELSE_CROSS = "reviewed_cross"
CROSS_AVERAGE = "cross"


def final_score(
    self_score: Decimal | None,
    reviewed_score: Decimal | None,
    cross_score: Decimal | None = None,
    rule: str = REVIEWED_ELSE_SELF,
) -> Decimal | None:
    """The score that counts for one criterion under the rubric's rule.

    ``cross_score`` is the average of the assigned cross-scorers who finished (None when
    none did); every rule falls back to the self score when nothing else is there.
    """
    if rule == CROSS_AVERAGE:
        order = (cross_score, reviewed_score)
    elif rule == REVIEWED_ELSE_CROSS:
        order = (reviewed_score, cross_score)
    elif rule == REVIEWED_ELSE_SELF:
        order = (reviewed_score,)
    else:
        raise ValueError(f"Unknown final score rule {rule!r}")
    return next((value for value in order if value is not None), self_score)


def average(values: Iterable[Decimal]) -> Decimal | None:
    """The mean of the scores given, rounded to 0.01; None when there are none."""
    values = list(values)
    if not values:
        return None
    return _q(sum(values, Decimal(0)) / len(values))


def _unit_total(rubric: RubricInfo, scores: dict[int, Decimal | None]) -> UnitTotal:
    sums = {NORMAL: Decimal(0), BONUS: Decimal(0), PENALTY: Decimal(0)}
    groups = dict.fromkeys(rubric.group_codes, Decimal(0))
    missing = 0
    # Scores for criteria that are not in the rubric are never looked at.
    for criterion in rubric.criteria:
        score = scores.get(criterion.id)
        if score is None:
            missing += 1
            continue
        sums[criterion.kind] += score
        signed = -score if criterion.kind == PENALTY else score
        groups[criterion.group_code] += signed

    normal = _q(sums[NORMAL])
    bonus_uncapped = _q(sums[BONUS])
    bonus = _q(min(sums[BONUS], rubric.bonus_cap))
    penalty = _q(sums[PENALTY])
    return UnitTotal(
        normal=normal,
        bonus=bonus,
        bonus_uncapped=bonus_uncapped,
        penalty=penalty,
        # From the quantized parts: exact, already at 0.01, and consistent with what is shown.
        total=normal + bonus - penalty,
        # Group subtotals are the points entered in the group: the bonus cap applies to the
        # rubric-wide bonus only (it cannot be shared out between several bonus groups).
        group_totals={code: _q(value) for code, value in groups.items()},
        missing=missing,
    )


def unit_total(rubric: RubricInfo, scores: dict[int, Decimal | None]) -> UnitTotal:
    """A unit's totals under the rubric; a criterion without a score counts 0 and as missing."""
    _check_rubric(rubric)
    return _unit_total(rubric, scores)


def band_for(rubric: RubricInfo, total: Decimal) -> str:
    """The label of the highest band whose min_total the total reaches, or "" when none."""
    for band in sorted(rubric.bands, key=lambda b: b.min_total, reverse=True):
        if band.min_total <= total:
            return band.label
    return ""


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def rank_units(rubric: RubricInfo, units: list[UnitScores]) -> list[RankedUnit]:
    """The cluster ranking: total descending, then the tie-break groups' subtotals descending.

    Units still equal after every tie-break group share a rank (standard competition ranking:
    1, 2, 2, 4) and are marked ``tied``; within a shared rank they are listed by name (casefold
    of NFC), then by unit id, so that the output is deterministic.
    """
    _check_rubric(rubric)
    return rank_totals(
        rubric, [(u.unit_id, u.unit_name, _unit_total(rubric, u.scores)) for u in units]
    )


class _Named(NamedTuple):
    unit_id: int
    unit_name: str


def totals_to_json(totals: UnitTotal) -> dict:
    """A UnitTotal as JSON (Decimals as strings), to keep with a submission."""
    return {
        "normal": str(totals.normal),
        "bonus": str(totals.bonus),
        "bonus_uncapped": str(totals.bonus_uncapped),
        "penalty": str(totals.penalty),
        "total": str(totals.total),
        "groups": {code: str(value) for code, value in totals.group_totals.items()},
        "missing": totals.missing,
    }


def totals_from_json(data: dict, group_codes: list[str]) -> UnitTotal:
    """The UnitTotal kept by totals_to_json; every group of the rubric present (0 when none)."""
    groups = data.get("groups", {})
    return UnitTotal(
        normal=Decimal(data["normal"]),
        bonus=Decimal(data["bonus"]),
        bonus_uncapped=Decimal(data["bonus_uncapped"]),
        penalty=Decimal(data["penalty"]),
        total=Decimal(data["total"]),
        group_totals={code: Decimal(groups.get(code, "0")) for code in group_codes},
        missing=int(data.get("missing", 0)),
    )


def add_totals(totals: list[UnitTotal]) -> UnitTotal:
    """One unit's totals over several phases, summed (for a whole campaign)."""
    codes = list(dict.fromkeys(code for t in totals for code in t.group_totals))
    return UnitTotal(
        normal=_sum(t.normal for t in totals),
        bonus=_sum(t.bonus for t in totals),
        bonus_uncapped=_sum(t.bonus_uncapped for t in totals),
        penalty=_sum(t.penalty for t in totals),
        total=_sum(t.total for t in totals),
        group_totals={c: _sum(t.group_totals.get(c, Decimal("0")) for t in totals) for c in codes},
        missing=sum(t.missing for t in totals),
    )


def rank_totals(rubric: RubricInfo, units: list, *, with_bands: bool = True) -> list[RankedUnit]:
    """Rank (unit id, unit name, UnitTotal) triples by the rubric's rule (see rank_units)."""

    totals = [(_Named(unit_id, name), total) for unit_id, name, total in units]

    def merit(total: UnitTotal) -> tuple[Decimal, ...]:
        # Quantized values throughout (see the module docstring).
        return (
            total.total,
            *(total.group_totals.get(code, Decimal("0")) for code in rubric.tie_break_groups),
        )

    def sort_key(item) -> tuple:
        unit, total = item
        return (tuple(-value for value in merit(total)), _name_key(unit.unit_name), unit.unit_id)

    ordered = sorted(totals, key=sort_key)
    merits = [merit(total) for _, total in ordered]
    counts: dict[tuple[Decimal, ...], int] = {}
    for m in merits:
        counts[m] = counts.get(m, 0) + 1

    ranked: list[RankedUnit] = []
    rank = 0
    for index, ((unit, total), m) in enumerate(zip(ordered, merits, strict=True)):
        if index == 0 or m != merits[index - 1]:
            rank = index + 1
        ranked.append(
            RankedUnit(
                unit_id=unit.unit_id,
                unit_name=unit.unit_name,
                rank=rank,
                totals=total,
                band=band_for(rubric, total.total) if with_bands else "",
                tied=counts[m] > 1,
            )
        )
    return ranked
