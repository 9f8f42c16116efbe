"""Demo data for units, clusters, staff and users (see DOMAIN.md: Cluster No. 2).

Used by `manage.py seed_demo`; idempotent: running it again changes nothing.
"""

import random
from datetime import date

from django.db import transaction

from units import services
from units.choices import Gender, Role, UnitKind
from units.models import (
    Cluster,
    ClusterMembership,
    ClusterYear,
    Employment,
    Person,
    RoleAssignment,
    Unit,
    User,
)

DEMO_PASSWORD = "ThiDua@2026"
MERGER_DATE = date(2025, 7, 1)
THEME_2019 = "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả"

# code, official name, short name, province
GOVERNMENT = ("TTCP", "Thanh tra Chính phủ", "TTCP", "")
CLUSTER2_2019 = [
    ("TT-HYE", "Thanh tra tỉnh Hưng Yên", "Hưng Yên", "Hưng Yên"),
    ("TT-HNA", "Thanh tra tỉnh Hà Nam", "Hà Nam", "Hà Nam"),
    ("TT-HDU", "Thanh tra tỉnh Hải Dương", "Hải Dương", "Hải Dương"),
    ("TT-BNI", "Thanh tra tỉnh Bắc Ninh", "Bắc Ninh", "Bắc Ninh"),
    ("TT-TBI", "Thanh tra tỉnh Thái Bình", "Thái Bình", "Thái Bình"),
    ("TT-VPH", "Thanh tra tỉnh Vĩnh Phúc", "Vĩnh Phúc", "Vĩnh Phúc"),
    ("TT-NDI", "Thanh tra tỉnh Nam Định", "Nam Định", "Nam Định"),
    ("TT-QNI", "Thanh tra tỉnh Quảng Ninh", "Quảng Ninh", "Quảng Ninh"),
    ("TT-NBI", "Thanh tra tỉnh Ninh Bình", "Ninh Bình", "Ninh Bình"),
]
# Successors that were not members before the 2025 reorganisation.
NEW_UNITS = [
    ("TT-HPH", "Thanh tra thành phố Hải Phòng", "Hải Phòng", "Hải Phòng"),
    ("TT-PTH", "Thanh tra tỉnh Phú Thọ", "Phú Thọ", "Phú Thọ"),
    ("TT-BGI", "Thanh tra tỉnh Bắc Giang", "Bắc Giang", "Bắc Giang"),
    ("TT-HBI", "Thanh tra tỉnh Hòa Bình", "Hòa Bình", "Hòa Bình"),
]
# predecessor -> successor on 01/7/2025 (DOMAIN.md, "The 2025 reorganisation").
MERGERS = {
    "TT-TBI": "TT-HYE",
    "TT-HNA": "TT-NBI",
    "TT-NDI": "TT-NBI",
    "TT-HDU": "TT-HPH",
    "TT-BGI": "TT-BNI",
    "TT-VPH": "TT-PTH",
    "TT-HBI": "TT-PTH",
}
MEMBERS_AFTER_MERGER = ["TT-HYE", "TT-NBI", "TT-HPH", "TT-BNI", "TT-PTH", "TT-QNI"]
# year -> (chair, vice-chair, theme)
CLUSTER_YEARS = {
    2019: ("TT-HNA", "TT-HYE", THEME_2019),
    2024: ("TT-NBI", "TT-QNI", "Đoàn kết, đổi mới, kỷ cương, hiệu quả"),
    2025: (
        "TT-HYE",
        "TT-BNI",
        "Thi đua lập thành tích chào mừng 80 năm Ngày truyền thống ngành Thanh tra",
    ),
    2026: ("TT-HYE", "TT-QNI", "Kỷ cương, liêm chính, hành động, hiệu quả"),
}

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương"]
MIDDLE = {
    Gender.MALE: ["Văn", "Đức", "Quang", "Minh", "Hữu"],
    Gender.FEMALE: ["Thị", "Thu", "Ngọc", "Thanh", "Minh"],
}
GIVEN = {
    Gender.MALE: ["An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Sơn", "Tuấn"],
    Gender.FEMALE: ["Anh", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Thảo", "Trang"],
}
STAFF_ROLES = [
    ("Chánh Thanh tra", "Thanh tra viên cao cấp"),
    ("Phó Chánh Thanh tra", "Thanh tra viên chính"),
    ("Trưởng phòng Nghiệp vụ", "Thanh tra viên chính"),
    ("Thanh tra viên", "Thanh tra viên"),
    ("Chuyên viên", "Chuyên viên"),
]


def _unit(code, name, short, province, kind=UnitKind.PROVINCIAL_INSPECTORATE, parent=None):
    unit, _created = Unit.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "short_name": short,
            "province": province,
            "kind": kind,
            "parent": parent,
        },
    )
    return unit


def _staff(unit, rng):
    if Employment.objects.filter(unit=unit).exists():
        return
    for position, rank in STAFF_ROLES:
        gender = rng.choice([Gender.MALE, Gender.FEMALE])
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        person = Person.objects.create(
            unit=unit,
            full_name=name,
            gender=gender,
            position=position,
            rank=rank,
            staff_code=f"{unit.code}-{len(position) % 7}{rng.randint(100, 999)}",
        )
        Employment.objects.create(
            person=person, unit=unit, position=position, start_date=date(2018, 1, 1)
        )


