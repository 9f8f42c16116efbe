"""Write the default Word templates of award decisions (Decree 30/2020 layout) with their
docxtpl placeholders: evaluations/decisions/default_templates/{decision,submission}.docx.

Run once when the layout changes (`.venv/bin/python -m scripts.make_decision_templates`) and
commit the files; the office replaces them per kind of decision in the admin. Every
placeholder is written as one run, so that Word's spell checker and docxtpl agree on it.
"""

from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from core.docx import (
    BODY_RULE_LENGTH,
    BODY_SIZE,
    HEADING_LEFT_WIDTH,
    HEADING_RIGHT_WIDTH,
    LANDSCAPE_TEXT_WIDTH,
    MOTTO,
    MOTTO_RULE_LENGTH,
    NATIONAL_NAME,
    NATIONAL_NAME_SIZE,
    TEXT_WIDTH,
    body_paragraph,
    cell_paragraph,
    fixed_table,
    grid_table,
    keep_rows_whole,
    new_document,
    repeat_header_row,
    rule,
    signature_room,
    styled_run,
    to_bytes,
)

OUT = Path(__file__).resolve().parent.parent / "evaluations" / "decisions" / "default_templates"


def heading(document, number_placeholder: str) -> None:
    table = fixed_table(document, 1, [HEADING_LEFT_WIDTH, HEADING_RIGHT_WIDTH], cell_margin=0)
    left, right = table.rows[0].cells
    cell_paragraph(left, "{{ issuer }}", bold=True, first=True)
    rule(left.add_paragraph(), BODY_RULE_LENGTH, HEADING_LEFT_WIDTH)
    cell_paragraph(left, "{{ " + number_placeholder + " }}")
    cell_paragraph(right, NATIONAL_NAME, bold=True, size=NATIONAL_NAME_SIZE, first=True)
    cell_paragraph(right, MOTTO, bold=True, size=BODY_SIZE)
    rule(right.add_paragraph(), MOTTO_RULE_LENGTH, HEADING_RIGHT_WIDTH)
    keep_rows_whole(table)
    date_line = document.add_paragraph()
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.paragraph_format.space_before = Pt(6)
    styled_run(date_line, "{{ place_date }}", italic=True)


