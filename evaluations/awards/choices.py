from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardSource(models.TextChoices):
    PROPOSAL = "proposal", _("Approved proposal")
    IMPORT = "import", _("Imported from a spreadsheet")
    MANUAL = "manual", _("Entered by an administrator")
