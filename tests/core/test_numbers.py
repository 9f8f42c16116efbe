"""`points` prints scores exactly as Django's floatformat does, only faster."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core.templatetags.numbers import format_points

numbers = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-999, max_value=999),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.decimals(places=3, min_value=-1, max_value=1).map(str),  # JSON totals are strings
)


@given(value=numbers, places=st.sampled_from([-2, 2]), language=st.sampled_from(["vi", "en"]))
def test_points_print_as_floatformat_prints(value, places, language):
    with translation.override(language):
        assert format_points(value, places) == floatformat(value, places)


@pytest.mark.parametrize("value", [None, "", "not a number", "NaN", Decimal("Infinity")])
def test_what_is_not_a_number_prints_as_floatformat_prints_it(value):
    assert format_points(value) == floatformat(value, -2)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (Decimal("7.5"), "7,50", "7.50"),
        (Decimal("12"), "12", "12"),
        (Decimal("-0.001"), "0,00", "0.00"),
        ("95.25", "95,25", "95.25"),
    ],
)
def test_the_filter_uses_the_decimal_comma_in_vietnamese(value, vi, en):
    template = Template("{% load numbers %}{{ v|points }}|{{ v|points:2 }}")
    with translation.override("vi"):
        shown_vi = template.render(Context({"v": value}))
    with translation.override("en"):
        shown_en = template.render(Context({"v": value}))
    assert shown_vi.split("|")[0] == vi and shown_en.split("|")[0] == en
    assert shown_vi.split("|")[1] == floatformat(value, 2).replace(".", ",")