def centred(document, text, *, bold=False, italic=False, size=None, before=0, after=0):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    styled_run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def control(document, tag: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p ... %}): it disappears when filled."""
    document.add_paragraph(tag)


def signature(document, recipients: list[str]) -> None:
    table = fixed_table(document, 1, [Mm(80), Mm(85)], cell_margin=0)
    left, right = table.rows[0].cells
    for index, text in enumerate(recipients):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        first = index == 0
        styled_run(paragraph, text, bold=first, italic=first, size=Pt(12 if first else 11))
    cell_paragraph(right, "{{ signer_heading }}", bold=True, first=True)
    cell_paragraph(right, "{{ signer_position }}", bold=True)
    signature_room(right)
    cell_paragraph(right, "{{ signer_name }}", bold=True)
    keep_rows_whole(table)


def lines_table(document, rows: str, *, with_amount: bool, width) -> None:
    headers = ["STT", "Tên tập thể, cá nhân", "Đơn vị", "Danh hiệu, hình thức", "Thành tích"]
    # The number, name, unit and title columns take these shares; the reason takes the rest.
    fixed = [Mm(12), width * 22 // 100, width * 20 // 100, width * 16 // 100]
    if with_amount:
        headers.append("Tiền thưởng (đồng)")
        fixed.append(Mm(30))
    widths = [*fixed[:4], width - sum(fixed), *fixed[4:]]
    table = grid_table(document, headers, widths)
    repeat_header_row(table)
    start = table.add_row().cells
    cell_paragraph(start[0], "{%tr for line in " + rows + " %}", first=True)
    row = table.add_row().cells
    values = ["{{ line.no }}", "{{ line.name }}", "{{ line.unit }}", "{{ line.title }}",
              "{{ line.reason }}"]  # fmt: skip
    if with_amount:
        values.append("{{ line.amount }}")
    for cell, text in zip(row, values, strict=True):
        cell_paragraph(cell, text, first=True)
    end = table.add_row().cells
    cell_paragraph(end[0], "{%tr endfor %}", first=True)


def decision_template() -> bytes:
    document = new_document(
        title="Quyết định khen thưởng", author="{{ authority_name }}", keywords="quyết định"
    )
    heading(document, "number_line")
    centred(document, "QUYẾT ĐỊNH", bold=True, size=Pt(14), before=18)
    centred(document, "{{ subject }}", bold=True, after=6)
    centred(document, "{{ authority_heading }}", bold=True, before=6, after=12)
    control(document, "{%p for basis in legal_bases %}")
    body_paragraph(document, "{{ basis }}", italic=True)
    control(document, "{%p endfor %}")
    body_paragraph(
        document,
        "Xét đề nghị của {{ cluster_name }} và của Hội đồng Thi đua - Khen thưởng,",
        italic=True,
    )
    centred(document, "QUYẾT ĐỊNH:", bold=True, before=12, after=6)
    body_paragraph(
        document,
        "Điều 1. Tặng danh hiệu, hình thức khen thưởng cho {{ collective_count }} tập thể và "
        "{{ individual_count }} cá nhân có tên trong danh sách kèm theo Quyết định này, đã có "
        "thành tích xuất sắc trong phong trào thi đua năm {{ year }}.",
    )
    body_paragraph(
        document,
        "Điều 2. Tiền thưởng kèm theo thực hiện theo quy định của Luật Thi đua, khen thưởng và "
        "các văn bản hướng dẫn thi hành; tổng số tiền thưởng: {{ total_amount }} đồng.",
    )
    body_paragraph(
        document,
        "Điều 3. Quyết định này có hiệu lực kể từ ngày {{ effective_date }}. Thủ trưởng các "
        "đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
        "hành Quyết định này./.",
    )
    signature(document, ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TĐKT."])

    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE  # the annex is a wide list
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    centred(document, "DANH SÁCH", bold=True, size=Pt(14))
    centred(document, "{{ subject }}", bold=True)
    centred(
        document,
        "(Kèm theo Quyết định {{ number_line }} ngày {{ date }} của {{ authority_name }})",
        italic=True,
        after=12,
    )
    control(document, "{%p if collectives %}")
    document.add_paragraph().add_run("I. TẬP THỂ").bold = True
    lines_table(document, "collectives", with_amount=True, width=LANDSCAPE_TEXT_WIDTH)
    control(document, "{%p endif %}")
    control(document, "{%p if individuals %}")
    document.add_paragraph().add_run("II. CÁ NHÂN").bold = True
    lines_table(document, "individuals", with_amount=True, width=LANDSCAPE_TEXT_WIDTH)
    control(document, "{%p endif %}")
    return to_bytes(document)


def submission_template() -> bytes:
    document = new_document(
        title="Tờ trình đề nghị khen thưởng", author="{{ authority_name }}", keywords="tờ trình"
    )
    heading(document, "submission_number_line")
    centred(document, "TỜ TRÌNH", bold=True, size=Pt(14), before=18)
    centred(document, "{{ subject }}", bold=True, after=12)
    centred(document, "Kính gửi: {{ authority_name }}", after=12)
    body_paragraph(
        document,
        "Căn cứ Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành; trên cơ "
        "sở đề nghị của {{ cluster_name }} và kết quả xét của Hội đồng Thi đua - Khen thưởng, "
        "kính trình {{ authority_name }} xem xét, quyết định khen thưởng năm {{ year }} cho "
        "{{ collective_count }} tập thể và {{ individual_count }} cá nhân, cụ thể:",
    )
    control(document, "{%p for item in title_counts %}")
    body_paragraph(document, "- {{ item.title }}: {{ item.count }};")
    control(document, "{%p endfor %}")
    body_paragraph(
        document,
        "(Có danh sách và dự thảo Quyết định kèm theo). Tổng số tiền thưởng dự kiến: "
        "{{ total_amount }} đồng.",
    )
    body_paragraph(document, "Kính trình {{ authority_name }} xem xét, quyết định./.")
    signature(document, ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TĐKT."])
    lines_heading = document.add_paragraph()
    lines_heading.paragraph_format.space_before = Pt(12)
    lines_heading.add_run("DANH SÁCH ĐỀ NGHỊ").bold = True
    lines_table(document, "lines", with_amount=False, width=TEXT_WIDTH)
    return to_bytes(document)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "decision.docx").write_bytes(decision_template())
    (OUT / "submission.docx").write_bytes(submission_template())
    print(f"wrote {OUT / 'decision.docx'} and {OUT / 'submission.docx'}")


if __name__ == "__main__":
    main()
