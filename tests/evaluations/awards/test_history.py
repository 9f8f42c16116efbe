"""Award history: lineage (R19), the eligibility provider (R10), amounts (R18), pages."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.awards import history
from evaluations.awards import selectors as award_selectors
from evaluations.awards.models import AwardRecord
from evaluations.awards.selectors import (
    award_amount,
    lineage_ids,
    person_award_history,
    person_history,
    unit_award_history,
    unit_history,
)
from pledges import eligibility
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def merge(unit, into, on=date(2025, 7, 1)):
    unit.merged_into, unit.merged_on, unit.is_active = into, on, False
    unit.save()
    return unit


@pytest.fixture
def lineage():
    """C is the successor of B (2025), B of A (2020): C inherits both."""
    c = UnitFactory(name="Thanh tra tỉnh C")
    b = merge(UnitFactory(name="Thanh tra tỉnh B"), c)
    a = merge(UnitFactory(name="Thanh tra tỉnh A"), b, on=date(2020, 1, 1))
    return a, b, c


# --- selectors -------------------------------------------------------------------------------


def test_lineage_includes_predecessors_recursively(lineage, django_assert_num_queries):
    a, b, c = lineage
    with django_assert_num_queries(1):
        result = lineage_ids([c.pk, a.pk])
    assert result == {c.pk: {a.pk, b.pk, c.pk}, a.pk: {a.pk}}


def test_unit_history_maps_predecessors_records_onto_the_successor(titles, lineage):
    a, b, c = lineage
    AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=a, year=2019)
    AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=b, year=2023)
    AwardRecordFactory(title=titles[("CO_TTCP", "collective")], unit=c, year=2025)
    result = unit_history([c.pk, b.pk], range(2018, 2026))
    assert result[c.pk] == {2019: {"TTLDXS"}, 2023: {"TTLDXS"}, 2025: {"CO_TTCP"}}
    assert result[b.pk] == {2019: {"TTLDXS"}, 2023: {"TTLDXS"}}


def test_unit_history_leaves_out_thematic_awards_and_people(titles, lineage):
    a, _b, c = lineage
    AwardRecordFactory(title=titles[("BK_TTCP", "collective")], unit=a, year=2024, is_thematic=True)
    AwardRecordFactory(
        title=titles[("CSTDCS", "person")], unit=c, person=PersonFactory(unit=c), year=2024
    )
    assert unit_history([c.pk], [2024]) == {}
    assert unit_history([c.pk], [2024], include_thematic=True) == {c.pk: {2024: {"BK_TTCP"}}}


def test_unit_history_years_outside_are_ignored(titles, lineage):
    a, _b, c = lineage
    AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=a, year=2015)
    assert unit_history([c.pk], range(2020, 2026)) == {}


def test_person_history_provider_excludes_thematic_awards(titles):
    person = PersonFactory()
    for year in (2022, 2023, 2024):
        AwardRecordFactory(
            title=titles[("CSTDCS", "person")], unit=person.unit, person=person, year=year
        )
    AwardRecordFactory(
        title=titles[("BK_TTCP", "person")],
        unit=person.unit,
        person=person,
        year=2024,
        is_thematic=True,
    )
    assert person_history([person.pk], range(2020, 2026)) == {
        person.pk: {2022: {"CSTDCS"}, 2023: {"CSTDCS"}, 2024: {"CSTDCS"}}
    }


def test_provider_is_registered_once_with_the_eligibility_rules():
    assert eligibility._history_providers.count(person_history) == 1
    assert history.person_history is award_selectors.person_history


def test_eligibility_reads_award_records_for_r3(titles):
    three, two = PersonFactory(), PersonFactory()
    for year in (2022, 2023, 2024):
        AwardRecordFactory(
            title=titles[("CSTDCS", "person")], unit=three.unit, person=three, year=year
        )
    for year in (2023, 2024):
        AwardRecordFactory(title=titles[("CSTDCS", "person")], unit=two.unit, person=two, year=year)
    # A thematic award in the missing year does not fill the gap (R10).
    AwardRecordFactory(
        title=titles[("CSTDCS", "person")], unit=two.unit, person=two, year=2022, is_thematic=True
    )
    found = eligibility.award_history([three.pk, two.pk], range(2019, 2026))

    def rules(person):
        return [
            f.rule
            for f in eligibility.person_findings(
                title_code="CSTD_NGANH", year=2025, same_year_codes=set(), history=found[person.pk]
            )
        ]

    assert rules(three) == []
    assert rules(two) == ["R3"]


def test_unit_award_history_marks_inherited_rows_newest_first(titles, lineage):
    a, b, c = lineage
    old = AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=a, year=2019)
    mid = AwardRecordFactory(title=titles[("BK_TTCP", "collective")], unit=b, year=2023)
    own = AwardRecordFactory(title=titles[("CO_TTCP", "collective")], unit=c, year=2025)
    AwardRecordFactory(title=titles[("CO_TTCP", "collective")], unit=UnitFactory(), year=2025)
    moved = PersonFactory(unit=c)  # worked in B, moved to C at the merger
    at_b = AwardRecordFactory(title=titles[("CSTDCS", "person")], unit=b, person=moved, year=2024)
    result = unit_award_history(c)
    assert [r.pk for r in result.collective] == [own.pk, mid.pk, old.pk]
    assert [r.inherited_from for r in result.collective] == ["", b.name, a.name]
    assert [r.pk for r in result.people] == [at_b.pk]
    assert result.people[0].inherited_from == b.name
    assert result.predecessor_count == 2


def test_unit_award_history_lists_awards_of_current_staff_given_elsewhere(titles):
    unit = UnitFactory()
    newcomer = PersonFactory(unit=unit)
    record = AwardRecordFactory(
        title=titles[("LDTT", "person")], unit=UnitFactory(), person=newcomer, year=2022
    )
    assert [r.pk for r in unit_award_history(unit).people] == [record.pk]


def test_person_award_history_is_every_year_newest_first(titles):
    person = PersonFactory()
    years = [2021, 2024, 2019]
    for year in years:
        AwardRecordFactory(
            title=titles[("LDTT", "person")], unit=person.unit, person=person, year=year
        )
    AwardRecordFactory(
        title=titles[("LDTT", "person")], unit=person.unit, person=PersonFactory(), year=2024
    )
    assert [r.year for r in person_award_history(person)] == [2024, 2021, 2019]


# --- R18 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "recipient", "day", "expected"),
    [
        ("CSTDCS", "person", date(2024, 7, 1), Decimal("2340000")),
        ("CSTDCS", "person", date(2024, 6, 30), Decimal("1800000")),
        ("LDTT", "person", date(2024, 1, 2), Decimal("540000")),
        # Before Decree 98/2023 (01/01/2024) no multiplier is recorded: the decision's amount
        # is typed from it.
        ("LDTT", "person", date(2023, 12, 20), None),
        ("CO_TTCP", "collective", date(2025, 1, 20), Decimal("18720000")),
        ("CSTD_TQ", "person", date(2025, 1, 20), Decimal("10530000")),
        ("CSTDCS", "person", date(2023, 6, 30), None),  # no base salary recorded that early
        ("KNC", "person", date(2025, 1, 20), None),  # no multiplier
    ],
)
def test_award_amount_is_multiplier_times_base_salary_on_the_decision_date(
    titles, base_salaries, code, recipient, day, expected
):
    assert award_amount(titles[(code, recipient)], day) == expected


def test_award_amount_follows_a_new_base_salary(titles, base_salaries):
    title = titles[("TTLDXS", "collective")]
    assert award_amount(title, date(2026, 6, 30)) == Decimal("3510000")
    assert award_amount(title, date(2026, 7, 1)) == Decimal("3795000")


# --- pages -----------------------------------------------------------------------------------

AMOUNT = Decimal("7654321")


def _shows_amount(response):
    html = response.content.decode()
    return "7.654.321" in html or "7,654,321" in html


@pytest.fixture
def our_awards(titles, our_unit):
    predecessor = merge(UnitFactory(name="Thanh tra tỉnh Tiền Thân"), our_unit)
    AwardRecordFactory(
        title=titles[("TTLDXS", "collective")],
        unit=predecessor,
        year=2023,
        decision_number="88/QĐ-UBND",
        amount=AMOUNT,
    )
    person = PersonFactory(unit=our_unit, full_name="Phạm Thị Mẫu")
    AwardRecordFactory(title=titles[("CSTDCS", "person")], unit=our_unit, person=person, year=2024)
    return person


@pytest.mark.parametrize(
    ("role", "sees_amount"),
    [
        ("admin", True),
        ("officer", True),
        ("leader", True),
        ("secretariat", True),
        ("other_officer", False),
        ("outsider", False),
        ("viewer", False),
    ],
)
def test_unit_awards_page_public_decisions_private_amounts(
    client, user_of, our_unit, our_awards, role, sees_amount
):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:unit_awards", args=[our_unit.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "88/QĐ-UBND" in html
    assert "Thanh tra tỉnh Tiền Thân" in html  # the inherited row names its predecessor
    assert "Phạm Thị Mẫu" in html  # names of awarded people are public
    assert response.context["show_details"] is sees_amount
    assert _shows_amount(response) is sees_amount


def test_unit_awards_page_needs_sign_in(client, our_unit):
    response = client.get(reverse("evaluations:unit_awards", args=[our_unit.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_unit_awards_page_of_a_missing_unit_is_404(client, officer):
    client.force_login(officer)
    assert client.get(reverse("evaluations:unit_awards", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("officer", 200),
        ("leader", 200),
        ("secretariat", 200),
        ("other_officer", 404),
        ("outsider", 404),
        ("viewer", 404),
    ],
)
def test_person_awards_page_goes_with_the_staff_record(client, user_of, our_awards, role, status):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:person_awards", args=[our_awards.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Phạm Thị Mẫu" in response.content.decode()
    else:
        assert "Phạm Thị Mẫu" not in response.content.decode()


def test_person_awards_page_needs_sign_in(client, our_awards):
    response = client.get(reverse("evaluations:person_awards", args=[our_awards.pk]))
    assert response.status_code == 302


def test_unit_detail_links_award_history_and_people(client, officer, our_unit, our_awards):
    client.force_login(officer)
    html = client.get(reverse("units:unit_detail", args=[our_unit.pk])).content.decode()
    assert reverse("evaluations:unit_awards", args=[our_unit.pk]) in html
    assert reverse("evaluations:person_awards", args=[our_awards.pk]) in html


@pytest.mark.parametrize("count", [1, 12])
def test_award_pages_cost_constant_queries(
    client, officer, titles, our_unit, count, django_assert_max_num_queries
):
    previous = our_unit
    for index in range(count):
        previous = merge(UnitFactory(), our_unit if index == 0 else previous)
        AwardRecordFactory(title=titles[("TTLDXS", "collective")], unit=previous, year=2010 + index)
        person = PersonFactory(unit=our_unit)
        for year in (2022, 2023):
            AwardRecordFactory(
                title=titles[("LDTT", "person")], unit=previous, person=person, year=year
            )
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("evaluations:unit_awards", args=[our_unit.pk]))
    assert len(response.context["history"].collective) == count
    assert response.context["page_obj"].paginator.count == 2 * count
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluations:person_awards", args=[person.pk])).status_code == 200


@pytest.fixture
def many_people_awards(titles, our_unit):
    """Twelve people of our unit, Lao động tiên tiến each year 2020–2024: 60 awards, more
    than a page; and two collective awards of the unit."""
    people = [PersonFactory(unit=our_unit, full_name=f"Nguyễn Văn Số {n:02d}") for n in range(12)]
    for year in range(2020, 2025):
        for person in people:
            AwardRecordFactory(
                title=titles[("LDTT", "person")], unit=our_unit, person=person, year=year
            )
    collective = [
        AwardRecordFactory(
            title=titles[("TTLDXS", "collective")],
            unit=our_unit,
            year=year,
            decision_number=f"{year}/QĐ-TT",
        )
        for year in (2015, 2024)
    ]
    return people, collective


def _people_rows(response):
    return list(response.context["page_obj"].object_list)


def test_unit_awards_page_shows_people_awards_a_page_at_a_time_newest_first(
    client, viewer, our_unit, many_people_awards
):
    people, collective = many_people_awards
    url = reverse("evaluations:unit_awards", args=[our_unit.pk])
    client.force_login(viewer)
    first = client.get(url)
    second = client.get(url, {"page": 2})
    assert first.status_code == second.status_code == 200
    first_rows, second_rows = _people_rows(first), _people_rows(second)
    assert [len(first_rows), len(second_rows)] == [50, 10]
    # Newest first: 2024 opens the first page, the last page holds the rest of 2020.
    assert first_rows[0].year == 2024
    assert [r.year for r in first_rows] == sorted((r.year for r in first_rows), reverse=True)
    assert {r.year for r in second_rows} == {2020}
    assert {r.pk for r in first_rows}.isdisjoint({r.pk for r in second_rows})
    # The page shows its rows and the way to the next one.
    first_html, second_html = first.content.decode(), second.content.decode()
    assert "?page=2" in first_html and "?page=1" in second_html
    last_name = second_rows[-1].recipient_name
    assert last_name == people[-1].full_name
    assert first_html.count(last_name) == 4  # 2021–2024 on the first page...
    assert second_html.count(last_name) == 1  # ...2020 on the second
    # The collective awards are shown whole on every page.
    for html in (first_html, second_html):
        assert all(record.decision_number in html for record in collective)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "²", "1e3", ""])
def test_unit_awards_page_survives_a_bad_page_number(
    client, viewer, our_unit, many_people_awards, page
):
    client.force_login(viewer)
    response = client.get(reverse("evaluations:unit_awards", args=[our_unit.pk]), {"page": page})
    assert response.status_code == 200
    assert len(_people_rows(response)) in (50, 10)  # the first or the last page


def test_unit_awards_page_filters_people_awards_by_year(
    client, viewer, our_unit, many_people_awards
):
    _people, collective = many_people_awards
    url = reverse("evaluations:unit_awards", args=[our_unit.pk])
    client.force_login(viewer)
    response = client.get(url, {"year": "2022"})
    rows = _people_rows(response)
    assert len(rows) == 12 and {r.year for r in rows} == {2022}
    html = response.content.decode()
    assert '<option value="2022" selected>' in html
    assert all(f'<option value="{year}"' in html for year in range(2020, 2025))
    # The collective awards are not filtered.
    assert all(record.decision_number in html for record in collective)
    # A year that is not a number shows every year.
    for junk in ("abc", "２０２２", "99999999999"):
        response = client.get(url, {"year": junk})
        assert response.status_code == 200
        assert response.context["page_obj"].paginator.count == 60


def test_unit_awards_pages_keep_the_year_filter(client, viewer, titles, our_unit):
    for _ in range(55):
        AwardRecordFactory(
            title=titles[("LDTT", "person")],
            unit=our_unit,
            person=PersonFactory(unit=our_unit),
            year=2023,
        )
    client.force_login(viewer)
    url = reverse("evaluations:unit_awards", args=[our_unit.pk])
    html = client.get(url, {"year": "2023"}).content.decode()
    assert "?year=2023&amp;page=2" in html


def test_unit_awards_page_queries_do_not_grow_with_the_records(
    client, officer, titles, our_unit, many_people_awards, django_assert_max_num_queries
):
    url = reverse("evaluations:unit_awards", args=[our_unit.pk])
    client.force_login(officer)

    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, params).status_code == 200
        return len(captured)

    small = [queries(), queries(page=2), queries(year=2022)]
    # Ten times the awards, from more people and a predecessor unit.
    predecessor = merge(UnitFactory(), our_unit)
    for year in range(2015, 2025):
        AwardRecordFactory(title=titles[("TTLDTT", "collective")], unit=predecessor, year=year)
        for person in [PersonFactory(unit=our_unit) for _ in range(55)]:
            AwardRecordFactory(
                title=titles[("CSTDCS", "person")], unit=predecessor, person=person, year=year
            )
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.context["page_obj"].paginator.count == 60 + 550
    assert [queries(), queries(page=2), queries(year=2022)] == small


# --- the demo --------------------------------------------------------------------------------


def test_demo_awards_show_eligibility_inheritance_and_thematic(db):
    call_command("seed_demo", verbosity=0)
    count = AwardRecord.objects.count()
    call_command("seed_demo", verbosity=0)
    assert AwardRecord.objects.count() == count  # idempotent

    from seed.demo.awards import seed_awards
    from units.models import ClusterYear, Person, Unit

    names = seed_awards()
    eligible = Person.objects.get(full_name=names["eligible"], unit__code="TT-HYE")
    ineligible = Person.objects.get(full_name=names["ineligible"], unit__code="TT-NBI")
    found = eligibility.award_history([eligible.pk, ineligible.pk], range(2019, 2027))

    def rules(person):
        return [
            f.rule
            for f in eligibility.person_findings(
                title_code="CSTD_NGANH", year=2026, same_year_codes=set(), history=found[person.pk]
            )
        ]

    assert rules(eligible) == []
    assert rules(ineligible) == ["R3"]
    # The thematic certificate is on record but not in the eligibility history (R10).
    assert AwardRecord.objects.filter(person=eligible, is_thematic=True).exists()
    assert "BK_TTCP" not in found[eligible.pk][2025]
    # Hưng Yên inherits Thái Bình's collective awards (R19).
    hung_yen = Unit.objects.get(code="TT-HYE")
    inherited = unit_history([hung_yen.pk], range(2019, 2026))[hung_yen.pk]
    assert {2022, 2023} <= {y for y, codes in inherited.items() if "TTLDXS" in codes}
    # The 2019 honour board.
    board = award_selectors.honour_board_for_cluster_year(
        ClusterYear.objects.get(cluster__code="CUM2", year=2019)
    )
    assert {g.title.code for g in board} >= {"CO_TTCP", "BK_TTCP", "TTLDXS", "CSTDCS"}
    assert all(r.summary for g in board for r in g.records)
