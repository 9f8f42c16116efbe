"""Paper sizes of the blanks and the fields a certificate layout places on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Paper(models.TextChoices):
    """The blanks as they are bought (DOMAIN-OUTPUTS B): always landscape."""

    A3_LANDSCAPE = "a3", _("A3 landscape (420 × 297 mm)")
    A4_LANDSCAPE = "a4", _("A4 landscape (297 × 210 mm)")
    LARGE = "400x300", _("400 × 300 mm (older Bằng khen)")


# Width and height in millimetres of each paper.
PAPER_MM = {
    Paper.A3_LANDSCAPE: (420, 297),
    Paper.A4_LANDSCAPE: (297, 210),
    Paper.LARGE: (400, 300),
}


class FieldKind(models.TextChoices):
    """What a field prints (Decree 98/2023 Art. 104, lines 3 and 5 to the signer's name)."""

    AUTHORITY = "authority", _("Awarding authority (usually pre-printed)")
    AWARD_NAME = "award_name", _("Award or title (usually pre-printed)")
    RECIPIENT = "recipient", _("Recipient's name")
    POSITION_UNIT = "position_unit", _("Position and unit")
    ACHIEVEMENT = "achievement", _("Achievement")
    DECISION = "decision", _("Decision number and date")
    REGISTER = "register", _("Register number (số sổ vàng)")
    PLACE_DATE = "place_date", _("Place and date")
    SIGNER_TITLE = "signer_title", _("Signer's title")
    SIGNER_NAME = "signer_name", _("Signer's name")


class Align(models.TextChoices):
    LEFT = "L", _("Left")
    CENTER = "C", _("Centre")
    RIGHT = "R", _("Right")
