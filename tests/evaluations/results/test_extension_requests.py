"""Issue 14: a unit asks for an extension (xin gia hạn) with a reason and a wished date; the
secretariat grants it, perhaps to another date, or refuses it with a reason, from the
progress board; both sides see the outcome."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.exceptions import ActionRefused
from evaluations.results import services
from evaluations.results.choices import ExtensionRequestStatus
from evaluations.results.models import Extension, ExtensionRequest
from tests.factories.units import ClusterMembershipFactory
from tests.helpers.browser_form import page_form
from tests.helpers.results import submit_ready
from tests.roles import ROLES, user_with_role
from units.choices import Role
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def late_phase(phase):
    """Phase 1, its deadline passed yesterday."""
    phase.results_deadline = timezone.localdate() - timedelta(days=1)
    phase.save()
    return phase


def in_days(days):
    return timezone.localdate() + timedelta(days=days)


def ask(client, phase, *, until, reason):
    """The unit's form, filled in as a browser would send it."""
    url = reverse("evaluations:extension_request", args=[phase.pk])
    data, _files = page_form(client.get(url).content, "extension-request")
    data.update(wished_until=f"{until:%d/%m/%Y}", reason=reason)
    return client.post(url, data)


@pytest.fixture
def asked(late_phase, our_unit, officer):
    return services.extension_request_create(
        phase=late_phase,
        unit=our_unit,
        actor=officer,
        wished_until=in_days(10),
        reason="Mất điện kéo dài",
    )


@pytest.mark.parametrize("role", ["officer", "leader"])
def test_the_unit_asks_with_a_reason_and_a_date(client, user_of, role, late_phase, our_unit):
    client.force_login(user_of(role))
    response = ask(client, late_phase, until=in_days(10), reason="Mất điện kéo dài")
    assert response.status_code == 302
    request = ExtensionRequest.objects.get()
    assert (request.unit, request.status, request.wished_until) == (
        our_unit,
        ExtensionRequestStatus.PENDING,
        in_days(10),
    )
    assert AuditEntry.objects.filter(action="extension_request.create", unit=our_unit).exists()
    page = client.get(response.url).content.decode()
    assert "Chờ thư ký cụm trả lời" in page and "Mất điện kéo dài" in page
    assert 'id="extension-request"' not in page  # one request at a time


@pytest.mark.parametrize("role", ROLES)
def test_who_may_ask(client, user_of, role, late_phase):
    client.force_login(user_of(role))
    url = reverse("evaluations:extension_request", args=[late_phase.pk])
    expected = {"officer": 200, "leader": 200, "other_officer": 200, "outsider": 404}
    # The other unit's officer asks for the other unit; the others act for no unit.
    assert client.get(url).status_code == expected.get(role, 403)


def test_bad_input_keeps_what_was_typed(client, officer, late_phase):
    client.force_login(officer)
    response = ask(client, late_phase, until=late_phase.results_deadline, reason="Mất điện")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mất điện" in html and "sau hạn gửi kết quả" in html
    assert not ExtensionRequest.objects.exists()


def test_asking_twice_keeps_one_pending_request(client, officer, late_phase):
    client.force_login(officer)
    url = reverse("evaluations:extension_request", args=[late_phase.pk])
    data, _files = page_form(client.get(url).content, "extension-request")
    data.update(wished_until=f"{in_days(10):%d/%m/%Y}", reason="Mất điện")
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click
    assert ExtensionRequest.objects.count() == 1
    assert AuditEntry.objects.filter(action="extension_request.create").count() == 1


def test_the_database_holds_one_pending_request_per_unit_and_phase(asked):
    with pytest.raises(IntegrityError):
        ExtensionRequest.objects.create(
            phase=asked.phase, unit=asked.unit, wished_until=in_days(5), reason="Lần hai"
        )


def test_no_request_once_submitted(officer, submission, our_unit, phase):
    submit_ready(submission, officer)
    with pytest.raises(ActionRefused):
        services.extension_request_create(
            phase=phase, unit=our_unit, actor=officer, wished_until=in_days(3), reason="Trễ"
        )


def test_board_counts_pending_requests_and_grants_one(client, secretariat, asked, our_unit):
    client.force_login(secretariat)
    board = reverse("evaluations:phase_results", args=[asked.phase_id])
    html = client.get(board).content.decode()
    assert "1 đề nghị gia hạn đang chờ trả lời" in html and "Mất điện kéo dài" in html
    # The board's own form, as the browser sends it; granted to another date.
    decision = reverse("evaluations:extension_decision", args=[asked.pk])
    response = client.post(decision, {"action": "grant", "until": f"{in_days(7):%d/%m/%Y}"})
    assert response.status_code == 302 and response.url == board
    asked.refresh_from_db()
    assert (asked.status, asked.granted_until, asked.decided_by) == (
        ExtensionRequestStatus.GRANTED,
        in_days(7),
        secretariat,
    )
    extension = Extension.objects.get(phase=asked.phase, unit=our_unit)
    assert extension.until == in_days(7)
    assert AuditEntry.objects.filter(action="extension_request.status").count() == 1
    html = client.get(board).content.decode()
    assert "đang chờ trả lời" not in html and f"gia hạn đến {in_days(7):%d/%m/%Y}" in html
    # A double click answers with a message, and changes nothing.
    again = client.post(decision, {"action": "grant", "until": f"{in_days(9):%d/%m/%Y}"})
    assert again.status_code == 302
    extension.refresh_from_db()
    assert extension.until == in_days(7)
    assert AuditEntry.objects.filter(action="extension_request.status").count() == 1


