"""Pledge and registration pages: roles, strangers, workflows, and the generated files."""

from datetime import date
from io import BytesIO

import docx
import openpyxl
import pytest
from django.urls import reverse

from pledges import services
from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.models import PledgeParty, Registration, RegistrationItem, Signature
from tests.factories.pledges import RegistrationFactory
from tests.factories.units import PersonFactory
from tests.helpers.pledges import sign
from tests.helpers.print_ready import assert_print_ready
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_draft_pledge_only_for_those_who_run_the_year(client, user_of, role, pledge):
    client.force_login(user_of(role))
    status = client.get(reverse("pledges:pledge_detail", args=[pledge.pk])).status_code
    assert status == (200 if role in ("admin", "secretariat") else 404)


def test_leader_signs_in_the_browser(client, leader, open_pledge, our_unit):
    client.force_login(leader)
    response = client.post(
        reverse("pledges:pledge_sign", args=[open_pledge.pk]),
        {
            "signatory_name": "Nguyễn Văn An",
            "position": "Chánh Thanh tra",
            "signed_on": "11/03/2025",
        },
    )
    assert response.status_code == 302
    signature = Signature.objects.get(party__unit=our_unit)
    assert (signature.signatory_name, signature.signed_on, signature.source) == (
        "Nguyễn Văn An",
        date(2025, 3, 11),
        "online",
    )
    # A second visit (double click, back button) signs nothing more.
    again = client.post(
        reverse("pledges:pledge_sign", args=[open_pledge.pk]),
        {"signatory_name": "Người khác", "position": "Phó", "signed_on": "12/03/2025"},
    )
    assert again.status_code == 302
    assert Signature.objects.filter(party__unit=our_unit).count() == 1


def test_pledge_list_shows_signed_out_of_parties(
    client, secretariat, leader, open_pledge, our_unit
):
    parties = open_pledge.parties.count()
    sign(open_pledge, leader, our_unit)
    client.force_login(secretariat)
    html = client.get(reverse("pledges:pledge_list")).content.decode()
    assert parties > 1
    assert f">1/{parties}</td>" in html


def test_sign_form_error_keeps_input(client, leader, open_pledge):
    client.force_login(leader)
    response = client.post(
        reverse("pledges:pledge_sign", args=[open_pledge.pk]),
        {"signatory_name": "Nguyễn Văn An", "position": "", "signed_on": "31/02/2025"},
    )
    assert response.status_code == 200
    assert 'value="Nguyễn Văn An"' in response.content.decode()
    assert response.context["form"].errors.keys() == {"position", "signed_on"}
    assert not Signature.objects.exists()


def test_whole_signing_flow_makes_pledge_signed_and_docx_has_every_block(
    client, leader, secretariat, open_pledge, our_unit, other_unit
):
    client.force_login(leader)
    client.post(
        reverse("pledges:pledge_sign", args=[open_pledge.pk]),
        {
            "signatory_name": "Nguyễn Văn An",
            "position": "Chánh Thanh tra",
            "signed_on": "11/03/2025",
        },
    )
    client.force_login(secretariat)
    party = PledgeParty.objects.get(pledge=open_pledge, unit=other_unit)
    client.post(
        reverse("pledges:pledge_record", args=[open_pledge.pk]),
        {
            "party": party.pk,
            "signatory_name": "Trần Thị Bình",
            "position": "Phó Chánh Thanh tra",
            "signed_on": "11/03/2025",
        },
    )
    open_pledge.refresh_from_db()
    assert open_pledge.status == PledgeStatus.SIGNED
    response = client.get(reverse("pledges:pledge_docx", args=[open_pledge.pk]))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = docx.Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Hoàn thành kế hoạch thanh tra" in text and "Chỉ tiêu: 100%" in text
    for name in (
        our_unit.name.upper(),
        other_unit.name.upper(),
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "PHÓ CHÁNH THANH TRA",
    ):
        assert name in cells


def test_pledge_form_creates_draft_with_commitments(client, secretariat, cluster_year):
    client.force_login(secretariat)
    data = {
        "cluster_year": cluster_year.pk,
        "title": "Giao ước thi đua năm 2026",
        "signing_date": "06/03/2026",
        "commitments-TOTAL_FORMS": "2",
        "commitments-INITIAL_FORMS": "0",
        "commitments-0-content": "Hoàn thành kế hoạch",
        "commitments-0-target": "100%",
        "commitments-1-content": "Cải cách hành chính",
    }
    response = client.post(reverse("pledges:pledge_add"), data)
    assert response.status_code == 302
    from pledges.models import Pledge

    pledge = Pledge.objects.get(title="Giao ước thi đua năm 2026")
    assert pledge.commitments.count() == 2 and pledge.signing_date == date(2026, 3, 6)


def test_pledge_attachment_signed_original_must_be_pdf(
    client, secretariat, open_pledge, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretariat)
    bad = client.post(
        reverse("pledges:pledge_detail", args=[open_pledge.pk]),
        {
            "kind": "signed_original",
            "file": SimpleUploadedFile("ban-goc.docx", b"PK\x03\x04 not really"),
        },
    )
    assert bad.status_code == 200 and bad.context["attachment_form"].errors["file"]
    good = client.post(
        reverse("pledges:pledge_detail", args=[open_pledge.pk]),
        {
            "kind": "signed_original",
            "file": SimpleUploadedFile("Bản gốc đã ký.pdf", b"%PDF-1.4\n%\n"),
        },
    )
    assert good.status_code == 302
    assert open_pledge.attachments.get().original_name == "Bản gốc đã ký.pdf"


# Registrations ----------------------------------------------------------------------


@pytest.fixture
def our_registration(registration_round, our_unit):
    return RegistrationFactory(round=registration_round, unit=our_unit)


