"""The cluster's award dossier (hồ sơ đề nghị khen thưởng, Law on Emulation and Commendation
2022 Art. 84) as one .zip: the cover letter (tờ trình) and the list of nominees (danh sách)
as Word documents in the Decree 30/2020 layout, the list again as .xlsx, extra documents
passed in (e.g. the minutes of the ballot) and every file attached to the proposals, one
folder per nominee.

Like the pledge document, the papers are always Vietnamese whatever the interface language,
so their fixed strings are written here directly, without gettext. File names inside the
archive are Vietnamese without diacritics (ASCII), which every unzip tool shows correctly;
`Muc_luc.txt` lists the contents with their full Vietnamese names.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.docx import (
    BLANK,
    FIRST_LINE_INDENT,
    LANDSCAPE_TEXT_WIDTH,
    TEXT_WIDTH,
    TITLE_SIZE,
    Heading,
    body_paragraph,
    cell_paragraph,
    content_widths,
    date_phrase,
    fixed_table,
    grid_table,
    heading_block,
    keep_rows_whole,
    lines,
    new_document,
    one_line,
    repeat_header_row,
    rule,
    signature_room,
    size_columns,
    styled_run,
    to_bytes,
)
from core.exceptions import ActionRefused
from core.xlsx import print_setup, put_text
from evaluations.proposals.selectors import DOSSIER_STATUSES, dossier_signer_name
from pledges.choices import Recipient

NUMBER_LINE = "Số: …/TTr-CTĐ"
KEYWORDS = "hồ sơ đề nghị khen thưởng"
COUNCIL = "Hội đồng Thi đua - Khen thưởng ngành Thanh tra"
KIND_LABEL = {Recipient.PERSON: "cá nhân", Recipient.COLLECTIVE: "tập thể"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
LIST_HEADERS = [
    "STT",
    "Tên tập thể, cá nhân",
    "Đơn vị",
    "Danh hiệu, hình thức khen thưởng",
    "Tóm tắt thành tích",
    "Kết quả bỏ phiếu",
]
RECIPIENTS = ["- Như trên;", "- Thường trực Hội đồng TĐKT ngành Thanh tra;"]
RECIPIENTS_END = ["- Các đơn vị thành viên Cụm;", "- Lưu: VT."]

COVER_NAME = "01_To_trinh_de_nghi_khen_thuong.docx"
LIST_DOCX_NAME = "02_Danh_sach_de_nghi_khen_thuong.docx"
LIST_XLSX_NAME = "03_Danh_sach_de_nghi_khen_thuong.xlsx"
EXTRA_FOLDER = "04_Tai_lieu_kem_theo"
NOMINEE_FOLDER = "05_Ho_so_tung_truong_hop"
CONTENTS_NAME = "Muc_luc.txt"


@dataclass(frozen=True)
class NomineeLine:
    name: str
    unit_name: str
    kind: str  # Recipient value
    summary: str = ""
    vote_result: str = ""


@dataclass
class TitleGroup:
    title_name: str
    kind: str
    nominees: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.title_name} ({KIND_LABEL.get(self.kind, self.kind)})"


@dataclass(frozen=True)
class DossierHeader:
    cluster_name: str
    secretariat_name: str
    place_name: str
    year: int
    day: date | None
    signer_name: str = ""  # the chair unit's leader, who signs as Cụm trưởng


# --- names -----------------------------------------------------------------------------------


def ascii_name(text: str, *, max_length: int = 80) -> str:
    """Vietnamese without diacritics, safe in every zip tool: "Tờ trình.docx" -> "To_trinh.docx"."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    stem, dot, extension = text.rpartition(".")
    if not dot or not extension.isalnum() or len(extension) > 5:
        stem, extension = text, ""
    stem = re.sub(r"[^A-Za-z0-9-]+", "_", stem).strip("_.-") or "tep"
    extension = re.sub(r"[^A-Za-z0-9]", "", extension).lower()
    stem = stem[: max_length - len(extension) - 1]
    return f"{stem}.{extension}" if extension else stem


