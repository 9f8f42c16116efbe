"""Certificate pages as PDF (fpdf2): plain data in, bytes out.

Text goes onto pre-printed blanks at the positions of a layout; the font is the vendored
Liberation Serif (fonts/, SIL OFL), metric-compatible with Times New Roman, so that no
system font is needed and Vietnamese diacritics print everywhere. The calibration page
prints, on plain paper, a box and a cross at each field's position with its label.
"""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "LiberationSerif"
FONT_FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}
# fontTools logs every glyph of every subset at INFO: a batch would fill the worker's log.
logging.getLogger("fontTools").setLevel(logging.WARNING)

PT_TO_MM = 25.4 / 72
LINE_FACTOR = 1.25  # line height, as a multiple of the font size


@dataclass(frozen=True)
class FieldBox:
    kind: str
    label: str
    x: float  # mm from the left edge of the sheet
    y: float  # mm from the top edge
    width: float
    font_size: float  # points
    bold: bool = False
    italic: bool = False
    align: str = "C"
    max_lines: int = 1

    @property
    def style(self) -> str:
        return ("B" if self.bold else "") + ("I" if self.italic else "")

    @property
    def line_height(self) -> float:
        return self.font_size * PT_TO_MM * LINE_FACTOR


@dataclass(frozen=True)
class Sheet:
    """A layout as the renderer needs it: the paper and its printed fields."""

    width: float
    height: float
    fields: tuple[FieldBox, ...]
    offset_x: float = 0.0
    offset_y: float = 0.0


@dataclass(frozen=True)
class Page:
    sheet: Sheet
    texts: dict  # field kind -> text ("\n" breaks a line)


class CertificatePDF(FPDF):
    def __init__(self, title: str = ""):
        super().__init__(unit="mm")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.c_margin = 0
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / name))
        self.set_creator("thidua")
        if title:
            self.set_title(title)

    def page_for(self, sheet: Sheet):
        # fpdf2 swaps a format's sides for "L": give (width, height) as they are, with "P".
        self.add_page(format=(sheet.width, sheet.height), orientation="P")

    def write_field(self, box: FieldBox, text: str, sheet: Sheet):
        if not text:
            return
        self.set_font(FAMILY, box.style, float(box.font_size))
        lines = self.wrap(text, box.width)
        if len(lines) > box.max_lines:  # the box is full: the last line ends with an ellipsis
            lines = [*lines[: box.max_lines - 1], lines[box.max_lines - 1].rstrip() + "…"]
        x, y = box.x + sheet.offset_x, box.y + sheet.offset_y
        for n, line in enumerate(lines):
            self.set_xy(x, y + n * box.line_height)
            self.cell(box.width, box.line_height, line, align=box.align)

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of `text` no wider than `width` in the current font, broken between words
        ("\n" forces a break). Our own greedy wrap: fpdf2's multi_cell measures each line
        again per character, ten times slower on a 500-page batch."""
        space = self.get_string_width(" ")
        lines = []
        for paragraph in text.split("\n"):
            line, line_width = "", 0.0
            for word in paragraph.split():
                word_width = self.get_string_width(word)
                if line and line_width + space + word_width > width:
                    lines.append(line)
                    line, line_width = word, word_width
                elif line:
                    line, line_width = f"{line} {word}", line_width + space + word_width
                else:
                    line, line_width = word, word_width
            lines.append(line)
        return lines


def render_pages(pages: Iterable[Page], *, title: str = "", progress=None) -> bytes:
    """One PDF page per `Page`; `progress(n)` is called after each page."""
    pdf = CertificatePDF(title)
    for n, page in enumerate(pages, start=1):
        pdf.page_for(page.sheet)
        for box in page.sheet.fields:
            pdf.write_field(box, page.texts.get(box.kind, ""), page.sheet)
        if progress is not None:
            progress(n)
    return bytes(pdf.output())


def render_calibration(sheet: Sheet, *, title: str = "", heading: str = "") -> bytes:
    """A page for plain paper: each field's box, a cross at its top-left corner and its label,
    and a 10 mm scale, to lay over a blank and measure the printer's shift."""
    pdf = CertificatePDF(title)
    pdf.page_for(sheet)
    pdf.set_draw_color(200, 0, 0)
    pdf.set_line_width(0.2)
    pdf.set_font(FAMILY, "", 8)
    if heading:
        pdf.set_xy(5, 3)
        pdf.cell(sheet.width - 10, 4, heading)
    for mm in range(0, int(sheet.width) + 1, 10):  # a ruler along the top edge
        pdf.line(mm, 0, mm, 4 if mm % 50 else 7)
    for mm in range(0, int(sheet.height) + 1, 10):  # and along the left edge
        pdf.line(0, mm, 4 if mm % 50 else 7, mm)
    for box in sheet.fields:
        x, y = box.x + sheet.offset_x, box.y + sheet.offset_y
        height = box.line_height * box.max_lines
        pdf.rect(x, y, box.width, height)
        pdf.line(x - 4, y, x + 4, y)
        pdf.line(x, y - 4, x, y + 4)
        pdf.set_xy(x + 1, y + 0.5)
        pdf.set_font(FAMILY, "", 7)
        pdf.cell(box.width - 2, 3, f"{box.label} ({box.x:g}; {box.y:g} mm)")
    return bytes(pdf.output())


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
