"""Django admin for sector administrators. Every permission is asked of the rules,
and changes that have a service (mergers, moves, roles) go through it."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from core.exceptions import ActionRefused
from core.http import int_param
from core.search import matching
from units import services
from units.audit import ACTION_KINDS, audit_record, kind_filter
from units.models import (
    PERSON_SEARCH_FIELDS,
    UNIT_SEARCH_FIELDS,
    AuditEntry,
    Cluster,
    ClusterMembership,
    ClusterYear,
    Employment,
    Person,
    RoleAssignment,
    Unit,
    User,
)

admin.site.unregister(Group)


def _audit_value(form, name):
    """A form value for the audit log; passwords are never written down, not even hashed."""
    if "password" in name or isinstance(form.fields[name].widget, forms.PasswordInput):
        return "********"
    return str(form.cleaned_data.get(name))


class FoldedSearchMixin:
    """The admin's search (and the autocomplete of every select of this model) as on the
    site: accents and case aside, every word in `search_fields`, through their trigram
    index (core/search.py). `search_fields` names the same columns for Django's checks."""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(*matching(tuple(self.search_fields), search_term)), False


class RulesAdmin(ObjectPermissionsModelAdmin):
    """Module access and each object permission come from the rules; saves are audited."""

    def has_module_permission(self, request):
        return request.user.has_perm("units.access_admin")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changed = form.changed_data if change else [f for f in form.fields if form[f].value()]
        audit_record(
            actor=request.user,
            action=f"{obj._meta.model_name}.{'change' if change else 'create'}.admin",
            obj=obj,
            unit=obj if isinstance(obj, Unit) else getattr(obj, "unit", None),
            changes={name: [None, _audit_value(form, name)] for name in changed},
        )

    def save_formset(self, request, form, formset, change):
        # Inline rows (memberships, roles, employment) are state changes too.
        # `deleted_objects` exists only after saving, when the rows are gone: name them now.
        deleted = [str(f.instance) for f in formset.deleted_forms if f.instance.pk]
        super().save_formset(request, form, formset, change)
        parent = form.instance
        for obj in formset.new_objects:
            self._audit_inline(request, parent, "add", str(obj))
        for obj, fields in formset.changed_objects:
            self._audit_inline(request, parent, "change", f"{obj}: {', '.join(fields)}")
        for text in deleted:
            self._audit_inline(request, parent, "delete", text)

    def _audit_inline(self, request, parent, verb, text):
        audit_record(
            actor=request.user,
            action=f"{parent._meta.model_name}.inline.{verb}.admin",
            obj=parent,
            unit=parent if isinstance(parent, Unit) else getattr(parent, "unit", None),
            changes={"inline": [None, text] if verb != "delete" else [text, None]},
        )

    def delete_model(self, request, obj):
        audit_record(
            actor=request.user,
            action=f"{obj._meta.model_name}.delete.admin",
            obj=obj,
            unit=obj if isinstance(obj, Unit) else getattr(obj, "unit", None),
        )
        super().delete_model(request, obj)


class EmploymentInline(admin.TabularInline):
    model = Employment
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["unit", "position", "start_date", "end_date"]


class UnitAdminForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = [
            "code",
            "name",
            "short_name",
            "kind",
            "province",
            "parent",
            "note",
            "is_active",
            "merged_into",
            "merged_on",
        ]

    def clean(self):
        data = super().clean()
        if data.get("merged_into"):
            # Merging archives the unit; do not make the administrator untick "active" first.
            data["is_active"] = False
            self.instance.is_active = False
        return data


