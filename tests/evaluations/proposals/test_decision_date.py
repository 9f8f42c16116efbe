"""A decision typed into a proposal is dated today at the latest."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from evaluations.proposals import services
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.forms import DecisionForm
from tests.helpers.browser_form import form_with
from tests.helpers.proposals import YEAR, propose, record


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


def test_council_page_refuses_a_future_decision_keeping_what_was_typed(
    client, officer, secretariat, admin_user, cluster_year, our_unit, person, titles
):
    record(titles, "LDTT", YEAR, person=person)
    proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=person)
    services.proposal_submit(proposal=proposal, actor=officer)
    services.proposal_endorse(proposal=proposal, actor=secretariat)
    services.proposal_forward(proposal=proposal, actor=secretariat)
    client.force_login(admin_user)
    url = reverse("evaluations:proposal", args=[proposal.pk])
    data = form_with(client.get(url).content, "decision_number").data()
    tomorrow = timezone.localdate() + timedelta(days=1)
    data.update(decision_number="45/QĐ-TTCP", decision_date=f"{tomorrow:%d/%m/%Y}")
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày quyết định không thể ở tương lai" in html
    assert 'value="45/QĐ-TTCP"' in html and f'value="{tomorrow:%d/%m/%Y}"' in html
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.FORWARDED and not proposal.decision_number
