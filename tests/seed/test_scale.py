"""seed_scale with tiny sizes: the shapes and totals of the national data set, quickly."""

import pytest
from django.core.management import call_command

from campaigns.models import Criterion, Phase
from evaluations.results import services
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import RankingEntry, Score, Submission
from seed.scale import SCALE_PASSWORD, AlreadySeeded, Sizes, seed_scale
from units.models import ClusterYear, Employment, Person, Unit, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def scale(titles):
    sizes = Sizes.tiny()
    seed_scale(sizes, log=lambda *_: None)
    return sizes


def test_seed_scale_builds_the_requested_sizes(scale):
    assert Unit.objects.filter(code__startswith="SC-", kind="provincial").count() == scale.units
    assert ClusterYear.objects.filter(cluster__code__startswith="SC-").count() == (
        scale.clusters * scale.years
    )
    assert Person.objects.count() == scale.people
    # Everyone has one open employment; one in five also an earlier one elsewhere.
    assert Employment.objects.filter(end_date__isnull=True).count() == scale.people
    assert Employment.objects.filter(end_date__isnull=False).count() == scale.people // 5
    assert set(Criterion.objects.values_list("rubric_id", flat=True).distinct()) == set(
        Submission.objects.values_list("rubric_id", flat=True).distinct()
    )


def test_every_unit_has_results_in_every_phase_it_takes_part_in(scale):
    cluster_phases = Phase.objects.filter(campaign__cluster_year__isnull=False).count()
    sector_phases = Phase.objects.filter(campaign__cluster_year__isnull=True).count()
    members_per_phase = scale.units // scale.clusters
    assert Submission.objects.count() == (
        cluster_phases * members_per_phase + sector_phases * scale.units
    )
    assert Score.objects.count() == Submission.objects.count() * scale.criteria
    # Closed phases are accepted and ranked; the open one has every state.
    assert RankingEntry.objects.exists()
    assert set(Submission.objects.values_list("status", flat=True)) == set(SubmissionStatus.values)


def test_kept_totals_follow_the_ranking_rule(scale):
    for submission in Submission.objects.order_by("pk")[::7]:
        fields = ("self_total", "final_total", "scored_count", "final_breakdown")
        kept = [getattr(submission, name) for name in fields]
        services.refresh_totals(submission)
        assert [getattr(submission, name) for name in fields] == kept


def test_scale_users_sign_in_for_each_role(scale, client):
    for username in ("scale.admin", "scale.viewer", "scale.canbo.sc-0001"):
        assert User.objects.filter(username=username).exists()
        response = client.post(
            "/accounts/login/", {"username": username, "password": SCALE_PASSWORD}
        )
        assert response.status_code == 302, username
        assert client.get("/").status_code == 200
        client.logout()
    assert User.objects.filter(username__startswith="scale.thuky.").count() == scale.clusters * 2


def test_seed_scale_refuses_to_run_twice(scale):
    with pytest.raises(AlreadySeeded):
        seed_scale(Sizes.tiny(), log=lambda *_: None)


def test_seed_scale_command_says_when_already_seeded(scale, capsys):
    call_command("seed_scale", "--units", "12", "--clusters", "3")
    assert "already seeded" in capsys.readouterr().out


def test_award_history_for_every_unit_and_year(scale):
    from evaluations.awards.models import AwardRecord

    years = set(AwardRecord.objects.values_list("year", flat=True))
    assert len(years) == Sizes.tiny().award_years
    collective = AwardRecord.objects.filter(person__isnull=True)
    units = Unit.objects.filter(code__startswith="SC-").exclude(code="SC-TTCP").count()
    assert collective.count() == units * len(years)
    people = AwardRecord.objects.filter(person__isnull=False)
    assert people.filter(title__code="LDTT").count() > people.filter(title__code="CSTDCS").count()
    assert people.filter(title__code="CSTDCS").exists()
