"""The read side of award records: histories (R19: successors inherit), eligibility history
(R10: thematic awards left out), reward amounts (R18: dated multiplier × dated base salary),
honour boards and dossier batches.

Every function costs a constant number of queries, whatever the number of records,
predecessors or years.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby

from django.db import connection
from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When

from campaigns.models import Campaign
from evaluations.awards.models import AwardRecord, BaseSalary
from pledges.choices import Recipient, TitleLevel
from pledges.models import Title
from pledges.selectors import multiplier_on
from units.models import ClusterMembership, Person, Unit
from units.selectors import roles_of

# Proposals that the cluster has endorsed and that make up its dossier (Law Art. 84).


# --- Lineage (R19) -------------------------------------------------------------------------


def lineage_ids(unit_ids) -> dict[int, set[int]]:
    """{unit id: {itself and every predecessor, recursively}} in one query.

    A predecessor is a unit whose `merged_into` is this unit; a predecessor's own
    predecessors are this unit's predecessors too.
    """
    unit_ids = sorted({int(pk) for pk in unit_ids})
    if not unit_ids:
        return {}
    table = Unit._meta.db_table
    # UNION (not UNION ALL) drops repeated rows, so even a corrupt cycle ends.
    sql = f"""
        WITH RECURSIVE lineage(root_id, unit_id) AS (
            SELECT id, id FROM {table} WHERE id = ANY(%s)
            UNION
            SELECT lineage.root_id, u.id FROM {table} u
            JOIN lineage ON u.merged_into_id = lineage.unit_id
        )
        SELECT root_id, unit_id FROM lineage
    """  # the table name comes from the model; values are parameters
    result = defaultdict(set)
    with connection.cursor() as cursor:
        cursor.execute(sql, [unit_ids])
        for root_id, unit_id in cursor.fetchall():
            result[root_id].add(unit_id)
    return dict(result)


# --- Histories -----------------------------------------------------------------------------


def _records() -> QuerySet:
    return AwardRecord.objects.in_force().select_related("title", "unit", "campaign")


@dataclass
class UnitAwardHistory:
    unit: Unit
    # The unit's collective awards and its predecessors' (each with `inherited_from`).
    collective: list = field(default_factory=list)
    # Awards of people: given while they worked in the unit or a predecessor, or to its staff.
    # A queryset, newest first, for the page to show a slice at a time.
    people: QuerySet | None = None
    # The years in which the unit's people received awards, newest first (the year filter).
    people_years: list = field(default_factory=list)
    predecessor_count: int = 0


def _inherited_from(unit):
    """The name of the predecessor that received the award, or "" for the unit's own."""
    return Case(
        When(unit_id=unit.pk, then=Value("")), default=F("unit__name"), output_field=CharField()
    )


def unit_award_history(unit, *, year: int | None = None) -> UnitAwardHistory:
    """The awards of a unit and of its predecessors (R19), newest first; persons apart.

    `people` is left unevaluated (page it); `year` narrows it to one year. Four queries
    (lineage, collective awards, staff, the people's years) plus what the page costs.
    """
    lineage = lineage_ids([unit.pk]).get(unit.pk, {unit.pk})
    collective = list(
        _records()
        .filter(unit_id__in=lineage, person__isnull=True)
        .annotate(inherited_from=_inherited_from(unit))
        .order_by("-year", "-decision_date", "title__order", "pk")
    )
    # The staff's ids are read first: "unit in the lineage OR person in the staff list" lets
    # PostgreSQL combine the (unit, year) and (person, year) indexes, where a join to the
    # staff table in the OR would scan every award record of the sector.
    staff = list(Person.objects.filter(unit=unit).values_list("pk", flat=True))
    people = (
        AwardRecord.objects.in_force()
        .filter(person__isnull=False)
        .filter(Q(unit_id__in=lineage) | Q(person_id__in=staff))
    )
    people_years = list(people.order_by("-year").values_list("year", flat=True).distinct())
    if year is not None:
        people = people.filter(year=year)
    people = (
        people.select_related("title", "unit", "campaign")
        .annotate(inherited_from=_inherited_from(unit))
        .order_by("-year", "title__order", "recipient_name", "pk")
    )
    return UnitAwardHistory(
        unit=unit,
        collective=collective,
        people=people,
        people_years=people_years,
        predecessor_count=len(lineage) - 1,
    )


