"""The cluster's award dossier (Law Art. 84): cover letter, lists, files, one .zip."""

import zipfile
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from core.exceptions import ActionRefused
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.dossier import (
    COVER_NAME,
    LIST_DOCX_NAME,
    LIST_XLSX_NAME,
    ascii_name,
    dossier_zip,
)
from tests.factories.evaluations import AwardProposalFactory, ProposalFileFactory
from tests.factories.units import (
    ClusterYearFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UserFactory,
)
from units.choices import Role

pytestmark = pytest.mark.django_db


def docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def docx_rows(data: bytes) -> list[list[str]]:
    table = Document(BytesIO(data)).tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture
def batch(titles, cluster_year, our_unit, other_unit):
    our_unit.province = "Hưng Yên"
    our_unit.save()
    cluster_year.chair_unit = our_unit
    cluster_year.save()
    an = PersonFactory(unit=our_unit, full_name="Nguyễn Văn An")
    binh = PersonFactory(unit=other_unit, full_name="Trần Thị Bình")
    proposals = [
        AwardProposalFactory(
            title=titles[("CSTDCS", "person")],
            cluster_year=cluster_year,
            unit=our_unit,
            person=an,
            summary="Chủ trì 05 cuộc thanh tra.",
        ),
        AwardProposalFactory(
            title=titles[("CSTDCS", "person")],
            cluster_year=cluster_year,
            unit=other_unit,
            person=binh,
            status=ProposalStatus.FORWARDED,
        ),
        AwardProposalFactory(
            title=titles[("CO_TTCP", "collective")],
            cluster_year=cluster_year,
            unit=our_unit,
            summary="Đơn vị dẫn đầu Cụm năm 2025.",
        ),
    ]
    ProposalFileFactory(proposal=proposals[0], original_name="Báo cáo thành tích.pdf")
    ProposalFileFactory(
        proposal=proposals[0],
        original_name="Báo cáo thành tích.pdf",
        file__data=b"%PDF-1.4\n%second\n",
    )
    return proposals


def test_dossier_zip_holds_cover_letter_lists_minutes_and_files(cluster_year, batch, our_unit):
    data = dossier_zip(
        cluster_year=cluster_year,
        proposals=batch,
        extra_files=[("Biên bản họp bình xét.docx", b"minutes")],
        vote_results={batch[0].pk: "9/9 phiếu tán thành (100%)"},
        day=date(2025, 12, 5),
    )
    archive = zipfile.ZipFile(BytesIO(data))
    names = archive.namelist()
    assert names[:3] == [COVER_NAME, LIST_DOCX_NAME, LIST_XLSX_NAME]
    assert "04_Tai_lieu_kem_theo/Bien_ban_hop_binh_xet.docx" in names
    assert archive.read("04_Tai_lieu_kem_theo/Bien_ban_hop_binh_xet.docx") == b"minutes"
    files = [n for n in names if n.startswith("05_Ho_so_tung_truong_hop/")]
    assert files == [
        "05_Ho_so_tung_truong_hop/01_Nguyen_Van_An_CSTDCS/Bao_cao_thanh_tich.pdf",
        "05_Ho_so_tung_truong_hop/01_Nguyen_Van_An_CSTDCS/Bao_cao_thanh_tich_2.pdf",
    ]
    assert archive.read(files[1]) == b"%PDF-1.4\n%second\n"
    assert all(name.isascii() for name in names)
    contents = archive.read("Muc_luc.txt").decode("utf-8-sig")
    assert "Biên bản họp bình xét.docx" in contents and "Nguyễn Văn An" in contents

    cover = docx_text(archive.read(COVER_NAME))
    cluster = cluster_year.cluster.name
    for text in (
        cluster.upper(),
        our_unit.name.upper(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: …/TTr-CTĐ",
        "Hưng Yên, ngày 05 tháng 12 năm 2025",
        "TỜ TRÌNH",
        "Về việc đề nghị khen thưởng năm 2025",
        "01 tập thể và 02 cá nhân",
        "- Chiến sĩ thi đua cơ sở: 02 cá nhân;",
        "- Cờ thi đua của Thanh tra Chính phủ: 01 tập thể;",
        "Hội đồng Thi đua - Khen thưởng ngành Thanh tra",
        "Nơi nhận:",
        f"TM. {cluster.upper()}",
        "CỤM TRƯỞNG",
    ):
        assert text in cover, text

    rows = docx_rows(archive.read(LIST_DOCX_NAME))
    assert rows[0][:4] == [
        "STT",
        "Tên tập thể, cá nhân",
        "Đơn vị",
        "Danh hiệu, hình thức khen thưởng",
    ]
    nominees = [r for r in rows[1:] if r[0].isdigit()]
    assert [(r[0], r[1], r[2], r[3]) for r in nominees] == [
        ("1", "Nguyễn Văn An", our_unit.name, "Chiến sĩ thi đua cơ sở"),
        ("2", "Trần Thị Bình", batch[1].unit.name, "Chiến sĩ thi đua cơ sở"),
        ("1", our_unit.name, our_unit.name, "Cờ thi đua của Thanh tra Chính phủ"),
    ]
    assert nominees[0][4] == "Chủ trì 05 cuộc thanh tra."
    assert nominees[0][5] == "9/9 phiếu tán thành (100%)"
    list_text = docx_text(archive.read(LIST_DOCX_NAME))
    assert "I. Chiến sĩ thi đua cơ sở (cá nhân)" in list_text
    assert "II. Cờ thi đua của Thanh tra Chính phủ (tập thể)" in list_text
    assert "Tổng cộng: 01 tập thể, 02 cá nhân." in list_text

    sheet = load_workbook(BytesIO(archive.read(LIST_XLSX_NAME))).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    people = [r for r in values if isinstance(r[0], int)]
    assert [(r[1], r[2], r[4]) for r in people] == [
        ("Nguyễn Văn An", "cá nhân", "Chiến sĩ thi đua cơ sở"),
        ("Trần Thị Bình", "cá nhân", "Chiến sĩ thi đua cơ sở"),
        (our_unit.name, "tập thể", "Cờ thi đua của Thanh tra Chính phủ"),
    ]
    assert any(r[1] == "Tổng cộng: 1 tập thể, 2 cá nhân" for r in values)


def test_a_missing_stored_file_is_listed_not_fatal(cluster_year, batch, settings, tmp_path):
    stored = batch[0].files.first()
    (tmp_path / stored.file.name).unlink()
    archive = zipfile.ZipFile(BytesIO(dossier_zip(cluster_year=cluster_year, proposals=batch)))
    assert len([n for n in archive.namelist() if n.startswith("05_")]) == 1
    assert "THIẾU TỆP" in archive.read("Muc_luc.txt").decode("utf-8-sig")


def test_dossier_refuses_other_statuses_other_years_and_empty_batches(titles, cluster_year, batch):
    draft = AwardProposalFactory(
        title=titles[("LDTT", "person")],
        cluster_year=cluster_year,
        person=PersonFactory(),
        status=ProposalStatus.DRAFT,
    )
    elsewhere = AwardProposalFactory(title=titles[("LDTT", "person")], person=PersonFactory())
    for proposals in ([*batch, draft], [*batch, elsewhere], []):
        with pytest.raises(ActionRefused):
            dossier_zip(cluster_year=cluster_year, proposals=proposals)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tờ trình đề nghị.docx", "To_trinh_de_nghi.docx"),
        ("Đơn vị: Hải Dương / 2025.PDF", "Don_vi_Hai_Duong_2025.pdf"),
        ("../../etc/passwd", "etc_passwd"),
        ("", "tep"),
        ("ảnh.jpeg", "anh.jpeg"),
    ],
)
def test_ascii_names_inside_the_zip(name, expected):
    assert ascii_name(name) == expected


