"""The catalogue of titles and award forms (DOMAIN.md), loaded by a data migration.

Sector administrators manage it in the admin afterwards; multipliers are dated data
(DOMAIN-OUTPUTS.md D), the unverified ones marked "to verify", never constants.
"""

from datetime import date
from decimal import Decimal

from pledges.models import Title, TitleMultiplier

# code, recipient, name, level, emulation title?, main criteria, legal basis
CATALOGUE = [
    (
        "LDTT",
        "person",
        "Lao động tiên tiến",
        "base",
        True,
        "Hoàn thành tốt nhiệm vụ trở lên; tham gia các phong trào thi đua.",
        "Luật Thi đua, khen thưởng 2022, Điều 24",
    ),
    (
        "CSTDCS",
        "person",
        "Chiến sĩ thi đua cơ sở",
        "base",
        True,
        "Đạt Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài khoa học được công nhận.",
        "Luật Thi đua, khen thưởng 2022, Điều 23",
    ),
    (
        "CSTD_NGANH",
        "person",
        "Chiến sĩ thi đua ngành Thanh tra",
        "sector",
        True,
        "03 lần liên tục đạt Chiến sĩ thi đua cơ sở và có sáng kiến hiệu quả trong toàn ngành.",
        "Luật Thi đua, khen thưởng 2022, Điều 22",
    ),
    (
        "CSTD_TQ",
        "person",
        "Chiến sĩ thi đua toàn quốc",
        "state",
        True,
        "02 lần liên tục đạt Chiến sĩ thi đua cấp bộ, ngành và có sáng kiến phạm vi toàn quốc.",
        "Luật Thi đua, khen thưởng 2022, Điều 21",
    ),
    (
        "TTLDTT",
        "collective",
        "Tập thể lao động tiên tiến",
        "base",
        True,
        "Hoàn thành tốt nhiệm vụ; ít nhất 70% cá nhân đạt Lao động tiên tiến và không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
        "Luật Thi đua, khen thưởng 2022, Điều 28",
    ),
    (
        "TTLDXS",
        "collective",
        "Tập thể lao động xuất sắc",
        "base",
        True,
        "Hoàn thành xuất sắc nhiệm vụ; 100% cá nhân hoàn thành nhiệm vụ, trong đó ít nhất 70% đạt Lao động tiên tiến; có cá nhân đạt Chiến sĩ thi đua cơ sở.",
        "Luật Thi đua, khen thưởng 2022, Điều 27",
    ),
    (
        "CO_TTCP",
        "collective",
        "Cờ thi đua của Thanh tra Chính phủ",
        "sector",
        True,
        "Tập thể dẫn đầu cụm, khối thi đua trong năm.",
        "Luật Thi đua, khen thưởng 2022, Điều 26",
    ),
    (
        "CO_CP",
        "collective",
        "Cờ thi đua của Chính phủ",
        "state",
        True,
        "Tiêu biểu xuất sắc trong số các tập thể được tặng Cờ thi đua cấp bộ, ngành.",
        "Luật Thi đua, khen thưởng 2022, Điều 25",
    ),
    (
        "BK_TTCP",
        "person",
        "Bằng khen của Tổng Thanh tra Chính phủ",
        "sector",
        False,
        "02 lần liên tục Chiến sĩ thi đua cơ sở, hoặc 02 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến.",
        "Luật Thi đua, khen thưởng 2022, Điều 74",
    ),
    (
        "BK_TTCP",
        "collective",
        "Bằng khen của Tổng Thanh tra Chính phủ",
        "sector",
        False,
        "02 năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc Tập thể lao động xuất sắc.",
        "Luật Thi đua, khen thưởng 2022, Điều 74",
    ),
    (
        "BK_TTG",
        "person",
        "Bằng khen của Thủ tướng Chính phủ",
        "state",
        False,
        "Đã được tặng Bằng khen cấp bộ, ngành; 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên, có 03 lần Chiến sĩ thi đua cơ sở.",
        "Luật Thi đua, khen thưởng 2022, Điều 73",
    ),
    (
        "BK_TTG",
        "collective",
        "Bằng khen của Thủ tướng Chính phủ",
        "state",
        False,
        "Theo Điều 73 Luật Thi đua, khen thưởng.",
        "Luật Thi đua, khen thưởng 2022, Điều 73",
    ),
    (
        "GK",
        "person",
        "Giấy khen của Chánh Thanh tra",
        "base",
        False,
        "Theo Điều 75 Luật Thi đua, khen thưởng.",
        "Luật Thi đua, khen thưởng 2022, Điều 75",
    ),
    (
        "GK",
        "collective",
        "Giấy khen của Chánh Thanh tra",
        "base",
        False,
        "Theo Điều 75 Luật Thi đua, khen thưởng.",
        "Luật Thi đua, khen thưởng 2022, Điều 75",
    ),
    (
        "KNC",
        "person",
        "Kỷ niệm chương “Vì sự nghiệp Thanh tra”",
        "sector",
        False,
        "Thời gian công tác trong ngành theo quy định của ngành (cần xác minh).",
        "Quy định của ngành Thanh tra",
    ),
]
VALID_FROM = date(2024, 1, 1)  # Law 06/2022/QH15 in force

