"""The decision pages through the test client, each form posted with the data the rendered
page holds (tests/helpers/browser_form.py), as a browser would send it."""

import pytest
from django.urls import reverse

from evaluations.awards.models import AwardRecord
from evaluations.decisions.choices import DecisionStatus
from evaluations.decisions.models import AwardDecision
from evaluations.proposals.choices import ProposalStatus
from tests.helpers.browser_form import form_with

pytestmark = pytest.mark.django_db


def page_data(client, url, field):
    """The data a browser sends with the page's form holding `field`, untouched."""
    page = client.get(url)
    assert page.status_code == 200
    return form_with(page.content, field).data()


def post_page_form(client, url, **changes):
    """GET the page, take its form (the one with the first changed field) as a browser would
    send it, change fields, POST."""
    data = {**page_data(client, url, next(iter(changes))), **changes}
    return client.post(url, data)


def test_draft_the_whole_batch_from_the_rendered_form(
    client, admin_user, authority, forwarded, cluster_year
):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_draft", args=[cluster_year.pk])
    data = page_data(client, url, "proposals")
    assert data["proposals"] == [str(p.pk) for p in forwarded]  # all ticked
    data["authority"] = str(authority.pk)  # the one choice the user makes
    response = client.post(url, data)
    decision = AwardDecision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluations:decision", args=[decision.pk])
    assert decision.lines.count() == 2
    assert decision.cluster_year == cluster_year
    assert decision.authority == authority


def test_draft_chosen_rows(client, admin_user, authority, forwarded, cluster_year):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_draft", args=[cluster_year.pk])
    response = post_page_form(
        client, url, proposals=[str(forwarded[1].pk)], authority=str(authority.pk)
    )
    assert response.status_code == 302
    assert [line.proposal for line in AwardDecision.objects.get().lines.all()] == [forwarded[1]]


def test_draft_without_a_row_keeps_what_was_typed(
    client, admin_user, authority, forwarded, cluster_year
):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_draft", args=[cluster_year.pk])
    data = page_data(client, url, "authority")
    data.pop("proposals")
    data["subject"] = "Về việc tặng Bằng khen năm 2025"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Về việc tặng Bằng khen năm 2025" in response.content.decode()
    assert response.context["form"].errors["proposals"]
    assert not AwardDecision.objects.exists()


