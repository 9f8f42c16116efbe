"""The renderer alone: the vendored font embedded, words wrapped inside the box, a full box
ending with an ellipsis, fields placed where the layout says."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from evaluations.certificates.pdf import FONT_DIR, FieldBox, Page, Sheet, render_pages

SHEET = Sheet(
    width=297,
    height=210,
    fields=(
        FieldBox("recipient", "Tên", x=30, y=80, width=237, font_size=22, bold=True),
        FieldBox("achievement", "Thành tích", x=30, y=100, width=120, font_size=14, max_lines=2),
    ),
)


def test_the_vendored_serif_is_embedded_with_its_licence():
    assert (FONT_DIR / "LICENSE").read_text().count("SIL OPEN FONT LICENSE Version 1.1")
    content = render_pages([Page(SHEET, {"recipient": "Nguyễn Thị Hằng"})])
    page = PdfReader(BytesIO(content)).pages[0]
    fonts = {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("LiberationSerif" in name for name in fonts)
    assert [round(float(v)) for v in page.mediabox[2:]] == [842, 595]  # A4 landscape, pt
    assert page.extract_text().strip() == "Nguyễn Thị Hằng"


def test_long_text_wraps_inside_its_box_and_a_full_box_ends_with_an_ellipsis():
    achievement = "Đã có thành tích xuất sắc trong công tác thanh tra, giải quyết khiếu nại " * 4
    content = render_pages([Page(SHEET, {"achievement": achievement})])
    lines = [
        line.strip()
        for line in PdfReader(BytesIO(content)).pages[0].extract_text().splitlines()
        if line.strip()
    ]
    assert len(lines) == 2
    assert lines[0].startswith("Đã có thành tích") and lines[1].endswith("…")


def text_positions(content: bytes) -> dict:
    """{text: (x, y) in mm from the sheet's top-left corner} of each text run."""
    page = PdfReader(BytesIO(content)).pages[0]
    height_pt = float(page.mediabox[3])
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            x_pt, y_pt = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            found[text.strip()] = (x_pt * 25.4 / 72, (height_pt - y_pt) * 25.4 / 72)

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(("shift_x", "shift_y"), [(0, 0), (-2.5, 4)])
def test_text_lands_at_the_layout_millimetres_plus_the_printer_shift(shift_x, shift_y):
    box = FieldBox("register", "Số sổ vàng", x=40, y=150, width=100, font_size=12, align="L")
    sheet = Sheet(width=420, height=297, fields=(box,), offset_x=shift_x, offset_y=shift_y)
    x, y = text_positions(render_pages([Page(sheet, {"register": "Số sổ vàng: 7"})]))[
        "Số sổ vàng: 7"
    ]
    assert x == pytest.approx(40 + shift_x, abs=0.3)
    # The baseline sits inside the first line of the box.
    assert 150 + shift_y < y < 150 + shift_y + box.line_height
