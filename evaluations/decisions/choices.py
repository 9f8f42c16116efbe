from enum import nonmember

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import StatusChoices


class AuthorityLevel(models.TextChoices):
    """Who signs: the level decides which titles the authority may award (DOMAIN-OUTPUTS)."""

    UNIT = "unit", _("Head of a unit (Chief Inspector of a province)")
    PROVINCE = "province", _("Chairman of a provincial People's Committee")
    SECTOR = "sector", _("Inspector General of the Government")
    STATE = "state", _("Prime Minister or President")


class SignForm(models.TextChoices):
    """How the signer signs (Decree 30/2020): in person, for (KT.) or on behalf of (TM.)."""

    HEAD = "", _("The head signs in person")
    FOR_HEAD = "KT.", _("KT. (a deputy signs for the head)")
    ON_BEHALF = "TM.", _("TM. (on behalf of a collective body)")


class DecisionStatus(StatusChoices):
    DRAFT = "draft", pgettext_lazy("decision status", "Draft")
    RECORDED = "recorded", _("Recorded")
    REVOKED = "revoked", _("Revoked")
    tones = nonmember({"recorded": "success", "revoked": "danger"})


class DecisionKind(models.TextChoices):
    """What a decision does; each kind has its own Word templates."""

    COMMENDATION = "commendation", _("Commendation (certificate of merit, flag)")
    RECOGNITION = "recognition", _("Recognition of emulation titles")


class DocumentKind(models.TextChoices):
    """The documents filled from the office's Word templates."""

    DECISION = "decision", _("Decision with its annex list")
    SUBMISSION = "submission", _("Submission (tờ trình)")
