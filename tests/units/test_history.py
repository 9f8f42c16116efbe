"""The processing history of a workflow (templates/includes/history.html) reads as sentences."""

from datetime import UTC, datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from evaluations.proposals.models import ProposalEvent
from evaluations.results.models import SubmissionEvent
from tests.factories.units import UserFactory

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)


def render(history):
    with translation.override("vi"):
        return render_to_string("includes/history.html", {"history": history})


def test_the_first_row_without_an_actor_reads_created_a_draft_never_dash_dot_arrow():
    html = render([SubmissionEvent(from_status="", to_status="draft", at=AT)])
    assert "Tạo bản nháp" in html
    assert "hệ thống" in html
    assert "05/03/2026" in html
    assert "—:" not in html
    assert "·" not in html
    assert "→" not in html


def test_the_first_row_names_its_creator():
    creator = UserFactory(display_name="Nguyễn Văn An")
    html = render([ProposalEvent(from_status="", to_status="draft", actor=creator, at=AT)])
    assert "Nguyễn Văn An: Tạo bản nháp" in html


def test_a_move_shows_both_statuses_and_the_comment():
    actor = UserFactory(display_name="Thư ký Cụm 2")
    row = SubmissionEvent(
        from_status="submitted",
        to_status="returned",
        actor=actor,
        at=AT,
        comment="Thiếu minh chứng",
    )
    html = render([row])
    assert "Thư ký Cụm 2: " in html
    assert f"{row.from_label} → {row.to_label}" in html
    assert "“Thiếu minh chứng”" in html
