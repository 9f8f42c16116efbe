"""Every cell of every form, counted in SQL, against a count by hand in Python over the same
objects; and the figures of the constructed year written out for the main cells."""

from datetime import date

import pytest

from campaigns.models import Campaign
from evaluations.awards.models import AwardRecord
from evaluations.statistics.choices import ScopeKind
from evaluations.statistics.definitions import circular_for
from evaluations.statistics.models import EmulationOfficer
from evaluations.statistics.selectors import Scope, count_form
from tests.evaluations.statistics.conftest import YEAR

pytestmark = pytest.mark.django_db


# ----------------------------------------------------------------- the count by hand


def value_of(source, obj, term, year):
    """What a term reads on one object, written out without the ORM."""
    if source == "awards":
        return {
            "level": obj.title.level,
            "recipient": obj.title.recipient,
            "title": obj.title.code,
            "thematic": obj.is_thematic,
            "emulation_title": obj.title.is_emulation_title,
        }[term]
    if source == "campaigns":
        return {
            "scope": obj.scope,
            "kind": obj.kind,
            "days": (obj.end_date - obj.start_date).days,
        }[term]
    return {
        "gender": obj.person.gender,
        "training": obj.training,
        "age": year - obj.birth_year,
        "service_years": year - obj.since_year,
    }[term]


def passes(source, obj, spec, year):
    for term, wanted in spec.items():
        if term == "not":
            if passes(source, obj, wanted, year):
                return False
            continue
        value = value_of(source, obj, term, year)
        if isinstance(wanted, dict):
            if not wanted.get("min", -(10**9)) <= value < wanted.get("max", 10**9):
                return False
        elif isinstance(wanted, list):
            if value not in wanted:
                return False
        elif value != wanted:
            return False
    return True


def in_scope_and_period(source, obj, scope, period):
    if source == "awards":
        unit_id, day = obj.unit_id, obj.decision_date
    elif source == "campaigns":
        unit_id, day = obj.issuing_unit_id, obj.launch_date or obj.start_date
    else:
        unit_id, day = obj.person.unit_id, None
        if not obj.is_active:
            return False
    if day is not None and not period.start <= day <= period.end:
        return False
    if scope.kind == ScopeKind.UNIT:
        return unit_id == scope.unit.pk
    if scope.kind == ScopeKind.CLUSTER:
        if source == "campaigns":
            return obj.cluster_year_id is not None and (
                obj.cluster_year.cluster_id == scope.cluster_year.cluster_id
            )
        return unit_id in {m.unit_id for m in scope.cluster_year.memberships.all()}
    return True


def count_by_hand(form, scope, year):
    objects = {
        "awards": AwardRecord.objects.select_related("title"),
        "campaigns": Campaign.objects.select_related("cluster_year"),
        "staff": EmulationOfficer.objects.select_related("person"),
    }.get(form.source)
    period = form.circular.period(year)
    cells = {}
    for row in form.rows:
        if row.heading:
            continue
        for column in form.columns:
            if objects is None or not (row.counted and column.counted):
                cells[row.key, column.key] = None
                continue
            cells[row.key, column.key] = sum(
                1
                for obj in objects
                if in_scope_and_period(form.source, obj, scope, period)
                and passes(form.source, obj, form.filter, year)
                and passes(form.source, obj, row.filter, year)
                and passes(form.source, obj, column.filter, year)
            )
    return cells


def scopes(world, cluster_year, our_unit, outside_unit):
    return {
        "sector": Scope(kind=ScopeKind.SECTOR),
        "cluster": Scope(kind=ScopeKind.CLUSTER, cluster_year=cluster_year),
        "our unit": Scope(kind=ScopeKind.UNIT, unit=our_unit),
        "outside unit": Scope(kind=ScopeKind.UNIT, unit=outside_unit),
    }


