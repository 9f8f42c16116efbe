"""Demo campaigns (DOMAIN.md, "The seeds' two real cases"), plus the running 2026 year.

Idempotent: a campaign is recognised by its title and left alone when it exists.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from campaigns import services
from campaigns.choices import CampaignKind, CampaignScope, CriterionKind, EventKind, ReviewKind
from campaigns.models import Campaign, CampaignEvent, Rubric
from units.models import ClusterYear, Unit, User

N, B, P = CriterionKind.NORMAL, CriterionKind.BONUS, CriterionKind.PENALTY

CONTENTS_2019 = [
    "Tuyên truyền, quán triệt chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng.",
    "Thi đua hoàn thành xuất sắc nhiệm vụ chính trị của ngành: thanh tra; tiếp công dân, giải quyết khiếu nại, tố cáo; phòng, chống tham nhũng.",
    "Hưởng ứng phong trào “Cả nước chung sức xây dựng nông thôn mới”, gắn với thanh tra các chương trình xây dựng nông thôn mới.",
    "Hưởng ứng phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”.",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW.",
    "Đào tạo, bồi dưỡng cán bộ; xây dựng văn hóa ứng xử của cán bộ thanh tra.",
    "Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; thi đua thực chất, không hình thức, gắn với khen thưởng.",
]
CONTENTS_80 = [
    "Tuyên truyền truyền thống vẻ vang 80 năm xây dựng và phát triển của ngành Thanh tra.",
    "Đấu tranh phòng, chống quan liêu, tham nhũng, lãng phí, tiêu cực và “lợi ích nhóm”.",
    "Tập thể, cá nhân đăng ký danh hiệu thi đua và hình thức khen thưởng; lựa chọn tập thể, cá nhân có thành tích lâu năm đề nghị khen thưởng cấp Nhà nước.",
    "Đẩy mạnh cải cách hành chính, siết chặt kỷ luật, kỷ cương hành chính.",
    "Tổ chức hội nghị điển hình tiên tiến trước Đại hội Thi đua yêu nước lần thứ VI của ngành.",
    "Tuyên truyền, biểu dương gương người tốt, việc tốt trên các phương tiện thông tin đại chúng.",
    "Giao lưu văn hóa, văn nghệ, thể dục thể thao chào mừng kỷ niệm 80 năm Ngày truyền thống ngành.",
]

# (code, title, [(code, title, max, kind, evidence)])
RUBRIC_CLUSTER = [
    (
        "A",
        "Công tác thanh tra",
        [
            ("A1", "Hoàn thành kế hoạch thanh tra năm được phê duyệt", 8, N, True),
            ("A2", "Thanh tra đột xuất theo chỉ đạo, phát hiện vi phạm", 5, N, True),
            ("A3", "Kiến nghị thu hồi tiền, tài sản; tỷ lệ thu hồi thực tế", 6, N, True),
            ("A4", "Theo dõi, đôn đốc, kiểm tra việc thực hiện kết luận thanh tra", 5, N, False),
            ("A5", "Thanh tra các chương trình xây dựng nông thôn mới", 4, N, True),
        ],
    ),
    (
        "B",
        "Tiếp công dân, giải quyết khiếu nại, tố cáo",
        [
            ("B1", "Tổ chức tiếp công dân thường xuyên, định kỳ theo quy định", 5, N, False),
            ("B2", "Tỷ lệ giải quyết khiếu nại, tố cáo thuộc thẩm quyền", 6, N, True),
            ("B3", "Tham mưu giải quyết vụ việc phức tạp, kéo dài", 5, N, True),
            ("B4", "Thực hiện quyết định giải quyết khiếu nại, tố cáo đã có hiệu lực", 4, N, False),
        ],
    ),
    (
        "C",
        "Phòng, chống tham nhũng, lãng phí",
        [
            (
                "C1",
                "Thanh tra trách nhiệm thực hiện pháp luật về phòng, chống tham nhũng",
                5,
                N,
                True,
            ),
            (
                "C2",
                "Kiểm soát tài sản, thu nhập; phát hiện, chuyển cơ quan điều tra vụ việc có dấu hiệu tội phạm",
                5,
                N,
                True,
            ),
            ("C3", "Tuyên truyền, phổ biến pháp luật về phòng, chống tham nhũng", 3, N, False),
        ],
    ),
    (
        "D",
        "Xây dựng ngành",
        [
            ("D1", "Cải cách hành chính, chuyển đổi số trong hoạt động thanh tra", 5, N, True),
            ("D2", "Chế độ thông tin, báo cáo đúng hạn, đầy đủ", 4, N, False),
            ("D3", "Đào tạo, bồi dưỡng cán bộ; xây dựng văn hóa thanh tra", 4, N, False),
            ("D4", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 3, N, False),
        ],
    ),
    (
        "E",
        "Công tác thi đua, khen thưởng và hoạt động của Cụm",
        [
            ("E1", "Ký kết, triển khai giao ước thi đua; đăng ký danh hiệu đúng hạn", 4, N, True),
            (
                "E2",
                "Tham gia đầy đủ hoạt động của Cụm; phát hiện, nhân rộng điển hình tiên tiến",
                4,
                N,
                False,
            ),
            ("E3", "Tổ chức Đảng, đoàn thể vững mạnh", 5, N, False),
        ],
    ),
    (
        "G",
        "Điểm thưởng",
        [
            ("G1", "Được tặng Cờ thi đua hoặc Bằng khen cấp trên trong năm", 3, B, True),
            ("G2", "Có sáng kiến được công nhận cấp ngành trở lên", 2, B, True),
        ],
    ),
    (
        "H",
        "Điểm trừ",
        [
            ("H1", "Có cán bộ bị kỷ luật từ khiển trách trở lên", 5, P, False),
            ("H2", "Báo cáo chậm, không đúng quy định (mỗi lần)", 2, P, False),
            ("H3", "Không hoàn thành chỉ tiêu đã đăng ký trong giao ước", 3, P, False),
        ],
    ),
]
RUBRIC_80 = [
    (
        "A",
        "Tuyên truyền truyền thống 80 năm ngành Thanh tra",
        [
            ("A1", "Xây dựng kế hoạch hưởng ứng phong trào thi đua của đơn vị", 4, N, True),
            (
                "A2",
                "Tuyên truyền truyền thống ngành trên cổng thông tin, báo chí địa phương",
                4,
                N,
                True,
            ),
            ("A3", "Tổ chức hoạt động kỷ niệm, tri ân cán bộ lão thành", 3, N, False),
        ],
    ),
    (
        "B",
        "Thực hiện nhiệm vụ chuyên môn",
        [
            ("B1", "Hoàn thành kế hoạch thanh tra năm", 8, N, True),
            ("B2", "Kiến nghị xử lý sai phạm kinh tế và tỷ lệ thu hồi", 7, N, True),
            ("B3", "Tiếp công dân, giải quyết khiếu nại, tố cáo đúng hạn", 8, N, True),
            ("B4", "Đấu tranh chống quan liêu, tham nhũng, lãng phí, “lợi ích nhóm”", 8, N, True),
            ("B5", "Xử lý sau thanh tra, đôn đốc thực hiện kết luận", 5, N, False),
        ],
    ),
    (
        "C",
        "Cải cách hành chính, kỷ luật, kỷ cương",
        [
            ("C1", "Cải cách thủ tục hành chính, ứng dụng công nghệ thông tin", 5, N, True),
            ("C2", "Chấp hành kỷ luật, kỷ cương hành chính", 5, N, False),
            ("C3", "Thực hiện chế độ báo cáo", 4, N, False),
        ],
    ),
    (
        "D",
        "Điển hình tiên tiến và Đại hội thi đua",
        [
            ("D1", "Phát hiện, bồi dưỡng điển hình tiên tiến", 6, N, True),
            (
                "D2",
                "Tham gia hội nghị điển hình tiên tiến, Đại hội Thi đua yêu nước lần thứ VI",
                5,
                N,
                False,
            ),
            ("D3", "Gương người tốt, việc tốt được biểu dương", 4, N, True),
        ],
    ),
    (
        "E",
        "Hoạt động văn hóa, thể thao và đoàn thể",
        [
            ("E1", "Tham gia giao lưu văn hóa, văn nghệ, thể thao", 4, N, False),
            (
                "E2",
                "Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh hoạt động hiệu quả",
                4,
                N,
                False,
            ),
            ("E3", "Thực hiện chính sách với cán bộ, người lao động", 3, N, False),
            ("E4", "Đơn vị văn hóa, cơ quan xanh, sạch, đẹp", 3, N, False),
        ],
    ),
    (
        "G",
        "Điểm thưởng",
        [
            ("G1", "Công trình, phần việc chào mừng 80 năm được cấp trên ghi nhận", 3, B, True),
            ("G2", "Tác phẩm báo chí về ngành đạt giải", 2, B, True),
        ],
    ),
    (
        "H",
        "Điểm trừ",
        [
            ("H1", "Có cán bộ vi phạm bị xử lý kỷ luật", 5, P, False),
            ("H2", "Không tham gia hoạt động chung của ngành", 2, P, False),
        ],
    ),
]


def _rubric(campaign, admin, title, spec, *, tie_break="A, B"):
    rubric = Rubric.objects.filter(campaign=campaign).first()
    if rubric is not None:
        return rubric
    rubric = services.rubric_create(actor=admin, campaign=campaign, title=title)
    groups = [
        {"code": code, "title": gtitle, "order": i} for i, (code, gtitle, _c) in enumerate(spec)
    ]
    criteria = [
        {
            "group_code": gcode,
            "code": code,
            "title": ctitle,
            "guidance": "",
            "max_points": Decimal(points),
            "kind": kind,
            "evidence_required": evidence,
            "order": j,
        }
        for gcode, _t, rows in spec
        for j, (code, ctitle, points, kind, evidence) in enumerate(rows)
    ]
    return services.rubric_save(
        rubric=rubric,
        actor=admin,
        header={
            "title": title,
            "bonus_cap": Decimal("5"),
            "tie_break_groups": tie_break,
            "band_excellent_from": Decimal("90"),
            "band_good_from": Decimal("80"),
            "band_complete_from": Decimal("60"),
        },
        groups=groups,
        criteria=criteria,
        revision=rubric.revision,
    )


def _campaign(admin, title, *, data, phases, contents):
    campaign = Campaign.objects.filter(title=title).first()
    if campaign is not None:
        return campaign, False
    campaign = services.campaign_save(
        actor=admin, data={"title": title, **data}, phases=phases, content_areas=contents
    )
    return campaign, True


def _event(campaign, admin, **data):
    if not CampaignEvent.objects.filter(campaign=campaign, title=data["title"]).exists():
        services.event_save(campaign=campaign, actor=admin, data=data)


def _phase(name, start, end, review, deadline, review_date=None):
    return {
        "name": name,
        "start_date": start,
        "end_date": end,
        "review_kind": review,
        "results_deadline": deadline,
        "review_date": review_date,
    }


@transaction.atomic
def seed_campaigns():
    admin = User.objects.get(username="admin")
    units = {u.code: u for u in Unit.objects.all()}
    years = {cy.year: cy for cy in ClusterYear.objects.filter(cluster__code="CUM2")}

    c2019, _created = _campaign(
        admin,
        "Phong trào thi đua năm 2019 của Cụm Thi đua số 2",
        data={
            "theme": "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả",
            "kind": CampaignKind.REGULAR,
            "scope": CampaignScope.CLUSTER_YEAR,
            "cluster_year": years[2019],
            "document_number": "01/KH-CTĐ2",
            "launch_date": date(2019, 2, 20),
            "issuing_unit": units["TT-HNA"],
            "start_date": date(2019, 1, 1),
            "end_date": date(2019, 12, 31),
        },
        phases=[
            _phase(
                "Sơ kết 6 tháng đầu năm",
                date(2019, 1, 1),
                date(2019, 6, 30),
                ReviewKind.PRELIMINARY,
                date(2019, 7, 10),
                date(2019, 7, 25),
            ),
            _phase(
                "Tổng kết năm 2019",
                date(2019, 7, 1),
                date(2019, 12, 31),
                ReviewKind.FINAL,
                date(2019, 12, 5),
                date(2019, 12, 18),
            ),
        ],
        contents=CONTENTS_2019,
    )
    rubric_2019 = _rubric(
        c2019, admin, "Bảng tiêu chí chấm điểm thi đua Cụm số 2 năm 2019", RUBRIC_CLUSTER
    )
    _event(
        c2019,
        admin,
        kind=EventKind.PLEDGE_SIGNING,
        title="Lễ ký kết giao ước thi đua năm 2019",
        date=date(2019, 3, 11),
        host_unit=units["TT-HNA"],
        place="Thanh tra tỉnh Hà Nam",
        description="Chín đơn vị thành viên ký giao ước thi đua năm 2019 với chủ đề “Đoàn kết, kỷ cương, trách nhiệm, hiệu quả”.",
    )
    _event(
        c2019,
        admin,
        kind=EventKind.PRELIMINARY_REVIEW,
        title="Hội nghị sơ kết 6 tháng đầu năm 2019",
        date=date(2019, 7, 25),
        host_unit=units["TT-HNA"],
        place="Hà Nam",
    )
    _event(
        c2019,
        admin,
        kind=EventKind.FINAL_REVIEW,
        title="Hội nghị tổng kết công tác thi đua năm 2019",
        date=date(2019, 12, 18),
        host_unit=units["TT-HNA"],
        place="Hà Nam",
    )

    c80, _created = _campaign(
        admin,
        "Phong trào thi đua yêu nước chào mừng 80 năm Ngày truyền thống ngành Thanh tra (23/11/1945 – 23/11/2025)",
        data={
            "theme": "Thi đua lập thành tích chào mừng 80 năm Ngày truyền thống ngành Thanh tra",
            "kind": CampaignKind.THEMATIC,
            "scope": CampaignScope.SECTOR,
            "document_number": "1234/KH-TTCP",
            # Launched on 05/7/2024, but phase 1 counts from 01/7/2024: entered as written.
            "launch_date": date(2024, 7, 5),
            "issuing_unit": units["TTCP"],
            "start_date": date(2024, 7, 1),
            "end_date": date(2025, 11, 23),
        },
        phases=[
            _phase(
                "Giai đoạn 1 (gắn với kết quả năm 2024)",
                date(2024, 7, 1),
                date(2024, 12, 31),
                ReviewKind.PRELIMINARY,
                date(2025, 1, 10),
                date(2025, 1, 20),
            ),
            _phase(
                "Giai đoạn 2 (gắn với kết quả năm 2025)",
                date(2025, 1, 1),
                date(2025, 11, 23),
                ReviewKind.FINAL,
                date(2025, 10, 31),
                date(2025, 11, 20),
            ),
        ],
        contents=CONTENTS_80,
    )
    _rubric(
        c80,
        admin,
        "Tiêu chí chấm điểm phong trào thi đua chào mừng 80 năm ngành Thanh tra",
        RUBRIC_80,
        tie_break="B, A",
    )
    _event(
        c80,
        admin,
        kind=EventKind.PRESS,
        title="Phát động phong trào thi đua yêu nước chào mừng 80 năm Ngày truyền thống",
        date=date(2024, 7, 5),
        host_unit=units["TTCP"],
        place="Hà Nội",
    )
    _event(
        c80,
        admin,
        kind=EventKind.PRELIMINARY_REVIEW,
        title="Sơ kết giai đoạn 1",
        date=date(2025, 1, 20),
        host_unit=units["TTCP"],
        place="Hà Nội",
    )
    _event(
        c80,
        admin,
        kind=EventKind.CULTURE_SPORTS,
        title="Giao lưu văn nghệ, thể thao toàn ngành",
        date=date(2025, 8, 15),
        host_unit=units["TTCP"],
        place="Hà Nội",
    )
    _event(
        c80,
        admin,
        kind=EventKind.EXEMPLARY_CONFERENCE,
        title="Hội nghị điển hình tiên tiến ngành Thanh tra",
        date=date(2025, 9, 25),
        host_unit=units["TTCP"],
        place="Hà Nội",
    )
    _event(
        c80,
        admin,
        kind=EventKind.CONGRESS,
        title="Đại hội Thi đua yêu nước ngành Thanh tra lần thứ VI",
        date=date(2025, 11, 20),
        host_unit=units["TTCP"],
        place="Hà Nội",
    )

    c2026, created = _campaign(
        admin,
        "Phong trào thi đua năm 2026 của Cụm Thi đua số 2",
        data={
            "theme": years[2026].theme,
            "kind": CampaignKind.REGULAR,
            "scope": CampaignScope.CLUSTER_YEAR,
            "cluster_year": years[2026],
            "document_number": "01/KH-CTĐ2",
            "launch_date": date(2026, 2, 10),
            "issuing_unit": units["TT-HYE"],
            "start_date": date(2026, 1, 1),
            "end_date": date(2026, 12, 31),
        },
        phases=[
            _phase(
                "Sơ kết 6 tháng đầu năm",
                date(2026, 1, 1),
                date(2026, 6, 30),
                ReviewKind.PRELIMINARY,
                date(2026, 7, 10),
                date(2026, 7, 24),
            ),
            _phase(
                "Tổng kết năm 2026",
                date(2026, 7, 1),
                date(2026, 12, 31),
                ReviewKind.FINAL,
                date(2026, 12, 5),
                date(2026, 12, 18),
            ),
        ],
        contents=CONTENTS_2019,
    )
    if created:
        # The 2026 rubric starts as a copy of 2019's, as a secretariat would do.
        services.rubric_copy(
            source=rubric_2019,
            actor=admin,
            campaign=c2026,
            title="Bảng tiêu chí chấm điểm thi đua Cụm số 2 năm 2026",
        )
    _event(
        c2026,
        admin,
        kind=EventKind.PLEDGE_SIGNING,
        title="Lễ ký kết giao ước thi đua năm 2026",
        date=date(2026, 3, 6),
        host_unit=units["TT-HYE"],
        place="Thanh tra tỉnh Hưng Yên",
    )
    _event(
        c2026,
        admin,
        kind=EventKind.FINAL_REVIEW,
        title="Hội nghị tổng kết công tác thi đua năm 2026",
        date=date(2026, 12, 18),
        host_unit=units["TT-HYE"],
        place="Hưng Yên",
    )
