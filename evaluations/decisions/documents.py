"""The decision's Word documents, filled from templates the office can edit (docxtpl).

Two documents per decision: the decision with its annex list (`decision`) and the tờ trình
that proposes it (`submission`). Each kind of decision may have its own uploaded template
per document (`DecisionTemplate`, in the admin); without one, the default shipped in
`default_templates/` (Decree 30/2020 layout, made by `scripts/make_decision_templates.py`)
is used. A template names only the placeholders of `PLACEHOLDERS`: an unknown one, or
broken Jinja, is refused with a message that names it.

The documents are always Vietnamese, whatever the interface language: the values written
into them (dates, numbers) are Vietnamese without gettext.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import jinja2
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from core.docx import lines, vietnamese_date_line
from core.exceptions import ActionRefused
from evaluations.decisions.choices import DecisionKind, DocumentKind
from evaluations.decisions.models import DecisionTemplate

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "default_templates"


def default_template_path(document: str) -> Path:
    return DEFAULT_TEMPLATES / f"{document}.docx"


# Every placeholder a template may use, with what it holds (shown in the admin).
PLACEHOLDERS = {
    "authority_name": "Tên cơ quan, người có thẩm quyền (Tổng Thanh tra Chính phủ)",
    "authority_heading": "Dòng thẩm quyền in hoa (TỔNG THANH TRA CHÍNH PHỦ)",
    "issuer": "Cơ quan ban hành in hoa ở góc trái (THANH TRA CHÍNH PHỦ)",
    "symbol": "Ký hiệu quyết định (QĐ-TTCP)",
    "number": "Số quyết định (để trống khi còn là dự thảo)",
    "number_line": "Dòng số, ký hiệu (Số: 123/QĐ-TTCP)",
    "submission_number_line": "Dòng số của tờ trình (Số: …/TTr-…)",
    "place_date": "Địa danh, ngày tháng năm (Hà Nội, ngày 15 tháng 01 năm 2020)",
    "date": "Ngày quyết định (dd/mm/yyyy)",
    "effective_date": "Ngày có hiệu lực (dd/mm/yyyy)",
    "year": "Năm xét khen thưởng",
    "subject": "Trích yếu (Về việc tặng Bằng khen …)",
    "legal_bases": "Danh sách các căn cứ (mỗi dòng một căn cứ): {%p for basis in legal_bases %}",
    "cluster_name": "Tên cụm, khối thi đua đề nghị",
    "signer_heading": "Quyền hạn, chức vụ người ký (KT. TỔNG THANH TRA)",
    "signer_position": "Chức vụ người ký (PHÓ TỔNG THANH TRA)",
    "signer_name": "Họ và tên người ký",
    "lines": "Mọi dòng khen thưởng: {%tr for line in lines %}",
    "collectives": "Các dòng tập thể",
    "individuals": "Các dòng cá nhân",
    "line.no": "Số thứ tự (số sổ vàng)",
    "line.name": "Tên tập thể hoặc họ và tên cá nhân",
    "line.unit": "Đơn vị",
    "line.title": "Danh hiệu hoặc hình thức khen thưởng",
    "line.reason": "Thành tích",
    "line.multiplier": "Hệ số tiền thưởng (× lương cơ sở)",
    "line.amount": "Số tiền thưởng (đồng)",
    "title_counts": "Số lượng theo danh hiệu: {% for item in title_counts %}{{ item.title }}",
    "collective_count": "Số tập thể",
    "individual_count": "Số cá nhân",
    "total_amount": "Tổng số tiền thưởng (đồng)",
}
# The top-level names (line.* are the attributes of each line).
CONTEXT_NAMES = frozenset(name for name in PLACEHOLDERS if "." not in name)
# Names Jinja itself provides (loops, filters are not names).
JINJA_NAMES = frozenset({"loop", "range", "true", "false", "none", "True", "False", "None"})


def money(value: Decimal | None) -> str:
    """3510000 -> "3.510.000" (Vietnamese thousands separator); empty when unknown."""
    return "" if value is None else f"{value:,.0f}".replace(",", ".")


def _multiplier(value: Decimal | None) -> str:
    if value is None:
        return ""
    value = value.normalize()
    return f"{value:f}".replace(".", ",")


@dataclass
class LineData:
    no: int
    name: str
    unit: str
    title: str
    reason: str
    multiplier: str
    amount: str
    is_collective: bool


@dataclass
class TitleCount:
    title: str
    count: int


@dataclass
class DocumentData:
    """The plain data a template is filled with (`context()` gives it as a dict)."""

    values: dict
    lines: list[LineData] = field(default_factory=list)

    def context(self) -> dict:
        collectives = [line for line in self.lines if line.is_collective]
        individuals = [line for line in self.lines if not line.is_collective]
        counts = {}
        for line in self.lines:
            counts[line.title] = counts.get(line.title, 0) + 1
        return {
            **self.values,
            "lines": self.lines,
            "collectives": collectives,
            "individuals": individuals,
            "collective_count": len(collectives),
            "individual_count": len(individuals),
            "title_counts": [TitleCount(t, n) for t, n in counts.items()],
        }


def document_data(decision, decision_lines) -> DocumentData:
    """What the documents of `decision` say; `decision_lines` with title and unit loaded."""
    authority = decision.authority
    number = decision.number or ""
    total = sum((line.amount or Decimal(0) for line in decision_lines), Decimal(0))
    subject = decision.subject or (
        "Về việc công nhận danh hiệu thi đua"
        if decision.kind == DecisionKind.RECOGNITION
        else "Về việc tặng Bằng khen"
    )
    cluster = decision.cluster_year
    values = {
        "authority_name": authority.name,
        "authority_heading": authority.heading.upper(),
        "issuer": _issuer(authority.heading),
        "symbol": authority.symbol,
        "number": number,
        "number_line": f"Số: {number or '        '}/{authority.symbol}",
        "submission_number_line": "Số:        /TTr-" + authority.symbol.removeprefix("QĐ-"),
        "place_date": vietnamese_date_line(authority.place, decision.date),
        "date": decision.date.strftime("%d/%m/%Y") if decision.date else "",
        "effective_date": (
            decision.effective_date.strftime("%d/%m/%Y") if decision.effective_date else ""
        ),
        "year": cluster.year if cluster else (decision.date.year if decision.date else ""),
        "subject": subject,
        "legal_bases": lines(decision.legal_bases),
        "cluster_name": cluster.cluster.name if cluster else "",
        "signer_heading": decision.signer_heading.upper(),
        "signer_position": (decision.signer_position or "").upper(),
        "signer_name": decision.signer_name,
        "total_amount": money(total),
    }
    return DocumentData(
        values=values,
        lines=[
            LineData(
                no=line.position,
                name=line.recipient_name,
                unit=line.unit.name,
                title=line.title.name,
                reason=line.reason,
                multiplier=_multiplier(line.multiplier),
                amount=money(line.amount),
                is_collective=line.person_id is None,
            )
            for line in decision_lines
        ],
    )


def _issuer(heading: str) -> str:
    """The issuing body from the authority's line: "TỔNG THANH TRA CHÍNH PHỦ" ->
    "THANH TRA CHÍNH PHỦ"; "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" -> "ỦY BAN NHÂN DÂN TỈNH …"."""
    text = heading.upper().strip()
    for prefix in ("TỔNG ", "CHỦ TỊCH ", "CHÁNH "):
        if text.startswith(prefix):
            return text.removeprefix(prefix)
    return text


def sample_data() -> DocumentData:
    """Example values, to check an uploaded template before it is saved."""
    unit = "Thanh tra tỉnh Hà Nam"
    person = LineData(1, "Nguyễn Văn A", unit, "Bằng khen", "…", "1,5", "3.510.000", False)
    collective = LineData(2, "Phòng A", unit, "Cờ thi đua", "…", "8", "18.720.000", True)
    return DocumentData(
        values=dict.fromkeys(CONTEXT_NAMES, "…") | {"legal_bases": ["Căn cứ …;"]},
        lines=[person, collective],
    )


# --- rendering ------------------------------------------------------------------------------


class NamedUndefined(jinja2.StrictUndefined):
    """Undefined names fail at once, naming themselves."""


_UNDEFINED = re.compile(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')")


def _undefined_name(error: jinja2.UndefinedError) -> str:
    match = _UNDEFINED.search(str(error))
    if not match:
        return str(error)
    return f"{match.group(1)}.{match.group(2)}" if match.group(2) else match.group(1)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(undefined=NamedUndefined, autoescape=True)


def render(template_file, data: DocumentData) -> bytes:
    """Fill the .docx template (a path or a file object) with `data`; a broken template is
    refused with a Vietnamese message naming the placeholder or the Jinja error."""
    try:
        template = DocxTemplate(template_file)
        # docxtpl reads the parts lazily: a file that is no Word document fails here.
        template.init_docx()
    except Exception as exc:  # zip, XML or python-docx errors: not a usable .docx
        raise ActionRefused(_("The template is not a Word (.docx) file.")) from exc
    try:
        template.render(data.context(), jinja_env=_environment())
    except jinja2.UndefinedError as exc:
        raise ActionRefused(
            _(
                "The template uses the placeholder “%(name)s”, which does not exist. Use one of: "
                "%(names)s."
            )
            % {"name": _undefined_name(exc), "names": ", ".join(PLACEHOLDERS)}
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ActionRefused(
            _("The template has a mistake in a placeholder near “%(text)s”: %(error)s.")
            % {"text": _near(exc), "error": exc.message}
        ) from exc
    except jinja2.TemplateError as exc:
        raise ActionRefused(
            _("The template could not be filled: %(error)s.") % {"error": exc}
        ) from exc
    out = BytesIO()
    template.save(out)
    return out.getvalue()


def _near(error: jinja2.TemplateSyntaxError) -> str:
    """The line of the template's XML where Jinja stopped, reduced to its placeholders."""
    source = error.source or ""
    source_lines = source.splitlines()
    if error.lineno and 0 < error.lineno <= len(source_lines):
        text = re.sub(r"<[^>]+>", "", source_lines[error.lineno - 1])
        tags = re.findall(r"\{[{%].{0,60}?(?:[}%]\}|$)", text)
        return (tags[0] if tags else text[:80]).strip()
    return ""