@pytest.mark.parametrize("role", ROLES)
def test_submitted_registration_read_by_secretariat_not_other_units(
    client, user_of, role, our_registration
):
    our_registration.status = RegistrationStatus.SUBMITTED
    our_registration.save()
    client.force_login(user_of(role))
    status = client.get(
        reverse("pledges:registration_detail", args=[our_registration.pk])
    ).status_code
    assert status == (404 if role in ("other_officer", "outsider") else 200)


def item_post(rows, action="save", initial=0):
    data = {
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(initial),
        "action": action,
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"items-{i}-{key}"] = value
    return data


def test_register_with_warning_then_submit(client, officer, our_registration, our_unit, titles):
    person = PersonFactory(unit=our_unit, full_name="Lê Thị Mai")
    client.force_login(officer)
    url = reverse("pledges:registration_detail", args=[our_registration.pk])
    rows = [
        {"title": titles[("TTLDXS", "collective")].pk, "person": ""},
        {"title": titles[("CSTDCS", "person")].pk, "person": person.pk},
    ]
    assert client.post(url, item_post(rows)).status_code == 302
    page = client.get(url)
    (item,) = [i for i in page.context["items"] if i.person_id]
    assert [f.rule for f in item.findings] == ["R1"]  # CSTĐCS without LĐTT: warned at once
    response = client.post(url, item_post(rows, action="submit"))
    assert response.status_code == 302
    our_registration.refresh_from_db()
    assert our_registration.status == RegistrationStatus.SUBMITTED
    assert RegistrationItem.objects.filter(registration=our_registration).count() == 2


def test_registration_row_error_keeps_every_row(client, officer, our_registration, titles):
    client.force_login(officer)
    rows = [
        {"title": titles[("TTLDXS", "collective")].pk, "person": "", "note": "Giữ nguyên"},
        {"title": titles[("LDTT", "person")].pk, "person": ""},  # a person title without a person
    ]
    response = client.post(
        reverse("pledges:registration_detail", args=[our_registration.pk]), item_post(rows)
    )
    assert response.status_code == 200
    assert response.context["formset"].forms[1].errors["person"]
    assert 'value="Giữ nguyên"' in response.content.decode()
    assert not RegistrationItem.objects.exists()


def test_submit_after_deadline_shows_message_and_keeps_draft(
    client, officer, our_registration, titles
):
    our_registration.round.deadline = date(2020, 1, 1)
    our_registration.round.save()
    client.force_login(officer)
    rows = [{"title": titles[("TTLDXS", "collective")].pk, "person": ""}]
    response = client.post(
        reverse("pledges:registration_detail", args=[our_registration.pk]),
        item_post(rows, action="submit"),
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]]
    our_registration.refresh_from_db()
    assert our_registration.status == RegistrationStatus.DRAFT


def test_other_unit_cannot_post_to_our_registration(
    client, other_officer, our_registration, titles
):
    client.force_login(other_officer)
    rows = [{"title": titles[("TTLDXS", "collective")].pk, "person": ""}]
    response = client.post(
        reverse("pledges:registration_detail", args=[our_registration.pk]), item_post(rows)
    )
    assert response.status_code == 404
    assert not RegistrationItem.objects.exists()


def test_consolidated_table_and_xlsx_counts(
    client, secretariat, registration_round, our_unit, other_unit, officer, titles
):
    registration = RegistrationFactory(round=registration_round, unit=our_unit)
    people = [PersonFactory(unit=our_unit) for _ in range(3)]
    services.registration_save_items(
        registration=registration,
        actor=officer,
        items=[{"title": titles[("TTLDXS", "collective")], "person": None}]
        + [{"title": titles[("LDTT", "person")], "person": p} for p in people],
    )
    services.registration_submit(registration=registration, actor=officer)
    client.force_login(secretariat)
    page = client.get(reverse("pledges:round_detail", args=[registration_round.pk]))
    assert page.context["grand_total"] == 4
    our_row = next(row for row in page.context["rows"] if row["unit"] == our_unit)
    per_title = dict(zip(page.context["titles"], our_row["counts"], strict=True))
    assert per_title == {titles[("TTLDXS", "collective")]: 1, titles[("LDTT", "person")]: 3}
    assert [u.pk for u in page.context["not_registered"]] == [other_unit.pk]
    response = client.get(reverse("pledges:round_export", args=[registration_round.pk]))
    workbook = openpyxl.load_workbook(BytesIO(response.content))
    summary = workbook.worksheets[0]
    values = [list(row) for row in summary.iter_rows(values_only=True)]
    our_row = next(row for row in values if our_unit.name in row)
    assert our_row[-1] == 4 and 3 in our_row and 1 in our_row
    assert any(other_unit.name in row for row in workbook.worksheets[2].iter_rows(values_only=True))
    # Ready to print: every sheet's table, the summary under its title and export date.
    assert_print_ready(summary, header_row=3, header_last=4)
    assert summary["A1"].value and summary["A1"].font.b
    assert summary.freeze_panes == "C5"
    assert summary.column_dimensions["B"].width >= len(our_unit.name)
    assert_print_ready(workbook.worksheets[1], header_row=1, dated=False)
    assert_print_ready(workbook.worksheets[2], header_row=1, dated=False)


def test_my_registration_get_does_not_create_post_does(
    client, officer, registration_round, our_unit
):
    client.force_login(officer)
    url = reverse("pledges:my_registration", args=[registration_round.pk])
    assert client.get(url).status_code == 200
    assert not Registration.objects.exists()
    response = client.post(url)
    registration = Registration.objects.get(round=registration_round, unit=our_unit)
    assert response.url == reverse("pledges:registration_detail", args=[registration.pk])