def _unique(name: str, used: set) -> str:
    candidate, number = name, 1
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    while candidate.lower() in used:
        number += 1
        candidate = f"{stem}_{number}" + (f".{extension}" if extension else "")
    used.add(candidate.lower())
    return candidate


# --- Word documents --------------------------------------------------------------------------


def _heading(header: DossierHeader) -> Heading:
    """The secretariat's unit issues the papers, under the cluster; dots if there is none."""
    issuer = header.secretariat_name if lines(header.secretariat_name) else BLANK
    return Heading(
        issuer=issuer,
        parent=header.cluster_name,
        number=NUMBER_LINE,
        place_name=header.place_name,
        day=header.day,
    )


def _centered(document, text, *, bold=False, italic=False, size=None, before=0, after=6):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.keep_with_next = True
    styled_run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _new_document(header: DossierHeader, title: str, *, landscape=False):
    return new_document(
        title=title, author=header.cluster_name, keywords=KEYWORDS, landscape=landscape
    )


def _counts(groups) -> tuple[int, int]:
    collectives = sum(len(g.nominees) for g in groups if g.kind == Recipient.COLLECTIVE)
    people = sum(len(g.nominees) for g in groups if g.kind != Recipient.COLLECTIVE)
    return collectives, people


def _counts_phrase(groups, joiner: str = " và ") -> str:
    """ "01 tập thể và 02 cá nhân": counts under ten take a leading zero, as in
    administrative writing, and a kind with nobody is left out (never "00 tập thể")."""
    collectives, people = _counts(groups)
    parts = [
        f"{count:02d} {kind}" for count, kind in ((collectives, "tập thể"), (people, "cá nhân"))
    ]
    parts = [part for part, count in zip(parts, (collectives, people), strict=True) if count]
    return joiner.join(parts)


def cover_letter_docx(header: DossierHeader, groups: list[TitleGroup]) -> bytes:
    """The cover letter (tờ trình) of the cluster to the sector's council."""
    cluster = one_line(header.cluster_name)
    document = _new_document(header, f"Tờ trình đề nghị khen thưởng năm {header.year}")
    heading_block(document, _heading(header))
    _centered(document, "TỜ TRÌNH", bold=True, size=TITLE_SIZE, before=18, after=0)
    _centered(document, f"Về việc đề nghị khen thưởng năm {header.year}", bold=True)
    rule(document.add_paragraph(), Mm(40), TEXT_WIDTH)
    _centered(document, f"Kính gửi: {COUNCIL}.", before=6, after=12)
    for basis in (
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều "
        "của Luật Thi đua, khen thưởng;",
        f"Căn cứ kết quả bình xét thi đua năm {header.year} của {cluster},",
    ):
        body_paragraph(document, basis, italic=True)
    body_paragraph(
        document,
        f"{cluster} kính đề nghị Tổng Thanh tra Chính phủ xem xét, khen thưởng cho "
        f"{_counts_phrase(groups)} thuộc các đơn vị thành viên của Cụm, cụ thể như sau:",
    )
    for group in groups:
        body_paragraph(
            document,
            f"- {group.title_name}: {len(group.nominees):02d} {KIND_LABEL.get(group.kind, '')};",
            indent=FIRST_LINE_INDENT,
        )
    body_paragraph(document, "(Có danh sách và hồ sơ kèm theo).", italic=True)
    body_paragraph(
        document,
        f"Kính đề nghị {COUNCIL} xem xét, trình Tổng Thanh tra Chính phủ quyết định./.",
    )
    _signature(document, header, RECIPIENTS + RECIPIENTS_END)
    return to_bytes(document)


def _signature(document, header: DossierHeader, recipients: list[str]) -> None:
    table = fixed_table(document, 1, [Mm(80), Mm(85)], cell_margin=0)
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    run = first.add_run("Nơi nhận:")
    run.bold = True
    run.italic = True
    run.font.size = Pt(12)
    first.paragraph_format.space_before = Pt(12)
    for line in recipients:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(11)
    top = cell_paragraph(
        right, f"TM. {one_line(header.cluster_name).upper()}", bold=True, first=True
    )
    top.paragraph_format.space_before = Pt(12)
    cell_paragraph(right, "CỤM TRƯỞNG", bold=True)
    signature_room(right, space_after=Pt(0))
    cell_paragraph(right, one_line(header.signer_name) or BLANK, bold=True)
    keep_rows_whole(table)


