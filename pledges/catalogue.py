"""The catalogue of titles and award forms (DOMAIN.md), loaded by a data migration.

Sector administrators manage it in the admin afterwards; multipliers marked
"(verify)" in DOMAIN.md are data, not constants.
"""

from datetime import date

# code, recipient, name, level, emulation title?, multiplier, main criteria, legal basis
CATALOGUE = [
    (
        "LDTT",
        "person",
        "Lao động tiên tiến",
        "base",
        True,
        "0.3",
        "Hoàn thành tốt nhiệm vụ trở lên; tham gia các phong trào thi đua.",
        "Luật Thi đua, khen thưởng 2022, Điều 24",
    ),
    (
        "CSTDCS",
        "person",
        "Chiến sĩ thi đua cơ sở",
        "base",
        True,
        "1.0",
        "Đạt Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài khoa học được công nhận.",
        "Luật Thi đua, khen thưởng 2022, Điều 23",
    ),
    (
        "CSTD_NGANH",
        "person",
        "Chiến sĩ thi đua ngành Thanh tra",
        "sector",
        True,
        "3.0",
        "03 lần liên tục đạt Chiến sĩ thi đua cơ sở và có sáng kiến hiệu quả trong toàn ngành.",
        "Luật Thi đua, khen thưởng 2022, Điều 22",
    ),
    (
        "CSTD_TQ",
        "person",
        "Chiến sĩ thi đua toàn quốc",
        "state",
        True,
        "4.5",
        "02 lần liên tục đạt Chiến sĩ thi đua cấp bộ, ngành và có sáng kiến phạm vi toàn quốc.",
        "Luật Thi đua, khen thưởng 2022, Điều 21",
    ),
    (
        "TTLDTT",
        "collective",
        "Tập thể lao động tiên tiến",
        "base",
        True,
        "0.8",
        "Hoàn thành tốt nhiệm vụ; ít nhất 70% thành viên đạt Lao động tiên tiến; không có cá nhân bị kỷ luật từ khiển trách trở lên.",
        "Luật Thi đua, khen thưởng 2022, Điều 28",
    ),
    (
        "TTLDXS",
        "collective",
        "Tập thể lao động xuất sắc",
        "base",
        True,
        "1.5",
        "Hoàn thành xuất sắc nhiệm vụ; 100% hoàn thành nhiệm vụ; ít nhất 70% đạt Lao động tiên tiến; có Chiến sĩ thi đua cơ sở.",
        "Luật Thi đua, khen thưởng 2022, Điều 27",
    ),
    (
        "CO_TTCP",
        "collective",
        "Cờ thi đua của Thanh tra Chính phủ",
        "sector",
        True,
        "8.0",
        "Tập thể dẫn đầu cụm, khối thi đua trong năm.",
        "Luật Thi đua, khen thưởng 2022, Điều 26",
    ),
    (
        "CO_CP",
        "collective",
        "Cờ thi đua của Chính phủ",
        "state",
        True,
        "12",
        "Tiêu biểu xuất sắc trong số các tập thể được tặng Cờ thi đua cấp bộ, ngành.",
        "Luật Thi đua, khen thưởng 2022, Điều 25",
    ),
    (
        "BK_TTCP",
        "person",
        "Bằng khen của Tổng Thanh tra Chính phủ",
        "sector",
        False,
        "1.0",
        "02 lần liên tục Chiến sĩ thi đua cơ sở, hoặc 02 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến.",
        "Luật Thi đua, khen thưởng 2022, Điều 74",
    ),
    (
        "BK_TTCP",
        "collective",
        "Bằng khen của Tổng Thanh tra Chính phủ",
        "sector",
        False,
        "3.0",
        "02 năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc Tập thể lao động xuất sắc.",
        "Luật Thi đua, khen thưởng 2022, Điều 74",
    ),
    (
        "BK_TTG",
        "person",
        "Bằng khen của Thủ tướng Chính phủ",
        "state",
        False,
        None,
        "Đã được tặng Bằng khen cấp bộ, ngành; 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên, có 03 lần Chiến sĩ thi đua cơ sở.",
        "Luật Thi đua, khen thưởng 2022, Điều 73",
    ),
    (
        "BK_TTG",
        "collective",
        "Bằng khen của Thủ tướng Chính phủ",
        "state",
        False,
        "7.0",
        "Theo Điều 73 Luật Thi đua, khen thưởng.",
        "Luật Thi đua, khen thưởng 2022, Điều 73",
    ),
    (
        "GK",
        "person",
        "Giấy khen của Chánh Thanh tra",
        "base",
        False,
        None,
        "Theo Điều 75 Luật Thi đua, khen thưởng.",
        "Luật Thi đua, khen thưởng 2022, Điều 75",
    ),
    (
        "GK",
        "collective",
        "Giấy khen của Chánh Thanh tra",
        "base",
        False,
        "0.6",
        "Theo Điều 75 Luật Thi đua, khen thưởng.",
        "Luật Thi đua, khen thưởng 2022, Điều 75",
    ),
    (
        "KNC",
        "person",
        "Kỷ niệm chương “Vì sự nghiệp Thanh tra”",
        "sector",
        False,
        None,
        "Thời gian công tác trong ngành theo quy định của ngành (cần xác minh).",
        "Quy định của ngành Thanh tra",
    ),
]
VALID_FROM = date(2024, 1, 1)  # Law 06/2022/QH15 in force


def load(title_model, *, overwrite=True):
    """Create the catalogue; with overwrite=False, rows an administrator edited stay as they are."""
    method = "update_or_create" if overwrite else "get_or_create"
    for order, (code, recipient, name, level, emulation, multiplier, criteria, basis) in enumerate(
        CATALOGUE
    ):
        getattr(title_model.objects, method)(
            code=code,
            recipient=recipient,
            defaults={
                "name": name,
                "level": level,
                "is_emulation_title": emulation,
                "multiplier": multiplier,
                "criteria_summary": criteria,
                "legal_basis": basis,
                "valid_from": VALID_FROM,
                "order": order,
            },
        )
