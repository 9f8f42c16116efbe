"""A reporting year (2019: 01/12/2018 – 30/11/2019) with awards, movements and officers of
every kind the forms count, inside and outside the period and the scopes."""

from datetime import date

import pytest

from campaigns.choices import CampaignKind, CampaignScope
from evaluations.statistics.models import EmulationOfficer
from tests.factories.campaigns import CampaignFactory
from tests.factories.evaluations import AwardRecordFactory
from tests.factories.units import ClusterYearFactory, PersonFactory

YEAR = 2019


@pytest.fixture
def statistics_world(titles, cluster_year, our_unit, other_unit, outside_unit):
    cluster_year.year = YEAR
    cluster_year.save(update_fields=["year"])
    ours = [PersonFactory(unit=our_unit, gender="female") for _ in range(3)]
    theirs = [PersonFactory(unit=other_unit, gender="male") for _ in range(2)]
    stranger = PersonFactory(unit=outside_unit)

    def award(code, recipient, unit, decided, *, person=None, year=YEAR, thematic=False):
        return AwardRecordFactory(
            title=titles[code, recipient],
            unit=unit,
            person=person,
            year=year,
            decision_date=decided,
            is_thematic=thematic,
        )

    records = [
        award("BK_TTCP", "collective", our_unit, date(2019, 1, 20)),
        award("BK_TTCP", "person", our_unit, date(2019, 6, 1), person=ours[0]),
        award("CSTD_NGANH", "person", our_unit, date(2019, 11, 30), person=ours[1]),  # last day
        award("KNC", "person", our_unit, date(2018, 12, 1), person=ours[2]),  # first day
        award(
            "BK_TTCP",
            "person",
            our_unit,
            date(2019, 5, 5),
            person=ours[0],
            year=2018,
            thematic=True,
        ),
        award("CO_TTCP", "collective", our_unit, date(2019, 12, 1)),  # the next period
        award("LDTT", "person", our_unit, date(2019, 3, 1), person=ours[1]),  # base level
        award("CO_TTCP", "collective", other_unit, date(2019, 2, 2)),
        award("BK_TTG", "person", other_unit, date(2019, 4, 4), person=theirs[0]),
        award("CSTD_TQ", "person", other_unit, date(2019, 8, 8), person=theirs[1]),
        award("CO_CP", "collective", other_unit, date(2019, 9, 9)),
        award("BK_TTG", "collective", other_unit, date(2018, 11, 30)),  # the period before
        award("BK_TTCP", "person", outside_unit, date(2019, 7, 7), person=stranger),
    ]
    other_cluster_year = ClusterYearFactory(year=YEAR)
    campaigns = [
        CampaignFactory(
            scope=CampaignScope.SECTOR, cluster_year=None, kind=CampaignKind.THEMATIC,
            launch_date=date(2019, 3, 1), start_date=date(2019, 3, 1),
            end_date=date(2020, 12, 31), issuing_unit=our_unit,
        ),
        CampaignFactory(
            cluster_year=cluster_year, launch_date=date(2019, 2, 20),
            start_date=date(2019, 1, 1), end_date=date(2019, 12, 31),
        ),
        CampaignFactory(
            cluster_year=other_cluster_year, launch_date=date(2019, 5, 2),
            start_date=date(2019, 5, 1), end_date=date(2019, 10, 31),
        ),
        CampaignFactory(  # launched in the next period
            cluster_year=cluster_year, launch_date=date(2019, 12, 5),
            start_date=date(2020, 1, 1), end_date=date(2020, 12, 31),
        ),
        CampaignFactory(  # no launch date: its start counts
            scope=CampaignScope.SECTOR, cluster_year=None, launch_date=None,
            start_date=date(2019, 6, 1), end_date=date(2025, 5, 31),
        ),
    ]  # fmt: skip
    officers = [
        EmulationOfficer.objects.create(
            person=ours[0], birth_year=1990, training="university", since_year=2015
        ),
        EmulationOfficer.objects.create(
            person=theirs[0], birth_year=1960, training="postgraduate", since_year=2000
        ),
        EmulationOfficer.objects.create(
            person=ours[1], birth_year=1979, training="college", since_year=2009
        ),
        EmulationOfficer.objects.create(
            person=stranger, birth_year=1980, training="college", since_year=2010, is_active=False
        ),
    ]
    return {"records": records, "campaigns": campaigns, "officers": officers}
