"""The award dossier's papers are ready to print (issue 15): the cover letter's counts and
signer, the nominee list's sized columns, repeated header and whole rows."""

import zipfile
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from core.docx import LANDSCAPE_TEXT_WIDTH
from evaluations.proposals.dossier import COVER_NAME, LIST_DOCX_NAME, LIST_XLSX_NAME
from tests.factories.evaluations import AwardProposalFactory
from tests.factories.units import PersonFactory, RoleAssignmentFactory, UserFactory
from tests.helpers.print_ready import assert_print_ready
from units.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people_only(titles, cluster_year, our_unit, other_unit):
    """Two people proposed for the same title, no collective; our unit chairs the cluster."""
    our_unit.province = "Hưng Yên"
    our_unit.save()
    cluster_year.chair_unit = our_unit
    cluster_year.save()
    for unit, name in ((our_unit, "Nguyễn Văn An"), (other_unit, "Trần Thị Bình")):
        AwardProposalFactory(
            title=titles[("CSTDCS", "person")],
            cluster_year=cluster_year,
            unit=unit,
            person=PersonFactory(unit=unit, full_name=name),
            summary="Hoàn thành xuất sắc nhiệm vụ; chủ trì 05 cuộc thanh tra diện rộng. " * 3,
        )


def download(client, secretariat, cluster_year) -> zipfile.ZipFile:
    client.force_login(secretariat)
    response = client.get(reverse("evaluations:cluster_year_dossier", args=[cluster_year.pk]))
    assert response.status_code == 200
    return zipfile.ZipFile(BytesIO(response.content))


def paragraphs(data: bytes) -> list[str]:
    document = Document(BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def test_cover_letter_counts_only_who_is_proposed_and_names_the_signer(
    client, secretariat, cluster_year, our_unit, people_only
):
    chair_leader = UserFactory(unit=our_unit, display_name="Lê Văn Trưởng")
    RoleAssignmentFactory(user=chair_leader, role=Role.UNIT_LEADER, unit=our_unit)
    archive = download(client, secretariat, cluster_year)
    cover = paragraphs(archive.read(COVER_NAME))
    text = "\n".join(cover)
    assert "khen thưởng cho 02 cá nhân thuộc các đơn vị thành viên" in text
    assert "00" not in text.replace("2025", "")
    assert "- Chiến sĩ thi đua cơ sở: 02 cá nhân;" in cover
    # The cluster chair's leader signs under "CỤM TRƯỞNG", not a row of dots.
    signer = cover.index("CỤM TRƯỞNG")
    assert "Lê Văn Trưởng" in cover[signer:]
    listing = "\n".join(paragraphs(archive.read(LIST_DOCX_NAME)))
    assert "Tổng cộng: 02 cá nhân." in listing and "00 tập thể" not in listing


def test_cover_letter_without_a_leader_leaves_the_name_to_write_by_hand(
    client, secretariat, cluster_year, people_only
):
    cover = paragraphs(download(client, secretariat, cluster_year).read(COVER_NAME))
    signer = cover.index("CỤM TRƯỞNG")
    assert "............" in cover[signer:]


def test_nominee_list_prints_with_its_header_on_every_page(
    client, secretariat, cluster_year, people_only
):
    archive = download(client, secretariat, cluster_year)
    table = Document(BytesIO(archive.read(LIST_DOCX_NAME))).tables[-1]
    header, *rows = table.rows
    assert header.cells[0].text == "STT"
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows)
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) <= LANDSCAPE_TEXT_WIDTH * 1440 // 914400
    number, _name, _unit, _title, summary, _vote = widths
    assert summary == max(widths) and number == min(widths)

    sheet = load_workbook(BytesIO(archive.read(LIST_XLSX_NAME))).active
    assert_print_ready(sheet, header_row=4)
    assert sheet["A1"].value.startswith("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Ngày xuất: {today}" in [c.value for c in sheet[2]]
