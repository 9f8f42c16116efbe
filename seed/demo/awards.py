"""Demo award records, 2019–2025, for Cluster No. 2 (see DOMAIN.md and units/demo.py).

- the 2019 honour board: the 2019 campaign's flag, certificates, excellent collectives and
  base-level emulation fighters, with achievement summaries;
- collective awards of units merged on 01/7/2025, which their successors inherit (R19);
- a person of Hưng Yên with Chiến sĩ thi đua cơ sở in 2023, 2024 and 2025: eligible for the
  sector's emulation fighter title in 2026 (with a sector-level initiative);
- a person of Ninh Bình with it in 2024 and 2025 only: not eligible (R3);
- a thematic award of the 80th-anniversary campaign (R10: it does not count);
- amounts of three eras (DOMAIN-OUTPUTS.md D): the 2019 decisions' amounts as written on them
  (Decree 91/2017/NĐ-CP, base salary 1,490,000 VND); decisions of January 2025 under Decree
  98/2023/NĐ-CP (the certificates' figures to verify) with 2,340,000 VND; and a certificate
  decided on 14/8/2026 under Decree 152/2025/NĐ-CP (1.5) with 2,530,000 VND.

Past records entered as an import would (source: import). Idempotent.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from campaigns.models import Campaign
from evaluations.awards.base_salaries import load as load_base_salaries
from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord, BaseSalary
from evaluations.awards.selectors import base_salaries, reward_fields
from evaluations.results.models import RankingEntry
from pledges.models import Title
from pledges.selectors import title_multipliers
from units.models import ClusterYear, Person, Unit

TTCP = "Thanh tra Chính phủ"
CAMPAIGN_2019 = "Phong trào thi đua năm 2019 của Cụm Thi đua số 2"
CAMPAIGN_80 = "Phong trào thi đua yêu nước chào mừng 80 năm"

# unit code, title code, year, decision number, decision date, issuing body, summary
COLLECTIVE = [
    # 2019 (the honour board of the 2019 cluster year; the flag goes to the ranking's leader)
    (
        "TT-HYE",
        "BK_TTCP",
        2019,
        "112/QĐ-TTCP",
        date(2020, 1, 20),
        TTCP,
        "Hoàn thành xuất sắc kế hoạch thanh tra năm 2019; kiến nghị thu hồi 12,4 tỷ đồng.",
    ),
    (
        "TT-QNI",
        "BK_TTCP",
        2019,
        "112/QĐ-TTCP",
        date(2020, 1, 20),
        TTCP,
        "Dẫn đầu Cụm về giải quyết khiếu nại, tố cáo: 100% vụ việc giải quyết đúng hạn.",
    ),
    (
        "TT-BNI",
        "TTLDXS",
        2019,
        "35/QĐ-UBND",
        date(2020, 1, 8),
        "Ủy ban nhân dân tỉnh Bắc Ninh",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2019.",
    ),
    (
        "TT-NDI",
        "TTLDXS",
        2019,
        "41/QĐ-UBND",
        date(2020, 1, 10),
        "Ủy ban nhân dân tỉnh Nam Định",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2019; đi đầu cải cách hành chính.",
    ),
    (
        "TT-TBI",
        "TTLDXS",
        2019,
        "28/QĐ-UBND",
        date(2020, 1, 9),
        "Ủy ban nhân dân tỉnh Thái Bình",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2019.",
    ),
    # Units merged on 01/7/2025: their successors inherit these (R19).
    (
        "TT-TBI",
        "TTLDXS",
        2022,
        "30/QĐ-UBND",
        date(2023, 1, 12),
        "Ủy ban nhân dân tỉnh Thái Bình",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2022.",
    ),
    (
        "TT-TBI",
        "TTLDXS",
        2023,
        "22/QĐ-UBND",
        date(2024, 1, 11),
        "Ủy ban nhân dân tỉnh Thái Bình",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2023.",
    ),
    (
        "TT-TBI",
        "BK_TTCP",
        2024,
        "95/QĐ-TTCP",
        date(2025, 1, 22),
        TTCP,
        "02 năm liên tục hoàn thành xuất sắc nhiệm vụ (2023–2024).",
    ),
    (
        "TT-HNA",
        "CO_TTCP",
        2023,
        "88/QĐ-TTCP",
        date(2024, 1, 25),
        TTCP,
        "Đơn vị dẫn đầu Cụm Thi đua số 2 năm 2023.",
    ),
    (
        "TT-NDI",
        "TTLDXS",
        2024,
        "19/QĐ-UBND",
        date(2025, 1, 9),
        "Ủy ban nhân dân tỉnh Nam Định",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2024.",
    ),
    (
        "TT-VPH",
        "TTLDXS",
        2024,
        "27/QĐ-UBND",
        date(2025, 1, 14),
        "Ủy ban nhân dân tỉnh Vĩnh Phúc",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2024.",
    ),
    # Successors' own records.
    (
        "TT-HYE",
        "TTLDXS",
        2024,
        "16/QĐ-UBND",
        date(2025, 1, 8),
        "Ủy ban nhân dân tỉnh Hưng Yên",
        "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2024.",
    ),
    (
        "TT-NBI",
        "TTLDTT",
        2024,
        "24/QĐ-UBND",
        date(2025, 1, 10),
        "Ủy ban nhân dân tỉnh Ninh Bình",
        "Tập thể lao động tiên tiến năm 2024.",
    ),
]

# The 2019 decisions wrote their amounts under Decree 91/2017/NĐ-CP with the base salary of
# 1,490,000 VND (Decree 38/2019/NĐ-CP): no dated multiplier covers 2019, and a record keeps
# the amount of its decision whatever the catalogue says later.
AMOUNTS_2019 = {
    ("CO_TTCP", "collective"): Decimal("11920000"),  # 8.0 × 1,490,000
    ("BK_TTCP", "collective"): Decimal("2980000"),  # 2.0 × 1,490,000
    ("TTLDXS", "collective"): Decimal("2235000"),  # 1.5 × 1,490,000
    ("CSTDCS", "person"): Decimal("1490000"),  # 1.0 × 1,490,000
}
# A certificate decided after the base salary rose (Decree 161/2026/NĐ-CP, from 01/7/2026).
CERTIFICATE_2026 = ("TT-QNI", "Thanh tra viên", date(2026, 8, 14), "812/QĐ-TTCP")

# The base-level fighters of 2019 on the honour board: (unit code, position).
PEOPLE_2019 = [
    ("TT-HNA", "Trưởng phòng Nghiệp vụ", "Chủ trì 05 cuộc thanh tra kinh tế - xã hội năm 2019."),
    ("TT-HDU", "Thanh tra viên", "Sáng kiến quy trình tiếp công dân một cửa được áp dụng."),
    ("TT-VPH", "Phó Chánh Thanh tra", "Chỉ đạo hoàn thành 100% kế hoạch thanh tra năm 2019."),
]


def demo_person(code, position):
    """A demo person of that unit (from its own staff list, by the demo's staff code)."""
    return (
        Person.objects.filter(staff_code__startswith=f"{code}-", position=position)
        .order_by("pk")
        .first()
    )


def _record(*, title, year, unit, person=None, number, on, body, summary="", **extra):
    salaries, multipliers = extra.pop("salaries"), extra.pop("multipliers")
    typed = extra.pop("amount", None)
    if typed is not None:  # the amount written on the decision, kept as it is
        amount = {"amount": typed, "multiplier": None, "amount_to_verify": False}
    else:
        amount = reward_fields(title, on, salaries=salaries, multipliers=multipliers)
    AwardRecord.objects.get_or_create(
        title=title,
        year=year,
        unit=unit,
        person=person,
        defaults={
            "recipient_name": person.full_name if person else unit.name,
            "decision_number": number,
            "decision_date": on,
            "issuing_authority": body,
            **amount,
            "summary": summary,
            "source": AwardSource.IMPORT,
            **extra,
        },
    )


def _base_level_fighter(
    *, person, unit, years, titles, salaries, multipliers, cstdcs=True, initiative=""
):
    head = f"Chánh Thanh tra {unit.name.removeprefix('Thanh tra ')}"
    for year in years:
        on = date(year, 12, 20)
        _record(
            title=titles[("LDTT", "person")],
            year=year,
            unit=unit,
            person=person,
            number=f"{60 + year % 100}/QĐ-TTr",
            on=on,
            body=head,
            salaries=salaries,
            multipliers=multipliers,
        )
        if cstdcs:
            _record(
                title=titles[("CSTDCS", "person")],
                year=year,
                unit=unit,
                person=person,
                number=f"{61 + year % 100}/QĐ-TTr",
                on=on,
                body=head,
                summary=f"Hoàn thành xuất sắc nhiệm vụ năm {year}.",
                initiative=initiative,
                salaries=salaries,
                multipliers=multipliers,
            )


@transaction.atomic
def seed_awards() -> dict:
    """Create the demo award records; return the names of the eligibility demo's people."""
    titles = {(t.code, t.recipient): t for t in Title.objects.all()}
    units = {u.code: u for u in Unit.objects.filter(code__startswith="TT-")}
    if not titles or "TT-HYE" not in units:
        return {}
    load_base_salaries(BaseSalary)  # normally there from the data migrations
    salaries, multipliers = base_salaries(), title_multipliers()
    campaign_2019 = Campaign.objects.filter(title=CAMPAIGN_2019).first()
    campaign_80 = Campaign.objects.filter(title__startswith=CAMPAIGN_80).first()

    # The 2019 flag goes to the unit that led the published 2019 ranking.
    leader = (
        RankingEntry.objects.filter(publication__phase__campaign=campaign_2019, rank=1)
        .order_by("unit_name")
        .values_list("unit__code", flat=True)
        .first()
        if campaign_2019
        else None
    )
    rows = list(COLLECTIVE)
    rows.insert(
        0,
        (
            leader or "TT-HNA",
            "CO_TTCP",
            2019,
            "112/QĐ-TTCP",
            date(2020, 1, 20),
            TTCP,
            "Đơn vị dẫn đầu phong trào thi đua năm 2019 của Cụm Thi đua số 2.",
        ),
    )
    for code, title_code, year, number, on, body, summary in rows:
        _record(
            title=titles[(title_code, "collective")],
            year=year,
            unit=units[code],
            number=number,
            on=on,
            body=body,
            summary=summary,
            campaign=campaign_2019 if year == 2019 else None,
            amount=AMOUNTS_2019[(title_code, "collective")] if year == 2019 else None,
            salaries=salaries,
            multipliers=multipliers,
        )
    for code, position, summary in PEOPLE_2019:
        person = demo_person(code, position)
        if person is not None:
            _record(
                title=titles[("CSTDCS", "person")],
                year=2019,
                unit=units[code],
                person=person,
                number=f"15/QĐ-TTr-{code.split('-')[1]}",
                on=date(2019, 12, 27),
                body=f"Chánh Thanh tra {units[code].name.removeprefix('Thanh tra ')}",
                summary=summary,
                campaign=campaign_2019,
                amount=AMOUNTS_2019[("CSTDCS", "person")],
                salaries=salaries,
                multipliers=multipliers,
            )

    # A Thái Bình inspector (now in Hưng Yên): awards kept with Thái Bình as the unit.
    thai_binh_person = demo_person("TT-TBI", "Thanh tra viên")
    if thai_binh_person is not None:
        _base_level_fighter(
            person=thai_binh_person,
            unit=units["TT-TBI"],
            years=(2022, 2023),
            titles=titles,
            salaries=salaries,
            multipliers=multipliers,
        )

    eligible = demo_person("TT-HYE", "Trưởng phòng Nghiệp vụ")
    ineligible = demo_person("TT-NBI", "Chuyên viên")
    if eligible is not None:
        _base_level_fighter(
            person=eligible,
            unit=units["TT-HYE"],
            years=(2023, 2024, 2025),
            titles=titles,
            salaries=salaries,
            multipliers=multipliers,
            initiative="Sáng kiến “Số hóa quy trình theo dõi kết luận thanh tra”",
        )
        # Decided in January 2025 under Decree 98/2023: its figure is marked to verify.
        _record(
            title=titles[("BK_TTCP", "person")],
            year=2024,
            unit=units["TT-HYE"],
            person=eligible,
            number="95/QĐ-TTCP",
            on=date(2025, 1, 22),
            body=TTCP,
            summary="02 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (2023–2024).",
            salaries=salaries,
            multipliers=multipliers,
        )
        if campaign_80 is not None:
            # R10: a thematic award; listed in the history, never counted for eligibility.
            _record(
                title=titles[("BK_TTCP", "person")],
                year=2025,
                unit=units["TT-HYE"],
                person=eligible,
                number="1025/QĐ-TTCP",
                on=date(2025, 11, 20),
                body=TTCP,
                summary="Có thành tích xuất sắc trong phong trào thi đua chào mừng 80 năm "
                "Ngày truyền thống ngành Thanh tra.",
                campaign=campaign_80,
                is_thematic=True,
                salaries=salaries,
                multipliers=multipliers,
            )
    if ineligible is not None:
        _base_level_fighter(
            person=ineligible,
            unit=units["TT-NBI"],
            years=(2023,),
            titles=titles,
            salaries=salaries,
            multipliers=multipliers,
            cstdcs=False,
        )
        _base_level_fighter(
            person=ineligible,
            unit=units["TT-NBI"],
            years=(2024, 2025),
            titles=titles,
            salaries=salaries,
            multipliers=multipliers,
        )
    code, position, on, number = CERTIFICATE_2026
    recipient = demo_person(code, position)
    if recipient is not None:
        _record(
            title=titles[("BK_TTCP", "person")],
            year=2026,
            unit=units[code],
            person=recipient,
            number=number,
            on=on,
            body=TTCP,
            summary="Có thành tích xuất sắc đột xuất trong thanh tra vụ việc phức tạp, "
            "kiến nghị thu hồi 8,6 tỷ đồng về ngân sách nhà nước.",
            salaries=salaries,
            multipliers=multipliers,
        )
    return {
        "eligible": eligible.full_name if eligible else "",
        "ineligible": ineligible.full_name if ineligible else "",
        "cluster_year_2019": ClusterYear.objects.filter(cluster__code="CUM2", year=2019)
        .values_list("pk", flat=True)
        .first(),
    }
