"""Next year's chair and vice-chair by rotation (units/rotation.py)."""

import pytest

from tests.factories.units import UnitFactory
from units.rotation import rotate

pytestmark = pytest.mark.django_db


@pytest.fixture
def abcd():
    return [UnitFactory(name=f"Thanh tra tỉnh {letter}") for letter in "ABCD"]


def test_the_vice_chair_becomes_chair_and_the_next_member_vice_chair(abcd):
    a, b, c, d = abcd
    assert rotate(abcd, a, b) == (b, c)
    assert rotate(abcd, b, c) == (c, d)


def test_the_circle_wraps_round_and_passes_over_the_outgoing_chair(abcd):
    a, b, c, d = abcd
    assert rotate(abcd, c, d) == (d, a)
    # The chair who has just served is not vice-chair straight away.
    assert rotate(abcd, a, d) == (d, b)


def test_without_a_vice_chair_the_member_after_the_chair_takes_the_chair(abcd):
    a, b, c, d = abcd
    assert rotate(abcd, b, None) == (c, d)
    assert rotate(abcd, None, None) == (a, b)


def test_a_vice_chair_who_left_passes_the_turn_to_the_member_after_the_chair(abcd):
    a, b, c, _d = abcd
    gone = UnitFactory(name="Thanh tra tỉnh Bb")
    assert rotate(abcd, a, gone) == (b, c)


def test_a_chair_who_left_still_marks_where_the_circle_goes_on(abcd):
    _a, _b, c, d = abcd
    gone = UnitFactory(name="Thanh tra tỉnh Bb")  # stood between B and C
    assert rotate(abcd, gone, None) == (c, d)


def test_small_clusters(abcd):
    a, b, *_ = abcd
    assert rotate([a, b], a, b) == (b, a)
    assert rotate([a], a, None) == (a, None)
    assert rotate([], a, b) == (None, None)
