"""Demo figures for the Ministry of Home Affairs' statistics of Cluster No. 2, 2019.

The reporting year 2019 runs from 01/12/2018 to 30/11/2019, and a form counts awards by the
date of their decision. The 2019 honour board was decided in January 2020 (it counts in
2020), so the 2019 statistics come from what was decided during 2019: the sector's awards
for 2018 (decided in January 2019), a Prime Minister's certificate, commemorative medals
and a certificate of a thematic movement. Each member unit's emulation officer (its
Chuyên viên) is recorded for form 0605. The 2019 movement of the cluster (launched
20/02/2019, seed/demo/campaigns.py) fills form 0601. Idempotent.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from evaluations.awards.choices import AwardSource
from evaluations.awards.models import AwardRecord
from evaluations.statistics.models import EmulationOfficer
from pledges.models import Title
from units.models import Person, Unit

TTCP = "Thanh tra Chính phủ"
PM = "Thủ tướng Chính phủ"

# unit code, staff position (None: the unit itself), title code, award year, number, date,
# issued by, thematic, summary
AWARDS = [
    ("TT-HNA", None, "BK_TTCP", 2018, "45/QĐ-TTCP", date(2019, 1, 18), TTCP, False,
     "Hoàn thành xuất sắc nhiệm vụ công tác thanh tra năm 2018."),
    ("TT-HDU", None, "BK_TTCP", 2018, "45/QĐ-TTCP", date(2019, 1, 18), TTCP, False,
     "Hoàn thành xuất sắc nhiệm vụ công tác thanh tra năm 2018."),
    ("TT-NDI", None, "CO_TTCP", 2018, "46/QĐ-TTCP", date(2019, 1, 18), TTCP, False,
     "Đơn vị dẫn đầu Cụm Thi đua số 2 năm 2018."),
    ("TT-HNA", "Trưởng phòng Nghiệp vụ", "KNC", 2019, "512/QĐ-TTCP", date(2019, 10, 15),
     TTCP, False, "Có nhiều đóng góp cho sự nghiệp xây dựng và phát triển ngành Thanh tra."),
    ("TT-VPH", "Phó Chánh Thanh tra", "CSTD_NGANH", 2018, "47/QĐ-TTCP", date(2019, 1, 18),
     TTCP, False, "03 năm liên tục Chiến sĩ thi đua cơ sở; sáng kiến áp dụng toàn ngành."),
    ("TT-BNI", "Chánh Thanh tra", "KNC", 2019, "512/QĐ-TTCP", date(2019, 10, 15), TTCP, False,
     "Có nhiều đóng góp cho sự nghiệp xây dựng và phát triển ngành Thanh tra."),
    ("TT-NBI", None, "BK_TTCP", 2019, "498/QĐ-TTCP", date(2019, 9, 2), TTCP, True,
     "Thành tích xuất sắc trong phong trào thi đua chuyên đề năm 2019."),
    ("TT-HYE", "Thanh tra viên", "BK_TTG", 2018, "612/QĐ-TTg", date(2019, 5, 20), PM, False,
     "05 năm liên tục hoàn thành xuất sắc nhiệm vụ (2014–2018)."),
]  # fmt: skip

# The amounts written on the decisions (Decree 91/2017/NĐ-CP): multiplier × the base salary
# of the decision date, 1,390,000 VND until 30/6/2019 (Decree 72/2018/NĐ-CP) and 1,490,000 VND
# from 01/7/2019 (Decree 38/2019/NĐ-CP). Left empty where the multiplier is not established
# (commemorative medals, the Prime Minister's certificate).
AMOUNTS = {
    ("BK_TTCP", date(2019, 1, 18)): Decimal("2780000"),  # 2.0 × 1,390,000 (collective)
    ("CO_TTCP", date(2019, 1, 18)): Decimal("11120000"),  # 8.0 × 1,390,000
    ("CSTD_NGANH", date(2019, 1, 18)): Decimal("4170000"),  # 3.0 × 1,390,000
    ("BK_TTCP", date(2019, 9, 2)): Decimal("2980000"),  # 2.0 × 1,490,000 (collective)
}

# unit code -> (year of birth, training, in the work since) of its Chuyên viên.
OFFICERS = {
    "TT-HYE": (1988, "university", 2014),
    "TT-HNA": (1979, "postgraduate", 2008),
    "TT-NBI": (1992, "university", 2017),
    "TT-BNI": (1966, "university", 2001),
    "TT-NDI": (1984, "college", 2012),
    "TT-QNI": (1961, "postgraduate", 1998),
}


def _person(code, position):
    return (
        Person.objects.filter(staff_code__startswith=f"{code}-", position=position)
        .order_by("pk")
        .first()
    )


@transaction.atomic
def seed_statistics() -> int:
    """Create the records and officers; return the number of award records of the year."""
    titles = {(t.code, t.recipient): t for t in Title.objects.all()}
    units = {u.code: u for u in Unit.objects.filter(code__startswith="TT-")}
    if not titles or "TT-HNA" not in units:
        return 0
    created = 0
    for code, position, title_code, year, number, on, body, thematic, summary in AWARDS:
        unit = units[code]
        person = _person(code, position) if position else None
        if position and person is None:
            continue
        title = titles[title_code, "person" if person else "collective"]
        _record, new = AwardRecord.objects.get_or_create(
            title=title,
            year=year,
            unit=unit,
            person=person,
            defaults={
                "recipient_name": person.full_name if person else unit.name,
                "decision_number": number,
                "decision_date": on,
                "issuing_authority": body,
                "is_thematic": thematic,
                "amount": AMOUNTS.get((title_code, on)),
                "summary": summary,
                "source": AwardSource.IMPORT,
            },
        )
        created += new
    for code, (born, training, since) in OFFICERS.items():
        person = _person(code, "Chuyên viên")
        if person is not None:
            EmulationOfficer.objects.get_or_create(
                person=person,
                defaults={"birth_year": born, "training": training, "since_year": since},
            )
    return created
