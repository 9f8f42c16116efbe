"""The sector's award register and lookup (tra cứu khen thưởng): every award record, of
people and collectives, across units and years, found by name (accents and case aside),
decision number, title, year, unit and cluster.

Award decisions are public acts (rules.py): every signed-in user looks them up. The amounts
are shown per record to those who may see that unit's award details
(`evaluations.view_award_details`), on the page and in the .xlsx alike.

The name and the decision number are looked up through the trigram index of the records'
search text (core.search); a page costs the same whatever the register's size.
"""

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from core.search import matching
from core.text import fold
from core.xlsx import DATE_FORMAT, print_setup, put_text
from evaluations.awards.models import AWARD_SEARCH_FIELDS, DECISION_NUMBER_TEXT, AwardRecord
from evaluations.awards.selectors import lineage_ids
from pledges.formfields import TitleChoiceField
from pledges.models import Title
from units.finder import PER_KIND, Found, FoundGroup, first, register_search_provider
from units.models import Cluster, ClusterMembership
from units.pickers import unit_field

PAGE_SIZE = 50
# Newest first: the order of the index `award_lookup_order`, so a page is read in order.
LOOKUP_ORDER = ("-year", "-decision_date", "recipient_name", "pk")
# The .xlsx holds at most this many rows (the first ones in the lookup's order).
EXPORT_LIMIT = 3000
# The top bar reads at most this many lines to list the decision numbers found.
DECISION_LINES_READ = 500


class LookupForm(forms.Form):
    """The lookup's criteria (a GET form: the address is the search, bookmarked or printed)."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=100, required=False)
    decision = forms.CharField(label=gettext_lazy("Decision number"), max_length=50, required=False)
    title = TitleChoiceField(
        label=gettext_lazy("Title or award form"), queryset=Title.objects.none(), required=False
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=1900, max_value=2999, required=False
    )
    cluster = forms.ModelChoiceField(
        label=gettext_lazy("Cluster"), queryset=Cluster.objects.none(), required=False
    )

    field_order = ["name", "decision", "title", "year", "unit", "cluster"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = unit_field(
            "all", user=user, label=gettext_lazy("Unit"), required=False
        )
        self.order_fields(self.field_order)
        self.fields["title"].queryset = Title.objects.order_by("order", "code", "recipient")
        self.fields["cluster"].queryset = Cluster.objects.order_by("-is_active", "name")
        self.fields["year"].widget.attrs.update({"min": 1900, "max": 2999})

    def criteria(self) -> "Criteria | None":
        """The criteria typed, or None when there is none (or the form is invalid)."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        criteria = Criteria(
            name=data["name"].strip(),
            decision=data["decision"].strip(),
            title=data["title"],
            year=data["year"],
            unit=data["unit"],
            cluster=data["cluster"],
        )
        return criteria if criteria.given else None


@dataclass(frozen=True)
class Criteria:
    name: str = ""
    decision: str = ""
    title: Title | None = None
    year: int | None = None
    unit: object = None
    cluster: Cluster | None = None

    @property
    def given(self) -> bool:
        return bool(
            fold(self.name)
            or fold(self.decision)
            or self.title
            or self.year
            or self.unit
            or self.cluster
        )


def decision_number_begins(typed: str):
    """The decision number begins with what is typed, accents, case and punctuation aside:
    "123/qd" finds "123/QĐ-TTCP" (not "1234/QĐ-TTCP"). Served by the btree index of the
    folded number."""
    return StartsWith(DECISION_NUMBER_TEXT, " " + fold(typed))


