from datetime import date

import factory
from factory.django import DjangoModelFactory

from pledges.choices import Recipient, TitleLevel
from pledges.models import (
    Commitment,
    Pledge,
    PledgeParty,
    Registration,
    RegistrationItem,
    RegistrationRound,
    Title,
)
from tests.factories.units import ClusterYearFactory, UnitFactory


class PledgeFactory(DjangoModelFactory):
    class Meta:
        model = Pledge

    cluster_year = factory.SubFactory(ClusterYearFactory)
    title = factory.Sequence(lambda n: f"Giao ước thi đua số {n}")
    theme = "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả"
    place_name = "Hà Nam"
    signing_date = date(2025, 3, 11)


class CommitmentFactory(DjangoModelFactory):
    class Meta:
        model = Commitment

    pledge = factory.SubFactory(PledgeFactory)
    order = factory.Sequence(int)
    content = "Hoàn thành 100% kế hoạch thanh tra"
    target = "100%"


class PledgePartyFactory(DjangoModelFactory):
    class Meta:
        model = PledgeParty

    pledge = factory.SubFactory(PledgeFactory)
    unit = factory.SubFactory(UnitFactory)
    unit_name = factory.SelfAttribute("unit.name")


class RegistrationRoundFactory(DjangoModelFactory):
    class Meta:
        model = RegistrationRound

    cluster_year = factory.SubFactory(ClusterYearFactory)
    title = "Đăng ký danh hiệu thi đua năm 2025"
    deadline = date(2025, 3, 31)


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    round = factory.SubFactory(RegistrationRoundFactory)
    unit = factory.SubFactory(UnitFactory)


class RegistrationItemFactory(DjangoModelFactory):
    """A registered title; pass `title`, and `person` for a person's title."""

    class Meta:
        model = RegistrationItem

    registration = factory.SubFactory(RegistrationFactory)
    person = None


class TitleFactory(DjangoModelFactory):
    """A title of one's own; the real catalogue comes from the `titles` fixture."""

    class Meta:
        model = Title

    code = factory.Sequence(lambda n: f"DH{n}")
    name = factory.Sequence(lambda n: f"Danh hiệu thi đua số {n}")
    recipient = Recipient.COLLECTIVE
    level = TitleLevel.BASE
