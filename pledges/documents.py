"""The emulation pledge (giao ước thi đua) of a cluster as a printable Word document.

The layout is the Decree 30/2020/NĐ-CP one of core.docx; here are the pledge's own
parts: the opening sentence, the numbered commitments with their targets and the
signature blocks of the member units.

The document is always Vietnamese, whatever the interface language, so its fixed
strings are written here directly, without gettext. Nothing here touches the
database: callers pass plain data (``PledgeDocument``) and get the ``.docx`` bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from core.docx import (
    BLANK,
    FIRST_LINE_INDENT,
    TEXT_WIDTH,
    Heading,
    body_paragraph,
    cell_paragraph,
    date_phrase,
    fixed_table,
    heading_block,
    keep_rows_whole,
    lines,
    new_document,
    one_line,
    signature_room,
    title_block,
    to_bytes,
)

SIGNATURE_COLUMNS = 3

KEYWORDS = "giao ước thi đua"
CONTENTS_HEADING = "NỘI DUNG GIAO ƯỚC"
TARGET_LABEL = "Chỉ tiêu: "
CLOSING = "Các đơn vị thành viên cam kết thực hiện tốt các nội dung giao ước thi đua trên."
SIGNATURES_HEADING = "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC"
_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class CommitmentLine:
    content: str  # one emulation content (may contain line breaks)
    target: str = ""  # its measurable target (chỉ tiêu), may be ""


@dataclass(frozen=True)
class SignatureBlock:
    unit_name: str  # as it was at signing, e.g. "Thanh tra tỉnh Hưng Yên"
    position: str = ""  # e.g. "Chánh Thanh tra"; "" if not signed yet
    signatory_name: str = ""  # e.g. "Nguyễn Văn An"; "" if not signed yet
    signed: bool = False


@dataclass(frozen=True)
class PledgeDocument:
    cluster_name: str  # "Cụm Thi đua số 2"
    year: int
    title: str  # "Giao ước thi đua năm 2019"
    theme: str = ""
    preamble: str = ""  # paragraphs separated by line breaks or blank lines
    place_name: str = ""  # "Hà Nam"
    signing_date: date | None = None
    venue: str = ""  # "Thanh tra tỉnh Hà Nam"
    commitments: list[CommitmentLine] = field(default_factory=list)
    signatures: list[SignatureBlock] = field(default_factory=list)


def _opening_sentence(cluster_name: str, day: date | None, venue: str) -> str:
    """ "Hôm nay, ngày ..., tại ..., các đơn vị thành viên ... cùng ký kết ..." or ""."""
    members = f"các đơn vị thành viên {cluster_name}" if cluster_name else "các đơn vị thành viên"
    rest = f"{members} cùng ký kết giao ước thi đua với các nội dung sau:"
    if day and venue:
        return f"Hôm nay, {date_phrase(day)}, tại {venue}, {rest}"
    if day:
        return f"Hôm nay, {date_phrase(day)}, {rest}"
    if venue:
        return f"Tại {venue}, {rest}"
    return ""


def _theme_line(theme: str) -> str:
    theme = theme.strip(_QUOTES + " ")
    return f"Chủ đề: “{theme}”" if theme else ""


def _commitments(document, commitments: list[CommitmentLine]) -> None:
    heading = body_paragraph(document, CONTENTS_HEADING, bold=True, keep_with_next=True)
    heading.alignment = WD_ALIGN_PARAGRAPH.LEFT
    heading.paragraph_format.space_before = Pt(6)
    number = 0
    for commitment in commitments:
        contents = lines(commitment.content)
        targets = lines(commitment.target)
        if not contents and not targets:
            continue
        number += 1
        contents = contents or [""]
        contents[0] = f"{number}. {contents[0]}".rstrip()
        for index, line in enumerate(contents):
            # Keep the number with the rest of its content and with its target.
            last = index == len(contents) - 1
            body_paragraph(document, line, keep_with_next=not last or bool(targets))
        if targets:
            targets[0] = TARGET_LABEL + targets[0]
            for line in targets:
                body_paragraph(document, line, italic=True, indent=FIRST_LINE_INDENT)


def _signatures(document, signatures: list[SignatureBlock]) -> None:
    if not signatures:
        return
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(12)
    heading.paragraph_format.keep_with_next = True
    heading.add_run(SIGNATURES_HEADING).bold = True

    columns = min(SIGNATURE_COLUMNS, len(signatures))
    rows = -(-len(signatures) // columns)
    width = TEXT_WIDTH // columns
    table = fixed_table(document, rows, [width] * columns, cell_margin=Mm(1))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, block in enumerate(signatures):
        cell = table.cell(index // columns, index % columns)
        unit = lines(block.unit_name) or [BLANK]
        for line_index, line in enumerate(unit):
            cell_paragraph(cell, line.upper(), bold=True, first=line_index == 0)
        for line in lines(block.position) or [BLANK]:
            cell_paragraph(cell, line.upper(), bold=True)
        signature_room(cell)
        name = cell_paragraph(cell, one_line(block.signatory_name) or BLANK, bold=True)
        name.paragraph_format.space_after = Pt(18)
    keep_rows_whole(table)


def pledge_docx(document: PledgeDocument) -> bytes:
    """The pledge as ``.docx`` bytes, laid out for printing and signing."""
    title = one_line(document.title) or f"Giao ước thi đua năm {document.year}"
    cluster_name = one_line(document.cluster_name)
    word = new_document(title=title, author=cluster_name, keywords=KEYWORDS)
    heading_block(
        word,
        Heading(
            issuer=document.cluster_name,
            place_name=document.place_name,
            day=document.signing_date,
        ),
    )
    title_block(word, title, _theme_line(one_line(document.theme)))
    for paragraph in lines(document.preamble):
        body_paragraph(word, paragraph)
    opening = _opening_sentence(cluster_name, document.signing_date, one_line(document.venue))
    if opening:
        body_paragraph(word, opening)
    _commitments(word, list(document.commitments))
    body_paragraph(word, CLOSING)
    _signatures(word, list(document.signatures))
    return to_bytes(word)
