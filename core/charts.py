"""Charts drawn on the server as inline SVG: no script, nothing loaded, prints as it shows.

A chart is plain data (`Chart`: series, bars, marks) and two renderings of it: the SVG
drawing (`Chart.svg`) and the data table that `templates/includes/charts/chart.html` prints
beside it for screen readers and paper. Both come from the same numbers, so they agree.

Sizes are percentages of the page's width and pixels of height, with no viewBox: the bars
follow the width of a phone or of a desk screen, and the labels keep their real font size.
Colours are presentation attributes (`fill=`), not inline styles, so the page's
Content-Security-Policy is untouched; the palette (Okabe and Ito) is told apart by readers
with a colour vision deficiency, and every bar also carries its figures as text.

Two shapes:
* `Chart.horizontal`: one row per item, its label above a bar stacked from its series
  (a ranking's criteria groups, a progress count); negative values (deductions) are drawn
  as a hatched stretch taken back from the end of the bar; `marks` are vertical lines with
  their label (a ranking's bands);
* `Chart.columns`: one column per item (a year), one series, the figure above the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from itertools import count

from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.templatetags.numbers import format_points

PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#CC79A7",  # pink
    "#56B4E9",  # sky
    "#D55E00",  # vermilion
    "#F0E442",  # yellow
    "#7F7F7F",  # grey
)
TRACK = "#E9ECEF"  # the empty part of a bar
REMAINDER = "#ADB5BD"  # what is still to come (a progress bar's rest)
INK = "#212529"
MARK = "#6C757D"

ROW_HEIGHT = 38  # a label line and a bar
BAR_HEIGHT = 14
LABEL_BASELINE = 13
MARK_LINE = 14  # a band's label line above the bars
LINE_CHARS = 56  # characters of 12 px text on a phone's line (390 px)
COLUMN_AREA = 160  # the columns' height, in pixels
_ids = count(1)


def _join(parts) -> SafeString:
    """Pieces built by format_html, joined without escaping them twice (and without
    mark_safe: any piece that is not already safe is escaped)."""
    return format_html("{}" * len(parts), *parts)


def tone(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def number(value) -> str:
    """A figure as the page prints it: decimal comma, no decimals for whole numbers."""
    return format_points(value, -2, ",")


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple  # one per series (Decimal or int); negative values are deductions
    href: str = ""  # where the bar's label leads
    note: str = ""  # shown at the end of the label line ("4/9", "hạng 2/12")

    @property
    def total(self):
        return sum(self.values, Decimal(0))

    @property
    def positive(self):
        return sum((v for v in self.values if v > 0), Decimal(0))


@dataclass(frozen=True)
class Mark:
    label: str
    value: Decimal

    @property
    def value_text(self) -> str:
        return number(self.value)


@dataclass(frozen=True)
class Chart:
    title: str
    series: tuple  # the series' names, in the order of each bar's values
    bars: tuple
    shape: str = "horizontal"  # or "columns"
    marks: tuple = ()
    max_value: Decimal | int | None = None  # the full width; the largest bar when None
    total_label: str = ""  # the data table's column of totals ("" = none)
    note_label: str = ""  # the data table's column of notes ("" = none)
    label_header: str = ""  # the data table's first column ("Unit", "Year")
    colours: tuple = ()  # the series' colours, when the palette's order does not suit
    # What ends a bar's label line: "note" (its note, else its total), "total", or "both".
    ends_with: str = "note"
    uid: int = field(default_factory=lambda: next(_ids))

    @classmethod
    def horizontal(cls, title, series, bars, **kwargs) -> Chart:
        return cls(title, tuple(series), tuple(bars), "horizontal", **kwargs)

    @classmethod
    def columns(cls, title, series_name, bars, **kwargs) -> Chart:
        return cls(title, (series_name,), tuple(bars), "columns", **kwargs)

    def colour(self, index: int) -> str:
        return self.colours[index] if index < len(self.colours) else tone(index)

    @property
    def id(self) -> str:
        return f"chart-{self.uid}"

    @cached_property  # asked once per segment: computed once per chart, not once per bar
    def scale(self) -> Decimal:
        biggest = max(
            [Decimal(bar.positive) for bar in self.bars]
            + [Decimal(mark.value) for mark in self.marks]
            + [Decimal(self.max_value or 0)],
            default=Decimal(0),
        )
        return biggest if biggest > 0 else Decimal(1)

    def percent(self, value) -> str:
        share = max(Decimal(0), min(Decimal(value) / self.scale, Decimal(1))) * 100
        return f"{share:.2f}%"

    @property
    def legend(self) -> list[tuple[str, str]]:
        """(colour, name) of each series, for the legend under the chart."""
        if len(self.series) < 2:
            return []
        return [(self.colour(i), name) for i, name in enumerate(self.series)]

    @property
    def rows(self) -> list[dict]:
        """The data table: one row per bar, its values printed as on the page."""
        return [
            {
                "label": bar.label,
                "href": bar.href,
                "values": [number(v) for v in bar.values],
                "total": number(bar.total),
                "note": bar.note,
            }
            for bar in self.bars
        ]

    @property
    def width(self) -> int:
        """The data table's number of columns."""
        return 1 + len(self.series) + bool(self.total_label) + bool(self.note_label)

    @property
    def svg(self) -> SafeString:
        if self.shape == "columns":
            return self._columns_svg()
        return self._horizontal_svg()

    def _open(self, height: int, body: SafeString) -> SafeString:
        return format_html(
            '<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" width="100%" '
            'height="{}" role="img" aria-labelledby="{}-title" data-bars="{}">'
            '<title id="{}-title">{}</title>'
            '<defs><pattern id="{}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" fill="#FFFFFF"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="{}" stroke-width="3"/></pattern></defs>'
            "{}</svg>",
            height,
            self.id,
            len(self.bars),
            self.id,
            self.title,
            self.id,
            INK,
            body,
        )

    def _horizontal_svg(self) -> SafeString:
        # Each mark's label on a line of its own above the bars: close thresholds stay apart.
        top = MARK_LINE * len(self.marks) + 4 if self.marks else 0
        parts = [self._marks(top, top + ROW_HEIGHT * len(self.bars))] if self.marks else []
        for index, bar in enumerate(self.bars):
            parts.append(self._row(bar, top + index * ROW_HEIGHT))
        return self._open(top + ROW_HEIGHT * len(self.bars) + 2, _join(parts))

    def _row(self, bar: Bar, y: int) -> str:
        end = self._end_text(bar)
        label = format_html(
            '<text x="0" y="{}" class="chart-label" fill="{}"><title>{}</title>{}</text>'
            '<text x="100%" y="{}" text-anchor="end" class="chart-note" fill="{}">{}</text>',
            y + LABEL_BASELINE,
            INK,
            bar.label,
            self._fit(bar.label, end),
            y + LABEL_BASELINE,
            INK,
            end,
        )
        bar_y = y + LABEL_BASELINE + 5
        parts = [
            format_html(
                '<rect x="0" y="{}" width="100%" height="{}" fill="{}"/>', bar_y, BAR_HEIGHT, TRACK
            )
        ]
        start = Decimal(0)
        for index, (name, value) in enumerate(zip(self.series, bar.values, strict=True)):
            if value <= 0:
                continue
            parts.append(
                format_html(
                    '<rect class="chart-segment" x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {}: {}</title></rect>",
                    self.percent(start),
                    bar_y,
                    self.percent(value),
                    BAR_HEIGHT,
                    self.colour(index),
                    bar.label,
                    name,
                    number(value),
                )
            )
            start += Decimal(value)
        for name, value in zip(self.series, bar.values, strict=True):
            if value >= 0:
                continue
            # A deduction: hatched, taken back from the end of what was added.
            start += Decimal(value)
            parts.append(
                format_html(
                    '<rect class="chart-deduction" x="{}" y="{}" width="{}" height="{}" '
                    'fill="url(#{}-hatch)"><title>{}: {}: {}</title></rect>',
                    self.percent(max(start, Decimal(0))),
                    bar_y,
                    self.percent(-value),
                    BAR_HEIGHT,
                    self.id,
                    bar.label,
                    name,
                    number(value),
                )
            )
        return _join([label, *parts])

    def _end_text(self, bar: Bar) -> str:
        if self.ends_with == "total" or not bar.note:
            return number(bar.total)
        if self.ends_with == "both":
            return f"{number(bar.total)} · {bar.note}"
        return bar.note

    @staticmethod
    def _fit(label: str, end: str) -> str:
        """The label shortened so that it and the end text share a phone's line; the full
        label is in the data table and in the bar's tooltip."""
        room = max(LINE_CHARS - len(end) - 2, 16)
        return label if len(label) <= room else label[: room - 1].rstrip() + "…"

    def _marks(self, top: int, bottom: int) -> str:
        parts = []
        # The highest threshold's label on the top line: each line starts under its own label.
        for index, mark in enumerate(sorted(self.marks, key=lambda m: m.value, reverse=True)):
            x = self.percent(mark.value)
            # A label reads from its line, or ends at it in the right half of the chart.
            anchor = "end" if Decimal(mark.value) / self.scale > Decimal("0.5") else "start"
            parts.append(
                format_html(
                    '<line class="chart-mark" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" '
                    'stroke-width="2" stroke-dasharray="4 3"/>'
                    '<text x="{}" y="{}" text-anchor="{}" class="chart-mark-label" fill="{}">'
                    "{} ≥ {}</text>",
                    x,
                    MARK_LINE * (index + 1) + 3,
                    x,
                    bottom,
                    MARK,
                    x,
                    MARK_LINE * (index + 1),
                    anchor,
                    MARK,
                    mark.label,
                    number(mark.value),
                )
            )
        return _join(parts)

    def _columns_svg(self) -> SafeString:
        width = Decimal(100) / max(len(self.bars), 1)
        bottom = 34 + COLUMN_AREA
        parts = [
            format_html(
                '<line x1="0" y1="{}" x2="100%" y2="{}" stroke="{}" stroke-width="1"/>',
                bottom,
                bottom,
                MARK,
            )
        ]
        for index, bar in enumerate(self.bars):
            value = Decimal(bar.total)
            height = int(Decimal(COLUMN_AREA) * max(value, Decimal(0)) / self.scale)
            left = width * index
            centre = f"{left + width / 2:.2f}%"
            parts.append(
                format_html(
                    '<rect class="chart-segment" x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {}</title></rect>"
                    '<text x="{}" y="{}" text-anchor="middle" class="chart-value" fill="{}">{}'
                    "</text>"
                    '<text x="{}" y="{}" text-anchor="middle" class="chart-note" fill="{}">{}'
                    "</text>"
                    '<text x="{}" y="{}" text-anchor="middle" class="chart-label" fill="{}">{}'
                    "</text>",
                    f"{left + width * Decimal('0.2'):.2f}%",
                    bottom - height,
                    f"{width * Decimal('0.6'):.2f}%",
                    height,
                    self.colour(0),
                    bar.label,
                    number(value),
                    centre,
                    bottom - height - 4,
                    INK,
                    number(value),
                    centre,
                    bottom - height - 18,
                    MARK,
                    bar.note,
                    centre,
                    bottom + 16,
                    INK,
                    bar.label,
                )
            )
        return self._open(bottom + 22, _join(parts))
