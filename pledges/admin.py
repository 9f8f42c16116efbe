from django.contrib import admin

from pledges.models import (
    Commitment,
    Pledge,
    PledgeAttachment,
    PledgeParty,
    Registration,
    RegistrationItem,
    RegistrationRound,
    Title,
)
from units.admin import RulesAdmin


@admin.register(Title)
class TitleAdmin(RulesAdmin):
    list_display = ["code", "name", "recipient", "level", "multiplier", "is_active", "order"]
    list_filter = ["recipient", "level", "is_active", "is_emulation_title"]
    search_fields = ["code", "name", "legal_basis"]
    list_editable = ["order"]


class CommitmentInline(admin.StackedInline):
    model = Commitment
    extra = 0
    filter_horizontal = ["criteria"]


class PartyInline(admin.TabularInline):
    model = PledgeParty
    extra = 0
    fields = ["unit", "unit_name", "order"]
    readonly_fields = ["unit", "unit_name"]


class PledgeAttachmentInline(admin.TabularInline):
    model = PledgeAttachment
    extra = 0
    fields = ["kind", "original_name", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


@admin.register(Pledge)
class PledgeAdmin(RulesAdmin):
    list_display = ["title", "cluster_year", "status", "signing_date", "venue"]
    list_filter = ["status", "cluster_year__year"]
    search_fields = ["title", "theme", "venue"]
    list_select_related = ["cluster_year__cluster"]
    autocomplete_fields = ["cluster_year", "campaign", "host_unit"]
    readonly_fields = ["status"]
    inlines = [CommitmentInline, PartyInline, PledgeAttachmentInline]


@admin.register(RegistrationRound)
class RegistrationRoundAdmin(RulesAdmin):
    list_display = ["title", "cluster_year", "campaign", "deadline"]
    list_filter = ["cluster_year__year"]
    search_fields = ["title"]
    list_select_related = ["cluster_year__cluster", "campaign"]
    autocomplete_fields = ["cluster_year", "campaign"]


class ItemInline(admin.TabularInline):
    model = RegistrationItem
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Registration)
class RegistrationAdmin(RulesAdmin):
    list_display = ["unit", "round", "status", "submitted_at", "reopened_until"]
    list_filter = ["status", "round"]
    search_fields = ["unit__name", "round__title"]
    list_select_related = ["unit", "round"]
    readonly_fields = ["status", "submitted_at"]
    autocomplete_fields = ["unit", "round"]
    inlines = [ItemInline]
