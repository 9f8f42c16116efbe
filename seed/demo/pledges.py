"""Demo pledges and registrations (DOMAIN.md: Cluster No. 2's 2019 pledge; the 2025 year;
the 2026 draft).

Idempotent: objects are recognised by their titles and left alone when they exist.
"""

from datetime import date

from django.db import transaction

from pledges import services
from pledges.catalogue import load as load_catalogue
from pledges.choices import PledgeStatus
from pledges.models import Pledge, PledgeParty, Registration, RegistrationRound, Title
from units.models import ClusterYear, Person, Unit, User

COMMITMENTS_2019 = [
    (
        "Tuyên truyền, quán triệt chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng đến 100% cán bộ, công chức.",
        "100% cán bộ, công chức được quán triệt; tổ chức ít nhất 01 hội nghị chuyên đề.",
    ),
    (
        "Thi đua hoàn thành xuất sắc nhiệm vụ thanh tra; tiếp công dân, giải quyết khiếu nại, tố cáo; phòng, chống tham nhũng.",
        "Hoàn thành 100% kế hoạch thanh tra; giải quyết trên 85% vụ việc khiếu nại, tố cáo thuộc thẩm quyền.",
    ),
    (
        "Hưởng ứng phong trào “Cả nước chung sức xây dựng nông thôn mới”, gắn với thanh tra các chương trình xây dựng nông thôn mới.",
        "Mỗi đơn vị thực hiện ít nhất 01 cuộc thanh tra về nông thôn mới.",
    ),
    (
        "Hưởng ứng phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”.",
        "100% cán bộ tham gia ủng hộ Quỹ vì người nghèo.",
    ),
    (
        "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW).",
        "Mỗi cán bộ đăng ký và thực hiện ít nhất 01 việc làm theo gương Bác.",
    ),
    (
        "Đào tạo, bồi dưỡng cán bộ; xây dựng văn hóa ứng xử của cán bộ thanh tra.",
        "Ít nhất 30% cán bộ được bồi dưỡng nghiệp vụ trong năm.",
    ),
    (
        "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; thi đua thực chất, không hình thức, gắn với khen thưởng.",
        "Mỗi đơn vị giới thiệu ít nhất 01 điển hình tiên tiến.",
    ),
]
PREAMBLE_2019 = (
    "Thực hiện Luật Thi đua, khen thưởng và hướng dẫn của Thanh tra Chính phủ về công tác thi đua, "
    "khen thưởng năm 2019, các đơn vị thành viên Cụm Thi đua số 2 thống nhất ký kết giao ước thi đua "
    "với chủ đề “Đoàn kết, kỷ cương, trách nhiệm, hiệu quả”.\n\n"
    "Các đơn vị cam kết thi đua thực chất, không hình thức, gắn thi đua với khen thưởng."
)


def _leader_name(unit):
    # The chief at the time, found through employment history (merged units' staff moved on).
    person = (
        Person.objects.filter(employments__unit=unit, position="Chánh Thanh tra")
        .order_by("pk")
        .first()
    )
    return person.full_name if person else "Chánh Thanh tra"


def _pledge(actor, title, data, commitments):
    pledge = Pledge.objects.filter(title=title).first()
    if pledge is not None:
        return pledge, False
    pledge = services.pledge_save(
        actor=actor,
        data={"title": title, **data},
        commitments=[{"content": c, "target": t} for c, t in commitments],
    )
    return services.pledge_open(pledge=pledge, actor=actor), True


