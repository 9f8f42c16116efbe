"""Demo award decisions: the issuing authorities, and Decision 112/QĐ-TTCP of 20/01/2020 of
the Inspector General for the winners of Cluster No. 2's 2019 ballot (the flag and the
certificates of merit), drafted from their forwarded proposals and recorded through the
services. Runs before `seed_awards`, which then finds these awards and keeps them.

Reachable from each proposal, from the 2019 cluster year's page and from its honour board.
Idempotent.
"""

from datetime import date

from django.db import transaction

from campaigns.models import Campaign
from evaluations.awards.models import AwardRecord
from evaluations.ballots.models import BallotCandidate
from evaluations.decisions import services
from evaluations.decisions.choices import AuthorityLevel, DecisionKind, SignForm
from evaluations.decisions.models import AwardDecision, IssuingAuthority
from evaluations.proposals.choices import ProposalStatus
from evaluations.proposals.models import AwardProposal, ProposalEvent
from seed.demo.awards import AMOUNTS_2019, CAMPAIGN_2019, COLLECTIVE
from seed.demo.ballots import BALLOT_2019
from units.models import ClusterYear, User

AUTHORITIES = [
    # name, heading, level, symbol, place
    (
        "Tổng Thanh tra Chính phủ",
        "TỔNG THANH TRA CHÍNH PHỦ",
        AuthorityLevel.SECTOR,
        "QĐ-TTCP",
        "Hà Nội",
    ),
    (
        "Chánh Thanh tra tỉnh Hà Nam",
        "CHÁNH THANH TRA TỈNH HÀ NAM",
        AuthorityLevel.UNIT,
        "QĐ-TTr",
        "Hà Nam",
    ),
    (
        "Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
        AuthorityLevel.PROVINCE,
        "QĐ-UBND",
        "Hưng Yên",
    ),
]
NUMBER_2019, DATE_2019 = "112", date(2020, 1, 20)
SUBJECT_2019 = (
    "Về việc tặng Cờ thi đua và Bằng khen của Tổng Thanh tra Chính phủ cho các tập thể "
    "thuộc Cụm Thi đua số 2 năm 2019"
)
# The reasons, as the proposals of 2019 wrote them (by title).
REASONS_2019 = {
    "CO_TTCP": "Đơn vị dẫn đầu phong trào thi đua năm 2019 của Cụm Thi đua số 2.",
    "BK_TTCP": "Hoàn thành xuất sắc nhiệm vụ công tác thanh tra năm 2019.",
}


def seed_authorities() -> dict:
    authorities = {}
    for name, heading, level, symbol, place in AUTHORITIES:
        authorities[name], _created = IssuingAuthority.objects.get_or_create(
            name=name,
            defaults={"heading": heading, "level": level, "symbol": symbol, "place": place},
        )
    return authorities


def _winners_2019() -> list:
    """The collectives the 2019 ballot selected, with their title (flag first)."""
    return list(
        BallotCandidate.objects.filter(
            question__ballot__title=BALLOT_2019, elected=True, unit__isnull=False
        )
        .select_related("unit", "question__title")
        .order_by("question__order", "question__pk", "order")
    )


@transaction.atomic
def seed_decisions():
    authorities = seed_authorities()
    admin = User.objects.filter(username="admin").first()
    year_2019 = ClusterYear.objects.filter(cluster__code="CUM2", year=2019).first()
    inspector_general = authorities["Tổng Thanh tra Chính phủ"]
    if admin is None or year_2019 is None:
        return
    if AwardDecision.objects.filter(authority=inspector_general, number=NUMBER_2019).exists():
        return
    winners = _winners_2019()
    if not winners:
        return
    # The cluster's forwarded proposals for them (the 2019 units are archived: the cluster's
    # secretariat proposed, as the dossier of 2019 shows; written as history, not replayed).
    campaign = Campaign.objects.filter(title=CAMPAIGN_2019).first()
    summaries = {(row[0], row[1]): row[6] for row in COLLECTIVE if row[2] == 2019}
    proposals = []
    for candidate in winners:
        title = candidate.question.title
        summary = summaries.get((candidate.unit.code, title.code), REASONS_2019.get(title.code))
        proposal, _created = AwardProposal.objects.get_or_create(
            title=title,
            year=2019,
            unit=candidate.unit,
            person=None,
            defaults={
                "cluster_year": year_2019,
                "nominee_name": candidate.unit.name,
                "proposing_unit": year_2019.chair_unit or candidate.unit,
                "by_secretariat": True,
                "summary": summary or "",
                "campaign": campaign,
                "no_pending_discipline": True,
                "status": ProposalStatus.FORWARDED,
            },
        )
        if _created:
            ProposalEvent.objects.create(
                proposal=proposal, to_status=ProposalStatus.FORWARDED, actor=admin
            )
        if proposal.status == ProposalStatus.FORWARDED:
            proposals.append(proposal)
    if not proposals:
        return
    decision = services.decision_draft(
        actor=admin,
        authority=inspector_general,
        proposals=proposals,
        kind=DecisionKind.COMMENDATION,
        subject=SUBJECT_2019,
        legal_bases=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung "
            "một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;\n"
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định "
            "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;\n"
            "Căn cứ Thông tư số 01/2016/TT-TTCP ngày 15 tháng 12 năm 2016 của Thanh tra Chính "
            "phủ quy định về công tác thi đua, khen thưởng ngành Thanh tra;"
        ),
        cluster_year=year_2019,
    )
    services.decision_record(
        decision=decision,
        actor=admin,
        number=NUMBER_2019,
        date=DATE_2019,
        signer_name="Lê Minh Khái",
        signer_position="Tổng Thanh tra Chính phủ",
        sign_form=SignForm.HEAD,
    )
    # The amounts written on the 2019 decision (Decree 91/2017/NĐ-CP, 1,490,000 VND): no dated
    # multiplier of the catalogue covers 2019.
    for line in decision.lines.select_related("title", "award_record"):
        amount = AMOUNTS_2019.get((line.title.code, line.title.recipient))
        if line.amount is None and amount is not None:
            line.amount = amount
            line.save(update_fields=["amount"])
            AwardRecord.objects.filter(pk=line.award_record_id).update(amount=amount)
