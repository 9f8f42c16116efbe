"""Issue 14: results the secretariat returned wait on the unit's dashboard, with the
secretariat's comment; nobody else sees them there."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.results import services
from evaluations.results.choices import SubmissionStatus
from tests.factories.evaluations import SubmissionFactory
from tests.factories.units import ClusterMembershipFactory, RoleAssignmentFactory
from tests.helpers.results import submit_ready
from tests.roles import ROLES, user_with_role
from units.choices import Role

pytestmark = pytest.mark.django_db

COMMENT = "Bổ sung biên bản kiểm tra cho tiêu chí A2"


@pytest.fixture
def returned(submission, officer, secretariat):
    submit_ready(submission, officer)
    return services.submission_return(submission=submission, actor=secretariat, comment=COMMENT)


@pytest.mark.parametrize("role", ROLES)
def test_returned_results_wait_on_the_units_dashboard(client, user_of, role, returned):
    client.force_login(user_of(role))
    page = client.get(reverse("dashboard"))
    items = [item for item in page.context["action_items"] if COMMENT in item.text]
    if role in ("officer", "leader"):
        (item,) = items
        assert item.url == reverse("evaluations:submission", args=[returned.pk])
        assert returned.phase.name in item.text and "trả lại" in item.text
        assert COMMENT in page.content.decode()
    else:
        assert not items


def test_resubmitted_results_leave_the_dashboard(client, officer, returned):
    services.submission_submit(submission=returned, actor=officer, today=date(2025, 7, 2))
    client.force_login(officer)
    page = client.get(reverse("dashboard"))
    assert not [item for item in page.context["action_items"] if COMMENT in item.text]


def dashboard_queries(client, user):
    client.force_login(user)
    client.get(reverse("dashboard"))  # warm the session and the content types
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard"))
    return len(queries), [i for i in page.context["action_items"] if COMMENT in i.text]


def test_dashboard_reads_returned_results_in_one_query(client, cluster_year, phase):
    """One returned result or four: the dashboard costs the same number of queries."""
    units = [ClusterMembershipFactory(cluster_year=cluster_year).unit for _ in range(4)]
    user = user_with_role(Role.UNIT_OFFICER, unit=units[0])
    for unit in units[1:]:
        RoleAssignmentFactory(user=user, role=Role.UNIT_OFFICER, unit=unit)
    SubmissionFactory(phase=phase, unit=units[0], status=SubmissionStatus.RETURNED, comment=COMMENT)
    one, items = dashboard_queries(client, user)
    assert len(items) == 1
    for unit in units[1:]:
        SubmissionFactory(phase=phase, unit=unit, status=SubmissionStatus.RETURNED, comment=COMMENT)
    four, items = dashboard_queries(client, user)
    assert len(items) == 4 and four == one
