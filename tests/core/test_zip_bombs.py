"""Zip bombs: an uploaded .xlsx/.docx that unpacks to far more than it holds is refused from the
archive's directory, before any parser (openpyxl) reads it, and nothing is imported."""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from campaigns.models import Criterion
from core import imports
from core.exceptions import ActionRefused
from core.uploads import DOCUMENTS, check_upload, check_zip_container
from evaluations.awards.models import AwardRecord
from units.models import Person

MB = 1024 * 1024
BOMB_MESSAGE = "Tệp giải nén ra nhiều dữ liệu hơn hẳn kích thước của nó"


def workbook_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bomb_xlsx(padding_mb=101) -> bytes:
    """A real workbook (header and one row) whose sheet XML is padded with `padding_mb` MB of
    spaces: about 100 KB packed, over the unpacked limit and far over the ratio."""
    source = zipfile.ZipFile(BytesIO(workbook_bytes([["Họ và tên", "Giới tính"], ["An", "Nam"]])))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(info.filename, data)
                continue
            head, tail = data.rsplit(b"</worksheet>", 1)
            with bomb.open(info.filename, "w", force_zip64=True) as member:
                member.write(head)
                chunk = b" " * MB
                for _ in range(padding_mb):
                    member.write(chunk)
                member.write(b"</worksheet>" + tail)
    return buffer.getvalue()


def zip_of(members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("a.xlsx", buffer.getvalue())


@pytest.fixture(scope="module")
def bomb():
    return bomb_xlsx()


@pytest.fixture
def no_parsing(monkeypatch):
    """Fails the test if openpyxl is asked to open the upload."""

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(imports, "load_workbook", refuse)


def test_bomb_is_small_on_disk(bomb):
    assert len(bomb) < 1 * MB
    sizes = [i.file_size for i in zipfile.ZipFile(BytesIO(bomb)).infolist()]
    assert sum(sizes) > 100 * MB


def test_container_refused_by_unpacked_size():
    upload = zip_of({"a.xml": b"<a/>" * 1000, "b.xml": bytes(range(256)) * 40})
    with pytest.raises(ActionRefused):
        check_zip_container(upload, max_unpacked=5000)
    check_zip_container(upload, max_unpacked=20000)
    assert upload.tell() == 0


def test_container_refused_by_ratio_of_a_large_member():
    upload = zip_of({"sheet.xml": b" " * (2 * MB)})
    with pytest.raises(ActionRefused):
        check_zip_container(upload)
    # A member below the floor may compress as much as it likes.
    check_zip_container(zip_of({"sheet.xml": b" " * 1000}))


def test_container_refused_by_number_of_entries():
    upload = zip_of({f"x/{i}.xml": b"<a/>" for i in range(30)})
    with pytest.raises(ActionRefused):
        check_zip_container(upload, max_entries=20)
    check_zip_container(upload, max_entries=30)


def test_attachment_upload_refuses_a_bomb(bomb):
    with pytest.raises(ActionRefused):
        check_upload(SimpleUploadedFile("bao-cao.xlsx", bomb), allowed=DOCUMENTS, max_bytes=MB)


def test_ordinary_workbook_passes():
    rows = [["Nguyễn Văn An", "Nam", "Thanh tra viên", i] for i in range(3000)]
    check_zip_container(SimpleUploadedFile("a.xlsx", workbook_bytes(rows)))


@pytest.mark.django_db
def test_staff_import_refuses_bomb_before_parsing(client, officer, our_unit, bomb, no_parsing):
    client.force_login(officer)
    response = client.post(
        reverse("units:staff_import", args=[our_unit.pk]),
        {"file": SimpleUploadedFile("danh-sach.xlsx", bomb)},
    )
    assert response.status_code == 200
    assert BOMB_MESSAGE in " ".join(response.context["form"].errors["file"])
    assert BOMB_MESSAGE in response.content.decode()
    assert not Person.objects.filter(unit=our_unit).exists()


@pytest.mark.django_db
def test_award_import_refuses_bomb_before_parsing(client, secretariat, bomb, no_parsing):
    client.force_login(secretariat)
    response = client.post(
        reverse("evaluations:award_import"), {"file": SimpleUploadedFile("kt.xlsx", bomb)}
    )
    assert response.status_code == 200
    assert BOMB_MESSAGE in " ".join(response.context["form"].errors["file"])
    assert not AwardRecord.objects.exists()


@pytest.mark.django_db
def test_rubric_import_refuses_bomb_before_parsing(client, secretariat, rubric, bomb, no_parsing):
    before = list(Criterion.objects.filter(rubric=rubric).values_list("pk", flat=True))
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:rubric_import", args=[rubric.pk]),
        {"file": SimpleUploadedFile("tieu-chi.xlsx", bomb)},
    )
    assert response.status_code == 200
    assert BOMB_MESSAGE in " ".join(response.context["form"].errors["file"])
    assert list(Criterion.objects.filter(rubric=rubric).values_list("pk", flat=True)) == before