def nominee_list_docx(header: DossierHeader, groups: list[TitleGroup]) -> bytes:
    """The list of nominees (danh sách), grouped by title, on landscape pages."""
    cluster = one_line(header.cluster_name)
    document = _new_document(
        header, f"Danh sách đề nghị khen thưởng năm {header.year}", landscape=True
    )
    _centered(document, "DANH SÁCH", bold=True, size=TITLE_SIZE, after=0)
    _centered(document, f"Đề nghị khen thưởng năm {header.year} của {cluster}", bold=True, after=0)
    _centered(
        document,
        f"(Kèm theo Tờ trình số …/TTr-CTĐ {date_phrase(header.day)} của {cluster})",
        italic=True,
        after=12,
    )
    lines = [
        [
            [
                str(number),
                one_line(nominee.name),
                one_line(nominee.unit_name),
                one_line(group.title_name),
                one_line(nominee.summary),
                one_line(nominee.vote_result),
            ]
            for number, nominee in enumerate(group.nominees, start=1)
        ]
        for group in groups
    ]
    widths = content_widths(LIST_HEADERS, [v for g in lines for v in g], LANDSCAPE_TEXT_WIDTH)
    table = grid_table(document, LIST_HEADERS, widths)
    for index, (group, rows) in enumerate(zip(groups, lines, strict=True)):
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        paragraph = merged.paragraphs[0]
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(
            f"{ROMAN[index] if index < len(ROMAN) else index + 1}. {group.label}"
        ).bold = True
        for values in rows:
            cells = table.add_row().cells
            for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if column == 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(value)
    # Sized to the names and summaries, the header on every page, no row cut in two.
    size_columns(table, widths)
    repeat_header_row(table)
    keep_rows_whole(table)
    total = body_paragraph(document, f"Tổng cộng: {_counts_phrase(groups, ', ')}.", bold=True)
    total.paragraph_format.space_before = Pt(12)
    return to_bytes(document)


