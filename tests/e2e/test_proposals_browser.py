"""The new-proposal page in a real browser: the nominee found by typing, not from a list.

With the script, typing in the person's search field asks the server for the matching staff
(htmx) and fills the select; without it, the name typed is posted and the one match taken
(several come back to choose from). Either way the select never holds another unit's
people the user may not propose, and Enter in a field still saves.
"""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from evaluations.proposals.models import AwardProposal
from tests.e2e.browser import sign_in
from tests.factories.units import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


@pytest.fixture
def staff(our_unit, other_unit, outside_unit):
    return {
        "ours": PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa"),
        "theirs": PersonFactory(unit=other_unit, full_name="Phạm Văn Láng Giềng"),
        "outside": PersonFactory(unit=outside_unit, full_name="Nguyễn Thị Hòa Ngoài"),
    }


def person_labels(page):
    return page.locator("#id_person option").all_inner_texts()


def fill_the_rest(page, titles):
    page.locator("#id_title").select_option(str(titles[("LDTT", "person")].pk))
    page.locator("#id_summary").fill("Hoàn thành xuất sắc nhiệm vụ được giao.")
    page.locator("#id_no_pending_discipline").check()


def test_typing_a_name_without_accents_offers_the_person_and_saves(
    new_page, live_server, secretariat, cluster_year, our_unit, staff, titles
):
    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/proposals/new/")
    assert person_labels(page) == [vi("— choose —")]

    page.locator("input[name=person__q]").press_sequentially("nguyen thi hoa", delay=20)
    expect(page.locator("#id_person option")).to_have_count(2)  # "—" and the one match
    assert person_labels(page)[1] == f"Nguyễn Thị Hoa – {our_unit.name}"  # not the outsider
    expect(page.locator("#id_person")).to_have_value(str(staff["ours"].pk))
    fill_the_rest(page, titles)
    page.locator("#id_year").press("Enter")  # Enter saves
    expect(
        page.get_by_role("alert").filter(has_text=vi("The proposal was saved as a draft."))
    ).to_be_visible()
    proposal = AwardProposal.objects.get()
    assert (proposal.unit_id, proposal.person_id) == (our_unit.pk, staff["ours"].pk)


def test_without_script_the_name_typed_is_posted_and_found(
    new_page, live_server, secretariat, cluster_year, our_unit, staff, titles
):
    page = new_page(javascript=False)
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/proposals/new/")
    page.locator("input[name=person__q]").fill("nguyen thi hoa")
    fill_the_rest(page, titles)
    page.get_by_role("button", name=vi("Save"), exact=True).click()
    expect(
        page.get_by_role("alert").filter(has_text=vi("The proposal was saved as a draft."))
    ).to_be_visible()
    assert AwardProposal.objects.get().person_id == staff["ours"].pk
