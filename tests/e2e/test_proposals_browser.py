"""The new-proposal page in a real browser: the nominee's unit first, then its staff.

With the script, choosing the unit reloads the page with that unit's staff; without it, the
"show this unit's staff" button does the same by GET. Either way the person select never
holds another unit's people, and Enter in a field still saves.
"""

import re

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
def staff(our_unit, other_unit):
    return {
        "ours": PersonFactory(unit=our_unit, full_name="Nguyễn Thị Hoa"),
        "theirs": PersonFactory(unit=other_unit, full_name="Phạm Văn Láng Giềng"),
    }


def person_labels(page):
    return page.locator("#id_person option").all_inner_texts()


def test_choosing_the_unit_lists_its_staff_and_saves(
    new_page, live_server, secretariat, cluster_year, our_unit, other_unit, staff, titles
):
    page = new_page()
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/proposals/new/")
    assert person_labels(page) == ["—"]
    expect(
        page.get_by_text(vi("Choose the unit first: this list then shows its staff."))
    ).to_be_visible()

    page.locator("#id_unit").select_option(str(other_unit.pk))
    page.wait_for_url(re.compile(rf"\?cluster_year={cluster_year.pk}&unit={other_unit.pk}$"))
    assert person_labels(page) == ["—", "Phạm Văn Láng Giềng"]

    page.locator("#id_unit").select_option(str(our_unit.pk))
    page.wait_for_url(re.compile(rf"unit={our_unit.pk}$"))
    assert person_labels(page) == ["—", "Nguyễn Thị Hoa"]
    page.locator("#id_person").select_option(label="Nguyễn Thị Hoa")
    page.locator("#id_title").select_option(str(titles[("LDTT", "person")].pk))
    page.locator("#id_summary").fill("Hoàn thành xuất sắc nhiệm vụ được giao.")
    page.locator("#id_no_pending_discipline").check()
    page.locator("#id_year").press("Enter")  # Enter saves; it does not reload the unit
    expect(
        page.get_by_role("alert").filter(has_text=vi("The proposal was saved as a draft."))
    ).to_be_visible()
    proposal = AwardProposal.objects.get()
    assert (proposal.unit_id, proposal.person_id) == (our_unit.pk, staff["ours"].pk)


def test_without_script_the_button_shows_the_units_staff(
    new_page, live_server, secretariat, cluster_year, our_unit, staff, titles
):
    page = new_page(javascript=False)
    sign_in(page, live_server, secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/proposals/new/")
    page.locator("#id_unit").select_option(str(our_unit.pk))
    assert person_labels(page) == ["—"]  # nothing reloads by itself
    page.get_by_role("button", name=vi("Show this unit's staff")).click()
    page.wait_for_url(
        f"{live_server.url}/proposals/new/?cluster_year={cluster_year.pk}&unit={our_unit.pk}"
    )
    assert person_labels(page) == ["—", "Nguyễn Thị Hoa"]
    expect(page.locator("#id_unit")).to_have_value(str(our_unit.pk))