# --- Reward multipliers (× base salary), dated by the decree in force -----------------------
# DOMAIN-OUTPUTS.md D. An award takes the multiplier of the decree in force on its decision
# date; a successor decree is a new period, added as data (Decree 152/2025 may stop applying on
# 01/3/2027, UNVERIFIED: its period stays open until a successor is known).
D98 = (date(2024, 1, 1), date(2025, 6, 30))  # Decree 98/2023/NĐ-CP, in force 01/01/2024
D152 = (date(2025, 7, 1), None)  # Decree 152/2025/NĐ-CP, in force 01/7/2025
ND98 = "Nghị định số 98/2023/NĐ-CP"
ND152 = "Nghị định số 152/2025/NĐ-CP"

# (code, recipient): [(period, multiplier, legal basis, to verify)]
MULTIPLIERS = {
    ("LDTT", "person"): [
        (D98, "0.3", f"{ND98}, Điều 54", False),
        (D152, "0.3", f"{ND152}, Điều 50 khoản 1", False),
    ],
    ("CSTDCS", "person"): [
        (D98, "1.0", f"{ND98}, Điều 54", False),
        (D152, "1.0", f"{ND152}, Điều 50 khoản 1", False),
    ],
    ("CSTD_NGANH", "person"): [
        (D98, "3.0", f"{ND98}, Điều 54", False),
        (D152, "3.0", f"{ND152}, Điều 50 khoản 1", False),
    ],
    ("CSTD_TQ", "person"): [
        (D98, "4.5", f"{ND98}, Điều 54", False),
        (D152, "4.5", f"{ND152}, Điều 50 khoản 1", False),
    ],
    ("TTLDTT", "collective"): [
        (D98, "0.8", f"{ND98}, Điều 54", False),
        (D152, "0.8", f"{ND152}, Điều 50 khoản 2", False),
    ],
    ("TTLDXS", "collective"): [
        (D98, "1.5", f"{ND98}, Điều 54", False),
        (D152, "1.5", f"{ND152}, Điều 50 khoản 2", False),
    ],
    ("CO_TTCP", "collective"): [
        (D98, "8.0", f"{ND98}, Điều 54", False),
        (D152, "8.0", f"{ND152}, Điều 50 khoản 2", False),
    ],
    ("CO_CP", "collective"): [
        (D98, "12", f"{ND98}, Điều 54", False),
        (D152, "12", f"{ND152}, Điều 50 khoản 2", False),
    ],
    # Certificates and Giấy khen: Decree 98/2023's figures were not found (the Decree 91/2017
    # ones are shown, to verify); Decree 152/2025 Art. 54(1) is verified for individuals,
    # Art. 54(2) (collectives: twice the individual figure under Decree 91/2017) is not.
    ("BK_TTCP", "person"): [
        (D98, "1.0", f"{ND98} (mức của Nghị định số 91/2017/NĐ-CP)", True),
        (D152, "1.5", f"{ND152}, Điều 54 khoản 1 điểm b", False),
    ],
    ("BK_TTCP", "collective"): [
        (D98, "2.0", f"{ND98} (mức của Nghị định số 91/2017/NĐ-CP)", True),
        (D152, "3.0", f"{ND152}, Điều 54 khoản 2", True),
    ],
    ("BK_TTG", "person"): [
        (D98, "3.5", f"{ND98} (mức của Nghị định số 91/2017/NĐ-CP)", True),
        (D152, "3.5", f"{ND152}, Điều 54 khoản 1 điểm a", False),
    ],
    ("BK_TTG", "collective"): [
        (D98, "7.0", f"{ND98} (mức của Nghị định số 91/2017/NĐ-CP)", True),
        (D152, "7.0", f"{ND152}, Điều 54 khoản 2", True),
    ],
    ("GK", "person"): [
        (D98, "0.3", f"{ND98} (mức của Nghị định số 91/2017/NĐ-CP)", True),
        (D152, "0.3", f"{ND152}, Điều 54 khoản 1 điểm e", False),
    ],
    ("GK", "collective"): [
        (D98, "0.6", f"{ND98} (mức của Nghị định số 91/2017/NĐ-CP)", True),
        (D152, "0.6", f"{ND152}, Điều 54 khoản 2", True),
    ],
}


def load(title_model, *, overwrite=True, multiplier_model=None):
    """Create the catalogue; with overwrite=False, rows an administrator edited stay as they are.

    The dated multipliers are loaded too: by the live models when `title_model` is the live
    Title, or by the `multiplier_model` a migration passes.
    """
    method = "update_or_create" if overwrite else "get_or_create"
    titles = {}
    for order, (code, recipient, name, level, emulation, criteria, basis) in enumerate(CATALOGUE):
        titles[(code, recipient)], _created = getattr(title_model.objects, method)(
            code=code,
            recipient=recipient,
            defaults={
                "name": name,
                "level": level,
                "is_emulation_title": emulation,
                "criteria_summary": criteria,
                "legal_basis": basis,
                "valid_from": VALID_FROM,
                "order": order,
            },
        )
    if multiplier_model is None and title_model is Title:
        multiplier_model = TitleMultiplier
    if multiplier_model is not None:
        load_multipliers(titles, multiplier_model)


def load_multipliers(titles, multiplier_model):
    """Add the dated multipliers a title lacks; periods an administrator entered stay."""
    for key, periods in MULTIPLIERS.items():
        title = titles.get(key)
        if title is None:
            continue
        for (valid_from, valid_until), multiplier, basis, to_verify in periods:
            multiplier_model.objects.get_or_create(
                title=title,
                valid_from=valid_from,
                defaults={
                    "valid_until": valid_until,
                    "multiplier": Decimal(multiplier),
                    "legal_basis": basis,
                    "to_verify": to_verify,
                },
            )
