"""Every date users type (core.formfields.DateField) lies between 1900 and 2100, and a
date of something already done (past_only) is not after today."""

from datetime import date, timedelta

import pytest
from django import forms
from django.utils import timezone

from core.formfields import DateField


class DatesForm(forms.Form):
    deadline = DateField(required=False)
    decided_on = DateField(required=False, past_only=True)


@pytest.mark.parametrize("typed", ["31/12/1899", "01/01/2101", "01/01/0225"])
def test_years_outside_1900_to_2100_refused(typed):
    form = DatesForm({"deadline": typed})
    assert form.errors["deadline"] == ["Nhập năm trong khoảng từ 1900 đến 2100."]


@pytest.mark.parametrize("typed", ["01/01/1900", "31/12/2100", "29/02/2024"])
def test_years_inside_the_range_accepted(typed):
    form = DatesForm({"deadline": typed})
    assert form.is_valid(), form.errors


def test_past_only_refuses_tomorrow_and_accepts_today():
    today = timezone.localdate()
    tomorrow = DatesForm({"decided_on": f"{today + timedelta(days=1):%d/%m/%Y}"})
    assert tomorrow.errors["decided_on"] == [
        f"Ngày này ở tương lai: hãy nhập ngày không muộn hơn hôm nay ({today:%d/%m/%Y})."
    ]
    form = DatesForm({"decided_on": f"{today:%d/%m/%Y}"})
    assert form.is_valid() and form.cleaned_data["decided_on"] == today


def test_a_future_date_is_fine_where_it_is_a_plan():
    form = DatesForm({"deadline": "31/12/2099"})
    assert form.is_valid() and form.cleaned_data["deadline"] == date(2099, 12, 31)
