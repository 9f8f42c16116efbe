"""Results pages: who sees what, the score form, review, ranking; query bounds at 100 units."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluations.results import services
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import Evidence, Score, Submission
from tests.factories.units import ClusterMembershipFactory
from tests.helpers.results import score_post, submit_ready
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_submitted_results_and_evidence_not_for_other_units(
    client, user_of, role, submission, officer
):
    submit_ready(submission, officer)
    evidence = Evidence.objects.get(submission=submission)
    client.force_login(user_of(role))
    expected = 200 if role in ("officer", "leader", "secretariat", "admin") else 404
    assert (
        client.get(reverse("evaluations:submission", args=[submission.pk])).status_code == expected
    )
    assert client.get(reverse("evaluations:evidence", args=[evidence.pk])).status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_progress_board_for_those_who_review(client, user_of, role, phase):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:phase_results", args=[phase.pk]))
    if role in ("admin", "secretariat"):
        assert response.status_code == 200 and "rows" in response.context
    elif role == "outsider":
        assert response.status_code == 404
    else:
        assert response.status_code in (200, 302)
        assert "rows" not in (response.context or {})


def test_score_form_keeps_every_value_when_one_is_wrong(client, officer, submission):
    client.force_login(officer)
    response = client.post(
        reverse("evaluations:submission", args=[submission.pk]),
        score_post(submission, {"A1": "7,5", "A2": "6", "B1": "2"}),  # A2's maximum is 5
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="7,5"' in html and 'value="6"' in html
    a2 = Score.objects.get(submission=submission, criterion__code="A2")
    assert response.context["scores_form"].errors[f"score_{a2.criterion_id}"]
    assert not Score.objects.filter(submission=submission, self_score__isnull=False).exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("7,5", Decimal("7.5")), ("7.5", Decimal("7.5")), ("", None), ("0", Decimal("0"))],
)
def test_score_form_accepts_comma_and_point(client, officer, submission, typed, stored):
    client.force_login(officer)
    response = client.post(
        reverse("evaluations:submission", args=[submission.pk]),
        score_post(submission, {"A1": typed}),
    )
    assert response.status_code == 302
    assert Score.objects.get(submission=submission, criterion__code="A1").self_score == stored


@pytest.mark.parametrize("typed", ["-1", "abc", "1.000,5", "10,01"])
def test_score_form_refuses_bad_numbers(client, officer, submission, typed):
    client.force_login(officer)
    response = client.post(
        reverse("evaluations:submission", args=[submission.pk]),
        score_post(submission, {"A1": typed}),
    )
    assert response.status_code == 200
    assert Score.objects.get(submission=submission, criterion__code="A1").self_score is None


def test_submit_after_deadline_keeps_draft_and_says_why(client, officer, submission, phase):
    phase.results_deadline = date(2025, 1, 5)
    phase.save()
    client.force_login(officer)
    response = client.post(
        reverse("evaluations:submission", args=[submission.pk]),
        score_post(submission, {"A1": "8", "A2": "4", "B1": "1"}, action="submit"),
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_secretariat_reviews_with_reason_and_unit_sees_both(
    client, secretariat, officer, submission
):
    codes = submit_ready(submission, officer)
    client.force_login(secretariat)
    url = reverse("evaluations:submission", args=[submission.pk])
    submission.refresh_from_db()
    data = {"action": "review", "revision": submission.revision}
    for criterion in codes.values():
        data[f"reviewed_{criterion.pk}"] = ""
        data[f"reason_{criterion.pk}"] = ""
    data[f"reviewed_{codes['A1'].pk}"] = "2,5"
    no_reason = client.post(url, data)
    assert no_reason.status_code == 200 and no_reason.context["review_form"].errors
    data[f"reason_{codes['A1'].pk}"] = "Kết quả chưa đạt kế hoạch"
    assert client.post(url, data).status_code == 302
    client.force_login(officer)
    html = client.get(url).content.decode()
    assert "2,5" in html and "Kết quả chưa đạt kế hoạch" in html


def test_unpublished_ranking_hidden_from_members_then_published(
    client, secretariat, officer, other_officer, submission, phase
):
    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    client.force_login(other_officer)
    page = client.get(reverse("evaluations:ranking", args=[phase.pk]))
    assert page.status_code == 200 and page.context["entries"] == [] and page.context["live"] == []
    assert client.get(reverse("evaluations:ranking_export", args=[phase.pk])).status_code == 403
    client.force_login(secretariat)
    # The other unit has no accepted result: publishing asks to confirm first.
    assert client.post(reverse("evaluations:ranking", args=[phase.pk])).status_code == 200
    url = reverse("evaluations:ranking", args=[phase.pk])
    assert client.post(url, {"confirm": "1"}).status_code == 302
    client.force_login(other_officer)
    page = client.get(reverse("evaluations:ranking", args=[phase.pk]))
    assert [e.unit_id for e in page.context["entries"]] == [submission.unit_id]
    export = client.get(reverse("evaluations:ranking_export", args=[phase.pk]))
    workbook = openpyxl.load_workbook(BytesIO(export.content))
    assert len(workbook.worksheets) == 1  # members get the ranking, not everyone's scores
    ranking = list(workbook.worksheets[0].iter_rows(min_row=4, values_only=True))
    assert ranking[0][:3] == (1, submission.unit.name, 9.0)


def test_secretariat_export_has_the_score_matrix(client, secretariat, officer, submission, phase):
    submit_ready(submission, officer)
    client.force_login(secretariat)
    workbook = openpyxl.load_workbook(
        BytesIO(client.get(reverse("evaluations:ranking_export", args=[phase.pk])).content)
    )
    matrix = list(workbook.worksheets[1].iter_rows(min_row=4, values_only=True))
    assert matrix[0][0] == submission.unit.name and 3.0 in matrix[0]


def test_extension_from_the_board(client, secretariat, phase, our_unit):
    client.force_login(secretariat)
    response = client.post(
        reverse("evaluations:phase_results", args=[phase.pk]),
        {"unit": our_unit.pk, "until": "20/07/2025", "reason": "Đơn vị gặp sự cố"},
    )
    assert response.status_code == 302
    assert our_unit.extensions.get(phase=phase).until == date(2025, 7, 20)


def test_unit_starts_results_by_post_only(client, officer, phase, our_unit):
    client.force_login(officer)
    assert client.get(reverse("evaluations:phase_results", args=[phase.pk])).status_code == 200
    assert not Submission.objects.exists()
    response = client.post(reverse("evaluations:phase_results", args=[phase.pk]))
    submission = Submission.objects.get(unit=our_unit, phase=phase)
    assert response.url == reverse("evaluations:submission", args=[submission.pk])


@pytest.mark.parametrize("size", [5, 100])
def test_board_and_ranking_bounded_at_100_units(
    client, secretariat, officer, phase, cluster_year, size, django_assert_max_num_queries
):
    from tests.factories.units import RoleAssignmentFactory, UserFactory
    from units.choices import Role

    for _ in range(size):
        unit = ClusterMembershipFactory(cluster_year=cluster_year).unit
        user = UserFactory(unit=unit)
        RoleAssignmentFactory(user=user, role=Role.UNIT_OFFICER, unit=unit)
        submission = services.submission_start(phase=phase, unit=unit, actor=user)
        submit_ready(submission, user)
        services.submission_accept(submission=submission, actor=secretariat)
    client.force_login(secretariat)
    for url in [
        reverse("evaluations:phase_results", args=[phase.pk]),
        reverse("evaluations:ranking", args=[phase.pk]),
        reverse("evaluations:ranking_export", args=[phase.pk]),
    ]:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    services.ranking_publish(phase=phase, actor=secretariat)
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("evaluations:ranking", args=[phase.pk]))
    assert len(page.context["entries"]) == size


def test_submission_page_bounded(client, officer, submission, django_assert_max_num_queries):
    client.force_login(officer)
    with django_assert_max_num_queries(14):
        assert (
            client.get(reverse("evaluations:submission", args=[submission.pk])).status_code == 200
        )


def test_unit_results_page_shows_ranks_to_members_and_scores_to_the_unit(
    client, secretariat, officer, other_officer, submission, phase, our_unit
):
    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    services.ranking_publish(phase=phase, actor=secretariat)
    url = reverse("evaluations:unit_results", args=[our_unit.pk])
    client.force_login(officer)
    page = client.get(url)
    assert [(e.rank, e.out_of) for e in page.context["ranks"]] == [(1, 1)]
    assert page.context["submissions"] == [submission]
    client.force_login(other_officer)  # same cluster: sees the rank, not our scores
    page = client.get(url)
    assert len(page.context["ranks"]) == 1 and page.context["submissions"] == []


def test_unit_results_page_bounded(client, officer, our_unit, django_assert_max_num_queries):
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        assert (
            client.get(reverse("evaluations:unit_results", args=[our_unit.pk])).status_code == 200
        )


def test_pledged_target_shown_beside_the_criterion(client, officer, submission, cluster_year):
    from tests.factories.pledges import CommitmentFactory, PledgeFactory

    criterion = Score.objects.get(submission=submission, criterion__code="A1").criterion
    commitment = CommitmentFactory(
        pledge=PledgeFactory(cluster_year=cluster_year), target="Hoàn thành 100% kế hoạch"
    )
    commitment.criteria.add(criterion)
    client.force_login(officer)
    html = client.get(reverse("evaluations:submission", args=[submission.pk])).content.decode()
    assert "Hoàn thành 100% kế hoạch" in html


def test_group_comparison_after_publication(
    client, secretariat, officer, other_officer, submission, phase, other_unit
):
    submit_ready(submission, officer)
    theirs = services.submission_start(phase=phase, unit=other_unit, actor=other_officer)
    codes = {
        s.criterion.code: s.criterion
        for s in Score.objects.filter(submission=theirs).select_related("criterion")
    }
    services.submission_save(
        submission=theirs,
        actor=other_officer,
        scores={
            c.pk: {"self_score": min(Decimal("5"), c.max_points), "explanation": ""}
            for c in codes.values()
        },
    )
    services.evidence_add(
        submission=theirs,
        actor=other_officer,
        criterion=codes["A2"],
        uploaded=SimpleUploadedFile("mc.pdf", b"%PDF-1.4\n"),
    )
    services.submission_submit(submission=theirs, actor=other_officer, today=date(2025, 7, 1))
    for s in (submission, theirs):
        services.submission_accept(submission=s, actor=secretariat)
    client.force_login(officer)
    assert (
        client.get(reverse("evaluations:submission", args=[submission.pk])).context["comparison"]
        == []
    )
    services.ranking_publish(phase=phase, actor=secretariat)
    rows = client.get(reverse("evaluations:submission", args=[submission.pk])).context["comparison"]
    by_group = {r["group"]: (r["unit"], r["average"]) for r in rows}
    assert by_group["A"] == (Decimal("6.00"), Decimal("8.00"))  # ours 3+3, theirs 5+5
