"""A decision typed into a proposal is dated today at the latest."""

from datetime import timedelta

from django.utils import timezone

from evaluations.proposals.forms import DecisionForm


def data(decision_date):
    return {
        "decision_number": "123/QĐ-TTCP",
        "decision_date": f"{decision_date:%d/%m/%Y}",
        "issuing_authority": "Tổng Thanh tra Chính phủ",
    }


def test_decision_date_in_the_future_refused():
    today = timezone.localdate()
    form = DecisionForm(data(today + timedelta(days=1)))
    assert form.errors["decision_date"] == [
        f"Ngày quyết định không thể ở tương lai (hôm nay là {today:%d/%m/%Y})."
    ]


def test_decision_dated_today_accepted():
    form = DecisionForm(data(timezone.localdate()))
    assert form.is_valid(), form.errors


def test_decision_year_outside_the_range_refused():
    form = DecisionForm({**data(timezone.localdate()), "decision_date": "10/01/0226"})
    assert form.errors["decision_date"] == ["Nhập năm trong khoảng từ 1900 đến 2100."]
