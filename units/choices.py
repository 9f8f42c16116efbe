from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    GOVERNMENT_INSPECTORATE = "government", _("Government Inspectorate")
    MINISTRY_INSPECTORATE = "ministry", _("Ministry inspectorate")
    PROVINCIAL_INSPECTORATE = "provincial", _("Provincial inspectorate")
    SPECIAL_INSPECTORATE = "special", _("Special inspectorate")
    DEPARTMENT = "department", _("Department")
    OTHER = "other", pgettext_lazy("unit kind", "Other")


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class ClusterKind(models.TextChoices):
    CLUSTER = "cluster", _("Emulation cluster")
    BLOC = "bloc", _("Emulation bloc")


class Role(models.TextChoices):
    SECTOR_ADMIN = "sector_admin", _("Sector administrator")
    SECRETARIAT = "secretariat", _("Cluster secretariat")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    UNIT_LEADER = "unit_leader", _("Unit leader")
    VIEWER = "viewer", _("Viewer")


# Which scope each role needs: a role is granted for a unit, a cluster year, or the sector.
UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_LEADER)
CLUSTER_YEAR_ROLES = (Role.SECRETARIAT,)
SECTOR_ROLES = (Role.SECTOR_ADMIN,)

# The Law on Inspection 84/2025/QH15 (in force 01/7/2025) leaves two levels: the Government
# Inspectorate and the provincial inspectorates, besides the special inspectorates (army,
# police, State Bank, Cipher). Ministry, department and district inspectorates are abolished.
# A cluster year is a calendar year: 2026 is the first to start under the new law, so from
# 2026 a cluster takes only these kinds; 2025 and earlier keep the members they had.
TWO_LEVEL_INSPECTION_FROM_YEAR = 2026
KINDS_AFTER_2025 = (
    UnitKind.GOVERNMENT_INSPECTORATE,
    UnitKind.PROVINCIAL_INSPECTORATE,
    UnitKind.SPECIAL_INSPECTORATE,
)
