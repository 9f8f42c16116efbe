"""The renderer alone: the vendored font embedded, words wrapped inside the box, a full box
ending with an ellipsis, fields placed where the layout says."""

from io import BytesIO

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
