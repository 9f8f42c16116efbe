"""Issue 14 in a real browser: the secretariat publishes a ranking only after confirming
the units left out, by name; before that, a unit's officer reads one sentence, no table
and no export link."""

import re

import pytest
from playwright.sync_api import expect

from evaluations.results import services
from evaluations.results.models import RankingPublication
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD
from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db(transaction=True)

MEMBER_MESSAGE = (
    "Kết quả xếp hạng chưa được công bố: bảng xếp hạng sẽ hiển thị tại đây khi thư ký cụm công bố."
)


def test_publishing_asks_first_and_officers_read_one_message(
    new_page, live_server, secretariat, officer, other_officer, submission, phase, other_unit
):
    submit_ready(submission, officer)
    services.submission_accept(submission=submission, actor=secretariat)
    url = f"{live_server.url}/phases/{phase.pk}/ranking/"

    # The other unit's officer: one sentence, no table, no export link.
    member = new_page()
    sign_in(member, live_server, other_officer.username, PASSWORD)
    member.goto(url)
    expect(member.get_by_text(MEMBER_MESSAGE)).to_have_count(1)
    expect(member.get_by_role("table")).to_have_count(0)
    expect(member.get_by_role("link", name="Xuất (.xlsx)")).to_have_count(0)
    expect(member.get_by_text("chỉ thư ký cụm xem được")).to_have_count(0)

    # The secretariat: the live ranking, marked not published.
    sec = new_page()
    sign_in(sec, live_server, secretariat.username, PASSWORD)
    sec.goto(url)
    expect(sec.locator("h2 .badge", has_text="chưa công bố")).to_be_visible()
    expect(sec.get_by_role("cell", name=submission.unit.name)).to_be_visible()
    expect(sec.get_by_text(MEMBER_MESSAGE)).to_have_count(0)

    # Publishing names the unit without an accepted result, and waits for a second click.
    sec.get_by_role("button", name="Công bố xếp hạng").click()
    expect(sec.get_by_role("alert")).to_contain_text("1 đơn vị chưa có kết quả được chấp nhận")
    expect(sec.get_by_role("listitem").filter(has_text=other_unit.name)).to_be_visible()
    assert not RankingPublication.objects.filter(phase=phase).exists()
    sec.get_by_role("button", name="Vẫn công bố").click()
    expect(sec.get_by_role("alert").first).to_contain_text("Đã công bố xếp hạng")
    assert RankingPublication.objects.filter(phase=phase).exists()

    # Published: the officer sees the table and may export it.
    member.reload()
    expect(
        member.get_by_role("row", name=re.compile(re.escape(submission.unit.name)))
    ).to_be_visible()
    expect(member.get_by_text(MEMBER_MESSAGE)).to_have_count(0)
    with member.expect_download() as download:
        member.get_by_role("link", name="Xuất (.xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
