from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from campaigns.choices import CampaignKind, CampaignScope, CriterionKind, EventKind, ReviewKind
from campaigns.models import (
    Campaign,
    CampaignEvent,
    ContentArea,
    Criterion,
    EventAttachment,
    Phase,
    Rubric,
    RubricGroup,
)
from tests.factories.units import ClusterYearFactory, UnitFactory


class CampaignFactory(DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Phong trào thi đua số {n}")
    theme = "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả"
    kind = CampaignKind.REGULAR
    scope = CampaignScope.CLUSTER_YEAR
    cluster_year = factory.SubFactory(ClusterYearFactory)
    start_date = date(2025, 1, 1)
    end_date = date(2025, 12, 31)
    launch_date = date(2025, 1, 15)
    document_number = factory.Sequence(lambda n: f"{n}/KH-CTĐ")


class SectorCampaignFactory(CampaignFactory):
    scope = CampaignScope.SECTOR
    cluster_year = None
    kind = CampaignKind.THEMATIC


class ContentAreaFactory(DjangoModelFactory):
    class Meta:
        model = ContentArea

    campaign = factory.SubFactory(CampaignFactory)
    order = factory.Sequence(int)
    title = "Hoàn thành tốt nhiệm vụ chuyên môn của ngành"


class PhaseFactory(DjangoModelFactory):
    class Meta:
        model = Phase

    campaign = factory.SubFactory(CampaignFactory)
    name = "Đợt 1"
    start_date = date(2025, 1, 1)
    end_date = date(2025, 6, 30)
    review_kind = ReviewKind.PRELIMINARY
    results_deadline = date(2025, 7, 10)


class RubricFactory(DjangoModelFactory):
    class Meta:
        model = Rubric

    campaign = factory.SubFactory(CampaignFactory)
    title = "Bảng tiêu chí chấm điểm thi đua"
    bonus_cap = Decimal("5")
    tie_break_groups = "A"


class RubricGroupFactory(DjangoModelFactory):
    class Meta:
        model = RubricGroup

    rubric = factory.SubFactory(RubricFactory)
    code = factory.Sequence(lambda n: f"G{n}")
    title = "Công tác thanh tra"
    order = factory.Sequence(int)


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = Criterion

    group = factory.SubFactory(RubricGroupFactory)
    rubric = factory.SelfAttribute("group.rubric")
    code = factory.Sequence(lambda n: f"C{n}")
    title = "Hoàn thành kế hoạch thanh tra năm"
    max_points = Decimal("10")
    kind = CriterionKind.NORMAL
    order = factory.Sequence(int)


class CampaignEventFactory(DjangoModelFactory):
    class Meta:
        model = CampaignEvent

    campaign = factory.SubFactory(CampaignFactory)
    kind = EventKind.FINAL_REVIEW
    title = "Hội nghị tổng kết"
    date = date(2025, 12, 10)
    host_unit = factory.SubFactory(UnitFactory)
    place = "Hưng Yên"


class EventAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = EventAttachment

    event = factory.SubFactory(CampaignEventFactory)
    file = factory.django.FileField(filename="bien-ban.pdf", data=b"%PDF-1.4\n%test\n")
    original_name = "Biên bản hội nghị.pdf"
    content_type = "application/pdf"
    size = 15