# --- the download ----------------------------------------------------------------------------


def url(cluster_year):
    return reverse("evaluations:cluster_year_dossier", args=[cluster_year.pk])


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("secretariat", 200),
        ("officer", 403),
        ("leader", 403),
        ("other_officer", 403),
        ("outsider", 403),
        ("viewer", 403),
    ],
)
def test_dossier_download_permissions(client, user_of, cluster_year, batch, role, status):
    client.force_login(user_of(role))
    response = client.get(url(cluster_year))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/zip"
        assert "attachment" in response["Content-Disposition"]
        assert zipfile.ZipFile(BytesIO(response.content)).namelist()[0] == COVER_NAME
    else:
        assert "Chủ trì 05 cuộc thanh tra" not in response.content.decode()


def test_secretariat_of_another_cluster_year_gets_403(client, cluster_year, batch):
    user = UserFactory()
    RoleAssignmentFactory(
        user=user, role=Role.SECRETARIAT, unit=None, cluster_year=ClusterYearFactory(year=2024)
    )
    client.force_login(user)
    assert client.get(url(cluster_year)).status_code == 403


def test_dossier_download_needs_sign_in(client, cluster_year):
    response = client.get(url(cluster_year))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_dossier_takes_endorsed_and_forwarded_proposals_only(
    client, secretariat, titles, cluster_year, batch
):
    for status in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.REJECTED):
        AwardProposalFactory(
            title=titles[("LDTT", "person")],
            cluster_year=cluster_year,
            person=PersonFactory(full_name=f"Người {status}"),
            status=status,
        )
    AwardProposalFactory(
        title=titles[("LDTT", "person")],
        cluster_year=cluster_year,
        person=PersonFactory(full_name="Người đã duyệt"),
        status=ProposalStatus.APPROVED,
        decision_number="1/QĐ-TTCP",
        decision_date=date(2026, 1, 10),
    )
    client.force_login(secretariat)
    archive = zipfile.ZipFile(BytesIO(client.get(url(cluster_year)).content))
    sheet = load_workbook(BytesIO(archive.read(LIST_XLSX_NAME))).active
    names = [r[1] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", batch[2].unit.name]


def test_dossier_without_proposals_sends_back_to_the_cluster_year(
    client, secretariat, cluster_year
):
    client.force_login(secretariat)
    response = client.get(url(cluster_year))
    assert response.status_code == 302
    assert response.url == reverse(
        "units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year]
    )


def test_cluster_year_page_offers_the_dossier_to_its_secretariat(client, secretariat, cluster_year):
    client.force_login(secretariat)
    page = reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year])
    assert url(cluster_year) in client.get(page).content.decode()


@pytest.mark.parametrize("count", [1, 10])
def test_dossier_download_costs_constant_queries(
    client, secretariat, titles, cluster_year, our_unit, count, django_assert_max_num_queries
):
    for index in range(count):
        proposal = AwardProposalFactory(
            title=titles[("CSTDCS", "person")],
            cluster_year=cluster_year,
            unit=our_unit,
            person=PersonFactory(unit=our_unit),
        )
        ProposalFileFactory(proposal=proposal, original_name=f"Tệp {index}.pdf")
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(url(cluster_year))
    assert response.status_code == 200
    names = zipfile.ZipFile(BytesIO(response.content)).namelist()
    assert len([n for n in names if n.startswith("05_")]) == count
