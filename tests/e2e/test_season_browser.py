"""Issue 7: a whole emulation year in the browser, each user in their own browser context.

Only the foundation comes from factories (a cluster year of three member units, users and
their roles, the title catalogue); the campaign, the rubric, the pledge and its signatures,
title registrations, results, the review, the ranking, the secret ballot, the award proposal
and its decision are all made through the pages, as the secretariat, unit officers, unit
leaders and the sector administrator would make them.
"""

import re
from datetime import timedelta

import docx
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from campaigns.models import Campaign
from evaluations.awards.models import AwardRecord
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal
from evaluations.results.choices import SubmissionStatus
from evaluations.results.models import RankingPublication, Submission
from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.models import Pledge, Registration, RegistrationRound
from tests.e2e.browser import sign_in
from tests.factories.units import (
    PASSWORD,
    ClusterMembershipFactory,
    ClusterYearFactory,
    RoleAssignmentFactory,
    UnitFactory,
    UserFactory,
)
from units.choices import Role

pytestmark = pytest.mark.django_db(transaction=True)

UNIT_NAMES = ("Thanh tra tỉnh Hưng Yên", "Thanh tra tỉnh Lạng Sơn", "Thanh tra tỉnh Cà Mau")
# Self scores (A1 of 10, A2 of 5 with evidence, B1 bonus of 3), typed with a decimal comma.
SCORES = (("9,5", "4,5", "2,5"), ("8", "4", "1,5"), ("7,25", "3,5", "0"))


def d(day):
    return day.strftime("%d/%m/%Y")


def ok(page, text):
    """The success message of the last step (Django messages render as role=alert)."""
    expect(page.get_by_role("alert").filter(has_text=text)).to_be_visible()


def person(role, *, unit=None, cluster_year=None, user_unit=None, name=""):
    user = UserFactory(unit=user_unit or unit, display_name=name or role.label)
    RoleAssignmentFactory(user=user, role=role, unit=unit, cluster_year=cluster_year)
    return user


@pytest.fixture
def season(db, titles):
    """The bare foundation: a cluster year with three members and the people who act."""
    today = timezone.localdate()
    units = [UnitFactory(name=name, short_name=name.split()[-1]) for name in UNIT_NAMES]
    cluster_year = ClusterYearFactory(year=today.year, chair_unit=units[0])
    for unit in units:
        ClusterMembershipFactory(cluster_year=cluster_year, unit=unit)
    return {
        "today": today,
        "titles": titles,
        "cluster_year": cluster_year,
        "units": units,
        "secretariat": person(
            Role.SECRETARIAT, cluster_year=cluster_year, user_unit=units[0], name="Thư ký cụm"
        ),
        "officers": [person(Role.UNIT_OFFICER, unit=u) for u in units],
        "leaders": [person(Role.UNIT_LEADER, unit=u) for u in units],
        "admin": person(
            Role.SECTOR_ADMIN, user_unit=UnitFactory(name="Thanh tra Chính phủ"), name="Quản trị"
        ),
    }


def signed_in(new_page, live_server, user, **size):
    page = new_page(**size)
    sign_in(page, live_server, user.username, PASSWORD)
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()
    return page


def enter_results(page, scores, evidence):
    """On the unit's own results page: scores with a decimal comma, A2's evidence, a draft."""
    for code, value in zip(("A1", "A2", "B1"), scores, strict=True):
        page.get_by_label(f"Điểm tự chấm tiêu chí {code}", exact=True).fill(value)
    page.get_by_role("button", name="Lưu nháp").click()
    ok(page, "Đã lưu bản nháp.")
    a2 = page.get_by_role("row", name=re.compile(r"^A2 "))
    a2.locator("input[type=file]").set_input_files(str(evidence))
    a2.get_by_role("button", name="Đính kèm vào A2").click()
    expect(page.get_by_role("link", name=evidence.name)).to_be_visible()