def check_template(template_file) -> None:
    """Refuse a template that cannot be filled (used by the admin before saving)."""
    render(template_file, sample_data())


def file_name(decision, document: str) -> str:
    """ "Quyet_dinh_123-QD-TTCP.docx", "To_trinh_du_thao_7.docx" (ASCII, safe everywhere)."""
    stem = "Quyet_dinh" if document == DocumentKind.DECISION else "To_trinh"
    if decision.number:
        number = f"{decision.number}-{decision.authority.symbol}".replace("Đ", "D")
        number = re.sub(r"[^A-Za-z0-9]+", "-", number)
        return f"{stem}_{number.strip('-')}.docx"
    return f"{stem}_du_thao_{decision.pk}.docx"


def template_for(decision, document: str):
    """The uploaded template of the decision's kind for `document`, or the default's path."""
    uploaded = DecisionTemplate.objects.filter(
        decision_kind=decision.kind, document=document
    ).first()
    if uploaded is not None and uploaded.file:
        return uploaded.file
    return default_template_path(document)


def decision_document(decision, document: str) -> bytes:
    """The filled .docx of `document` ("decision" or "submission") for `decision`."""
    decision_lines = list(decision.lines.select_related("title", "unit").order_by("position"))
    template = template_for(decision, document)
    if hasattr(template, "open"):
        with template.open("rb") as handle:
            return render(BytesIO(handle.read()), document_data(decision, decision_lines))
    return render(template, document_data(decision, decision_lines))
