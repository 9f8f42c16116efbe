"""The decision's Word documents from templates (docxtpl): the shipped Decree 30 default,
an uploaded template per kind of decision, and a broken template's message."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from docx import Document

from core.exceptions import ActionRefused
from evaluations.decisions.admin import DecisionTemplateForm
from evaluations.decisions.choices import DecisionKind, DocumentKind
from evaluations.decisions.documents import decision_document, default_template_path
from evaluations.decisions.models import DecisionTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def text_of(data: bytes) -> str:
    """Every paragraph of the document, tables' cells included, one per line."""
    document = Document(BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
                for inner in cell.tables:
                    texts += [c.text for r in inner.rows for c in r.cells]
    return "\n".join(texts)


def template_with(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_default_decision_has_the_decree_30_layout_and_its_annex(recorded):
    text = text_of(decision_document(recorded, DocumentKind.DECISION))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số: 123/QĐ-TTCP" in text
    assert "Hà Nội, ngày 20 tháng 12 năm 2025" in text
    assert "TỔNG THANH TRA CHÍNH PHỦ" in text
    assert "Về việc tặng Bằng khen của Tổng Thanh tra Chính phủ" in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
    assert "KT. TỔNG THANH TRA CHÍNH PHỦ" in text
    assert "PHÓ TỔNG THANH TRA" in text and "Nguyễn Văn Ký" in text
    # The annex: collectives, then individuals, with the register numbers and the amounts.
    assert "I. TẬP THỂ" in text and "II. CÁ NHÂN" in text
    assert "Trần Thị Lan" in text and "3.510.000" in text
    assert "{{" not in text and "{%" not in text


def test_the_draft_has_an_empty_number(draft):
    text = text_of(decision_document(draft, DocumentKind.DECISION))
    assert "/QĐ-TTCP" in text and "Số: 123" not in text
    assert "ngày ... tháng ... năm ..." in text


def test_the_submission_lists_the_nominees(draft):
    text = text_of(decision_document(draft, DocumentKind.SUBMISSION))
    assert "TỜ TRÌNH" in text
    assert "Kính gửi: Tổng Thanh tra Chính phủ" in text
    assert "Trần Thị Lan" in text
    assert "1 tập thể và 1 cá nhân" in text


def test_an_uploaded_template_replaces_the_default_for_its_kind(draft):
    DecisionTemplate.objects.create(
        decision_kind=DecisionKind.COMMENDATION,
        document=DocumentKind.DECISION,
        file=SimpleUploadedFile("mau.docx", template_with("Mẫu riêng: {{ authority_name }}")),
    )
    text = text_of(decision_document(draft, DocumentKind.DECISION))
    assert text.strip() == "Mẫu riêng: Tổng Thanh tra Chính phủ"
    # The other document keeps the default.
    assert "TỜ TRÌNH" in text_of(decision_document(draft, DocumentKind.SUBMISSION))


def test_an_unknown_placeholder_is_named(draft):
    DecisionTemplate.objects.create(
        decision_kind=DecisionKind.COMMENDATION,
        document=DocumentKind.DECISION,
        file=SimpleUploadedFile("mau.docx", template_with("{{ ten_nguoi_ky }}")),
    )
    with pytest.raises(ActionRefused, match="ten_nguoi_ky"):
        decision_document(draft, DocumentKind.DECISION)


def test_a_line_attribute_that_does_not_exist_is_named(draft):
    DecisionTemplate.objects.create(
        decision_kind=DecisionKind.COMMENDATION,
        document=DocumentKind.DECISION,
        file=SimpleUploadedFile(
            "mau.docx",
            template_with("{%p for line in lines %}", "{{ line.chuc_vu }}", "{%p endfor %}"),
        ),
    )
    with pytest.raises(ActionRefused, match="chuc_vu"):
        decision_document(draft, DocumentKind.DECISION)


def upload_form(content: bytes, name="mau.docx"):
    return DecisionTemplateForm(
        data={"decision_kind": DecisionKind.COMMENDATION, "document": DocumentKind.DECISION},
        files={"file": SimpleUploadedFile(name, content)},
    )


def test_the_admin_refuses_bad_jinja_with_a_vietnamese_message():
    with translation.override("vi"):
        form = upload_form(template_with("Số: {{ authority_name }"))
        assert not form.is_valid()
        message = form.errors["file"][0]
    assert message.startswith("Mẫu văn bản có lỗi cú pháp ở biến gần “{{ authority_name }")


def test_the_admin_refuses_an_unknown_placeholder_naming_it_in_vietnamese():
    with translation.override("vi"):
        form = upload_form(template_with("{{ so_quyet_dinh }}"))
        assert not form.is_valid()
        message = form.errors["file"][0]
    assert message.startswith("Mẫu văn bản dùng biến “so_quyet_dinh” không tồn tại.")


def test_the_admin_refuses_a_file_that_is_no_word_document():
    form = upload_form(b"not a docx")
    assert not form.is_valid()


def test_the_admin_accepts_the_default_templates():
    form = upload_form(default_template_path("decision").read_bytes())
    assert form.is_valid(), form.errors


def test_the_admin_page_lists_the_placeholders(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/evaluations/decisiontemplate/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "{{ authority_name }}" in html and "{{ line.reason }}" in html
