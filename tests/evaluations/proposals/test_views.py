"""Award proposal pages: who sees and edits, the steps from the page, the batch page, and
what the dashboard says."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluations.proposals import services
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal
from tests.helpers.proposals import YEAR, propose, staff, title

pytestmark = pytest.mark.django_db


# A draft is its unit's own until submitted, as draft results and registrations are; the
# secretariat and the administrators see it once submitted.
WHO_SEES = {
    "officer": (200, 200),
    "leader": (200, 200),
    "secretariat": (404, 200),
    "admin": (404, 200),
    "other_officer": (404, 404),
    "outsider": (404, 404),
    "viewer": (404, 404),
}


@pytest.mark.parametrize("submitted", [False, True], ids=["draft", "submitted"])
@pytest.mark.parametrize("role", WHO_SEES)
def test_who_sees_a_proposal(
    client, user_of, role, submitted, officer, cluster_year, our_unit, titles
):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK", summary="Bí mật nội bộ")
    if submitted:
        services.proposal_submit(proposal=proposal, actor=officer)
    status = WHO_SEES[role][submitted]
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:proposal", args=[proposal.pk]))
    assert response.status_code == status
    listing = client.get(reverse("evaluations:proposal_list")).content.decode()
    assert (proposal.nominee_name in listing) == (status == 200)
    if status == 404:
        assert "Bí mật nội bộ" not in response.content.decode()


def test_create_in_the_browser_keeps_input_on_error(
    client, officer, cluster_year, our_unit, titles
):
    client.force_login(officer)
    url = reverse("evaluations:proposal_create")
    assert client.get(url).status_code == 200
    data = {
        "cluster_year": cluster_year.pk,
        "unit": our_unit.pk,
        "person": "",
        "title": title(titles, "LDTT").pk,  # a person's title without a person
        "year": YEAR,
        "summary": "Thành tích nổi bật của đơn vị",
        "task_rating": "good",
        "initiative_scope": "",
        "no_pending_discipline": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Thành tích nổi bật của đơn vị" in response.content.decode()
    assert not AwardProposal.objects.exists()
    data["title"] = title(titles, "GK", "collective").pk
    response = client.post(url, data)
    assert response.status_code == 302
    assert AwardProposal.objects.get().nominee_name == our_unit.name


def test_steps_from_the_page(client, officer, secretariat, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    url = reverse("evaluations:proposal", args=[proposal.pk])
    client.force_login(officer)
    upload = client.post(
        url, {"action": "upload", "file": SimpleUploadedFile("Báo cáo.pdf", b"%PDF-1.4\n")}
    )
    assert upload.status_code == 302
    file_url = reverse("evaluations:proposal_file", args=[proposal.files.get().pk])
    assert client.get(file_url).status_code == 200
    assert client.post(url, {"action": "endorse"}).status_code == 403
    assert client.post(url, {"action": "submit"}).status_code == 302
    client.force_login(secretariat)
    page = client.get(url).content.decode()
    assert 'value="endorse"' in page
    assert client.post(url, {"action": "return", "comment": ""}).status_code == 200
    assert client.post(url, {"action": "endorse"}).status_code == 302
    assert AwardProposal.objects.get().status == ProposalStatus.ENDORSED


def test_batch_page_for_the_secretariat_only(
    client, user_of, officer, cluster_year, our_unit, titles, django_assert_max_num_queries
):
    people = staff(our_unit, 25)
    for p in people:
        proposal = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=p)
        AwardProposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.SUBMITTED)
    url = reverse("evaluations:cluster_proposals", args=[cluster_year.pk])
    client.force_login(user_of("secretariat"))
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("R1") >= 25  # none holds LĐTT
    for role in ("officer", "leader", "other_officer", "outsider", "viewer"):
        client.force_login(user_of(role))
        assert client.get(url).status_code == 404


def test_proposal_pages_bounded(
    client, officer, cluster_year, our_unit, titles, django_assert_max_num_queries
):
    for p in staff(our_unit, 30):
        propose(officer, cluster_year, our_unit, titles, "LDTT", person=p)
    proposal = AwardProposal.objects.first()
    client.force_login(officer)
    for url in (
        reverse("evaluations:proposal_list"),
        reverse("evaluations:proposal", args=[proposal.pk]),
        reverse("evaluations:proposal_create"),
        reverse("evaluations:proposal_edit", args=[proposal.pk]),
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_dashboard_shows_what_waits(client, officer, secretariat, cluster_year, our_unit, titles):
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    services.proposal_submit(proposal=proposal, actor=officer)
    client.force_login(secretariat)
    assert "?status=submitted" in client.get(reverse("dashboard")).content.decode()
    services.proposal_return(proposal=proposal, actor=secretariat, comment="Bổ sung")
    client.force_login(officer)
    assert "?status=returned" in client.get(reverse("dashboard")).content.decode()