@admin.register(Unit)
class UnitAdmin(FoldedSearchMixin, RulesAdmin):
    form = UnitAdminForm
    list_display = ["code", "name", "short_name", "kind", "province", "is_active", "merged_into"]
    list_filter = ["kind", "is_active", "province"]
    search_fields = UNIT_SEARCH_FIELDS
    list_select_related = ["merged_into"]
    autocomplete_fields = ["parent", "merged_into"]
    fieldsets = [
        (None, {"fields": ["code", "name", "short_name", "kind", "province", "parent", "note"]}),
        (
            _("Status and mergers"),
            {
                "fields": ["is_active", "merged_into", "merged_on"],
                "description": _(
                    "To merge a unit, set its successor and the date: it becomes archived and "
                    "its active staff move to the successor."
                ),
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        merging = change and obj.merged_into_id and not Unit.objects.get(pk=obj.pk).merged_into_id
        if not merging:
            return super().save_model(request, obj, form, change)
        into, on = obj.merged_into, obj.merged_on
        obj.merged_into, obj.merged_on, obj.is_active = None, None, True
        super().save_model(request, obj, form, change)
        try:
            services.unit_merge(unit=obj, into=into, on=on, actor=request.user)
        except ActionRefused as refused:
            messages.error(request, refused.message)


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, RulesAdmin):
    list_display = ["full_name", "gender", "position", "unit", "staff_code", "is_active"]
    list_filter = ["is_active", "gender", "unit__kind"]
    search_fields = PERSON_SEARCH_FIELDS
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    inlines = [EmploymentInline]
    readonly_fields = ["created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if change and "unit" in form.changed_data:
            # A move between units keeps the employment history: go through the service.
            to_unit = obj.unit
            obj.unit = Person.objects.get(pk=obj.pk).unit
            super().save_model(request, obj, form, change)
            services.person_transfer(
                person=obj, to_unit=to_unit, on=timezone.localdate(), actor=request.user
            )
            return
        super().save_model(request, obj, form, change)
        if not change:
            Employment.objects.create(
                person=obj, unit=obj.unit, position=obj.position, start_date=timezone.localdate()
            )


class MembershipInline(admin.TabularInline):
    model = ClusterMembership
    extra = 0
    autocomplete_fields = ["unit"]


class SecretariatInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "cluster_year"
    extra = 0
    fields = ["user", "role"]
    autocomplete_fields = ["user"]
    verbose_name = _("secretariat user")
    verbose_name_plural = _("secretariat users")


@admin.register(Cluster)
class ClusterAdmin(RulesAdmin):
    list_display = ["code", "name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name"]


@admin.register(ClusterYear)
class ClusterYearAdmin(RulesAdmin):
    list_display = ["cluster", "year", "theme", "chair_unit", "vice_chair_unit"]
    list_filter = ["year", "cluster"]
    search_fields = ["cluster__name", "theme"]
    list_select_related = ["cluster", "chair_unit", "vice_chair_unit"]
    autocomplete_fields = ["cluster", "chair_unit", "vice_chair_unit"]
    inlines = [MembershipInline, SecretariatInline]


@admin.register(ClusterMembership)
class ClusterMembershipAdmin(RulesAdmin):
    list_display = ["unit", "cluster_year", "joined_on", "left_on"]
    list_filter = ["cluster_year__year", "cluster_year__cluster"]
    search_fields = ["unit__name", "unit__code", "cluster_year__cluster__name"]
    list_select_related = ["unit", "cluster_year__cluster"]
    autocomplete_fields = ["unit", "cluster_year"]


@admin.register(Employment)
class EmploymentAdmin(RulesAdmin):
    list_display = ["person", "unit", "position", "start_date", "end_date"]
    list_filter = ["unit__kind"]
    search_fields = ["person__full_name", "unit__name"]
    list_select_related = ["person", "unit"]
    autocomplete_fields = ["person", "unit"]
    date_hierarchy = "start_date"


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    fields = ["role", "unit", "cluster_year"]
    autocomplete_fields = ["unit", "cluster_year"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, RulesAdmin):
    list_display = ["username", "display_name", "email", "unit", "is_active"]
    list_filter = ["is_active", "role_assignments__role"]
    search_fields = ["username", "display_name", "email", "unit__name"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "person"]
    inlines = [RoleInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Person"), {"fields": ["display_name", "email", "unit", "person"]}),
        (_("Access"), {"fields": ["is_active", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "display_name", "unit", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("is_superuser")
        return fields


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(RulesAdmin):
    list_display = ["user", "role", "unit", "cluster_year", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__display_name", "unit__name"]
    list_select_related = ["user", "unit", "cluster_year__cluster"]
    autocomplete_fields = ["user", "unit", "cluster_year"]


class _RecentChoiceFilter(admin.SimpleListFilter):
    """Filter by a related row without listing thousands of them: the choices are those of
    the latest entries (and the one selected); links in the list filter by any other."""

    field = ""
    recent = 500

    def lookups(self, request, model_admin):
        ids = {
            pk
            for pk in AuditEntry.objects.order_by("-at").values_list(self.field, flat=True)[
                : self.recent
            ]
            if pk
        }
        if int_param(self.value()) is not None:
            ids.add(int_param(self.value()))
        return [(str(obj.pk), str(obj)) for obj in self.choices_queryset(ids)]

    def queryset(self, request, queryset):
        if int_param(self.value()) is not None:
            return queryset.filter(**{self.field: int_param(self.value())})
        return queryset


class ActorFilter(_RecentChoiceFilter):
    title = _("by")
    parameter_name = "actor"
    field = "actor_id"

    def choices_queryset(self, ids):
        return User.objects.filter(pk__in=ids).order_by("username")


class AuditUnitFilter(_RecentChoiceFilter):
    title = _("unit")
    parameter_name = "unit"
    field = "unit_id"

    def choices_queryset(self, ids):
        return Unit.objects.filter(pk__in=ids).order_by("name")


class ActionKindFilter(admin.SimpleListFilter):
    title = _("kind of change")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return list(ACTION_KINDS.items())

    def queryset(self, request, queryset):
        if self.value() in ACTION_KINDS:
            return queryset.filter(kind_filter(self.value()))
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(RulesAdmin):
    """The audit log, read-only: written by services only, never changed or deleted."""

    list_display = ["at", "actor", "action", "object_repr", "unit", "content_type"]
    list_filter = [
        # No filter lists distinct values of the whole log (a scan at sector scale).
        ActionKindFilter,
        "content_type",
        ActorFilter,
        AuditUnitFilter,
        ("at", admin.DateFieldListFilter),
    ]
    search_fields = [
        "object_repr",
        "action",
        "note",
        "actor__username",
        "actor__display_name",
        "unit__name",
        "unit__code",
    ]
    list_select_related = ["actor", "unit", "content_type"]
    date_hierarchy = "at"
    show_full_result_count = False  # no second COUNT(*) over the whole log
    readonly_fields = [
        "at",
        "actor",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "unit",
        "changes",
        "note",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
