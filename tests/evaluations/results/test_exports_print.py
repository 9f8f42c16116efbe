"""The ranking and score matrix exports are ready to print (issue 15)."""

from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from evaluations.results import services
from tests.helpers.print_ready import DEFAULT_WIDTH, assert_print_ready, widest
from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db


def export(client, phase):
    response = client.get(reverse("evaluations:ranking_export", args=[phase.pk]))
    assert response.status_code == 200
    return openpyxl.load_workbook(BytesIO(response.content))


def test_published_ranking_prints_on_landscape_pages(
    client, secretariat, officer, other_officer, submission, phase
):
    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    client.force_login(secretariat)
    client.post(reverse("evaluations:ranking", args=[phase.pk]), {"confirm": "1"})
    client.force_login(other_officer)
    sheet = export(client, phase).worksheets[0]
    title = f"{phase.campaign.title} – {phase.name}"
    assert_print_ready(sheet, header_row=3, title=title)
    assert sheet.freeze_panes == "C4"
    total = sheet["C4"]
    assert total.value == 9.0 and total.data_type == "n" and total.number_format == "0.00"
    # The unit's name column is as wide as the name, the others wider than Excel's default.
    assert sheet.column_dimensions["B"].width >= len(submission.unit.name)
    assert widest(sheet) > DEFAULT_WIDTH


def test_score_matrix_prints_with_its_header_on_every_page(
    client, secretariat, officer, submission, phase
):
    submit_ready(submission, officer)
    client.force_login(secretariat)
    workbook = export(client, phase)
    live, matrix = workbook.worksheets
    assert_print_ready(live, header_row=3)
    assert_print_ready(matrix, header_row=3)
    assert matrix["A1"].value.endswith(f"{phase.campaign.title} – {phase.name}")
    assert matrix["A4"].value == submission.unit.name
    scores = [c for c in matrix[4][2:] if c.value is not None]
    assert scores and all(c.data_type == "n" and c.number_format == "0.00" for c in scores)
    assert matrix.freeze_panes == "C4"