@pytest.mark.parametrize("slug", ["0601", "0602", "0603", "0604", "0605"])
@pytest.mark.parametrize("scope_name", ["sector", "cluster", "our unit", "outside unit"])
def test_every_cell_equals_the_count_by_hand(
    statistics_world, cluster_year, our_unit, outside_unit, slug, scope_name
):
    scope = scopes(statistics_world, cluster_year, our_unit, outside_unit)[scope_name]
    form = circular_for(YEAR).forms[slug]
    table = count_form(form, scope=scope, year=YEAR)
    assert table.cells == count_by_hand(form, scope, YEAR)


# ----------------------------------------------------------------- the figures written out


def column(table, row, key):
    return table.cells[row, key]


def test_0603_sector_level_awards_of_2019(statistics_world, cluster_year, our_unit):
    form = circular_for(YEAR).forms["0603"]
    sector = count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=YEAR)
    # Seven sector-level awards decided from 01/12/2018 to 30/11/2019, both days included.
    assert column(sector, "01", "total") == 7
    assert [column(sector, "01", k) for k in ("certificate", "fighter", "flag", "badge")] == [
        4,
        1,
        1,
        1,
    ]
    assert (column(sector, "02", "total"), column(sector, "05", "total")) == (2, 5)
    assert (column(sector, "11", "total"), column(sector, "12", "total")) == (6, 1)
    assert column(sector, "03", "total") is None  # enterprises: by hand
    cluster = count_form(
        form, scope=Scope(kind=ScopeKind.CLUSTER, cluster_year=cluster_year), year=YEAR
    )
    assert column(cluster, "01", "total") == 6  # the outside unit's certificate is not its
    unit = count_form(form, scope=Scope(kind=ScopeKind.UNIT, unit=our_unit), year=YEAR)
    assert column(unit, "01", "total") == 5


def test_0602_state_awards_of_2019(statistics_world):
    form = circular_for(YEAR).forms["0602"]
    table = count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=YEAR)
    assert column(table, "1", "total") == 3  # the PM's collective certificate of 30/11/2018 is out
    assert [column(table, "1", k) for k in ("gov_flag", "pm_c", "pm_p", "national_fighter")] == [
        1,
        0,
        1,
        1,
    ]
    assert (column(table, "6", "total"), column(table, "9", "total")) == (1, 2)
    assert column(table, "1", "orders_c") is None


def test_0601_movements_launched_in_2019(statistics_world, cluster_year):
    form = circular_for(YEAR).forms["0601"]
    table = count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=YEAR)
    assert [column(table, "01", k) for k in ("total", "ministry", "agency")] == [4, 2, 2]
    assert [column(table, r, "total") for r in ("06", "07", "08", "09", "10")] == [1, 1, 1, 0, 1]
    assert (column(table, "11", "total"), column(table, "12", "total")) == (1, 3)
    cluster = count_form(
        form, scope=Scope(kind=ScopeKind.CLUSTER, cluster_year=cluster_year), year=YEAR
    )
    assert column(cluster, "01", "total") == 1


def test_0605_officers_at_the_end_of_2019(statistics_world):
    form = circular_for(YEAR).forms["0605"]
    table = count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=YEAR)
    assert (column(table, "01", "total"), column(table, "01", "women")) == (3, 2)
    assert [column(table, r, "total") for r in ("02", "03", "04", "05", "06", "07")] == [
        1,
        1,
        0,
        0,
        1,
        0,
    ]
    assert [column(table, r, "total") for r in ("13", "14", "15")] == [1, 1, 1]


def test_a_form_filled_by_hand_costs_no_query(django_assert_num_queries):
    form = circular_for(YEAR).forms["0604"]
    with django_assert_num_queries(0):
        table = count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=YEAR)
    assert set(table.cells.values()) == {None}


@pytest.mark.parametrize("slug", ["0601", "0602", "0603", "0605"])
def test_a_form_is_one_query(statistics_world, django_assert_num_queries, slug):
    form = circular_for(YEAR).forms[slug]
    with django_assert_num_queries(1):
        count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=YEAR)


def test_the_period_is_the_reporting_year():
    period = circular_for(2020).period(2020)
    assert (period.start, period.end) == (date(2019, 12, 1), date(2020, 11, 30))
