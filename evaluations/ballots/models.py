"""Secret ballots (bỏ phiếu kín, bình xét) of a cluster year.

Secrecy holds against whoever reads the database files, the WAL or the backups: a vote
inserts one envelope of Paillier ciphertexts (one per candidate, Enc(1) ticked, Enc(0)
not) under the ballot's public key, and marks the voter row as voted. The private key is
never stored: the secretariat keeps it from the opening and brings it to the closing,
when only the per-candidate sums are decrypted into the candidates' counters. Candidate
rows are never written by a vote (see evaluations/ballots/secrecy.py and the README).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Phase
from core.choices import HasStatus
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.secrecy import fingerprint
from pledges.models import Title
from units.models import ClusterYear, Person, Unit

PERCENT = {"max_digits": 5, "decimal_places": 2}


class Ballot(HasStatus, models.Model):
    """A secret ballot of a cluster year, optionally about one campaign (and its ranking)."""

    status_choices = BallotStatus

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("ranking of the phase"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=BallotStatus.choices, default=BallotStatus.DRAFT
    )
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    meeting_place = models.CharField(_("meeting place"), max_length=255, blank=True)
    chair_name = models.CharField(_("chair of the meeting"), max_length=150, blank=True)
    secretary_name = models.CharField(_("secretary of the meeting"), max_length=150, blank=True)
    # R14: the quorum is a fraction of the eligible voters (two thirds by default).
    quorum_numerator = models.PositiveSmallIntegerField(_("quorum (numerator)"), default=2)
    quorum_denominator = models.PositiveSmallIntegerField(_("quorum (denominator)"), default=3)
    eligible_count = models.PositiveIntegerField(_("eligible voters"), default=0)
    present_count = models.PositiveIntegerField(_("present at the meeting"), null=True, blank=True)
    cast_count = models.PositiveIntegerField(_("ballots cast"), default=0)
    is_paper = models.BooleanField(_("entered from paper ballots"), default=False)
    quorum_met = models.BooleanField(_("quorum reached"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The Paillier modulus n (decimal), set when the ballot opens; the private key is not
    # stored anywhere: the secretariat keeps it until the closing.
    public_key = models.TextField(_("public key of the ballot"), blank=True, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-cluster_year__year", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=BallotStatus.values), name="ballot_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(quorum_numerator__gte=1)
                & Q(quorum_numerator__lte=F("quorum_denominator")),
                name="ballot_quorum_is_a_fraction",
            ),
            models.CheckConstraint(
                condition=Q(cast_count__lte=F("eligible_count")) | Q(status="draft"),
                name="ballot_cast_not_above_eligible",
            ),
        ]
        indexes = [models.Index(fields=["cluster_year", "status"])]

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == BallotStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == BallotStatus.OPEN

    @property
    def is_closed(self) -> bool:
        """Tallied, the result not published yet."""
        return self.status == BallotStatus.CLOSED

    @property
    def is_tallied(self) -> bool:
        return self.status in (BallotStatus.CLOSED, BallotStatus.PUBLISHED)

    @property
    def key_fingerprint(self) -> str:
        """The public check of the ballot's key, printed on the key the secretariat keeps."""
        return fingerprint(int(self.public_key)) if self.public_key else ""

    @property
    def quorum_label(self) -> str:
        return f"{self.quorum_numerator}/{self.quorum_denominator}"


class BallotQuestion(models.Model):
    """What is decided: e.g. the flag (1 place) or the certificates (N places)."""

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=500)
    title = models.ForeignKey(
        Title,
        verbose_name=_("title or award form"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    places = models.PositiveSmallIntegerField(
        _("number of places"), default=1, validators=[MinValueValidator(1)]
    )
    # R13: approval counted against all eligible voters; the value is stored per question.
    threshold_percent = models.DecimalField(
        _("approval threshold (% of all eligible voters)"),
        default=Decimal("80"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
        **PERCENT,
    )

    class Meta:
        verbose_name = _("ballot question")
        verbose_name_plural = _("ballot questions")
        ordering = ["ballot", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(places__gte=1), name="ballot_question_places"),
            models.CheckConstraint(
                condition=Q(threshold_percent__gt=0) & Q(threshold_percent__lte=100),
                name="ballot_question_threshold_range",
            ),
        ]

    def __str__(self):
        return self.text


class BallotCandidate(models.Model):
    """A unit or a person on a question; `votes` is written at closing only (the decrypted
    sum of the sealed envelopes, or the paper totals): a vote never writes this row."""

    question = models.ForeignKey(
        BallotQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="candidates",
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="ballot_candidacies"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="ballot_candidacies"
    )
    name = models.CharField(_("candidate"), max_length=255)
    note = models.CharField(_("note"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    votes = models.PositiveIntegerField(_("votes"), default=0)
    # The tally, written when the ballot closes.
    percent = models.DecimalField(_("% of eligible voters"), null=True, blank=True, **PERCENT)
    passed = models.BooleanField(_("reached the threshold"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    tie = models.BooleanField(_("tied at the last place"), default=False)
    elected = models.BooleanField(_("selected"), default=False)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["question", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, person__isnull=True)
                | Q(unit__isnull=True, person__isnull=False),
                name="ballot_candidate_unit_or_person",
            ),
            models.UniqueConstraint(fields=["question", "unit"], name="ballot_candidate_unit_once"),
            models.UniqueConstraint(
                fields=["question", "person"], name="ballot_candidate_person_once"
            ),
        ]

    def __str__(self):
        return self.name


class BallotVoter(models.Model):
    """One ballot paper: a member unit (cast by its leader) or a named delegate.

    Records only that, and when, the ballot was cast: never what was chosen.
    """

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="voters"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="ballot_votes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballot_votes",
    )
    name = models.CharField(_("voter"), max_length=255)
    voted_at = models.DateTimeField(_("voted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("eligible voter")
        verbose_name_plural = _("eligible voters")
        ordering = ["ballot", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, user__isnull=True)
                | Q(unit__isnull=True, user__isnull=False),
                name="ballot_voter_unit_or_delegate",
            ),
            models.UniqueConstraint(fields=["ballot", "unit"], name="ballot_voter_unit_once"),
            models.UniqueConstraint(fields=["ballot", "user"], name="ballot_voter_user_once"),
        ]

    def __str__(self):
        return self.name


class BallotEnvelope(models.Model):
    """One cast electronic ballot paper: the encrypted vector of its ticks.

    `ciphertexts` lists one Paillier ciphertext (hexadecimal) per candidate of the ballot,
    in the order of the candidates' ids; no voter, no candidate id, no time.
    """

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="envelopes"
    )
    ciphertexts = models.JSONField(_("encrypted choices"))

    class Meta:
        verbose_name = _("sealed envelope")
        verbose_name_plural = _("sealed envelopes")

    def __str__(self):
        return f"{self.ballot_id}/{self.pk}"
