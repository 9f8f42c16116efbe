"""Issue 14: wherever a unit's results deadline is shown, an extension granted to the unit
moves it, and the page says it is extended ("gia hạn đến dd/mm/yyyy"). Before, a unit
extended to 10/12/2026 read "quá hạn 146 ngày" on its dashboard."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from evaluations.results import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def extended(phase, our_unit, secretariat):
    """Phase 1's deadline passed 146 days ago; our unit has until a week from today."""
    today = timezone.localdate()
    phase.results_deadline = today - timedelta(days=146)
    phase.save()
    phase.campaign.end_date = today + timedelta(days=60)
    phase.campaign.save()
    phase.campaign.phases.exclude(pk=phase.pk).delete()  # one deadline on the dashboard
    return services.extension_grant(
        phase=phase,
        unit=our_unit,
        actor=secretariat,
        until=today + timedelta(days=7),
        reason="Mất điện kéo dài",
    )


def said(extension):
    return f"gia hạn đến {extension.until:%d/%m/%Y}"


def phase_deadlines(page, phase):
    return [
        d
        for d in page.context["overdue"] + page.context["upcoming"]
        if d.url == reverse("evaluations:phase_results", args=[phase.pk])
    ]


@pytest.mark.parametrize("role", ["officer", "leader"])
def test_dashboard_shows_the_units_extended_deadline(client, user_of, role, extended, phase):
    client.force_login(user_of(role))
    page = client.get(reverse("dashboard"))
    (deadline,) = phase_deadlines(page, phase)
    assert deadline.due == extended.until and deadline.days_left == 7
    assert said(extended) in deadline.text
    html = page.content.decode()
    assert said(extended) in html and "quá hạn" not in html


def test_another_unit_keeps_the_phase_deadline(client, other_officer, extended, phase):
    client.force_login(other_officer)
    page = client.get(reverse("dashboard"))
    (deadline,) = phase_deadlines(page, phase)
    assert deadline.due == phase.results_deadline and deadline.days_overdue == 146
    assert "gia hạn" not in deadline.text


def test_a_submitted_unit_has_no_deadline_left(client, officer, extended, phase, submission):
    from tests.helpers.results import submit_ready

    submit_ready(submission, officer)
    client.force_login(officer)
    assert not phase_deadlines(client.get(reverse("dashboard")), phase)


def test_results_page_shows_the_extended_deadline(client, officer, extended, submission):
    client.force_login(officer)
    html = client.get(reverse("evaluations:submission", args=[submission.pk])).content.decode()
    assert said(extended) in html and "Mất điện kéo dài" in html
    assert "Đã hết hạn" not in html  # not past due


def test_start_page_shows_the_extended_deadline(client, officer, extended, phase):
    client.force_login(officer)
    html = client.get(reverse("evaluations:phase_results", args=[phase.pk])).content.decode()
    assert f"{extended.until:%d/%m/%Y}" in html and said(extended) in html


def test_progress_board_says_who_is_extended_and_who_is_past_due(
    client, secretariat, extended, phase, our_unit, other_unit
):
    client.force_login(secretariat)
    page = client.get(reverse("evaluations:phase_results", args=[phase.pk]))
    rows = {row["unit"].pk: row for row in page.context["rows"]}
    assert rows[our_unit.pk]["deadline"].due == extended.until
    assert rows[other_unit.pk]["deadline"].due == phase.results_deadline
    html = page.content.decode()
    ours = html[html.index(our_unit.name) :][:3000].split("</tr>")[0]
    theirs = html[html.index(other_unit.name) :][:3000].split("</tr>")[0]
    assert said(extended) in ours and "quá hạn" not in ours
    assert "quá hạn" in theirs


def test_reminder_gives_the_units_own_deadline(
    client, secretariat, extended, officer, other_officer, phase, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("evaluations:phase_results", args=[phase.pk]), {"remind": "1"})
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert f"{extended.until:%d/%m/%Y}" in by_recipient[officer.email].subject
    assert f"{phase.results_deadline:%d/%m/%Y}" in by_recipient[other_officer.email].subject


def test_dashboard_reads_extensions_in_constant_queries(
    client, officer, our_unit, secretariat, extended, phase
):
    """One extension or four (each of its own phase): the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.campaigns import PhaseFactory

    def count():
        client.force_login(officer)
        client.get(reverse("dashboard"))
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("dashboard"))
        return len(queries), [d for d in page.context["upcoming"] if "gia hạn" in d.text]

    one, shown = count()
    assert len(shown) == 1
    for month in (8, 9, 10):
        other = PhaseFactory(
            campaign=phase.campaign,
            start_date=date(2025, month, 1),
            end_date=date(2025, month, 20),
            results_deadline=phase.results_deadline,
        )
        services.extension_grant(
            phase=other, unit=our_unit, actor=secretariat, until=extended.until, reason="Lý do"
        )
    four, shown = count()
    assert len(shown) == 4 and four == one
