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


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999"])
def test_the_admin_refuses_a_year_outside_the_range(client, admin_user, typed):
    """The admin's own date fields (here the base salary's start) get the same range: the
    form as the browser sends it, with the date typed, is refused and nothing is saved."""
    from django.urls import reverse

    from evaluations.models import BaseSalary
    from tests.helpers.browser_form import form_data

    client.force_login(admin_user)
    url = reverse("admin:evaluations_basesalary_add")
    data = form_data(client.get(url).content)
    data.update(amount="2530000", valid_from=typed, legal_basis="Nghị định thử")
    before = BaseSalary.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Nhập năm trong khoảng từ 1900 đến 2100." in response.content.decode()
    assert BaseSalary.objects.count() == before


def test_every_form_date_field_refuses_a_year_outside_the_range():
    """Django's own date and date-time fields, as every ModelForm builds them."""
    with pytest.raises(forms.ValidationError):
        forms.DateField().clean("0001-01-01")
    with pytest.raises(forms.ValidationError):
        forms.DateTimeField().clean("9999-12-31 10:00")
    assert forms.DateField().clean("2026-07-01") == date(2026, 7, 1)
