from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.search import SearchText, Trigrams
from units.choices import (
    KINDS_AFTER_2025,
    TWO_LEVEL_INSPECTION_FROM_YEAR,
    ClusterKind,
    Gender,
    Role,
    UnitKind,
)

# What a search of units and of people reads (core/search.py): accents and case aside,
# every typed word is somewhere in these columns. Each has its trigram index below.
UNIT_SEARCH_FIELDS = ("code", "name", "short_name")
PERSON_SEARCH_FIELDS = ("full_name", "staff_code", "email")


class Unit(models.Model):
    """An inspectorate or another body that takes part in emulation."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("official name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    province = models.CharField(_("province / city"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)
    # The 2025 mergers: the unit keeps its rows (pledges, scores, awards) and points
    # at its successor from the merger date on.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    merged_on = models.DateField(_("merged on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=UnitKind.values), name="unit_kind_valid"),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True, merged_on__isnull=True)
                | Q(merged_into__isnull=False, merged_on__isnull=False),
                name="unit_merger_has_date_and_successor",
                violation_error_message=_(
                    "A merger needs both the successor unit and the date of the merger."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("pk")),
                name="unit_not_merged_into_itself",
                violation_error_message=_("A unit cannot be merged into itself."),
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(is_active=False),
                name="unit_merged_is_inactive",
                violation_error_message=_("A merged unit is archived: it cannot stay active."),
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "is_active"]),
            GinIndex(Trigrams(SearchText(*UNIT_SEARCH_FIELDS)), name="unit_search_trigrams"),
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def is_archived(self):
        """Merged or closed units are kept for history and are read-only."""
        return not self.is_active

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be its own parent.")})
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("A unit cannot be merged into itself.")})
        if bool(self.merged_into_id) != bool(self.merged_on):
            raise ValidationError(
                _("A merger needs both the successor unit and the date of the merger.")
            )


class Person(models.Model):
    """A staff member (cán bộ, công chức, viên chức, người lao động)."""

    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    staff_code = models.CharField(
        _("staff code"),
        max_length=50,
        blank=True,
        help_text=_("Optional; unique within the unit. Used to update people on import."),
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    rank = models.CharField(_("rank / category"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("current unit"), on_delete=models.PROTECT, related_name="staff"
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values), name="person_gender_valid"
            ),
            models.UniqueConstraint(
                fields=["unit", "staff_code"],
                condition=~Q(staff_code=""),
                name="person_staff_code_unique_in_unit",
                violation_error_message=_("This staff code is already used in this unit."),
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "is_active", "full_name"]),
            GinIndex(Trigrams(SearchText(*PERSON_SEARCH_FIELDS)), name="person_search_trigrams"),
        ]

    def __str__(self):
        return self.full_name


class Employment(models.Model):
    """Where a person worked and when: history survives moves between units."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="employments"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="employments"
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("employment")
        verbose_name_plural = _("employment history")
        ordering = ["person", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="employment_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(end_date__isnull=True),
                name="employment_one_open_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.unit}"


class Cluster(models.Model):
    """An emulation cluster (cụm) or bloc (khối)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(
        _("kind"), max_length=10, choices=ClusterKind.choices, default=ClusterKind.CLUSTER
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ClusterKind.values), name="cluster_kind_valid"
            ),
        ]

    def __str__(self):
        return self.name


class ClusterYear(models.Model):
    """One year of a cluster: its members, chair and vice-chair, theme and secretariat."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="years"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    theme = models.CharField(_("theme of the year"), max_length=255, blank=True)
    chair_unit = models.ForeignKey(
        Unit,
        verbose_name=_("chair unit (cluster head)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_cluster_years",
    )
    vice_chair_unit = models.ForeignKey(
        Unit,
        verbose_name=_("vice-chair unit (deputy head)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vice_chaired_cluster_years",
    )
    members = models.ManyToManyField(
        Unit,
        verbose_name=_("member units"),
        through="ClusterMembership",
        related_name="cluster_years",
    )
    note = models.TextField(_("note"), blank=True)
    leader_approval_required = models.BooleanField(
        _("results need the unit leader's approval"),
        default=False,
        help_text=_(
            "When set, an officer's submission goes to the cluster only after the leader approves."
        ),
    )

    class Meta:
        verbose_name = _("cluster year")
        verbose_name_plural = _("cluster years")
        ordering = ["cluster__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "year"],
                name="cluster_year_unique",
                violation_error_message=_("This cluster already has this year."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="cluster_year_range"
            ),
            models.CheckConstraint(
                condition=Q(chair_unit__isnull=True)
                | Q(vice_chair_unit__isnull=True)
                | ~Q(chair_unit=models.F("vice_chair_unit")),
                name="cluster_year_chair_not_vice_chair",
                violation_error_message=_("The chair and the vice-chair must be different units."),
            ),
        ]

    def __str__(self):
        return f"{self.cluster} – {self.year}"

    def clean(self):
        if self.chair_unit_id and self.chair_unit_id == self.vice_chair_unit_id:
            raise ValidationError(
                {"vice_chair_unit": _("The chair and the vice-chair must be different units.")}
            )


def may_join_after_2025(unit) -> bool:
    """A unit that still exists under the 2025 Law on Inspection: the Government
    Inspectorate and its departments, a provincial or a special inspectorate."""
    if unit.kind in KINDS_AFTER_2025:
        return True
    parent = unit.parent
    return (
        unit.kind == UnitKind.DEPARTMENT
        and parent is not None
        and parent.kind == UnitKind.GOVERNMENT_INSPECTORATE
    )


def member_refusal(unit, year) -> str:
    """Why `unit` cannot be a member of a cluster year of `year` ("" when it can)."""
    if unit is None or year is None or year < TWO_LEVEL_INSPECTION_FROM_YEAR:
        return ""
    if may_join_after_2025(unit):
        return ""
    return _(
        "%(unit)s (%(kind)s) cannot be a member of a cluster from %(year)d: under the Law "
        "on Inspection of 2025, in force from 01/07/2025, ministry, department and district "
        "inspectorates no longer exist; a cluster takes only the Government Inspectorate's "
        "units, provincial inspectorates and special inspectorates."
    ) % {"unit": unit.name, "kind": unit.get_kind_display(), "year": TWO_LEVEL_INSPECTION_FROM_YEAR}


class ClusterMembership(models.Model):
    """A unit's membership of a cluster for one year; dates when it changed mid-year."""

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        ordering = ["cluster_year", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "unit"],
                name="cluster_membership_unique",
                violation_error_message=_("This unit is already a member of this cluster year."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=models.F("joined_on")),
                name="cluster_membership_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.unit} ∈ {self.cluster_year}"

    def clean(self):
        # The admin's membership rows and the membership admin come through here.
        # On the admin's add page the cluster year is not saved yet: ask the object.
        try:
            cluster_year = self.cluster_year
        except ClusterYear.DoesNotExist:
            return
        refusal = member_refusal(self.unit, cluster_year.year) if self.unit_id else ""
        if refusal:
            raise ValidationError({"unit": refusal})


class User(AbstractUser):
    """A person who signs in. Belongs to a unit; what they may do comes from roles."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    person = models.OneToOneField(
        Person,
        verbose_name=_("staff record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self):
        return self.display_name or super().get_full_name() or self.username

    def __str__(self):
        return self.get_full_name()


class RoleAssignment(models.Model):
    """A role held by a user, scoped to a unit, a cluster year or the whole sector."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user", "role"]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="role_valid"),
            # Each role has exactly the scope it needs (viewers may be limited to a unit).
            models.CheckConstraint(
                condition=(
                    Q(role=Role.SECTOR_ADMIN, unit__isnull=True, cluster_year__isnull=True)
                    | Q(role=Role.SECRETARIAT, unit__isnull=True, cluster_year__isnull=False)
                    | Q(
                        role__in=[Role.UNIT_OFFICER, Role.UNIT_LEADER],
                        unit__isnull=False,
                        cluster_year__isnull=True,
                    )
                    | Q(role=Role.VIEWER, cluster_year__isnull=True)
                ),
                name="role_scope_matches_role",
                violation_error_message=_(
                    "Secretariat roles need a cluster year, unit roles need a unit, "
                    "the administrator role needs neither."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit", "cluster_year"],
                nulls_distinct=False,
                name="role_assignment_unique",
                violation_error_message=_("This user already has this role."),
            ),
        ]

    def __str__(self):
        scope = self.unit or self.cluster_year or _("whole sector")
        return f"{self.user} – {self.get_role_display()} ({scope})"


class StoredFile(models.Model):
    """An uploaded file: checked by content, stored under a generated name, served by views.

    Concrete models add the object it belongs to and their `upload_to`.
    """

    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class StatusChange(models.Model):
    """One step of a workflow's history: who moved the object from which status to which.

    Concrete models add the object's foreign key and `status_choices` (the TextChoices).
    """

    status_choices = None
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"

    @property
    def from_label(self):
        return self.status_choices(self.from_status).label if self.from_status else ""

    @property
    def to_label(self):
        return self.status_choices(self.to_status).label

    @property
    def step_text(self) -> str:
        """The step in words: "Created a draft" for the first row (no previous status),
        "Submitted → Returned" for a move."""
        if not self.from_status:
            if self.to_status == "draft":
                return _("Created a draft")
            return _("Created: %(status)s") % {"status": self.to_label}
        return f"{self.from_label} → {self.to_label}"


class AuditEntry(models.Model):
    """One state change: who did what to which object, with before/after values."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=255)
    # The unit the change concerns, so a unit can read the audit of its own objects.
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["unit", "-at"]),
        ]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"
