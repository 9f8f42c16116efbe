"""The minutes of the selection meeting (biên bản họp bình xét) as a Word document.

The Decree 30/2020/NĐ-CP layout of core.docx: A4, Times New Roman 13 pt, the cluster
opposite the national heading, place and date line, title in upper case; then attendance,
the tally table per question, the result, and the signature blocks of the secretary and
the chair. Always Vietnamese, like every administrative document here, so its fixed strings
are written directly. No database access: callers pass plain data (``MinutesDocument``)
and get the ``.docx`` bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from core.docx import (
    BLANK,
    TEXT_WIDTH,
    Heading,
    body_paragraph,
    cell_paragraph,
    content_widths,
    date_phrase,
    fixed_table,
    grid_table,
    heading_block,
    keep_rows_whole,
    new_document,
    one_line,
    repeat_header_row,
    signature_room,
    size_columns,
    title_block,
    to_bytes,
)

TITLE = "Biên bản họp bình xét thi đua, khen thưởng"
KEYWORDS = "biên bản bình xét"
PAPER_NOTE = "Kết quả được nhập từ phiếu bầu giấy."
ONLINE_NOTE = "Hình thức: bỏ phiếu kín trên hệ thống thidua."
TIE_NOTE = (
    "Có số phiếu bằng nhau tại vị trí cuối cùng của số lượng: tổ chức bỏ phiếu vòng hai "
    "hoặc Cụm trưởng và Cụm phó quyết định."
)
HEADERS = ["STT", "Đơn vị / cá nhân", "Số phiếu đồng ý", "Tỷ lệ (%)", "Kết quả"]


@dataclass(frozen=True)
class CandidateLine:
    name: str
    votes: int
    percent: Decimal
    passed: bool
    elected: bool
    tie: bool = False


@dataclass(frozen=True)
class QuestionBlock:
    text: str
    places: int
    threshold_percent: Decimal
    candidates: list[CandidateLine] = field(default_factory=list)


@dataclass(frozen=True)
class MinutesDocument:
    cluster_name: str
    year: int
    ballot_title: str
    # The province or city of the issuing body, for the date line ("Hà Nam, ngày ...");
    # place_name is where the meeting took place, named in the opening sentence.
    city_name: str = ""
    place_name: str = ""
    meeting_date: date | None = None
    eligible: int = 0
    present: int | None = None
    cast: int = 0
    quorum_label: str = "2/3"
    quorum_met: bool = False
    is_paper: bool = False
    chair_name: str = ""
    secretary_name: str = ""
    questions: list[QuestionBlock] = field(default_factory=list)


def _number(value: Decimal) -> str:
    """12.50 -> "12,5" (Vietnamese decimal comma)."""
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def _outcome(line: CandidateLine) -> str:
    if line.elected:
        return "Đạt, được đề nghị"
    if line.tie:
        return "Đạt, bằng phiếu"
    if line.passed:
        return "Đạt, ngoài số lượng"
    return "Không đạt"


def _tally_table(document, question: QuestionBlock) -> None:
    """The tally, its columns sized to the names and outcomes, its header on every page."""
    rows = [
        [
            str(index),
            one_line(line.name),
            str(line.votes),
            _number(line.percent),
            _outcome(line),
        ]
        for index, line in enumerate(question.candidates, start=1)
    ]
    widths = content_widths(HEADERS, rows, TEXT_WIDTH)
    table = grid_table(document, HEADERS, widths)
    for values in rows:
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            paragraph = cell_paragraph(cell, text, first=True)
            if column == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    size_columns(table, widths)
    repeat_header_row(table)
    keep_rows_whole(table)


def _result_sentence(question: QuestionBlock, quorum_met: bool) -> str:
    if not quorum_met:
        return (
            "Kết quả: không đủ số phiếu tối thiểu (túc số) nên không có đơn vị, cá nhân nào "
            "được đề nghị."
        )
    elected = [c.name for c in question.candidates if c.elected]
    if elected:
        return "Kết quả: đề nghị " + "; ".join(one_line(n) for n in elected) + "."
    return "Kết quả: không có đơn vị, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."


def _signatures(document, chair: str, secretary: str) -> None:
    width = TEXT_WIDTH // 2
    table = fixed_table(document, 1, [width, width], cell_margin=Mm(1))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, role, name in zip(
        table.rows[0].cells, ("THƯ KÝ", "CHỦ TRÌ"), (secretary, chair), strict=True
    ):
        cell_paragraph(cell, role, bold=True, first=True)
        cell_paragraph(cell, "(Ký, ghi rõ họ tên)", italic=True)
        signature_room(cell)
        cell_paragraph(cell, one_line(name) or BLANK, bold=True)
    keep_rows_whole(table)


def minutes_docx(minutes: MinutesDocument) -> bytes:
    """The minutes as ``.docx`` bytes, ready to print and sign."""
    word = new_document(title=TITLE, author=minutes.cluster_name, keywords=KEYWORDS)
    heading = Heading(
        issuer=minutes.cluster_name, place_name=minutes.city_name, day=minutes.meeting_date
    )
    heading_block(word, heading)
    title_block(word, TITLE, one_line(minutes.ballot_title))

    where = f", tại {one_line(minutes.place_name)}" if minutes.place_name else ""
    when = date_phrase(minutes.meeting_date) if minutes.meeting_date else BLANK
    body_paragraph(
        word,
        f"Hôm nay, {when}{where}, {one_line(minutes.cluster_name)} tổ chức họp bình xét, "
        f"bỏ phiếu kín năm {minutes.year}.",
    )
    present = minutes.present if minutes.present is not None else minutes.cast
    body_paragraph(word, "I. THÀNH PHẦN", bold=True, keep_with_next=True)
    body_paragraph(word, f"Tổng số thành viên có quyền biểu quyết: {minutes.eligible}.")
    body_paragraph(word, f"Số thành viên có mặt: {present}/{minutes.eligible}.")
    body_paragraph(
        word,
        f"Chủ trì: {one_line(minutes.chair_name) or BLANK}. "
        f"Thư ký: {one_line(minutes.secretary_name) or BLANK}.",
    )

    body_paragraph(word, "II. KẾT QUẢ BỎ PHIẾU", bold=True, keep_with_next=True)
    body_paragraph(word, PAPER_NOTE if minutes.is_paper else ONLINE_NOTE)
    body_paragraph(word, f"Số phiếu phát ra: {minutes.eligible}; số phiếu thu về: {minutes.cast}.")
    if minutes.quorum_met:
        body_paragraph(
            word,
            f"Số phiếu thu về đạt tỷ lệ tối thiểu {minutes.quorum_label} tổng số "
            "thành viên: cuộc bỏ phiếu hợp lệ.",
        )
    else:
        body_paragraph(
            word,
            f"Số phiếu thu về không đạt tỷ lệ tối thiểu {minutes.quorum_label} tổng "
            "số thành viên: cuộc bỏ phiếu không đủ túc số.",
            bold=True,
        )
    body_paragraph(
        word,
        "Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên có quyền biểu quyết.",
        italic=True,
    )

    for number, question in enumerate(minutes.questions, start=1):
        body_paragraph(
            word,
            f"{number}. {one_line(question.text)} (số lượng: {question.places}; tỷ lệ "
            f"đồng ý tối thiểu: {_number(question.threshold_percent)}%)",
            bold=True,
            keep_with_next=True,
        )
        _tally_table(word, question)
        body_paragraph(word, _result_sentence(question, minutes.quorum_met))
        if any(c.tie for c in question.candidates):
            body_paragraph(word, TIE_NOTE, italic=True)

    body_paragraph(word, "Biên bản được lập xong cùng ngày, đã được thông qua tại cuộc họp.")
    _signatures(word, minutes.chair_name, minutes.secretary_name)
    return to_bytes(word)