def test_whole_season_in_the_browser(new_page, live_server, season, tmp_path):
    today, cluster_year, units = season["today"], season["cluster_year"], season["units"]
    officers, leaders = season["officers"], season["leaders"]
    url = live_server.url

    # 1. The secretariat launches the campaign with two phases, then builds the rubric.
    sec = signed_in(new_page, live_server, season["secretariat"])
    sec.goto(f"{url}/campaigns/new/")
    sec.locator("#id_title").fill("Phong trào thi đua năm " + str(today.year))
    sec.locator("#id_cluster_year").select_option(str(cluster_year.pk))
    sec.locator("#id_start_date").fill(d(today - timedelta(days=90)))
    sec.locator("#id_end_date").fill(d(today + timedelta(days=90)))
    sec.locator("#id_content_areas_text").fill(
        "Hoàn thành kế hoạch thanh tra\nPhòng, chống tham nhũng"
    )
    sec.locator("#id_phases-0-name").fill("Sơ kết")
    sec.locator("#id_phases-0-start_date").fill(d(today - timedelta(days=90)))
    sec.locator("#id_phases-0-end_date").fill(d(today - timedelta(days=1)))
    sec.locator("#id_phases-0-results_deadline").fill(d(today + timedelta(days=5)))
    sec.locator("#id_phases-1-name").fill("Tổng kết")
    sec.locator("#id_phases-1-start_date").fill(d(today))
    sec.locator("#id_phases-1-end_date").fill(d(today + timedelta(days=90)))
    sec.locator("#id_phases-1-review_kind").select_option("final")
    sec.locator("#id_phases-1-results_deadline").fill(d(today + timedelta(days=90)))
    sec.get_by_role("button", name="Lưu", exact=True).click()
    ok(sec, "Đã lưu phong trào thi đua.")
    campaign = Campaign.objects.get(cluster_year=cluster_year)
    phase = campaign.phases.get(name="Sơ kết")

    sec.get_by_role("link", name="Tạo bảng tiêu chí").click()
    sec.get_by_role("button", name="Tạo bảng tiêu chí trống").click()
    sec.get_by_label("Mức điểm thưởng tối đa").fill("3")
    sec.locator("#id_tie_break_groups").fill("A")
    for row, (code, title) in enumerate((("A", "Công tác thanh tra"), ("B", "Điểm thưởng"))):
        sec.locator(f"#id_groups-{row}-code").fill(code)
        sec.locator(f"#id_groups-{row}-title").fill(title)
        sec.locator(f"#id_groups-{row}-order").fill(str(row))
    criteria = (
        ("A", "A1", "Hoàn thành kế hoạch thanh tra năm", "10", "normal", False),
        ("A", "A2", "Kết luận thanh tra được thực hiện", "5", "normal", True),
        ("B", "B1", "Sáng kiến được công nhận", "3", "bonus", False),
    )
    for row, (group, code, title, points, kind, evidence) in enumerate(criteria):
        sec.locator(f"#id_criteria-{row}-group_code").fill(group)
        sec.locator(f"#id_criteria-{row}-code").fill(code)
        sec.locator(f"#id_criteria-{row}-title").fill(title)
        sec.locator(f"#id_criteria-{row}-max_points").fill(points)
        sec.locator(f"#id_criteria-{row}-kind").select_option(kind)
        sec.locator(f"#id_criteria-{row}-evidence_required").set_checked(evidence)
        sec.locator(f"#id_criteria-{row}-order").fill(str(row))
    sec.get_by_role("button", name="Lưu", exact=True).click()
    ok(sec, "Đã lưu bảng tiêu chí.")
    expect(sec.get_by_role("cell", name="Kết luận thanh tra được thực hiện")).to_be_visible()

    # 2. The pledge: drafted and opened by the secretariat, signed by every leader.
    sec.goto(f"{url}/pledges/new/")
    sec.locator("#id_cluster_year").select_option(str(cluster_year.pk))
    sec.locator("#id_title").fill(f"Giao ước thi đua năm {today.year}")
    sec.locator("#id_signing_date").fill(d(today - timedelta(days=80)))
    sec.locator("#id_place_name").fill("Hưng Yên")
    sec.locator("#id_commitments-0-content").fill("Hoàn thành 100% kế hoạch thanh tra")
    sec.locator("#id_commitments-0-target").fill("100% kế hoạch")
    sec.get_by_role("button", name="Lưu", exact=True).click()
    ok(sec, "Đã lưu giao ước.")
    sec.get_by_role("button", name="Mở ký kết").click()
    ok(sec, "Đã mở ký kết giao ước.")
    expect(sec.get_by_text("chưa ký")).to_have_count(3)

    leader_pages = []
    for user in leaders:
        page = signed_in(new_page, live_server, user, width=390, height=844)
        leader_pages.append(page)
        page.get_by_role("link", name=re.compile(r"^Ký “Giao ước thi đua năm")).click()
        page.locator("#id_signatory_name").fill(f"Lãnh đạo {user.unit.short_name}")
        page.locator("#id_position").fill("Chánh Thanh tra")
        page.get_by_role("button", name="Ký", exact=True).click()
        ok(page, "Đã ghi nhận chữ ký của đơn vị bạn.")
    sec.reload()
    expect(sec.get_by_text("chưa ký")).to_have_count(0)
    assert Pledge.objects.get(cluster_year=cluster_year).status == PledgeStatus.SIGNED

    # 3. The registration round: opened by the secretariat; each unit registers and submits.
    sec.goto(f"{url}/registrations/rounds/new/")
    sec.locator("#id_cluster_year").select_option(str(cluster_year.pk))
    sec.locator("#id_campaign").select_option(str(campaign.pk))
    sec.locator("#id_title").fill(f"Đăng ký thi đua năm {today.year}")
    sec.locator("#id_deadline").fill(d(today + timedelta(days=10)))
    sec.get_by_role("button", name="Lưu", exact=True).click()
    ok(sec, "Đã mở đợt đăng ký.")
    round_ = RegistrationRound.objects.get(cluster_year=cluster_year)
    gk_unit = season["titles"][("GK", "collective")]

    officer_pages = []
    for user in officers:
        page = signed_in(new_page, live_server, user)
        officer_pages.append(page)
        page.goto(f"{url}/registrations/rounds/{round_.pk}/mine/")
        page.get_by_role("button", name="Bắt đầu đăng ký").click()
        page.locator("#id_items-0-title").select_option(str(gk_unit.pk))
        page.get_by_role("button", name="Lưu và gửi").click()
        ok(page, "Đã gửi bản đăng ký đến thư ký cụm.")
    sec.goto(f"{url}/registrations/rounds/{round_.pk}/")
    for unit in units:
        expect(sec.get_by_role("row", name=re.compile(re.escape(unit.name)))).to_contain_text(
            "Đã gửi"
        )

    # 4. Results with evidence; the third unit misses the deadline until it is extended.
    evidence = tmp_path / "Báo cáo kết quả.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%\n")
    for page, scores in zip(officer_pages, SCORES, strict=True):
        page.goto(f"{url}/phases/{phase.pk}/results/")
        page.get_by_role("button", name="Bắt đầu nhập kết quả").click()
        enter_results(page, scores, evidence)
    for page in officer_pages[:2]:
        page.get_by_role("button", name="Lưu và gửi").click()
        ok(page, "Đã gửi báo cáo kết quả đến thư ký cụm.")

    phase.results_deadline = today - timedelta(days=1)  # time passes: the deadline is gone
    phase.save(update_fields=["results_deadline"])
    late = officer_pages[2]
    late.reload()
    late.get_by_role("button", name="Lưu và gửi").click()
    expect(
        late.get_by_role("alert").filter(has_text="không thể gửi báo cáo kết quả nữa")
    ).to_contain_text("gia hạn")
    late_submission = Submission.objects.get(phase=phase, unit=units[2])
    assert late_submission.status == SubmissionStatus.DRAFT

    sec.goto(f"{url}/phases/{phase.pk}/results/")
    row = sec.get_by_role("row", name=re.compile(re.escape(units[2].name)))
    row.locator("summary").click()
    row.get_by_label("Gia hạn đến ngày").fill(d(today + timedelta(days=3)))
    row.get_by_label("Lý do").fill("Đơn vị gặp sự cố mạng")
    row.get_by_role("button", name="Gia hạn").click()
    ok(sec, "Đã gia hạn cho đơn vị.")
    late.reload()
    late.get_by_role("button", name="Lưu và gửi").click()
    ok(late, "Đã gửi báo cáo kết quả đến thư ký cụm.")
    expect(late.locator(".badge", has_text="nộp muộn")).to_be_visible()

    # 5. Review with a reason, return one result, accept all, publish; members see it.
    submissions = {s.unit_id: s for s in Submission.objects.filter(phase=phase)}
    sec.goto(f"{url}/results/{submissions[units[1].pk].pk}/")
    sec.get_by_label("Điểm thẩm định tiêu chí A1", exact=True).fill("7,5")
    sec.get_by_label("Lý do đối với tiêu chí A1", exact=True).fill(
        "Còn 2 cuộc thanh tra chưa kết luận"
    )
    sec.get_by_role("button", name="Lưu kết quả thẩm định").click()
    ok(sec, "Đã lưu điểm thẩm định.")
    sec.get_by_label("Đơn vị cần chỉnh sửa nội dung gì?").fill("Bổ sung kết luận thanh tra")
    sec.get_by_role("button", name="Trả lại đơn vị").click()
    ok(sec, "Đã trả lại báo cáo kết quả cho đơn vị.")

    returned = officer_pages[1]
    returned.reload()
    expect(returned.get_by_text("Bổ sung kết luận thanh tra", exact=True)).to_be_visible()
    expect(returned.get_by_text("Còn 2 cuộc thanh tra chưa kết luận")).to_be_visible()
    returned.get_by_role("button", name="Lưu và gửi").click()
    ok(returned, "Đã gửi báo cáo kết quả đến thư ký cụm.")

    for unit in units:
        sec.goto(f"{url}/results/{submissions[unit.pk].pk}/")
        sec.get_by_role("button", name="Chấp nhận").click()
        ok(sec, "Đã chấp nhận báo cáo kết quả.")
    sec.goto(f"{url}/phases/{phase.pk}/ranking/")
    sec.get_by_role("button", name="Công bố xếp hạng").click()
    ok(sec, "Đã công bố xếp hạng: các đơn vị thành viên đã có thể xem.")

    member = officer_pages[2]
    member.goto(f"{url}/phases/{phase.pk}/ranking/")
    # 9,5 + 4,5 + 2,5; the reviewed 7,5 + 4 + 1,5; 7,25 + 3,5 + 0.
    for unit, total in zip(units, ("16,5", "13", "10,75"), strict=True):
        expect(member.get_by_role("row", name=re.compile(re.escape(unit.name)))).to_contain_text(
            total
        )
    first = member.get_by_role("row", name=re.compile(re.escape(units[0].name)))
    expect(first.get_by_role("cell").first).to_have_text("1")

    # 6. The secret ballot from the published ranking: every leader votes once.
    sec.get_by_role("link", name="Mở cuộc bỏ phiếu từ kết quả xếp hạng này").click()
    sec.get_by_role("button", name="Tạo cuộc bỏ phiếu").click()
    sec.get_by_role("button", name="Mở cuộc bỏ phiếu").click()
    # The key of the ballot, shown once: the secretariat copies the code.
    key = sec.locator("#ballot-key").inner_text()
    sec.get_by_role("link", name="Tôi đã cất giữ khóa: quay lại cuộc bỏ phiếu").click()
    expect(sec.locator("#turnout")).to_contain_text("0/3")

    ballot = Ballot.objects.get(cluster_year=cluster_year)
    assert ballot.questions.get().candidates.count() == 3  # the three ranked units
    vote_url = f"{url}/ballots/{ballot.pk}/vote/"
    first_leader = leader_pages[0]
    first_leader.goto(vote_url)
    second_tab = first_leader.context.new_page()  # the same form twice: a double vote
    second_tab.goto(vote_url)
    for page in leader_pages:
        if page is not first_leader:
            page.goto(vote_url)
        page.get_by_label(units[0].name).check()
        page.get_by_label("Tôi xác nhận phiếu bầu không thể thay đổi sau khi gửi.").check()
        page.get_by_role("button", name="Gửi phiếu bầu").click()
        expect(page.locator("#receipt")).to_be_visible()
    second_tab.get_by_label(units[1].name).check()
    second_tab.get_by_label("Tôi xác nhận phiếu bầu không thể thay đổi sau khi gửi.").check()
    second_tab.get_by_role("button", name="Gửi phiếu bầu").click()
    expect(second_tab.locator(".alert-danger")).to_contain_text(units[0].name)
    expect(second_tab.locator("#receipt")).to_be_visible()

    sec.reload()
    expect(sec.locator("#turnout")).to_contain_text("3/3")
    sec.locator("#id_key").fill(key)
    sec.get_by_role("button", name="Kết thúc và kiểm phiếu").click()
    winner = sec.get_by_role("row", name=re.compile(re.escape(units[0].name)))
    expect(winner).to_contain_text("100%")
    expect(winner).to_contain_text("Được chọn")
    sec.get_by_role("button", name="Công bố kết quả").click()
    ok(sec, "Đã công bố kết quả: các đơn vị thành viên đã có thể xem.")
    with sec.expect_download() as download:
        sec.get_by_role("link", name="Biên bản họp bình xét (.docx)").click()
    assert download.value.suggested_filename.endswith(".docx")
    minutes = docx.Document(str(download.value.path()))
    text = "\n".join(p.text for p in minutes.paragraphs)
    assert "Số phiếu phát ra: 3; số phiếu thu về: 3." in text

    # 7. The award proposal: the unit proposes, the cluster endorses and forwards, the
    # council (the sector administrator) approves with a decision.
    proposer = officer_pages[0]
    proposer.goto(f"{url}/proposals/new/")
    proposer.locator("#id_unit").select_option(str(units[0].pk))
    proposer.locator("#id_title").select_option(str(gk_unit.pk))
    expect(proposer.locator("#id_year")).to_have_value(str(today.year))
    proposer.locator("#id_summary").fill("Dẫn đầu cụm thi đua, hoàn thành 100% kế hoạch thanh tra.")
    proposer.locator("#id_no_pending_discipline").check()
    proposer.get_by_role("button", name="Lưu", exact=True).click()
    ok(proposer, "Đã lưu đề nghị dưới dạng bản nháp.")
    proposer.get_by_role("button", name="Gửi cụm thi đua").click()
    ok(proposer, "Đã gửi đề nghị đến cụm thi đua.")
    proposal = AwardProposal.objects.get(unit=units[0])

    sec.goto(f"{url}/proposals/")
    sec.get_by_role("link", name=units[0].name).first.click()
    sec.get_by_role("button", name="Thống nhất đề nghị").click()
    ok(sec, "Cụm đã thống nhất đề nghị.")
    sec.get_by_role("button", name="Chuyển Hội đồng").click()
    ok(sec, "Đã chuyển đề nghị đến Hội đồng Thi đua - Khen thưởng.")

    council = signed_in(new_page, live_server, season["admin"])
    council.goto(f"{url}/proposals/{proposal.pk}/")
    council.get_by_label("Số quyết định").fill("125/QĐ-TTCP")
    council.get_by_label("Ngày quyết định").fill(d(today))
    council.get_by_role("button", name="Phê duyệt", exact=True).click()
    ok(council, "Đề nghị đã được phê duyệt và đưa vào lịch sử khen thưởng.")
    expect(council.locator(".badge", has_text="Đã phê duyệt")).to_be_visible()

    # 8. The honour board of the cluster year and the unit's award history show the award.
    # (The proposal form has no campaign field, so the campaign's own board stays empty.)
    proposer.goto(f"{url}/cluster-years/{cluster_year.pk}/honour-board/")
    board = proposer.get_by_role("region", name=gk_unit.name)
    expect(board.get_by_role("cell", name=units[0].name, exact=True)).to_be_visible()
    proposer.goto(f"{url}/units/{units[0].pk}/awards/")
    history = proposer.get_by_role("row", name="125/QĐ-TTCP")
    expect(history).to_contain_text(gk_unit.name)

    # What the pages did is what the database holds.
    assert campaign.phases.count() == 2
    assert campaign.rubrics.get().criteria.count() == 3
    assert set(Registration.objects.values_list("status", flat=True)) == {
        RegistrationStatus.SUBMITTED
    }
    assert set(Submission.objects.values_list("status", flat=True)) == {SubmissionStatus.ACCEPTED}
    assert Submission.objects.get(unit=units[2]).is_late
    assert RankingPublication.objects.filter(phase=phase).exists()
    assert Ballot.objects.get().status == BallotStatus.PUBLISHED
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.ranking_entry.rank == 1
    record = AwardRecord.objects.get(proposal=proposal)
    assert (record.unit, record.title, record.year) == (units[0], gk_unit, today.year)
    assert record.decision_number == "125/QĐ-TTCP" and record.decision_date == today


