"""Cross-scoring: the secretariat asks member units to score one another; the rubric's
final score rule decides which score counts."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.choices import FinalScoreRule
from core.exceptions import ActionRefused
from evaluations.results import services
from evaluations.results.models import CrossAssignment, CrossScore, Score
from tests.factories.units import ClusterMembershipFactory, RoleAssignmentFactory, UserFactory
from units.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def third_unit(cluster_year):
    return ClusterMembershipFactory(cluster_year=cluster_year).unit


@pytest.fixture
def third_officer(third_unit):
    user = UserFactory(unit=third_unit)
    RoleAssignmentFactory(user=user, role=Role.UNIT_OFFICER, unit=third_unit)
    return user


def criteria(submission):
    return {
        s.criterion.code: s.criterion
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }


@pytest.fixture
def submitted(submission, officer):
    """Our unit's results, submitted: A1=8, A2=4, B1=2, with A2's evidence."""
    codes = criteria(submission)
    values = {"A1": "8", "A2": "4", "B1": "2"}
    services.submission_save(
        submission=submission,
        actor=officer,
        scores={
            codes[c].pk: {"self_score": Decimal(v), "explanation": "Giải trình"}
            for c, v in values.items()
        },
    )
    services.evidence_add(
        submission=submission,
        actor=officer,
        criterion=codes["A2"],
        uploaded=SimpleUploadedFile("Biên bản.pdf", b"%PDF-1.4\n%\n"),
    )
    services.submission_submit(submission=submission, actor=officer, today=date(2025, 7, 1))
    submission.refresh_from_db()
    return submission


def cross(assignment, actor, finish=False, **values):
    codes = criteria(assignment.submission)
    return services.cross_score_save(
        assignment=assignment,
        actor=actor,
        scores={
            codes[c].pk: {"score": Decimal(v), "note": f"Nhận xét {c}"} for c, v in values.items()
        },
        finish=finish,
    )


def use_rule(submission, rule):
    submission.rubric.final_score_rule = rule
    submission.rubric.save(update_fields=["final_score_rule"])


# --- Assignments -----------------------------------------------------------------------------


def test_secretariat_assigns_member_units(submitted, secretariat, other_unit, third_unit):
    made = services.cross_assign(
        submission=submitted, scorers=[other_unit, third_unit], actor=secretariat
    )
    assert {a.scorer for a in made} == {other_unit, third_unit}
    # Asking again keeps what exists: no duplicates.
    assert (
        services.cross_assign(submission=submitted, scorers=[other_unit], actor=secretariat) == []
    )
    assert CrossAssignment.objects.filter(submission=submitted).count() == 2


def test_a_unit_never_scores_itself(submitted, secretariat, our_unit):
    with pytest.raises(ActionRefused):
        services.cross_assign(submission=submitted, scorers=[our_unit], actor=secretariat)


def test_only_participants_score(submitted, secretariat, outside_unit):
    with pytest.raises(ActionRefused):
        services.cross_assign(submission=submitted, scorers=[outside_unit], actor=secretariat)
    assert not CrossAssignment.objects.exists()


def test_drafts_are_not_cross_scored(submission, secretariat, other_unit):
    with pytest.raises(ActionRefused):
        services.cross_assign(submission=submission, scorers=[other_unit], actor=secretariat)


def test_only_the_secretariat_assigns(submitted, other_officer, other_unit):
    with pytest.raises(ActionRefused):
        services.cross_assign(submission=submitted, scorers=[other_unit], actor=other_officer)


def test_rotation_gives_each_result_the_next_unit(
    submitted, phase, secretariat, other_unit, other_officer, our_unit
):
    theirs = services.submission_start(phase=phase, unit=other_unit, actor=other_officer)
    services.submission_save(
        submission=theirs,
        actor=other_officer,
        scores={
            c.pk: {"self_score": Decimal("1"), "explanation": ""} for c in criteria(theirs).values()
        },
    )
    services.evidence_add(
        submission=theirs,
        actor=other_officer,
        criterion=criteria(theirs)["A2"],
        uploaded=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n"),
    )
    services.submission_submit(submission=theirs, actor=other_officer, today=date(2025, 7, 1))
    assert services.cross_assign_rotation(phase=phase, actor=secretariat) == 2
    pairs = set(CrossAssignment.objects.values_list("submission__unit", "scorer"))
    assert pairs == {(our_unit.pk, other_unit.pk), (other_unit.pk, our_unit.pk)}
    with pytest.raises(ActionRefused):
        services.cross_assign_rotation(phase=phase, actor=secretariat)


# --- Scoring and the final score rule ---------------------------------------------------------


def test_scorer_saves_then_finishes_and_the_average_counts_under_the_cross_rule(
    submitted, secretariat, other_unit, third_unit, other_officer, third_officer
):
    use_rule(submitted, FinalScoreRule.CROSS_AVERAGE)
    first, second = services.cross_assign(
        submission=submitted, scorers=[other_unit, third_unit], actor=secretariat
    )
    first = CrossAssignment.objects.get(scorer=other_unit)
    second = CrossAssignment.objects.get(scorer=third_unit)
    cross(first, other_officer, A1="6", A2="4")
    submitted.refresh_from_db()
    assert submitted.final_total == Decimal("14.00")  # unfinished scores do not count yet
    cross(first, other_officer, finish=True, A1="6", A2="4", B1="2")
    cross(second, third_officer, finish=True, A1="7", A2="3", B1="2")
    submitted.refresh_from_db()
    a1 = Score.objects.get(submission=submitted, criterion__code="A1")
    assert a1.cross_score == Decimal("6.50")
    assert submitted.final_total == Decimal("12.00")  # 6.5 + 3.5 + 2
    assert submitted.self_total == Decimal("14.00")


def test_reviewed_score_wins_under_the_default_rule(
    submitted, secretariat, other_unit, other_officer
):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    cross(assignment, other_officer, finish=True, A1="5", A2="4", B1="2")
    submitted.refresh_from_db()
    assert submitted.final_total == Decimal("14.00")  # rule "reviewed else self": cross ignored
    use_rule(submitted, FinalScoreRule.REVIEWED_ELSE_CROSS)
    services.refresh_totals(submitted)
    assert submitted.final_total == Decimal("11.00")
    a1 = criteria(submitted)["A1"]
    services.review_scores(
        submission=submitted, actor=secretariat, reviews={a1.pk: (Decimal("7"), "Kiểm tra lại")}
    )
    submitted.refresh_from_db()
    assert submitted.final_total == Decimal("13.00")  # reviewed 7 + cross 4 + 2


def test_finishing_needs_every_normal_criterion(submitted, secretariat, other_unit, other_officer):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    with pytest.raises(ActionRefused, match="A2"):
        cross(assignment, other_officer, finish=True, A1="5")
    assignment.refresh_from_db()
    assert assignment.finished_at is None
    # The refused finish left nothing half-written.
    assert not CrossScore.objects.filter(assignment=assignment).exists()


def test_cross_score_above_the_maximum_is_refused(
    submitted, secretariat, other_unit, other_officer
):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    with pytest.raises(ActionRefused, match="10"):
        cross(assignment, other_officer, A1="10.5")


def test_finished_scoring_is_locked_and_kept(submitted, secretariat, other_unit, other_officer):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    cross(assignment, other_officer, finish=True, A1="5", A2="4")
    assignment.refresh_from_db()
    with pytest.raises(ActionRefused):
        cross(assignment, other_officer, A1="1")
    with pytest.raises(ActionRefused):
        services.cross_unassign(assignment=assignment, actor=secretariat)


def test_only_the_assigned_unit_scores(
    submitted, secretariat, other_unit, officer, third_officer, outsider_officer
):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    for stranger in (officer, third_officer, outsider_officer, secretariat):
        with pytest.raises(ActionRefused):
            cross(assignment, stranger, A1="1")


def test_unfinished_assignment_can_be_withdrawn(submitted, secretariat, other_unit, other_officer):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    cross(assignment, other_officer, A1="5")
    services.cross_unassign(assignment=assignment, actor=secretariat)
    assert not CrossAssignment.objects.exists() and not CrossScore.objects.exists()


# --- Pages -----------------------------------------------------------------------------------


def test_scorer_reads_evidence_and_scores_in_the_browser_form(
    client, submitted, secretariat, other_unit, other_officer
):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    evidence = submitted.files.get()
    client.force_login(other_officer)
    page = client.get(reverse("evaluations:cross_score", args=[assignment.pk]))
    assert page.status_code == 200
    assert "Biên bản.pdf" in page.content.decode()
    assert client.get(reverse("evaluations:evidence", args=[evidence.pk])).status_code == 200
    # The scorer does not get the unit's own results page (reviews, history).
    assert client.get(reverse("evaluations:submission", args=[submitted.pk])).status_code == 404
    codes = criteria(submitted)
    data = {"action": "save"}
    for code, value in {"A1": "7,5", "A2": "6", "B1": ""}.items():
        data[f"cross_{codes[code].pk}"] = value
        data[f"note_{codes[code].pk}"] = f"ghi chú {code}"
    refused = client.post(reverse("evaluations:cross_score", args=[assignment.pk]), data)
    assert refused.status_code == 200  # A2 above its maximum of 5: the form comes back
    body = refused.content.decode()
    assert "7,5" in body and "ghi chú A1" in body  # what was typed is kept
    assert not CrossScore.objects.exists()
    data[f"cross_{codes['A2'].pk}"] = "4"
    data["action"] = "finish"
    done = client.post(reverse("evaluations:cross_score", args=[assignment.pk]), data)
    assert done.status_code == 302
    assert Score.objects.get(submission=submitted, criterion=codes["A1"]).cross_score == Decimal(
        "7.50"
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretariat", 200),
        ("admin", 200),
        ("other_officer", 200),  # its unit is the scorer
        ("officer", 404),  # the scored unit does not see who scores it how
        ("leader", 404),
        ("outsider", 404),
        ("viewer", 404),
    ],
)
def test_who_sees_a_cross_scoring_sheet(
    client, user_of, role, status, submitted, secretariat, other_unit
):
    assignment = services.cross_assign(
        submission=submitted, scorers=[other_unit], actor=secretariat
    )[0]
    client.force_login(user_of(role))
    assert (
        client.get(reverse("evaluations:cross_score", args=[assignment.pk])).status_code == status
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretariat", 200),
        ("admin", 200),
        ("officer", 403),  # sees its results, not the assignment page
        ("other_officer", 404),
        ("outsider", 404),
        ("viewer", 404),
    ],
)
def test_who_manages_cross_scoring(client, user_of, role, status, submitted):
    client.force_login(user_of(role))
    assert (
        client.get(reverse("evaluations:cross_scoring", args=[submitted.pk])).status_code == status
    )


def test_anonymous_is_sent_to_login(client, submitted):
    for url in (
        reverse("evaluations:cross_scoring", args=[submitted.pk]),
        reverse("evaluations:score_matrix", args=[submitted.phase_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_secretariat_assigns_from_the_page(client, submitted, secretariat, other_unit, our_unit):
    client.force_login(secretariat)
    url = reverse("evaluations:cross_scoring", args=[submitted.pk])
    assert client.post(url, {"scorers": [our_unit.pk]}).status_code == 200  # not a choice
    assert client.post(url, {"scorers": [other_unit.pk]}).status_code == 302
    assert CrossAssignment.objects.get().scorer == other_unit
    page = client.get(url).content.decode()
    assert other_unit.name in page


def test_dashboard_asks_the_scoring_unit(client, submitted, secretariat, other_unit, other_officer):
    services.cross_assign(submission=submitted, scorers=[other_unit], actor=secretariat)
    client.force_login(other_officer)
    page = client.get(reverse("dashboard")).content.decode()
    assert reverse("evaluations:cross_score", args=[CrossAssignment.objects.get().pk]) in page


@pytest.mark.parametrize(
    ("role", "status"), [("secretariat", 200), ("officer", 403), ("outsider", 404)]
)
def test_printable_score_matrix(client, user_of, role, status, submitted):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:score_matrix", args=[submitted.phase_id]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert submitted.unit.name in body and "A1" in body and "data-print" in body


def test_cross_pages_bounded(
    client, submitted, secretariat, cluster_year, django_assert_max_num_queries
):
    units = [ClusterMembershipFactory(cluster_year=cluster_year).unit for _ in range(15)]
    made = services.cross_assign(submission=submitted, scorers=units, actor=secretariat)
    client.force_login(secretariat)
    for url in (
        reverse("evaluations:cross_scoring", args=[submitted.pk]),
        reverse("evaluations:cross_score", args=[made[0].pk]),
        reverse("evaluations:score_matrix", args=[submitted.phase_id]),
        reverse("evaluations:phase_results", args=[submitted.phase_id]),
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_many_candidates_are_offered_in_a_list_box_not_thousands_of_checkboxes():
    from types import SimpleNamespace

    from evaluations.results.forms import CHECKBOX_LIMIT, CrossAssignForm

    few = [SimpleNamespace(pk=n, name=f"Thanh tra {n}") for n in range(1, CHECKBOX_LIMIT + 1)]
    many = [*few, SimpleNamespace(pk=CHECKBOX_LIMIT + 1, name="Thanh tra cuối")]
    assert 'type="checkbox"' in str(CrossAssignForm(units=few)["scorers"])
    html = str(CrossAssignForm(units=many)["scorers"])
    assert 'type="checkbox"' not in html and "<select" in html and "multiple" in html
    form = CrossAssignForm(units=many, data={"scorers": ["2", str(CHECKBOX_LIMIT + 1)]})
    assert form.is_valid(), form.errors
    assert [u.name for u in form.chosen_units()] == ["Thanh tra 2", "Thanh tra cuối"]