def _user(username, display_name, unit, *, person=None):
    user, created = User.objects.get_or_create(
        username=username, defaults={"display_name": display_name, "unit": unit, "person": person}
    )
    if created:
        user.email = f"{username}@thidua.local"
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _grant(user, role, actor, **scope):
    if not RoleAssignment.objects.filter(user=user, role=role, **scope).exists():
        services.role_grant(user=user, role=role, actor=actor, **scope)


@transaction.atomic
def seed_units() -> list[tuple[str, str, str]]:
    """Create the demo; return (username, role, scope) rows for the login table."""
    rng = random.Random(2)  # the same names every time
    ttcp = _unit(*GOVERNMENT, kind=UnitKind.GOVERNMENT_INSPECTORATE)
    units = {row[0]: _unit(*row, parent=ttcp) for row in CLUSTER2_2019 + NEW_UNITS}
    for unit in units.values():
        _staff(unit, rng)

    admin = _user("admin", "Quản trị ngành", ttcp)
    if not RoleAssignment.objects.filter(user=admin, role=Role.SECTOR_ADMIN).exists():
        # The first administrator cannot be granted by another: create the row directly.
        RoleAssignment.objects.create(user=admin, role=Role.SECTOR_ADMIN)

    for code, successor in MERGERS.items():
        unit = Unit.objects.get(pk=units[code].pk)
        if not unit.merged_into_id:
            services.unit_merge(unit=unit, into=units[successor], on=MERGER_DATE, actor=admin)

    cluster, _created = Cluster.objects.get_or_create(
        code="CUM2",
        defaults={
            "name": "Cụm Thi đua số 2",
            "description": "Cụm thi đua của Thanh tra các tỉnh, thành phố khu vực đồng bằng "
            "sông Hồng và Đông Bắc Bộ.",
        },
    )
    years = {}
    for year, (chair, vice, theme) in CLUSTER_YEARS.items():
        cy, _created = ClusterYear.objects.get_or_create(
            cluster=cluster,
            year=year,
            defaults={"chair_unit": units[chair], "vice_chair_unit": units[vice], "theme": theme},
        )
        years[year] = cy
        if year < 2025:
            for code, *_rest in CLUSTER2_2019:
                ClusterMembership.objects.get_or_create(cluster_year=cy, unit=units[code])
        elif year > 2025:
            for code in MEMBERS_AFTER_MERGER:
                ClusterMembership.objects.get_or_create(cluster_year=cy, unit=units[code])
        else:
            # 2025: the old members until the merger, the successors after it.
            for code, *_rest in CLUSTER2_2019:
                merged = code in MERGERS
                ClusterMembership.objects.get_or_create(
                    cluster_year=cy,
                    unit=units[code],
                    defaults={"left_on": date(2025, 6, 30) if merged else None},
                )
            for code in MEMBERS_AFTER_MERGER:
                ClusterMembership.objects.get_or_create(
                    cluster_year=cy, unit=units[code], defaults={"joined_on": None}
                )
            for code in ("TT-HPH", "TT-PTH"):
                ClusterMembership.objects.filter(cluster_year=cy, unit=units[code]).update(
                    joined_on=MERGER_DATE
                )

    logins = [("admin", str(Role.SECTOR_ADMIN.label), "Thanh tra Chính phủ")]
    viewer = _user("giamsat", "Cán bộ giám sát", ttcp)
    _grant(viewer, Role.VIEWER, admin)
    logins.append(("giamsat", str(Role.VIEWER.label), "Toàn ngành"))

    chair_2025 = units[CLUSTER_YEARS[2025][0]]
    secretary = _user("thuky.cum2", "Thư ký Cụm 2", chair_2025)
    for year in (2024, 2025, 2026):
        _grant(secretary, Role.SECRETARIAT, admin, cluster_year=years[year])
    logins.append(("thuky.cum2", str(Role.SECRETARIAT.label), "Cụm Thi đua số 2 – 2024–2026"))

    for code in MEMBERS_AFTER_MERGER:
        unit = units[code]
        slug = code.split("-")[1].lower()
        leader_person = Person.objects.filter(unit=unit, position="Chánh Thanh tra").first()
        officer = _user(f"canbo.{slug}", f"Cán bộ thi đua – {unit.short_name}", unit)
        leader = _user(
            f"lanhdao.{slug}",
            leader_person.full_name if leader_person else f"Lãnh đạo – {unit.short_name}",
            unit,
            person=leader_person,
        )
        _grant(officer, Role.UNIT_OFFICER, admin, unit=unit)
        _grant(leader, Role.UNIT_LEADER, admin, unit=unit)
        logins.append((officer.username, str(Role.UNIT_OFFICER.label), unit.name))
        logins.append((leader.username, str(Role.UNIT_LEADER.label), unit.name))
    return logins