def person_award_history(person) -> list:
    """Every award of a person over the years, newest first, wherever they worked."""
    return list(
        _records().filter(person=person).order_by("-year", "-decision_date", "title__order", "pk")
    )


def person_history(person_ids, years) -> dict:
    """Eligibility history provider: {person_id: {year: {title codes}}}.

    Reads award records, leaving out thematic ones (R10: awards of a thematic
    movement do not count toward regular-merit proposals).
    """
    person_ids = list(person_ids)
    if not person_ids:
        return {}
    rows = (
        AwardRecord.objects.in_force()
        .filter(person_id__in=person_ids, year__in=list(years), is_thematic=False)
        .values_list("person_id", "year", "title__code")
    )
    history = defaultdict(lambda: defaultdict(set))
    for person_id, year, code in rows:
        history[person_id][year].add(code)
    return {pk: dict(by_year) for pk, by_year in history.items()}


def unit_history(unit_ids, years, *, include_thematic: bool = False) -> dict:
    """{unit_id: {year: {title codes}}} of collective awards, predecessors' included (R19).

    A successor inherits the records of every unit merged into it (recursively), so
    consecutive-year rules read one history across a merger. Thematic awards are left
    out unless asked for (R10).
    """
    lineages = lineage_ids(unit_ids)
    if not lineages:
        return {}
    owners = defaultdict(set)  # record unit -> the requested units whose history it is
    for root, members in lineages.items():
        for member in members:
            owners[member].add(root)
    rows = AwardRecord.objects.in_force().filter(
        unit_id__in=list(owners), person__isnull=True, year__in=list(years)
    )
    if not include_thematic:
        rows = rows.filter(is_thematic=False)
    history = defaultdict(lambda: defaultdict(set))
    for unit_id, year, code in rows.values_list("unit_id", "year", "title__code"):
        for root in owners[unit_id]:
            history[root][year].add(code)
    return {pk: dict(by_year) for pk, by_year in history.items()}


# --- Reward amounts (R18) ------------------------------------------------------------------


def base_salaries() -> list:
    """[(valid_from, amount)], newest first: load once, then `award_amount(..., salaries=)`."""
    return list(BaseSalary.objects.order_by("-valid_from").values_list("valid_from", "amount"))


def base_salary_on(day: date, *, salaries=None) -> Decimal | None:
    """The base salary in force on `day` (the latest one that started on or before it)."""
    if day is None:
        return None
    for valid_from, amount in salaries if salaries is not None else base_salaries():
        if valid_from <= day:
            return amount
    return None


@dataclass(frozen=True)
class Reward:
    """R18: an award's amount and what it was computed from."""

    amount: Decimal
    multiplier: Decimal
    base_salary: Decimal
    legal_basis: str
    to_verify: bool

    def record_fields(self) -> dict:
        """The fields an award record keeps, so that its amount never follows the catalogue."""
        return {
            "amount": self.amount,
            "multiplier": self.multiplier,
            "amount_to_verify": self.to_verify,
        }


NO_REWARD_FIELDS = {"amount": None, "multiplier": None, "amount_to_verify": False}


def reward_on(title, decision_date: date, *, salaries=None, multipliers=None) -> Reward | None:
    """R18 (DOMAIN-OUTPUTS.md D): the multiplier of the decree in force on the decision date ×
    the base salary in force that day, rounded to the dong; None when either is unknown.

    Pass `salaries=base_salaries()` and `multipliers=title_multipliers()` to compute many
    amounts in two queries."""
    period = multiplier_on(title, decision_date, multipliers=multipliers)
    if period is None:
        return None
    base = base_salary_on(decision_date, salaries=salaries)
    if base is None:
        return None
    amount = (Decimal(period.multiplier) * base).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return Reward(
        amount=amount,
        multiplier=period.multiplier,
        base_salary=base,
        legal_basis=period.legal_basis,
        to_verify=period.to_verify,
    )


def reward_fields(title, decision_date: date, *, salaries=None, multipliers=None) -> dict:
    """The amount fields of a new award record (all empty when the amount is unknown)."""
    reward = reward_on(title, decision_date, salaries=salaries, multipliers=multipliers)
    return reward.record_fields() if reward else dict(NO_REWARD_FIELDS)


