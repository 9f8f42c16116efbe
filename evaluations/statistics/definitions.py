"""The ministry's statistical forms, read from data (`circulars/*.json`) and checked.

Each JSON file is one circular: its forms, the reporting period, its sources and what could
not be verified. A form names the source it counts (`vocabulary.SOURCES`) and lists its
columns and rows; each counted row and column carries a filter in the source's vocabulary.
A cell counts what passes the form's filter, its row's and its column's. A row or column
with `"counted": false` stays empty on the form (the figure is entered by hand), with a note
saying why. A new circular is a new file here, not new code.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from evaluations.statistics.vocabulary import SOURCES, check_filter

FOLDER = Path(__file__).resolve().parent / "circulars"
SOURCE_NAMES = {*SOURCES, "none"}


@dataclass(frozen=True)
class Line:
    """A row or a column of a form."""

    key: str  # a row's code ("01") or a column's key ("total")
    label: str
    filter: dict | None  # None: not counted
    number: str = ""  # a column's number (1, 2, …); equal numbers are one group on paper
    group: str = ""  # a column's group heading ("Bằng khen của Thủ tướng Chính phủ")
    measure: str = ""  # a row's unit of measure (Đơn vị tính)
    heading: bool = False  # a row that only heads the rows below it
    note: str = ""

    @property
    def counted(self) -> bool:
        return self.filter is not None


@dataclass(frozen=True)
class Form:
    code: str  # "0601.N/BNV-TĐKT"
    slug: str  # "0601", in URLs
    title: str
    source: str
    filter: dict
    columns: tuple[Line, ...]
    rows: tuple[Line, ...]
    circular: "Circular"
    measure: str = ""
    verified_from: str = ""
    notes: tuple[str, ...] = ()

    @property
    def counted(self) -> bool:
        return self.source != "none"

    def row_notes(self) -> list[tuple[str, str]]:
        """Each distinct note of the rows, with the codes of the rows it explains."""
        return _grouped(self.rows, key=lambda line: line.key)

    def column_notes(self) -> list[tuple[str, str]]:
        """Each distinct note of the columns, with the numbers of the columns it explains."""
        return _grouped(self.columns, key=lambda line: line.number)


def _grouped(lines, *, key) -> list[tuple[str, str]]:
    by_note: dict[str, list[str]] = {}
    for line in lines:
        if line.note and key(line) not in by_note.get(line.note, []):
            by_note.setdefault(line.note, []).append(key(line))
    return [(", ".join(keys), note) for note, keys in by_note.items()]


@dataclass(frozen=True)
class Period:
    start: date
    end: date


@dataclass
class Circular:
    code: str
    title: str
    first_year: int
    start: tuple[int, int]  # month, day
    end: tuple[int, int]
    starts_in_previous_year: bool
    received: str
    sources: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    forms: dict = field(default_factory=dict)  # slug -> Form

    def period(self, year: int) -> Period:
        first = year - 1 if self.starts_in_previous_year else year
        return Period(date(first, *self.start), date(year, *self.end))


def _month_day(text: str, where: str) -> tuple[int, int]:
    try:
        month, day = (int(part) for part in text.split("-"))
        date(2001, month, day)
    except (ValueError, AttributeError) as error:
        raise ImproperlyConfigured(f"{where}: {text!r} is not MM-DD") from error
    return month, day


def _line(raw: dict, where: str, *, source: str, is_row: bool, problems: list) -> Line:
    key = raw.get("code" if is_row else "key", "")
    heading = bool(raw.get("heading"))
    if not raw.get("label"):
        problems.append(f"{where}: a label is required")
    if not heading and not key:
        problems.append(f"{where}: a {'code' if is_row else 'key'} is required")
    counted = not heading and raw.get("counted", True) and source != "none"
    spec = raw.get("filter") if counted else None
    if counted:
        if spec is None:
            problems.append(f'{where}: a counted line needs a filter (or "counted": false)')
            spec = {}
        problems += check_filter(SOURCES[source], spec, where)
    unknown = set(raw) - {"code", "key", "label", "filter", "counted", "number", "group",
                          "measure", "heading", "note"}  # fmt: skip
    if unknown:
        problems.append(f"{where}: unknown fields {sorted(unknown)}")
    return Line(
        key=key,
        label=raw.get("label", ""),
        filter=spec,
        number=str(raw.get("number", "")),
        group=raw.get("group", ""),
        measure=raw.get("measure", ""),
        heading=heading,
        note=raw.get("note", ""),
    )


def parse_circular(data: dict, name: str) -> Circular:
    """A circular from its JSON data; every problem found is reported at once."""
    problems: list[str] = []
    head = data.get("circular", {})
    period = data.get("period", {})
    circular = Circular(
        code=head.get("code", ""),
        title=head.get("title", ""),
        first_year=head.get("first_year", 0),
        start=_month_day(period.get("start"), f"{name} period"),
        end=_month_day(period.get("end"), f"{name} period"),
        starts_in_previous_year=bool(period.get("starts_in_previous_year")),
        received=data.get("received", ""),
        sources=tuple(head.get("sources", ())),
        unverified=tuple(head.get("unverified", ())),
    )
    if not circular.code or not isinstance(circular.first_year, int) or circular.first_year < 2000:
        problems.append(f"{name}: the circular needs a code and a first year")
    if not circular.sources:
        problems.append(f"{name}: say where the forms were read (sources)")
    for index, raw in enumerate(data.get("forms", ())):
        where = f"{name} form {raw.get('slug') or index}"
        source = raw.get("source")
        if source not in SOURCE_NAMES:
            problems.append(f"{where}: source {source!r} is not one of {sorted(SOURCE_NAMES)}")
            continue
        base = raw.get("filter", {})
        if source != "none":
            problems += check_filter(SOURCES[source], base, f"{where} filter")
        columns = tuple(
            _line(c, f"{where} column {i + 1}", source=source, is_row=False, problems=problems)
            for i, c in enumerate(raw.get("columns", ()))
        )
        rows = tuple(
            _line(r, f"{where} row {i + 1}", source=source, is_row=True, problems=problems)
            for i, r in enumerate(raw.get("rows", ()))
        )
        for kind, lines in (("column", columns), ("row", [r for r in rows if not r.heading])):
            keys = [line.key for line in lines]
            if not lines:
                problems.append(f"{where}: no {kind}s")
            if len(keys) != len(set(keys)):
                problems.append(f"{where}: {kind} keys repeat: {keys}")
        form = Form(
            code=raw.get("code", ""),
            slug=raw.get("slug", ""),
            title=raw.get("title", ""),
            source=source,
            filter=base,
            columns=columns,
            rows=rows,
            circular=circular,
            measure=raw.get("measure", ""),
            verified_from=raw.get("verified_from", ""),
            notes=tuple(raw.get("notes", ())),
        )
        if not (form.code and form.slug.isalnum() and form.title and form.verified_from):
            problems.append(f"{where}: code, slug (letters and digits), title and verified_from")
        if form.slug in circular.forms:
            problems.append(f"{where}: slug {form.slug!r} repeats")
        circular.forms[form.slug] = form
    if not circular.forms:
        problems.append(f"{name}: no forms")
    if problems:
        raise ImproperlyConfigured("Statistics forms: " + "; ".join(problems))
    return circular


def load(folder: Path = FOLDER) -> list[Circular]:
    """Every circular on file, oldest first."""
    circulars = [
        parse_circular(json.loads(path.read_text(encoding="utf-8")), path.name)
        for path in sorted(folder.glob("*.json"))
    ]
    return sorted(circulars, key=lambda c: c.first_year)


CIRCULARS = load()


def circular_for(year: int) -> Circular:
    """The circular whose forms report on `year`: the latest in force by then (the oldest
    on file for earlier years)."""
    fitting = [c for c in CIRCULARS if c.first_year <= year]
    return fitting[-1] if fitting else CIRCULARS[0]