def test_granting_updates_an_existing_extension(secretariat, asked, our_unit):
    services.extension_grant(
        phase=asked.phase, unit=our_unit, actor=secretariat, until=in_days(2), reason="Cũ"
    )
    services.extension_request_grant(request=asked, actor=secretariat)
    assert Extension.objects.get(unit=our_unit).until == in_days(10)  # the wished date


def test_refusing_needs_a_reason_and_the_unit_reads_it(client, secretariat, officer, asked):
    client.force_login(secretariat)
    decision = reverse("evaluations:extension_decision", args=[asked.pk])
    data, _files = page_form(client.get(decision).content, "extension-decision")
    data["action"] = "refuse"
    response = client.post(decision, data)
    assert response.status_code == 200 and "nêu lý do" in response.content.decode()
    data["comment"] = "Đã nhắc nhiều lần"
    assert client.post(decision, data).status_code == 302
    asked.refresh_from_db()
    assert asked.status == ExtensionRequestStatus.REFUSED
    assert not Extension.objects.exists()
    client.force_login(officer)
    page = client.get(reverse("evaluations:phase_results", args=[asked.phase_id]), follow=True)
    html = page.content.decode()
    assert "Không đồng ý" in html and "Đã nhắc nhiều lần" in html
    # Refused, the unit may ask again.
    assert (
        'id="extension-request"'
        in client.get(
            reverse("evaluations:extension_request", args=[asked.phase_id])
        ).content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_may_decide(client, user_of, role, asked):
    client.force_login(user_of(role))
    decision = reverse("evaluations:extension_decision", args=[asked.pk])
    response = client.post(decision, {"action": "grant"})
    expected = {"secretariat": 302, "admin": 302, "officer": 403, "leader": 403}
    assert response.status_code == expected.get(role, 404)
    asked.refresh_from_db()
    assert asked.is_granted is (role in ("secretariat", "admin"))


def test_the_unit_sees_the_granted_date_on_its_results_page(
    client, officer, secretariat, asked, our_unit
):
    services.extension_request_grant(request=asked, actor=secretariat, until=in_days(7))
    submission = services.submission_start(phase=asked.phase, unit=our_unit, actor=officer)
    client.force_login(officer)
    html = client.get(reverse("evaluations:submission", args=[submission.pk])).content.decode()
    assert f"gia hạn đến {in_days(7):%d/%m/%Y}" in html and "Đã gia hạn" in html
    assert "Đã quá hạn" not in html


def board_queries(client, phase):
    client.get(reverse("evaluations:phase_results", args=[phase.pk]))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("evaluations:phase_results", args=[phase.pk]))
    assert response.status_code == 200
    return len(queries), len(response.context["pending_requests"])


def test_board_reads_requests_in_constant_queries(
    client, secretariat, asked, cluster_year, late_phase
):
    client.force_login(secretariat)
    one, count = board_queries(client, late_phase)
    assert count == 1
    for _ in range(4):
        unit = ClusterMembershipFactory(cluster_year=cluster_year).unit
        officer = user_with_role(Role.UNIT_OFFICER, unit=unit)
        services.extension_request_create(
            phase=late_phase, unit=unit, actor=officer, wished_until=in_days(5), reason="Trễ"
        )
    five, count = board_queries(client, late_phase)
    assert count == 5 and five == one


def request_page_queries(client, phase):
    url = reverse("evaluations:extension_request", args=[phase.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.context["requests"])


def test_request_page_reads_in_constant_queries(client, officer, secretariat, late_phase, our_unit):
    """One earlier request or four, each answered: the same number of queries."""
    client.force_login(officer)

    def refused_one():
        made = services.extension_request_create(
            phase=late_phase, unit=our_unit, actor=officer, wished_until=in_days(5), reason="Trễ"
        )
        services.extension_request_refuse(request=made, actor=secretariat, comment="Không")

    refused_one()
    one, shown = request_page_queries(client, late_phase)
    assert shown == 1 and one <= 12
    for _ in range(3):
        refused_one()
    four, shown = request_page_queries(client, late_phase)
    assert shown == 4 and four == one


def test_decision_page_reads_in_constant_queries(client, secretariat, asked):
    client.force_login(secretariat)
    url = reverse("evaluations:extension_decision", args=[asked.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 12


def dashboard_items(client, user, text):
    client.force_login(user)
    page = client.get(reverse("dashboard"))
    return [item for item in page.context["action_items"] if text in item.text]


@pytest.mark.parametrize("role", ROLES)
def test_the_secretariat_is_told_of_waiting_requests(client, user_of, role, asked):
    items = dashboard_items(client, user_of(role), "chờ trả lời")
    if role == "secretariat":
        (item,) = items
        assert item.url == reverse("evaluations:phase_results", args=[asked.phase_id])
        assert item.text.startswith("1 ")
    else:
        assert not items


@pytest.mark.parametrize("role", ROLES)
def test_the_unit_is_told_of_a_refusal(client, user_of, role, asked, secretariat):
    services.extension_request_refuse(request=asked, actor=secretariat, comment="Quá muộn rồi")
    items = dashboard_items(client, user_of(role), "Quá muộn rồi")
    if role in ("officer", "leader"):
        (item,) = items
        assert item.url == reverse("evaluations:extension_request", args=[asked.phase_id])
    else:
        assert not items


def test_a_new_request_replaces_the_refusal_on_the_dashboard(client, officer, asked, secretariat):
    services.extension_request_refuse(request=asked, actor=secretariat, comment="Quá muộn rồi")
    services.extension_request_create(
        phase=asked.phase, unit=asked.unit, actor=officer, wished_until=in_days(3), reason="Lại"
    )
    assert not dashboard_items(client, officer, "Quá muộn rồi")
