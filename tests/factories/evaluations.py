from datetime import date

import factory
from factory.django import DjangoModelFactory

from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord
from evaluations.ballots.models import Ballot, BallotVoter
from evaluations.decisions.choices import AuthorityLevel
from evaluations.decisions.models import IssuingAuthority
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal, ProposalFile
from evaluations.results.models import CrossAssignment, RankingPublication, Submission
from tests.factories.campaigns import PhaseFactory, RubricFactory
from tests.factories.units import ClusterYearFactory, UnitFactory


class AwardRecordFactory(DjangoModelFactory):
    """Pass `title` (from the `titles` fixture); a person's award also takes `person`."""

    class Meta:
        model = AwardRecord

    year = 2024
    unit = factory.SubFactory(UnitFactory)
    person = None
    recipient_name = factory.LazyAttribute(
        lambda r: r.person.full_name if r.person else r.unit.name
    )
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-TTCP")
    decision_date = date(2025, 1, 15)
    issuing_authority = "Thanh tra Chính phủ"
    summary = "Hoàn thành xuất sắc nhiệm vụ."
    source = AwardSource.IMPORT


class AwardProposalFactory(DjangoModelFactory):
    """An endorsed proposal; pass `title`, and `person` for an individual."""

    class Meta:
        model = AwardProposal

    year = 2025
    cluster_year = factory.SubFactory(ClusterYearFactory)
    unit = factory.SubFactory(UnitFactory)
    person = None
    nominee_name = factory.LazyAttribute(lambda p: p.person.full_name if p.person else p.unit.name)
    proposing_unit = factory.SelfAttribute("unit")
    summary = "Hoàn thành xuất sắc nhiệm vụ năm 2025; có sáng kiến được công nhận."
    status = ProposalStatus.ENDORSED


class ProposalFileFactory(DjangoModelFactory):
    class Meta:
        model = ProposalFile

    proposal = factory.SubFactory(AwardProposalFactory)
    file = factory.django.FileField(filename="bao-cao.pdf", data=b"%PDF-1.4\n%test\n")
    original_name = "Báo cáo thành tích.pdf"
    content_type = "application/pdf"
    size = 15


class SubmissionFactory(DjangoModelFactory):
    """A unit's results for a phase, without scores, on the campaign's first rubric (a new
    one when the campaign has none)."""

    class Meta:
        model = Submission

    phase = factory.SubFactory(PhaseFactory)
    unit = factory.SubFactory(UnitFactory)
    rubric = factory.LazyAttribute(
        lambda s: s.phase.campaign.rubrics.first() or RubricFactory(campaign=s.phase.campaign)
    )


class CrossAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = CrossAssignment

    submission = factory.SubFactory(SubmissionFactory)
    scorer = factory.SubFactory(UnitFactory)


class RankingPublicationFactory(DjangoModelFactory):
    """A published ranking (without entries)."""

    class Meta:
        model = RankingPublication

    phase = factory.SubFactory(PhaseFactory)


class BallotFactory(DjangoModelFactory):
    """A ballot without questions or voters (add voters with BallotVoterFactory)."""

    class Meta:
        model = Ballot

    cluster_year = factory.SubFactory(ClusterYearFactory)
    title = factory.Sequence(lambda n: f"Bình xét thi đua số {n}")


class BallotVoterFactory(DjangoModelFactory):
    """A member unit's ballot paper (cast by its leader); pass `user` and `unit=None` for a
    named delegate."""

    class Meta:
        model = BallotVoter

    ballot = factory.SubFactory(BallotFactory)
    unit = factory.SubFactory(UnitFactory)
    user = None
    name = factory.LazyAttribute(lambda v: v.unit.name if v.unit else v.user.display_name)


class IssuingAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = IssuingAuthority
        django_get_or_create = ("name",)

    name = "Tổng Thanh tra Chính phủ"
    heading = "TỔNG THANH TRA CHÍNH PHỦ"
    level = AuthorityLevel.SECTOR
    symbol = "QĐ-TTCP"
    place = "Hà Nội"