def award_lookup(criteria: Criteria) -> QuerySet:
    """The award records matching every criterion, newest first.

    Every word of the name begins a word of the recipient's name (trigram index); the
    decision number begins with the number typed (btree index). A unit's
    lookup takes in its predecessors' awards (R19). A cluster: the awards of the units
    that were its members in the award's year.
    """
    records = AwardRecord.objects.select_related("title", "unit")
    if fold(criteria.name):
        records = records.filter(*matching(AWARD_SEARCH_FIELDS, criteria.name))
    if fold(criteria.decision):
        records = records.filter(decision_number_begins(criteria.decision))
    if criteria.title is not None:
        records = records.filter(title=criteria.title)
    if criteria.year:
        records = records.filter(year=criteria.year)
    if criteria.unit is not None:
        lineage = lineage_ids([criteria.unit.pk]).get(criteria.unit.pk, {criteria.unit.pk})
        records = records.filter(unit_id__in=sorted(lineage))
    if criteria.cluster is not None:
        members = ClusterMembership.objects.filter(
            unit=OuterRef("unit_id"),
            cluster_year__cluster=criteria.cluster,
            cluster_year__year=OuterRef("year"),
        )
        records = records.filter(Exists(members))
    if fold(criteria.decision):
        # A decision's lines, in the order of its date: read through the decision number's
        # index and sorted (they are a few hundred); walking `award_lookup_order` would
        # fold every number of the later years on the way.
        return records.order_by("-decision_date", "decision_number", "recipient_name", "pk")
    return records.order_by(*LOOKUP_ORDER)


def lookup_workbook(records, *, user, today: date) -> bytes:
    """The lookup's records as a printable .xlsx; amounts only where `user` may see them."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Awards")[:31]
    headers = [
        _("No."),
        _("Year"),
        _("Recipient"),
        _("Individual or collective"),
        _("Unit"),
        _("Title or award form"),
        _("Decision number"),
        _("Decision date"),
        _("Issued by"),
        _("Amount (VND)"),
    ]
    header_row = 3
    for column, text in enumerate(headers, start=1):
        put_text(sheet.cell(header_row, column), text)
    row = header_row
    for number, record in enumerate(records, start=1):
        row += 1
        values = [
            number,
            record.year,
            record.recipient_name,
            _("Individual") if record.person_id else _("Collective"),
            record.unit.name,
            record.title.name,
            record.decision_number,
            record.decision_date,
            record.issuing_authority,
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = DATE_FORMAT
        if record.amount is not None and user.has_perm(
            "evaluations.view_award_details", record.unit
        ):
            amount = sheet.cell(row, len(values) + 1)
            amount.value = int(record.amount)
            amount.number_format = "#,##0"
    print_setup(
        sheet,
        header_rows=(header_row, header_row),
        title=_("Award register: lookup results"),
        exported_on=today,
        freeze_column=3,
    )
    output = BytesIO()
    book.save(output)
    return output.getvalue()


@register_search_provider
def found_decisions(user, query):
    """Decision numbers in the award register (public acts), each leading to its awards in
    the lookup. Found by the beginning of the number ("123/qd" finds "123/QĐ-TTCP")."""
    # The first lines in the number's order, through its index; their distinct numbers in
    # Python. A decision has many lines: DISTINCT in the database would read all of them.
    lines = list(
        AwardRecord.objects.filter(decision_number_begins(query))
        .order_by(DECISION_NUMBER_TEXT.asc())
        .values_list("decision_number", flat=True)[:DECISION_LINES_READ]
    )
    distinct = list(dict.fromkeys(lines))
    numbers = distinct[:PER_KIND]
    more = len(distinct) > PER_KIND or len(lines) == DECISION_LINES_READ
    lookup = reverse("evaluations:award_lookup")
    return FoundGroup(
        kind=_("Award decisions"),
        items=[
            Found(text=number, url=lookup + "?" + urlencode({"decision": number}))
            for number in numbers
        ],
        more=more,
        more_url=lookup + "?" + urlencode({"decision": query}),
    )


@register_search_provider
def found_awards(user, query):
    """Awarded people and collectives by name (public acts), leading to the lookup."""
    records, more = first(
        AwardRecord.objects.filter(*matching(AWARD_SEARCH_FIELDS, query))
        .select_related("title")
        .order_by(*LOOKUP_ORDER)
    )
    lookup = reverse("evaluations:award_lookup")
    return FoundGroup(
        kind=_("Awards"),
        items=[
            Found(
                text=record.recipient_name,
                detail=f"{record.title.name} · {record.year} · {record.decision_number}",
                url=lookup + "?" + urlencode({"name": record.recipient_name, "year": record.year}),
            )
            for record in records
        ],
        more=more,
        more_url=lookup + "?" + urlencode({"name": query}),
    )
