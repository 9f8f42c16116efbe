from django.db import models
from django.utils.translation import gettext_lazy as _


class Training(models.TextChoices):
    """Training level, as form 0605.N/BNV-TĐKT splits it."""

    ELEMENTARY = "elementary", _("Elementary (sơ cấp)")
    INTERMEDIATE = "intermediate", _("Intermediate (trung cấp)")
    COLLEGE = "college", _("College (cao đẳng)")
    UNIVERSITY = "university", _("University (đại học)")
    POSTGRADUATE = "postgraduate", _("Postgraduate (trên đại học)")


class ScopeKind(models.TextChoices):
    UNIT = "unit", _("Unit")
    CLUSTER = "cluster", _("Cluster")
    SECTOR = "sector", _("Whole sector")
