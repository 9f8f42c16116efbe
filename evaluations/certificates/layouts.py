"""Default positions of the fields on a blank (Decree 98/2023 Art. 104 order), and the
conversion of a stored layout into the renderer's `Sheet`."""

from decimal import Decimal

from evaluations.certificates.choices import PAPER_MM, Align, FieldKind, Paper
from evaluations.certificates.pdf import FieldBox, Sheet

# kind: (x, y, width) as fractions of the sheet, font size on A4 (scaled with the width),
# bold, italic, align, lines, printed. Lines 3 and 5 of Art. 104 (the authority, the award)
# are usually on the blank already: they are placed but not printed until a user says so.
DEFAULT_FIELDS = {
    FieldKind.AUTHORITY: (0.10, 0.20, 0.80, 16, True, False, Align.CENTER, 1, False),
    FieldKind.AWARD_NAME: (0.10, 0.29, 0.80, 26, True, False, Align.CENTER, 1, False),
    FieldKind.RECIPIENT: (0.10, 0.41, 0.80, 22, True, False, Align.CENTER, 1, True),
    FieldKind.POSITION_UNIT: (0.10, 0.49, 0.80, 14, False, False, Align.CENTER, 2, True),
    FieldKind.ACHIEVEMENT: (0.10, 0.57, 0.80, 14, False, True, Align.CENTER, 3, True),
    FieldKind.DECISION: (0.06, 0.80, 0.40, 11, True, True, Align.LEFT, 1, True),
    FieldKind.REGISTER: (0.06, 0.85, 0.40, 11, True, True, Align.LEFT, 1, True),
    FieldKind.PLACE_DATE: (0.52, 0.70, 0.42, 13, False, True, Align.CENTER, 1, True),
    FieldKind.SIGNER_TITLE: (0.52, 0.745, 0.42, 13, True, False, Align.CENTER, 2, True),
    FieldKind.SIGNER_NAME: (0.52, 0.91, 0.42, 14, True, False, Align.CENTER, 1, True),
}


FIELD_VALUES = (
    "kind",
    "x_mm",
    "y_mm",
    "width_mm",
    "font_size",
    "bold",
    "italic",
    "align",
    "max_lines",
)


def default_paper(title) -> str:
    """Giấy khen on A4 (Art. 104); Bằng khen and the rest on A3, as the blanks mostly are."""
    return Paper.A4_LANDSCAPE if title.code.upper().startswith("GK") else Paper.A3_LANDSCAPE


def default_field_values(paper: str) -> list[dict]:
    """The fields of a new layout on `paper`, as LayoutField keyword arguments."""
    width, height = PAPER_MM[Paper(paper)]
    scale = width / 297
    one = Decimal("0.1")
    values = []
    for kind, (x, y, w, size, bold, italic, align, lines, printed) in DEFAULT_FIELDS.items():
        values.append(
            {
                "kind": kind,
                "x_mm": Decimal(x * width).quantize(one),
                "y_mm": Decimal(y * height).quantize(one),
                "width_mm": Decimal(w * width).quantize(one),
                "font_size": Decimal(min(size * scale, 72)).quantize(one),
                "bold": bold,
                "italic": italic,
                "align": align,
                "max_lines": lines,
                "printed": printed,
            }
        )
    return values


def field_box(*, kind, x_mm, y_mm, width_mm, font_size, bold, italic, align, max_lines, **_):
    """A renderer's box from a field's values (a LayoutField's, or a default's)."""
    return FieldBox(
        kind=kind,
        label=str(dict(FieldKind.choices).get(kind, kind)),
        x=float(x_mm),
        y=float(y_mm),
        width=float(width_mm),
        font_size=float(font_size),
        bold=bold,
        italic=italic,
        align=align,
        max_lines=max_lines,
    )


def sheet_of(layout, *, all_fields: bool = False) -> Sheet:
    """The renderer's view of a layout (its `fields` prefetched): the printed fields, or
    every field (the calibration page shows them all)."""
    width, height = layout.size_mm
    boxes = tuple(
        field_box(**{name: getattr(f, name) for name in FIELD_VALUES})
        for f in layout.fields.all()
        if all_fields or f.printed
    )
    return Sheet(
        width=width,
        height=height,
        fields=boxes,
        offset_x=float(layout.offset_x_mm),
        offset_y=float(layout.offset_y_mm),
    )


def default_sheet(title) -> Sheet:
    """The default layout of `title`'s paper, unsaved: what prints when a layout is missing
    (deleted after the batch was queued)."""
    paper = default_paper(title)
    width, height = PAPER_MM[Paper(paper)]
    boxes = tuple(field_box(**v) for v in default_field_values(paper) if v["printed"])
    return Sheet(width=width, height=height, fields=boxes)
