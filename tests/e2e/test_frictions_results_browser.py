"""Issue 14 in a real browser, on the results of a phase: typed scores survive attaching
evidence; a returned result waits on the unit's dashboard with the secretariat's comment;
a unit asks for an extension, the secretariat grants it, and each side sees the outcome."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.results.models import Evidence, Score
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD
from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db(transaction=True)


def test_scores_typed_then_evidence_added_keeps_the_scores(
    new_page, live_server, officer, submission, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    first, second = tmp_path / "Kết luận 1.pdf", tmp_path / "Kết luận 2.pdf"
    for path in (first, second):
        path.write_bytes(b"%PDF-1.4\n%\n")
    wrong = tmp_path / "ghi-chu.txt"
    wrong.write_text("không phải minh chứng")
    page = new_page()
    sign_in(page, live_server, officer.username, PASSWORD)
    page.goto(f"{live_server.url}/results/{submission.pk}/")
    page.get_by_label("Điểm tự chấm tiêu chí A1", exact=True).fill("7,5")
    page.get_by_label("Điểm tự chấm tiêu chí A2", exact=True).fill("4")
    a2 = page.get_by_role("row", name=re.compile(r"^A2 "))
    # A wrong file first: refused with a clear message, the typed scores stay on the page.
    a2.locator("input[type=file]").set_input_files([str(first), str(wrong)])
    a2.get_by_role("button", name="Đính kèm vào A2").click()
    expect(page.get_by_text("ghi-chu.txt: Không chấp nhận loại tệp này").first).to_be_visible()
    expect(page.get_by_label("Điểm tự chấm tiêu chí A1", exact=True)).to_have_value("7,5")
    expect(page.get_by_label("Điểm tự chấm tiêu chí A2", exact=True)).to_have_value("4")
    assert not Evidence.objects.exists()
    # Two good files at once on A2's row: saved with the scores.
    a2 = page.get_by_role("row", name=re.compile(r"^A2 "))
    a2.locator("input[type=file]").set_input_files([str(first), str(second)])
    a2.get_by_role("button", name="Đính kèm vào A2").click()
    expect(page.get_by_role("alert").first).to_contain_text("đính kèm 2 tệp")
    expect(page.get_by_label("Điểm tự chấm tiêu chí A1", exact=True)).to_have_value("7,5")
    expect(page.get_by_label("Điểm tự chấm tiêu chí A2", exact=True)).to_have_value("4")
    a2 = page.get_by_role("row", name=re.compile(r"^A2 "))
    expect(a2.get_by_role("link", name="Kết luận 1.pdf")).to_be_visible()
    expect(a2.get_by_role("link", name="Kết luận 2.pdf")).to_be_visible()
    scores = dict(
        Score.objects.filter(submission=submission).values_list("criterion__code", "self_score")
    )
    assert (str(scores["A1"]), str(scores["A2"])) == ("7.50", "4.00")


def test_returned_results_wait_on_the_units_dashboard_with_the_comment(
    new_page, live_server, officer, secretariat, other_officer, submission, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    submit_ready(submission, officer)
    review = new_page()
    sign_in(review, live_server, secretariat.username, PASSWORD)
    review.goto(f"{live_server.url}/results/{submission.pk}/")
    review.get_by_label("Đơn vị cần chỉnh sửa nội dung gì?").fill("Bổ sung biên bản cho A2")
    review.get_by_role("button", name="Trả lại đơn vị").click()
    expect(review.get_by_role("alert").first).to_contain_text("Đã trả lại")

    ours = new_page()
    sign_in(ours, live_server, officer.username, PASSWORD)
    ours.goto(f"{live_server.url}/")
    todo = ours.get_by_role("region", name="Việc cần xử lý")
    task = todo.get_by_role("link", name=re.compile("Bổ sung biên bản cho A2"))
    expect(task).to_contain_text("trả lại")
    task.click()
    expect(ours).to_have_url(re.compile(rf"/results/{submission.pk}/$"))
    expect(ours.get_by_text("Bổ sung biên bản cho A2").first).to_be_visible()

    theirs = new_page()
    sign_in(theirs, live_server, other_officer.username, PASSWORD)
    theirs.goto(f"{live_server.url}/")
    expect(theirs.get_by_text("Bổ sung biên bản cho A2")).to_have_count(0)


def test_a_unit_asks_for_an_extension_and_the_secretariat_grants_it(
    new_page, live_server, officer, secretariat, phase, our_unit
):
    today = timezone.localdate()
    phase.results_deadline = today - timedelta(days=146)
    phase.save()
    phase.campaign.end_date = today + timedelta(days=60)
    phase.campaign.save()
    phase.campaign.phases.exclude(pk=phase.pk).delete()
    wished, granted = today + timedelta(days=10), today + timedelta(days=7)

    ours = new_page()
    sign_in(ours, live_server, officer.username, PASSWORD)
    ours.goto(f"{live_server.url}/phases/{phase.pk}/results/")
    ours.get_by_role("link", name="Xin gia hạn").click()
    ours.get_by_label("Đến ngày").fill(wished.strftime("%d/%m/%Y"))
    ours.get_by_label("Lý do").fill("Mất điện kéo dài")
    ours.get_by_role("button", name="Gửi đề nghị").click()
    expect(ours.get_by_role("alert").first).to_contain_text("Đã gửi đề nghị gia hạn")
    expect(ours.get_by_text("Chờ thư ký cụm trả lời").first).to_be_visible()

    board = new_page()
    sign_in(board, live_server, secretariat.username, PASSWORD)
    board.goto(f"{live_server.url}/phases/{phase.pk}/results/")
    waiting = board.get_by_role("region", name=re.compile("đề nghị gia hạn đang chờ trả lời"))
    expect(waiting).to_contain_text("1 đề nghị gia hạn")
    expect(waiting).to_contain_text("Mất điện kéo dài")
    request = waiting.locator("form", has_text=our_unit.name)
    request.get_by_label("Gia hạn đến ngày").fill(granted.strftime("%d/%m/%Y"))
    request.get_by_role("button", name="Đồng ý gia hạn").click()
    expect(board.get_by_role("alert").first).to_contain_text(granted.strftime("%d/%m/%Y"))
    expect(board.get_by_text("đang chờ trả lời")).to_have_count(0)
    row = board.get_by_role("row", name=re.compile(our_unit.name))
    expect(row).to_contain_text(f"gia hạn đến {granted:%d/%m/%Y}")

    # The unit sees the outcome: on its request page and on its dashboard (no "overdue").
    ours.reload()
    expect(ours.get_by_text("Đã gia hạn").first).to_be_visible()
    ours.goto(f"{live_server.url}/")
    deadlines = ours.get_by_role("region", name="Hạn sắp tới")
    expect(deadlines).to_contain_text(f"gia hạn đến {granted:%d/%m/%Y}")
    expect(deadlines).not_to_contain_text("quá hạn")
