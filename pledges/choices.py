from enum import nonmember

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import StatusChoices


class Recipient(models.TextChoices):
    PERSON = "person", _("Individual")
    COLLECTIVE = "collective", _("Collective")


class TitleLevel(models.TextChoices):
    BASE = "base", _("Base level (unit head)")
    SECTOR = "sector", _("Sector (Inspector General)")
    STATE = "state", _("State (Prime Minister, President)")


class PledgeStatus(StatusChoices):
    DRAFT = "draft", pgettext_lazy("pledge status", "Draft")
    OPEN = "open", _("Open for signing")
    SIGNED = "signed", _("Signed")
    ARCHIVED = "archived", _("Archived")
    tones = nonmember({"open": "primary", "signed": "success", "archived": "secondary"})


class SignatureSource(models.TextChoices):
    ONLINE = "online", _("Signed in the browser by the unit's leader")
    PAPER = "paper", _("Recorded by the secretariat from the paper original")


class PledgeFileKind(models.TextChoices):
    SIGNED_ORIGINAL = "signed_original", _("Scanned signed original")
    PHOTO = "photo", _("Photo of the ceremony")
    OTHER = "other", pgettext_lazy("file kind", "Other")


class RegistrationStatus(StatusChoices):
    DRAFT = "draft", pgettext_lazy("registration status", "Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")
    tones = nonmember({"submitted": "primary", "accepted": "success", "returned": "warning"})