@transaction.atomic
def seed_pledges():
    admin = User.objects.get(username="admin")
    secretary = User.objects.get(username="thuky.cum2")
    units = {u.code: u for u in Unit.objects.all()}
    years = {cy.year: cy for cy in ClusterYear.objects.filter(cluster__code="CUM2")}

    # 2019: signed on paper by all nine units at the Hà Nam inspectorate on 11/3/2019.
    pledge_2019, created = _pledge(
        admin,
        "Giao ước thi đua năm 2019",
        {
            "cluster_year": years[2019],
            "theme": "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả",
            "preamble": PREAMBLE_2019,
            "signing_date": date(2019, 3, 11),
            "host_unit": units["TT-HNA"],
            "venue": "Thanh tra tỉnh Hà Nam",
            "place_name": "Hà Nam",
        },
        COMMITMENTS_2019,
    )
    if created:
        for party in PledgeParty.objects.filter(pledge=pledge_2019).select_related("unit"):
            services.pledge_record_signature(
                pledge=pledge_2019,
                actor=admin,
                party=party,
                signatory_name=_leader_name(party.unit),
                position="Chánh Thanh tra",
                signed_on=date(2019, 3, 11),
            )
        services.pledge_archive(pledge=Pledge.objects.get(pk=pledge_2019.pk), actor=admin)

    # 2025: open for signing by the units of after the merger; three have signed.
    pledge_2025, created = _pledge(
        secretary,
        "Giao ước thi đua năm 2025",
        {
            "cluster_year": years[2025],
            "theme": years[2025].theme,
            "preamble": "Chào mừng 80 năm Ngày truyền thống ngành Thanh tra (23/11/1945 – 23/11/2025), "
            "các đơn vị thành viên Cụm Thi đua số 2 ký kết giao ước thi đua năm 2025.",
            "host_unit": units["TT-HYE"],
            "venue": "Thanh tra tỉnh Hưng Yên",
            "place_name": "Hưng Yên",
        },
        COMMITMENTS_2019[1:],
    )
    if created and pledge_2025.status == PledgeStatus.OPEN:
        for code in ("TT-HYE", "TT-NBI", "TT-QNI"):
            slug = code.split("-")[1].lower()
            leader = User.objects.get(username=f"lanhdao.{slug}")
            services.pledge_sign(
                pledge=pledge_2025,
                actor=leader,
                unit=units[code],
                signatory_name=leader.get_full_name(),
                position="Chánh Thanh tra",
                signed_on=date(2025, 7, 15),
            )
    # 2026: the secretariat's draft, its commitments still being written (rows are added
    # and removed on the page without saving in between).
    title_2026 = "Giao ước thi đua năm 2026"
    if 2026 in years and not Pledge.objects.filter(title=title_2026).exists():
        services.pledge_save(
            actor=secretary,
            data={
                "title": title_2026,
                "cluster_year": years[2026],
                "theme": years[2026].theme,
                "host_unit": units["TT-HYE"],
                "place_name": "Hưng Yên",
            },
            commitments=[{"content": c, "target": t} for c, t in COMMITMENTS_2019[1:3]],
        )
    _registrations(secretary, units, years)


def _registrations(secretary, units, years):
    load_catalogue(Title, overwrite=False)  # normally there from the data migration
    titles = {(t.code, t.recipient): t for t in Title.objects.all()}
    round_2025 = RegistrationRound.objects.filter(cluster_year=years[2025]).first()
    if round_2025 is None:
        round_2025 = services.round_save(
            actor=secretary,
            data={
                "cluster_year": years[2025],
                "title": "Đăng ký danh hiệu thi đua và hình thức khen thưởng năm 2025",
                "deadline": date(2025, 3, 31),
            },
        )
        # Hưng Yên accepted, Ninh Bình submitted, Bắc Ninh returned, Quảng Ninh still a draft.
        plans = {
            "TT-HYE": "accepted",
            "TT-NBI": "submitted",
            "TT-BNI": "returned",
            "TT-QNI": "draft",
        }
        for code, state in plans.items():
            _registration(round_2025, units[code], state, titles, secretary, date(2025, 3, 20))
    if not RegistrationRound.objects.filter(cluster_year=years[2026]).exists():
        round_2026 = services.round_save(
            actor=secretary,
            data={
                "cluster_year": years[2026],
                "title": "Đăng ký danh hiệu thi đua và hình thức khen thưởng năm 2026",
                "deadline": date(2026, 12, 10),
            },
        )
        _registration(round_2026, units["TT-HYE"], "draft", titles, secretary, None)


def _registration(round_, unit, state, titles, secretary, submitted_on):
    slug = unit.code.split("-")[1].lower()
    officer = User.objects.get(username=f"canbo.{slug}")
    registration = services.registration_start(round_=round_, unit=unit, actor=officer)
    if Registration.objects.get(pk=registration.pk).items.exists():
        return
    staff = list(Person.objects.filter(unit=unit, is_active=True).order_by("pk")[:4])
    items = [{"title": titles[("TTLDXS", "collective")], "person": None, "note": ""}]
    if unit.code == "TT-HYE":
        items.append({"title": titles[("CO_TTCP", "collective")], "person": None, "note": ""})
    for person in staff[:3]:
        items.append({"title": titles[("LDTT", "person")], "person": person, "note": ""})
    items.append({"title": titles[("CSTDCS", "person")], "person": staff[0], "note": ""})
    # Shows rule warnings: no LĐTT registered for this person, no CSTĐCS history.
    items.append({"title": titles[("CSTDCS", "person")], "person": staff[3], "note": ""})
    items.append({"title": titles[("CSTD_NGANH", "person")], "person": staff[1], "note": ""})
    services.registration_save_items(registration=registration, actor=officer, items=items)
    if state == "draft":
        return
    services.registration_submit(registration=registration, actor=officer, today=submitted_on)
    if state == "accepted":
        services.registration_accept(registration=registration, actor=secretary)
    elif state == "returned":
        services.registration_return(
            registration=registration,
            actor=secretary,
            comment="Đề nghị bổ sung danh sách cá nhân đăng ký Lao động tiên tiến.",
        )
