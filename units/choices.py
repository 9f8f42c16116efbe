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