def nominee_list_xlsx(header: DossierHeader, groups: list[TitleGroup]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sach"
    put_text(sheet.cell(1, 1), f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {header.year}")
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    put_text(sheet.cell(2, 1), one_line(header.cluster_name))
    headers = [*LIST_HEADERS[:2], "Đối tượng", *LIST_HEADERS[2:]]
    for column, text in enumerate(headers, start=1):
        put_text(sheet.cell(4, column), text)
        sheet.cell(4, column).font = Font(bold=True)
        sheet.cell(4, column).alignment = Alignment(wrap_text=True, vertical="top")
    row = 5
    for index, group in enumerate(groups):
        put_text(sheet.cell(row, 1), ROMAN[index] if index < len(ROMAN) else str(index + 1))
        put_text(sheet.cell(row, 2), group.label)
        sheet.cell(row, 2).font = Font(bold=True)
        row += 1
        for number, nominee in enumerate(group.nominees, start=1):
            sheet.cell(row, 1, number)
            values = [
                nominee.name,
                KIND_LABEL.get(nominee.kind, ""),
                nominee.unit_name,
                group.title_name,
                one_line(nominee.summary),
                one_line(nominee.vote_result),
            ]
            for column, value in enumerate(values, start=2):
                put_text(sheet.cell(row, column), value)
                sheet.cell(row, column).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
    collectives, people = _counts(groups)
    totals = [f"{n} {kind}" for n, kind in ((collectives, "tập thể"), (people, "cá nhân")) if n]
    put_text(sheet.cell(row + 1, 2), f"Tổng cộng: {', '.join(totals)}")
    sheet.cell(row + 1, 2).font = Font(bold=True)
    day = f"{header.day:%d/%m/%Y}" if header.day else BLANK
    print_setup(sheet, header_rows=(4, 4), date_text=f"Ngày xuất: {day}", freeze_column=0)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- the archive -----------------------------------------------------------------------------


def _groups(proposals, vote_results) -> list[TitleGroup]:
    groups: dict[int, TitleGroup] = {}
    for proposal in proposals:
        title = proposal.title
        group = groups.setdefault(title.pk, TitleGroup(title_name=title.name, kind=title.recipient))
        group.nominees.append(
            NomineeLine(
                name=proposal.nominee_name,
                unit_name=proposal.unit.name,
                kind=title.recipient,
                summary=proposal.summary,
                vote_result=vote_results.get(proposal.pk, ""),
            )
        )
    return list(groups.values())


def _check_batch(cluster_year, proposals) -> None:
    if not proposals:
        raise ActionRefused(_("There is no endorsed or forwarded proposal to put in the dossier."))
    for proposal in proposals:
        if proposal.cluster_year_id != cluster_year.pk:
            raise ActionRefused(
                _("Every proposal of a dossier must belong to the same cluster year.")
            )
        if proposal.status not in DOSSIER_STATUSES:
            raise ActionRefused(
                _("Only proposals endorsed by the cluster or forwarded go into the dossier.")
            )


def dossier_zip(
    *, cluster_year, proposals, extra_files=(), vote_results=None, day=None, signer_name=None
) -> bytes:
    """The dossier of a batch of endorsed/forwarded proposals of one cluster year, as .zip bytes.

    `extra_files`: (file name, bytes) pairs put in their own folder (e.g. the ballot minutes);
    `vote_results`: {proposal pk: text} for the list's vote column; `day`: the date on the
    papers (today by default); `signer_name`: who signs the cover letter (by default the
    chair unit's leader, dots when there is none).
    """
    proposals = list(proposals)
    _check_batch(cluster_year, proposals)
    chair = cluster_year.chair_unit
    header = DossierHeader(
        cluster_name=cluster_year.cluster.name,
        secretariat_name=chair.name if chair else "",
        place_name=(chair.province if chair else "") or "",
        year=cluster_year.year,
        day=day or timezone.localdate(),
        signer_name=dossier_signer_name(cluster_year) if signer_name is None else signer_name,
    )
    groups = _groups(proposals, vote_results or {})
    contents = []  # (path in the zip, Vietnamese description)
    used: set = set()
    buffer = BytesIO()
    moment = timezone.localtime().timetuple()[:6]

    def add(path, data, description):
        info = zipfile.ZipInfo(path, date_time=moment)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, data)
        used.add(path.lower())
        contents.append((path, description))

    with zipfile.ZipFile(buffer, "w") as archive:
        add(COVER_NAME, cover_letter_docx(header, groups), "Tờ trình đề nghị khen thưởng")
        add(LIST_DOCX_NAME, nominee_list_docx(header, groups), "Danh sách đề nghị (Word)")
        add(LIST_XLSX_NAME, nominee_list_xlsx(header, groups), "Danh sách đề nghị (Excel)")
        for name, data in extra_files:
            path = _unique(f"{EXTRA_FOLDER}/{ascii_name(name)}", used)
            add(path, data, name)
        for number, proposal in enumerate(proposals, start=1):
            folder = ascii_name(
                f"{number:02d}_{proposal.nominee_name}_{proposal.title.code}", max_length=60
            )
            for stored in proposal.files.all():
                path = _unique(
                    f"{NOMINEE_FOLDER}/{folder}/{ascii_name(stored.original_name)}", used
                )
                description = f"{proposal.nominee_name} – {stored.original_name}"
                try:
                    with stored.file.open("rb") as handle:
                        data = handle.read()
                except (FileNotFoundError, OSError, ValueError):
                    contents.append((path, f"{description} (THIẾU TỆP: không đọc được)"))
                    continue
                add(path, data, description)
        lines = [f"HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM {header.year} – {header.cluster_name}", ""]
        lines += [f"{path}\t{description}" for path, description in contents]
        info = zipfile.ZipInfo(CONTENTS_NAME, date_time=moment)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, ("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return buffer.getvalue()


def dossier_file_name(cluster_year) -> str:
    """The download's (Vietnamese) name."""
    return f"Hồ sơ đề nghị khen thưởng {cluster_year.year} – {cluster_year.cluster.name}.zip"