# --- Accessibility basics on the key forms, and the phone width --------------------------

UNLABELLED = """() => Array.from(document.querySelectorAll("input, select, textarea"))
  .filter((el) => el.type !== "hidden" && el.checkVisibility())
  .filter((el) => !Array.from(el.labels || []).some((label) => label.textContent.trim())
    && !(el.getAttribute("aria-label") || "").trim()
    && !el.getAttribute("aria-labelledby"))
  .map((el) => el.outerHTML.slice(0, 150))"""


def assert_labelled(page):
    assert page.evaluate(UNLABELLED) == [], page.url


def assert_tab_reaches(page, button, presses=200):
    """The keyboard alone gets to the submit button (Tab from the top of the page)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached the submit button on {page.url}")


def assert_error_summary_on_top(page, first_field):
    summary = page.locator("#form-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Vui lòng sửa các lỗi dưới đây")
    assert summary.bounding_box()["y"] < first_field.bounding_box()["y"]


def check_form(page, *, submit_name, first_field, fail):
    assert_labelled(page)
    button = page.get_by_role("button", name=submit_name, exact=True)
    assert_tab_reaches(page, button)
    fail()
    assert_error_summary_on_top(page, first_field)
    assert_labelled(page)  # the fields marked invalid keep their labels


def test_key_forms_accessibility_basics(
    new_page, live_server, officer, leader, submission, open_ballot, titles
):
    ours = new_page()
    sign_in(ours, live_server, officer.username, PASSWORD)

    # The award proposal: saved with nothing filled in.
    ours.goto(f"{live_server.url}/proposals/new/")
    check_form(
        ours,
        submit_name="Lưu",
        first_field=ours.locator("#id_cluster_year"),
        fail=lambda: ours.get_by_role("button", name="Lưu", exact=True).click(),
    )
    expect(ours.locator("#id_summary")).to_have_class(re.compile("is-invalid"))

    # The unit's score form: a score above the criterion's maximum.
    ours.goto(f"{live_server.url}/results/{submission.pk}/")

    def too_many_points():
        ours.get_by_label("Điểm tự chấm tiêu chí A1", exact=True).fill("12,5")
        ours.get_by_role("button", name="Lưu nháp").click()

    check_form(
        ours,
        submit_name="Lưu và gửi",
        first_field=ours.get_by_label("Điểm tự chấm tiêu chí A1", exact=True),
        fail=too_many_points,
    )
    expect(ours.get_by_label("Điểm tự chấm tiêu chí A1", exact=True)).to_have_value("12,5")

    # The ballot paper: more candidates ticked than there are places.
    voter = new_page()
    sign_in(voter, live_server, leader.username, PASSWORD)
    voter.goto(f"{live_server.url}/ballots/{open_ballot.pk}/vote/")
    boxes = voter.locator("#vote-form input[type=checkbox]")

    def too_many_ticks():
        for box in boxes.all():
            box.check()
        voter.get_by_role("button", name="Gửi phiếu bầu").click()

    check_form(voter, submit_name="Gửi phiếu bầu", first_field=boxes.first, fail=too_many_ticks)
    expect(voter.locator("#receipt")).to_have_count(0)


def test_dashboard_and_proposals_fit_a_phone(
    new_page, live_server, officer, our_unit, cluster_year, titles
):
    from evaluations.proposals.services import proposal_create

    proposal_create(  # a row in the list, with the longest title name of the catalogue
        actor=officer,
        cluster_year=cluster_year,
        unit=our_unit,
        title=titles[("BK_TTG", "collective")],
        year=cluster_year.year,
        summary="Hoàn thành xuất sắc nhiệm vụ.",
    )
    page = new_page(width=390, height=844)
    sign_in(page, live_server, officer.username, PASSWORD)
    for path, content in (("/", "Xin chào"), ("/proposals/", our_unit.name)):
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("main")).to_contain_text(content)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 390 px"
