"""One cluster year with every kind of object, built once for the permission matrix.

Two sides of everything:
- "own": objects of our unit (its staff, results, registration, evidence) or of
  our cluster year (campaign, rubric, event, pledge, round, phase);
- "other": the same kind of object of another unit of the same cluster (unit-owned
  objects) or of another cluster (cluster-owned objects).

Each object whose content is private carries a distinctive marker string. The
matrix test checks that a refused request never shows it, and that no page ever
shows a marker to a role that may not read it (`SECRETS`).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaigns import services as campaign_services
from evaluations.ballots import services as ballots
from evaluations.ballots.services import QuestionData
from evaluations.certificates import services as certificate_services
from evaluations.certificates.models import Certificate, CertificateBatch
from evaluations.decisions.choices import AuthorityLevel, DecisionStatus
from evaluations.decisions.models import AwardDecision, IssuingAuthority
from evaluations.proposals import services as proposal_services
from evaluations.results import services as evaluation_services
from evaluations.results.models import CrossAssignment
from notifications.choices import NotificationKind
from notifications.services import notify
from pledges import services as pledge_services
from pledges.catalogue import load as load_titles
from pledges.choices import PledgeFileKind
from pledges.models import Title
from tests.evaluations.certificates.helpers import award, recorded_decision
from tests.factories.campaigns import (
    CampaignEventFactory,
    CampaignFactory,
    CriterionFactory,
    PhaseFactory,
    RubricFactory,
    RubricGroupFactory,
)
from tests.factories.pledges import CommitmentFactory, PledgeFactory, RegistrationRoundFactory
from tests.factories.units import ClusterMembershipFactory, ClusterYearFactory, UnitFactory
from tests.roles import ROLES as ROLE_NAMES
from tests.roles import user_with_role
from units import services as unit_services
from units.choices import Role

# The matrix's columns: anonymous, then the roles of tests/roles.py.
ROLES = ("anonymous", *ROLE_NAMES)

# Distinctive strings. Private ones must never reach a role outside SECRETS[marker].
OWN_PERSON = "Nguyễn Riêng Tư Mình"
OTHER_PERSON = "Trần Riêng Tư Khác"
OWN_DRAFT = "GIAI-TRINH-NHAP-MINH-7f3a"
OTHER_DRAFT = "GIAI-TRINH-NHAP-KHAC-9c1e"
OWN_REGISTRATION = "DANG-KY-NHAP-MINH-2b8d"
OTHER_REGISTRATION = "DANG-KY-NHAP-KHAC-5e0f"
OWN_CAMPAIGN = "Phong trào cụm mình 4d2c"
OTHER_CAMPAIGN = "Phong trào cụm khác 8a6b"
OWN_DRAFT_PLEDGE = "Giao ước nháp cụm mình 3e9a"
OWN_PROPOSAL = "DE-NGHI-NHAP-MINH-6c4b"
OTHER_PROPOSAL = "DE-NGHI-NHAP-KHAC-1d7e"
DRAFT_DECISION = "DU-THAO-QUYET-DINH-3a9f"
OWN_NOTIFICATION = "THONG-BAO-MINH-8e2f"
OTHER_NOTIFICATION = "THONG-BAO-KHAC-4a9c"

SECRETS = {
    # Staff lists are personal data: the unit, its cluster's secretariat, administrators.
    OWN_PERSON: {"officer", "leader", "secretariat", "admin"},
    # The secretariat user works in the other unit, so the other unit's data is theirs too.
    OTHER_PERSON: {"other_officer", "secretariat", "admin"},
    # Draft results and registrations: the unit only.
    OWN_DRAFT: {"officer", "leader"},
    OTHER_DRAFT: {"other_officer", "secretariat"},
    OWN_REGISTRATION: {"officer", "leader"},
    OTHER_REGISTRATION: {"other_officer", "secretariat"},
    # A cluster campaign: its members, its secretariat, sector viewers and administrators.
    OWN_CAMPAIGN: {"officer", "leader", "other_officer", "secretariat", "viewer", "admin"},
    # The outsider's unit is a member of the other cluster.
    OTHER_CAMPAIGN: {"outsider", "viewer", "admin"},
    # A pledge draft is the secretariat's work.
    OWN_DRAFT_PLEDGE: {"secretariat", "admin"},
    # A draft award proposal: its unit's own until submitted (the secretariat is a member of
    # the other unit).
    OWN_PROPOSAL: {"officer", "leader"},
    OTHER_PROPOSAL: {"other_officer", "secretariat"},
    # A draft award decision is the sector administrators' working paper.
    DRAFT_DECISION: {"admin"},
    # A notification is its recipient's alone.
    OWN_NOTIFICATION: {"officer"},
    OTHER_NOTIFICATION: {"other_officer"},
}


def png_bytes() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_upload(name="tai-lieu.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%test\n", content_type="application/pdf")


def png_upload(name="anh.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


@dataclass
class Side:
    """The objects of one side ("own" or "other")."""

    objects: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.objects[key]


@dataclass
class World:
    users: dict
    own: Side
    other: Side
    sessions: dict = field(default_factory=dict)  # role -> session key, filled by the test

    def side(self, name: str) -> Side:
        return self.own if name == "own" else self.other


def _cluster_year(*units):
    cy = ClusterYearFactory()
    for unit in units:
        ClusterMembershipFactory(cluster_year=cy, unit=unit)
    return cy


def _campaign_with_rubric(cluster_year, title):
    campaign = CampaignFactory(cluster_year=cluster_year, title=title)
    campaign.document_file = pdf_upload("ke-hoach.pdf")
    campaign.document_file_name = "Kế hoạch.pdf"
    campaign.save()
    phase = PhaseFactory(campaign=campaign, results_deadline=date(2099, 12, 31))
    rubric = RubricFactory(campaign=campaign, tie_break_groups="A")
    group = RubricGroupFactory(rubric=rubric, code="A", order=0)
    CriterionFactory(group=group, code="A1", max_points=10, order=0)
    CriterionFactory(group=group, code="A2", max_points=5, order=1)
    return campaign, phase, rubric


def build_world() -> World:
    if not Title.objects.exists():
        load_titles(Title)
    our_unit, other_unit, outside_unit = UnitFactory(), UnitFactory(), UnitFactory()
    cy = _cluster_year(our_unit, other_unit)
    foreign_unit = UnitFactory()
    foreign_cy = _cluster_year(foreign_unit, outside_unit)

    users = {
        "anonymous": None,
        "officer": user_with_role(Role.UNIT_OFFICER, unit=our_unit),
        "leader": user_with_role(Role.UNIT_LEADER, unit=our_unit),
        "other_officer": user_with_role(Role.UNIT_OFFICER, unit=other_unit),
        "outsider": user_with_role(Role.UNIT_OFFICER, unit=outside_unit),
        "secretariat": user_with_role(Role.SECRETARIAT, cluster_year=cy, user_unit=other_unit),
        "viewer": user_with_role(Role.VIEWER, user_unit=UnitFactory()),
        "admin": user_with_role(Role.SECTOR_ADMIN, user_unit=UnitFactory()),
    }
    foreign_secretariat = user_with_role(
        Role.SECRETARIAT, cluster_year=foreign_cy, user_unit=foreign_unit
    )
    foreign_officer = user_with_role(Role.UNIT_OFFICER, unit=foreign_unit)

    own, other = Side(), Side()
    own.objects.update(unit=our_unit, cluster=cy.cluster, cluster_year=cy)
    other.objects.update(unit=other_unit, cluster=foreign_cy.cluster, cluster_year=foreign_cy)
    # Through the service, so that the change log holds the names too.
    for side, unit, actor, name in (
        (own, our_unit, users["officer"], OWN_PERSON),
        (other, other_unit, users["other_officer"], OTHER_PERSON),
    ):
        side.objects["person"] = unit_services.person_create(
            unit=unit, actor=actor, data={"full_name": name, "gender": "male"}
        )

    # Campaigns, rubrics, phases, events (cluster-owned: "other" is another cluster's).
    for side, year, title, manager in (
        (own, cy, OWN_CAMPAIGN, users["secretariat"]),
        (other, foreign_cy, OTHER_CAMPAIGN, foreign_secretariat),
    ):
        campaign, phase, rubric = _campaign_with_rubric(year, title)
        event = CampaignEventFactory(campaign=campaign, host_unit=year.memberships.first().unit)
        attachment = campaign_services.attachment_add(
            event=event, actor=manager, uploaded=png_upload()
        )
        side.objects.update(
            campaign=campaign, phase=phase, rubric=rubric, event=event, attachment=attachment
        )

    # Pledges: open for signing, with an attachment; our cluster also has a draft.
    for side, year, manager in (
        (own, cy, users["secretariat"]),
        (other, foreign_cy, foreign_secretariat),
    ):
        pledge = PledgeFactory(cluster_year=year, signing_date=None)
        CommitmentFactory(pledge=pledge, content="Hoàn thành kế hoạch thanh tra", target="100%")
        pledge_services.pledge_open(pledge=pledge, actor=manager)
        pledge_file = pledge_services.pledge_attach(
            pledge=pledge, actor=manager, uploaded=png_upload(), kind=PledgeFileKind.PHOTO
        )
        round_ = RegistrationRoundFactory(cluster_year=year, deadline=date(2099, 12, 31))
        side.objects.update(pledge=pledge, pledge_file=pledge_file, round=round_)
    draft_pledge = PledgeFactory(cluster_year=cy, title=OWN_DRAFT_PLEDGE, signing_date=None)
    own.objects["draft_pledge"] = draft_pledge
    other.objects["draft_pledge"] = PledgeFactory(cluster_year=foreign_cy, signing_date=None)

    # Registrations (unit-owned drafts: "other" is the other unit of our cluster).
    title = Title.objects.get(code="TTLDTT", recipient="collective")
    for side, unit, actor, note in (
        (own, our_unit, users["officer"], OWN_REGISTRATION),
        (other, other_unit, users["other_officer"], OTHER_REGISTRATION),
    ):
        registration = pledge_services.registration_start(
            round_=own["round"], unit=unit, actor=actor
        )
        pledge_services.registration_save_items(
            registration=registration,
            actor=actor,
            items=[{"title": title, "person": None, "note": note}],
        )
        side.objects["registration"] = registration
    # The other cluster's unit has a registration too (for the round of the other side).
    pledge_services.registration_start(
        round_=other["round"], unit=foreign_unit, actor=foreign_officer
    )

    # Results (unit-owned drafts), with an evidence photo each.
    for side, unit, actor, note in (
        (own, our_unit, users["officer"], OWN_DRAFT),
        (other, other_unit, users["other_officer"], OTHER_DRAFT),
    ):
        submission = evaluation_services.submission_start(
            phase=own["phase"], unit=unit, actor=actor
        )
        first = own["rubric"].criteria.order_by("order").first()
        evaluation_services.submission_save(
            submission=submission,
            actor=actor,
            scores={first.pk: {"self_score": Decimal("4"), "explanation": note}},
        )
        evidence = evaluation_services.evidence_add(
            submission=submission, actor=actor, uploaded=png_upload(), criterion=first
        )
        side.objects.update(submission=submission, evidence=evidence)

    # A cross-scoring assignment on our draft results (as if left from an earlier round):
    # a draft is never shown through it.
    own.objects["cross_assignment"] = CrossAssignment.objects.create(
        submission=own["submission"], scorer=other_unit
    )
    other.objects["cross_assignment"] = CrossAssignment.objects.create(
        submission=other["submission"], scorer=our_unit
    )

    # Extension requests (unit-owned: "other" is the other unit's), on our cluster's phase.
    for side, unit, actor in (
        (own, our_unit, users["officer"]),
        (other, other_unit, users["other_officer"]),
    ):
        side.objects["extension_request"] = evaluation_services.extension_request_create(
            phase=own["phase"],
            unit=unit,
            actor=actor,
            wished_until=date(2100, 1, 31),
            reason="Xin thêm thời gian",
        )

    # Award proposals (unit-owned drafts: "other" is the other unit of our cluster), each
    # with a file.
    gk = Title.objects.get(code="GK", recipient="collective")
    for side, unit, actor, note in (
        (own, our_unit, users["officer"], OWN_PROPOSAL),
        (other, other_unit, users["other_officer"], OTHER_PROPOSAL),
    ):
        proposal = proposal_services.proposal_create(
            actor=actor, cluster_year=cy, unit=unit, title=gk, year=cy.year, summary=note
        )
        proposal_file = proposal_services.proposal_file_add(
            proposal=proposal, actor=actor, uploaded=pdf_upload()
        )
        side.objects.update(proposal=proposal, proposal_file=proposal_file)

    # Nominee lists (unit-owned drafts, like the proposals above).
    ldtt = Title.objects.get(code="LDTT", recipient="person")
    for side, unit, actor in (
        (own, our_unit, users["officer"]),
        (other, other_unit, users["other_officer"]),
    ):
        side.objects["nominee_list"] = proposal_services.nominee_list_create(
            actor=actor,
            cluster_year=cy,
            unit=unit,
            title=ldtt,
            year=cy.year,
            nominees=[proposal_services.Nominee(person=side["person"], summary="Danh sách")],
        )

    # Open ballots (cluster-owned: "other" is another cluster's).
    for side, year, manager in (
        (own, cy, users["secretariat"]),
        (other, foreign_cy, foreign_secretariat),
    ):
        ballot = ballots.ballot_create(
            cluster_year=year,
            actor=manager,
            title="Bình xét thi đua",
            questions=[QuestionData(text="Cờ thi đua", title=None, places=1)],
        )
        question = ballot.questions.get()
        for membership in year.memberships.all():
            ballots.candidate_add(question=question, actor=manager, unit=membership.unit)
        side.objects.update(ballot=ballots.ballot_open(ballot=ballot, actor=manager))
        side.objects["question"] = question

    # Award decisions: "own" a recorded one (a public act) of our cluster year, "other" a draft
    # (the administrators' working paper) of the other cluster's year.
    authority = IssuingAuthority.objects.create(
        name="Tổng Thanh tra Chính phủ",
        heading="TỔNG THANH TRA CHÍNH PHỦ",
        level=AuthorityLevel.SECTOR,
        symbol="QĐ-TTCP",
        place="Hà Nội",
    )
    own.objects["decision"] = AwardDecision.objects.create(
        authority=authority,
        cluster_year=cy,
        status=DecisionStatus.RECORDED,
        number="1",
        date=date(2025, 1, 15),
        signer_name="Nguyễn Văn Ký",
        signer_position="Tổng Thanh tra",
    )
    other.objects["decision"] = AwardDecision.objects.create(
        authority=authority, cluster_year=foreign_cy, subject=DRAFT_DECISION
    )
    own.objects["authority"] = other.objects["authority"] = authority
    # Certificates: a recorded decision for each side's unit (decisions are sector acts: the
    # sides differ only in whose award it is), its unfinished print batch, a printed
    # certificate and the layout it prints with.
    bk = Title.objects.get(code="BK_TTCP", recipient="collective")
    for side, unit, number in ((own, our_unit, "901"), (other, other_unit, "902")):
        decision = recorded_decision(number=number, on=date(2020, 1, 15))
        record = award(decision, title=bk, unit=unit)
        side.objects["certificate_decision"] = decision
        side.objects["certificate_batch"] = CertificateBatch.objects.create(
            decision=decision, total=1
        )
        side.objects["certificate"] = Certificate.objects.create(
            award_record=record,
            authority=decision.authority,
            year=2020,
            register_number=int(number),
        )
    layout = certificate_services.layout_ensure(authority=decision.authority, title=bk)
    own.objects["certificate_layout"] = other.objects["certificate_layout"] = layout

    # Notifications (user-owned: ours is the officer's, the other the other unit's officer's).
    for side, user, note in (
        (own, users["officer"], OWN_NOTIFICATION),
        (other, users["other_officer"], OTHER_NOTIFICATION),
    ):
        (side.objects["notification"],) = notify(
            kind=NotificationKind.RESULT_RETURNED,
            recipients=[user],
            params={"unit": "x", "phase": "y", "note": note},
            url="/",
        )

    return World(users=users, own=own, other=other)
