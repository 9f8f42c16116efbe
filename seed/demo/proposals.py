"""Demo award proposals in every state, made through the same services as the pages."""

from datetime import date

from evaluations.proposals import services
from evaluations.proposals.choices import InitiativeScope, TaskRating
from evaluations.proposals.models import AwardProposal
from pledges.models import Title
from seed.demo.awards import demo_person
from units.models import ClusterYear, Person, Unit, User

SUMMARY = (
    "Hoàn thành xuất sắc nhiệm vụ thanh tra, tiếp công dân và giải quyết khiếu nại, tố cáo; "
    "tích cực tham gia các phong trào thi đua của Cụm và của ngành."
)


def _person(unit, index):
    return Person.objects.filter(unit=unit, is_active=True).order_by("pk")[index]


def seed_proposals():
    # The 2019 proposals come with the demo's 2019 award decision (seed/demo/decisions.py).
    if AwardProposal.objects.exclude(year=2019).exists():
        return
    units = {u.code: u for u in Unit.objects.filter(code__startswith="TT-")}
    years = {cy.year: cy for cy in ClusterYear.objects.filter(cluster__code="CUM2")}
    users = {u.username: u for u in User.objects.filter(username__in=_USERNAMES)}
    secretary, admin = users["thuky.cum2"], users["admin"]
    title = {(t.code, t.recipient): t for t in Title.objects.all()}

    def propose(username, unit_code, code, *, year=2026, person_index=None, **extra):
        unit = units[unit_code]
        person = _person(unit, person_index) if person_index is not None else None
        return services.proposal_create(
            actor=users[username],
            cluster_year=years[year],
            unit=unit,
            person=person,
            title=title[(code, "person" if person else "collective")],
            year=year,
            summary=SUMMARY,
            task_rating=extra.pop("task_rating", TaskRating.EXCELLENT),
            no_pending_discipline=True,
            **extra,
        )

    def forward(proposal, officer):
        services.proposal_submit(proposal=proposal, actor=officer)
        services.proposal_endorse(proposal=proposal, actor=secretary)
        services.proposal_forward(proposal=proposal, actor=secretary)

    # Last year's proposals have their decisions.
    approved = propose("canbo.qni", "TT-QNI", "GK", year=2025)
    forward(approved, users["canbo.qni"])
    services.proposal_approve(
        proposal=approved,
        actor=admin,
        decision_number="25/QĐ-TTCP",
        decision_date=date(2026, 1, 15),
        issuing_authority="Tổng Thanh tra Chính phủ",
    )
    # Decided after the base salary rose to 2,530,000 VND (01/7/2026): a collective certificate,
    # whose Decree 152/2025 figure (Art. 54(2)) is unverified, so its amount shows "to verify".
    certificate = propose("canbo.bni", "TT-BNI", "BK_TTCP", year=2025)
    forward(certificate, users["canbo.bni"])
    services.proposal_approve(
        proposal=certificate,
        actor=admin,
        decision_number="640/QĐ-TTCP",
        decision_date=date(2026, 7, 20),
        issuing_authority="Tổng Thanh tra Chính phủ",
    )
    rejected = propose("canbo.bni", "TT-BNI", "GK", year=2025, person_index=2)
    forward(rejected, users["canbo.bni"])
    services.proposal_reject(
        proposal=rejected,
        actor=admin,
        reason="Thành tích trùng với hình thức khen thưởng đã đề nghị ở cấp tỉnh.",
    )

    # This year's round, in every state.
    propose("canbo.hye", "TT-HYE", "LDTT", person_index=3, task_rating=TaskRating.GOOD)
    submitted = propose("canbo.nbi", "TT-NBI", "GK", person_index=4)
    services.proposal_submit(proposal=submitted, actor=users["canbo.nbi"])
    returned = propose("canbo.hph", "TT-HPH", "GK")
    services.proposal_submit(proposal=returned, actor=users["canbo.hph"])
    services.proposal_return(
        proposal=returned,
        actor=secretary,
        comment="Đề nghị bổ sung báo cáo thành tích có xác nhận của Thủ trưởng đơn vị.",
    )
    endorsed = propose("canbo.pth", "TT-PTH", "GK", person_index=1)
    services.proposal_submit(proposal=endorsed, actor=users["canbo.pth"])
    services.proposal_endorse(proposal=endorsed, actor=secretary)
    forward(propose("canbo.qni", "TT-QNI", "GK", person_index=2), users["canbo.qni"])
    # The eligibility demo (award_demo): one person meets R3 for the sector's fighter title,
    # the other misses a year of Chiến sĩ thi đua cơ sở and cannot be submitted.
    sector_initiative = {
        "initiative_scope": InitiativeScope.SECTOR,
        "initiative": "Sổ tay điện tử hướng dẫn nghiệp vụ tiếp công dân",
    }
    for username, unit_code, position, submit in (
        ("canbo.hye", "TT-HYE", "Trưởng phòng Nghiệp vụ", True),
        ("canbo.nbi", "TT-NBI", "Chuyên viên", False),
    ):
        person = demo_person(unit_code, position)
        if person is None or person.unit_id != units[unit_code].pk:
            continue
        proposal = services.proposal_create(
            actor=users[username],
            cluster_year=years[2026],
            unit=units[unit_code],
            person=person,
            title=title[("CSTD_NGANH", "person")],
            year=2026,
            summary=SUMMARY,
            task_rating=TaskRating.EXCELLENT,
            no_pending_discipline=True,
            **sector_initiative,
        )
        if submit:
            services.proposal_submit(proposal=proposal, actor=users[username])
    withdrawn = propose("canbo.bni", "TT-BNI", "LDTT", person_index=5, task_rating="good")
    services.proposal_withdraw(
        proposal=withdrawn, actor=users["canbo.bni"], reason="Cán bộ chuyển công tác."
    )


_USERNAMES = [
    "admin",
    "thuky.cum2",
    "canbo.hye",
    "canbo.nbi",
    "canbo.hph",
    "canbo.bni",
    "canbo.pth",
    "canbo.qni",
]