def test_record_from_the_rendered_form(client, admin_user, draft, forwarded):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_record", args=[draft.pk])
    response = post_page_form(
        client,
        url,
        number="45",
        date="20/12/2025",
        signer_name="Nguyễn Văn Ký",
        signer_position="Phó Tổng Thanh tra",
        sign_form="KT.",
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == DecisionStatus.RECORDED
    assert draft.full_number == "45/QĐ-TTCP"
    assert AwardRecord.objects.filter(decision=draft).count() == 2


def test_a_refused_record_names_each_line_and_keeps_the_input(client, admin_user, draft, forwarded):
    forwarded[1].status = ProposalStatus.WITHDRAWN
    forwarded[1].save()
    client.force_login(admin_user)
    url = reverse("evaluations:decision_record", args=[draft.pk])
    response = post_page_form(
        client,
        url,
        number="46",
        date="20/12/2025",
        signer_name="Nguyễn Văn Ký",
        signer_position="Phó Tổng Thanh tra",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trần Thị Lan" in html and 'value="46"' in html
    assert not AwardRecord.objects.exists()


def test_the_number_taken_is_refused_on_the_form(
    client, admin_user, recorded, authority, forwarded
):
    other = AwardDecision.objects.create(authority=authority)
    client.force_login(admin_user)
    url = reverse("evaluations:decision_record", args=[other.pk])
    response = post_page_form(
        client,
        url,
        number="123",
        date="20/12/2025",
        signer_name="Nguyễn Văn Ký",
        signer_position="Phó Tổng Thanh tra",
    )
    assert response.status_code == 200
    assert "123" in response.context["form"].non_field_errors()[0]


def test_correct_from_the_rendered_form(client, admin_user, recorded):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_correct", args=[recorded.pk])
    response = post_page_form(
        client, url, signer_name="Nguyễn Văn Kỳ", reason="Sai chính tả tên người ký"
    )
    assert response.status_code == 302
    recorded.refresh_from_db()
    assert recorded.signer_name == "Nguyễn Văn Kỳ"
    assert recorded.subject == "Về việc tặng Bằng khen của Tổng Thanh tra Chính phủ"  # kept


def test_revoke_from_the_rendered_form(client, admin_user, recorded):
    client.force_login(admin_user)
    url = reverse("evaluations:decision_revoke", args=[recorded.pk])
    response = post_page_form(client, url, reason="Thu hồi do hồ sơ không trung thực")
    assert response.status_code == 302
    recorded.refresh_from_db()
    assert recorded.status == DecisionStatus.REVOKED
    detail = client.get(reverse("evaluations:decision", args=[recorded.pk])).content.decode()
    assert "Thu hồi do hồ sơ không trung thực" in detail


def test_the_detail_shows_lines_history_and_documents(client, admin_user, recorded):
    client.force_login(admin_user)
    html = client.get(reverse("evaluations:decision", args=[recorded.pk])).content.decode()
    assert "Trần Thị Lan" in html
    assert reverse("evaluations:decision_document", args=[recorded.pk, "decision"]) in html
    assert reverse("evaluations:decision_document", args=[recorded.pk, "submission"]) in html
    assert "3.510.000" in html or "3,510,000" in html
    assert reverse("evaluations:decision_certificates", args=[recorded.pk]) in html


def test_amounts_and_documents_are_hidden_from_a_viewer(client, viewer, recorded):
    client.force_login(viewer)
    html = client.get(reverse("evaluations:decision", args=[recorded.pk])).content.decode()
    assert "Trần Thị Lan" in html
    assert "3.510.000" not in html and "3,510,000" not in html
    assert ".docx" not in html
    assert reverse("evaluations:decision_certificates", args=[recorded.pk]) not in html


def test_a_draft_offers_no_certificates(client, admin_user, draft):
    client.force_login(admin_user)
    html = client.get(reverse("evaluations:decision", args=[draft.pk])).content.decode()
    assert reverse("evaluations:decision_certificates", args=[draft.pk]) not in html


def test_a_draft_is_missing_for_the_cluster_secretariat(client, secretariat, draft):
    client.force_login(secretariat)
    assert client.get(reverse("evaluations:decision", args=[draft.pk])).status_code == 404
    assert draft.pk not in [
        d.pk for d in client.get(reverse("evaluations:decision_list")).context["decisions"]
    ]


def test_the_secretariat_cannot_draft(client, secretariat, forwarded, cluster_year):
    client.force_login(secretariat)
    url = reverse("evaluations:decision_draft", args=[cluster_year.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"proposals": [str(p.pk) for p in forwarded]}).status_code == 403
    assert not AwardDecision.objects.exists()


def test_the_decision_document_downloads(client, admin_user, recorded):
    client.force_login(admin_user)
    response = client.get(reverse("evaluations:decision_document", args=[recorded.pk, "decision"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('Quyet_dinh_123-QD-TTCP.docx"')
    assert (
        client.get(
            reverse("evaluations:decision_document", args=[recorded.pk, "other"])
        ).status_code
        == 404
    )


def test_the_decision_is_linked_from_proposal_cluster_year_and_honour_board(
    client, admin_user, recorded, forwarded, cluster_year
):
    client.force_login(admin_user)
    link = reverse("evaluations:decision", args=[recorded.pk])
    proposal_page = client.get(reverse("evaluations:proposal", args=[forwarded[0].pk]))
    assert link in proposal_page.content.decode()
    year_page = client.get(
        reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year])
    )
    assert link in year_page.content.decode()
    board = client.get(reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]))
    assert link in board.content.decode()


def test_the_register_lists_the_authoritys_year(client, officer, recorded):
    client.force_login(officer)
    url = reverse("evaluations:decision_register", args=[recorded.authority_id, 2025])
    html = client.get(url).content.decode()
    assert "123/QĐ-TTCP" in html
    empty = client.get(reverse("evaluations:decision_register", args=[recorded.authority_id, 2024]))
    assert "123/QĐ-TTCP" not in empty.content.decode()
