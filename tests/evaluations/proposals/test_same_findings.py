"""A nominee's eligibility findings are the same on the proposal page and on the cluster's
batch page: one computation (`batch_findings`; the proposal page is a batch of one) whose
result for a proposal never depends on the other proposals checked with it."""

import re

import pytest
from django.urls import reverse

from evaluations.proposals.choices import ProposalStatus, TaskRating
from evaluations.proposals.eligibility import batch_findings, findings_for
from tests.factories.evaluations import AwardProposalFactory
from tests.factories.units import PersonFactory

pytestmark = pytest.mark.django_db

BADGE = re.compile(r'<span class="badge text-bg-(?:danger|warning)">([A-Z]\d*)</span>')


def nominate(cluster_year, unit, titles, code, **fields):
    defaults = {"task_rating": TaskRating.EXCELLENT, "no_pending_discipline": True}
    return AwardProposalFactory(
        cluster_year=cluster_year,
        unit=unit,
        person=PersonFactory(unit=unit),
        title=titles[(code, "person")],
        status=ProposalStatus.SUBMITTED,
        **{**defaults, **fields},
    )


@pytest.fixture
def batch(cluster_year, our_unit, other_unit, titles):
    """Our unit: two nominees citing one initiative (R9 on both), the first also rated only
    "complete" for LĐTT (R2) and without the discipline declaration (R11). A third nominee
    of our unit cites the initiative a nominee of the other unit cites: different holders,
    no R9 for either, on any page."""
    shared = "Số hóa hồ sơ thanh tra"
    return {
        "r9_r2_r11": nominate(
            cluster_year,
            our_unit,
            titles,
            "LDTT",
            initiative=shared,
            task_rating=TaskRating.COMPLETE,
            no_pending_discipline=False,
        ),
        "r9": nominate(cluster_year, our_unit, titles, "LDTT", initiative=shared),
        "ours": nominate(cluster_year, our_unit, titles, "LDTT", initiative="Phần mềm đơn thư"),
        "theirs": nominate(
            cluster_year, other_unit, titles, "LDTT", initiative="  phần mềm  ĐƠN THƯ "
        ),
    }


def rules_on_detail(client, proposal):
    html = client.get(reverse("evaluations:proposal", args=[proposal.pk])).content.decode()
    return BADGE.findall(html)


def rules_on_batch(html, proposal):
    row = next(
        chunk
        for chunk in html.split("<tr")
        if f'href="{reverse("evaluations:proposal", args=[proposal.pk])}"' in chunk
    )
    return BADGE.findall(row)


def test_both_pages_show_the_same_findings(client, secretariat, cluster_year, batch):
    client.force_login(secretariat)
    page = client.get(reverse("evaluations:cluster_proposals", args=[cluster_year.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    expected = {
        "r9_r2_r11": {"R9", "R2", "R11"},
        "r9": {"R9"},
        "ours": set(),
        "theirs": set(),
    }
    for name, proposal in batch.items():
        on_batch, on_detail = rules_on_batch(html, proposal), rules_on_detail(client, proposal)
        assert on_batch == on_detail, name
        assert set(on_detail) == expected[name], name
    rows = {row["proposal"].pk: row["findings"] for row in page.context["rows"]}
    for proposal in batch.values():
        assert rows[proposal.pk] == findings_for(proposal)


def test_findings_do_not_depend_on_the_batch(cluster_year, our_unit, titles, batch):
    """An old proposal in the batch widens the history read; the findings stay the same."""
    old = nominate(cluster_year, our_unit, titles, "LDTT", year=2012)
    proposals = [*batch.values(), old]
    together = batch_findings(proposals)
    for proposal in proposals:
        assert together[proposal.pk] == findings_for(proposal)
