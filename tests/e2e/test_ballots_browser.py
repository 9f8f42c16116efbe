"""Issue 6 (secret ballot) in a real browser: the secretariat opens a ballot from a published
ranking, two leaders vote in their own browsers, a second vote is refused, the ballot is
closed with the right tally and the minutes download."""

import re

import docx
import pytest
from django.utils import translation
from playwright.sync_api import expect

from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot
from evaluations.results import services
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD, PersonFactory
from tests.helpers.results import submit_ready

pytestmark = pytest.mark.django_db(transaction=True)


def vi(message):
    """The text the Vietnamese interface shows for a source string."""
    with translation.override("vi"):
        return translation.gettext(message)


def test_secret_ballot_in_the_browser(
    new_page,
    live_server,
    secretariat,
    officer,
    other_officer,
    leader,
    other_leader,
    phase,
    our_unit,
    other_unit,
    titles,
):
    for user, unit in ((officer, our_unit), (other_officer, other_unit)):
        submission = services.submission_start(phase=phase, unit=unit, actor=user)
        submit_ready(submission, user)
        services.submission_accept(submission=submission, actor=secretariat)
    services.ranking_publish(phase=phase, actor=secretariat)

    board = new_page()
    sign_in(board, live_server, secretariat.username, PASSWORD)
    board.goto(f"{live_server.url}/phases/{phase.pk}/ranking/")
    board.get_by_role("link", name=vi("Open a ballot from this ranking")).click()
    board.get_by_role("button", name=vi("Create the ballot")).click()
    ballot = Ballot.objects.get()
    assert ballot.phase_id == phase.pk and ballot.voters.count() == 2
    assert ballot.questions.get().candidates.count() == 2  # both ranked units
    board.get_by_role("button", name=vi("Open the ballot")).click()
    # The key, shown this once: the secretariat downloads the file and keeps it.
    expect(board.locator("#key-warning")).to_be_visible()
    code = board.locator("#ballot-key").inner_text()
    with board.expect_download() as key_download:
        board.get_by_role("link", name=vi("Download the key file")).click()
    key_file = key_download.value.path()
    with open(key_file, encoding="utf-8") as saved:
        assert " ".join(code.split()) in " ".join(saved.read().split())
    board.get_by_role("link", name=vi("I have kept the key: back to the ballot")).click()
    expect(board.locator("#turnout")).to_contain_text("0/2")
    assert code.split()[0] not in Ballot.objects.get().public_key

    ours = new_page()
    sign_in(ours, live_server, leader.username, PASSWORD)
    vote_url = f"{live_server.url}/ballots/{ballot.pk}/vote/"
    expect(ours.locator(f'a[href="/ballots/{ballot.pk}/vote/"]').first).to_be_visible()
    ours.locator(f'a[href="/ballots/{ballot.pk}/vote/"]').first.click()
    # A second tab with the same form: the double vote the lock must refuse.
    second_tab = ours.context.new_page()
    second_tab.goto(vote_url)
    ours.get_by_label(other_unit.name).check()
    ours.get_by_label(vi("I confirm that my ballot cannot be changed once it is cast.")).check()
    ours.get_by_role("button", name=vi("Cast my ballot")).click()
    expect(ours.locator("#receipt")).to_be_visible()
    second_tab.get_by_label(our_unit.name).check()
    second_tab.get_by_label(
        vi("I confirm that my ballot cannot be changed once it is cast.")
    ).check()
    second_tab.get_by_role("button", name=vi("Cast my ballot")).click()
    expect(second_tab.locator(".alert-danger")).to_contain_text(our_unit.name)

    theirs = new_page()
    sign_in(theirs, live_server, other_leader.username, PASSWORD)
    theirs.goto(vote_url)
    theirs.get_by_label(other_unit.name).check()
    theirs.get_by_label(vi("I confirm that my ballot cannot be changed once it is cast.")).check()
    theirs.get_by_role("button", name=vi("Cast my ballot")).click()
    expect(theirs.locator("#receipt")).to_be_visible()

    board.reload()
    expect(board.locator("#turnout")).to_contain_text("2/2")
    # A wrong key: a clear message, the ballot stays open, nothing is counted.
    board.locator("#id_key").fill("ABCDE FGHIJ KLMNO")
    board.get_by_role("button", name=vi("Close and tally")).click()
    expect(board.locator(".alert-danger")).to_be_visible()
    assert Ballot.objects.get().status == BallotStatus.OPEN
    # The kept key file closes it.
    board.locator("#id_key_file").set_input_files(str(key_file))
    board.get_by_role("button", name=vi("Close and tally")).click()
    winner = board.get_by_role("row", name=re.compile(re.escape(other_unit.name)))
    expect(winner).to_contain_text("100%")
    expect(winner).to_contain_text(vi("Selected"))
    loser = board.get_by_role("row", name=re.compile(re.escape(our_unit.name)))
    expect(loser).to_contain_text(vi("Below the threshold"))
    board.get_by_role("button", name=vi("Publish the result")).click()
    assert Ballot.objects.get().status == BallotStatus.PUBLISHED

    with board.expect_download() as download:
        board.get_by_role("link", name=vi("Minutes (.docx)")).click()
    document = docx.Document(str(download.value.path()))
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["1", other_unit.name, "2", "100", "Đạt, được đề nghị"] in cells
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Số phiếu phát ra: 2; số phiếu thu về: 2." in text

    # Members see the published result.
    ours.goto(f"{live_server.url}/ballots/{ballot.pk}/")
    expect(ours.get_by_role("row", name=re.compile(re.escape(other_unit.name)))).to_contain_text(
        vi("Selected")
    )


def test_person_candidate_is_found_by_typing_the_name(
    new_page, live_server, secretariat, draft_ballot, our_unit, other_unit
):
    """The person's search field asks the server for the matching staff of the member units
    of this ballot: nobody is listed before typing, and Enter adds the one chosen."""
    PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa")
    PersonFactory(unit=other_unit, full_name="Phạm Văn Láng Giềng")
    question = draft_ballot.questions.get()
    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/ballots/{draft_ballot.pk}/")
    expect(page.locator("#id_person option")).to_have_count(1)  # "—" only

    page.locator("input[name=person__q]").press_sequentially("nguyen thi hoa", delay=20)
    expect(page.locator("#id_person option")).to_have_count(2)  # "—" and the one match
    expect(page.locator("#id_person option").nth(1)).to_have_text(
        f"Nguyễn Thị Hoa – {our_unit.name}"
    )
    page.locator("#id_person").select_option(label=f"Nguyễn Thị Hoa – {our_unit.name}")
    page.locator("#id_note").fill("Chiến sĩ thi đua cơ sở hai năm liền")
    page.locator("#id_note").press("Enter")
    expect(
        page.get_by_role("alert").filter(has_text=vi("The candidate was added."))
    ).to_be_visible()
    assert question.candidates.filter(person__full_name="Nguyễn Thị Hoa").exists()
