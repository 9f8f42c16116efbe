"""Issue 5 in a real browser: units submit, one late until extended; review, return, accept,
publish; members see and export the ranking."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import Submission
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def enter_scores(page, live_server, phase_pk, tmp_path):
    page.goto(f"{live_server.url}/phases/{phase_pk}/results/")
    page.get_by_role("button", name="Bắt đầu nhập kết quả").click()
    for field in page.locator("input.score-input").all():
        field.fill("2,5")
    page.get_by_role("button", name="Lưu nháp").click()
    evidence = tmp_path / "Biên bản.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%\n")
    a2 = page.get_by_role("row", name=re.compile(r"^A2 "))
    a2.locator("input[type=file]").set_input_files(str(evidence))
    a2.get_by_role("button", name="Đính kèm vào A2").click()
    page.get_by_role("button", name="Lưu và gửi").click()


def test_results_season_in_the_browser(
    new_page,
    live_server,
    officer,
    other_officer,
    secretariat,
    phase,
    our_unit,
    other_unit,
    tmp_path,
):
    today = timezone.localdate()
    phase.start_date = today - timedelta(days=60)
    phase.end_date = today - timedelta(days=1)
    phase.results_deadline = today + timedelta(days=5)
    phase.campaign.start_date = today - timedelta(days=90)
    phase.campaign.end_date = today + timedelta(days=90)
    phase.campaign.save()
    phase.campaign.phases.exclude(pk=phase.pk).delete()
    phase.save()

    ours = new_page()
    sign_in(ours, live_server, officer.username, PASSWORD)
    enter_scores(ours, live_server, phase.pk, tmp_path)
    expect(ours.get_by_role("alert").first).to_contain_text("Đã gửi báo cáo kết quả")

    # The other unit is late: the deadline passes before it submits.
    phase.results_deadline = today - timedelta(days=1)
    phase.save()
    theirs = new_page()
    sign_in(theirs, live_server, other_officer.username, PASSWORD)
    enter_scores(theirs, live_server, phase.pk, tmp_path)
    expect(theirs.get_by_role("alert").first).to_contain_text("gia hạn")
    assert Submission.objects.get(unit=other_unit).status == SubmissionStatus.DRAFT

    board = new_page()
    sign_in(board, live_server, secretariat.username, PASSWORD)
    board.goto(f"{live_server.url}/phases/{phase.pk}/results/")
    row = board.get_by_role("row", name=re.compile(other_unit.name))
    row.locator("summary").click()
    row.get_by_placeholder("dd/mm/yyyy").fill((today + timedelta(days=3)).strftime("%d/%m/%Y"))
    row.get_by_placeholder("Lý do").fill("Đơn vị gặp sự cố mạng")
    row.get_by_role("button", name="Gia hạn").click()

    theirs.reload()
    theirs.get_by_role("button", name="Lưu và gửi").click()
    late = Submission.objects.get(unit=other_unit)
    assert late.status == SubmissionStatus.SUBMITTED and late.is_late

    # Review: return ours with a comment, accept theirs, then ours after the fix.
    board.goto(f"{live_server.url}/results/{Submission.objects.get(unit=our_unit).pk}/")
    board.get_by_label("Đơn vị cần chỉnh sửa nội dung gì?").fill("Bổ sung minh chứng nhóm A")
    board.get_by_role("button", name="Trả lại đơn vị").click()
    board.goto(f"{live_server.url}/results/{late.pk}/")
    board.get_by_role("button", name="Chấp nhận").click()
    ours.reload()
    expect(ours.get_by_text("Bổ sung minh chứng nhóm A", exact=True)).to_be_visible()
    ours.get_by_role("button", name="Lưu và gửi").click()
    board.goto(f"{live_server.url}/results/{Submission.objects.get(unit=our_unit).pk}/")
    board.get_by_role("button", name="Chấp nhận").click()

    board.goto(f"{live_server.url}/phases/{phase.pk}/ranking/")
    board.get_by_role("button", name="Công bố xếp hạng").click()
    ours.goto(f"{live_server.url}/phases/{phase.pk}/ranking/")
    expect(ours.get_by_role("cell", name=our_unit.name)).to_be_visible()
    expect(ours.get_by_role("cell", name=other_unit.name)).to_be_visible()
    with ours.expect_download() as download:
        ours.get_by_role("link", name="Xuất (.xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