def award_amount(title, decision_date: date, *, salaries=None, multipliers=None) -> Decimal | None:
    """The amount alone of `reward_on`."""
    reward = reward_on(title, decision_date, salaries=salaries, multipliers=multipliers)
    return reward.amount if reward else None


# --- Honour boards (điển hình tiên tiến) --------------------------------------------------


# Base-level titles of individuals (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Giấy khen) go
# to hundreds of people in a cluster year: the board counts them per unit, and each unit's
# award history names them. Sector and state titles, and every collective one, are listed.
COUNTED_PER_UNIT = Q(title__level=TitleLevel.BASE, title__recipient=Recipient.PERSON)


@dataclass
class UnitCount:
    unit_id: int
    unit_name: str
    recipients: int


@dataclass
class HonourGroup:
    title: object
    records: list = field(default_factory=list)
    # For a title counted per unit: its recipients per unit, in place of the records.
    unit_counts: list = field(default_factory=list)
    counted: bool = False

    @property
    def size(self) -> int:
        """How many recipients the title has on the board."""
        if self.counted:
            return sum(row.recipients for row in self.unit_counts)
        return len(self.records)


def _title_key(title):
    return (title.order, title.code, title.recipient)


def _honour_board(condition) -> list[HonourGroup]:
    """The board's groups in catalogue order: listed titles with their records, base-level
    individual titles as a count per unit. Two or three queries, whatever the board's size."""
    awards = AwardRecord.objects.in_force().filter(condition)
    listed = (
        awards.filter(~COUNTED_PER_UNIT)
        .select_related("title", "unit")
        .order_by("title__order", "title__code", "title__recipient", "recipient_name", "pk")
    )
    groups = [
        HonourGroup(title=title, records=list(items))
        for title, items in groupby(listed, key=lambda r: r.title)
    ]
    counts = list(
        awards.filter(COUNTED_PER_UNIT)
        .values("title_id", "unit_id", "unit__name")
        .annotate(recipients=Count("person", distinct=True))
        .order_by("title_id", "unit__name", "unit_id")
    )
    if counts:
        titles = Title.objects.in_bulk({row["title_id"] for row in counts})
        for title_id, rows in groupby(counts, key=lambda row: row["title_id"]):
            unit_counts = [
                UnitCount(
                    unit_id=row["unit_id"],
                    unit_name=row["unit__name"],
                    recipients=row["recipients"],
                )
                for row in rows
            ]
            groups.append(
                HonourGroup(title=titles[title_id], unit_counts=unit_counts, counted=True)
            )
        groups.sort(key=lambda group: _title_key(group.title))
    return groups


def honour_board_for_campaign(campaign) -> list[HonourGroup]:
    """The awards given within a campaign, grouped by title."""
    return _honour_board(Q(campaign=campaign))


def honour_board_for_cluster_year(cluster_year) -> list[HonourGroup]:
    """The awards of the cluster year's member units and their people in that year, and
    those linked to the cluster year's campaigns, grouped by title."""
    # The ids are read first, as lists: under an OR, subqueries or a join to the campaigns
    # would make PostgreSQL scan every award record of the sector instead of using the
    # (unit, year) and campaign indexes.
    members = list(
        ClusterMembership.objects.filter(cluster_year=cluster_year)
        .order_by()
        .values_list("unit_id", flat=True)
    )
    campaigns = list(
        Campaign.objects.filter(cluster_year=cluster_year).order_by().values_list("pk", flat=True)
    )
    condition = Q(year=cluster_year.year, unit_id__in=members) | Q(campaign_id__in=campaigns)
    return _honour_board(condition)


# --- Import scope ---------------------------------------------------------------


def award_import_unit_ids(user) -> frozenset | None:
    """Units whose past awards this user may import: None means every unit (sector admin);
    the secretariat imports for the member units of the years it runs and their predecessors."""
    roles = roles_of(user)
    if roles.is_admin:
        return None
    if not roles.secretariat_unit_ids:
        return frozenset()
    lineages = lineage_ids(roles.secretariat_unit_ids)
    return frozenset(pk for members in lineages.values() for pk in members)
