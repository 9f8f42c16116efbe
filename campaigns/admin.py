from django.contrib import admin

from campaigns.models import (
    Campaign,
    CampaignEvent,
    ContentArea,
    Criterion,
    EventAttachment,
    Phase,
    Rubric,
    RubricGroup,
)
from units.admin import RulesAdmin


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class ContentAreaInline(admin.TabularInline):
    model = ContentArea
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(RulesAdmin):
    list_display = ["title", "kind", "scope", "cluster_year", "start_date", "end_date"]
    list_filter = ["kind", "scope", "start_date"]
    search_fields = ["title", "theme", "document_number"]
    list_select_related = ["cluster_year__cluster"]
    autocomplete_fields = ["cluster_year", "issuing_unit"]
    date_hierarchy = "start_date"
    inlines = [PhaseInline, ContentAreaInline]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["group", "code", "title", "max_points", "kind", "evidence_required", "order"]


class GroupInline(admin.TabularInline):
    model = RubricGroup
    extra = 0


@admin.register(Rubric)
class RubricAdmin(RulesAdmin):
    list_display = ["title", "version", "campaign", "cluster_year", "frozen_at"]
    list_filter = ["frozen_at"]
    search_fields = ["title", "campaign__title"]
    list_select_related = ["campaign", "cluster_year__cluster"]
    autocomplete_fields = ["campaign", "cluster_year", "previous"]
    readonly_fields = ["frozen_at", "revision"]
    inlines = [GroupInline, CriterionInline]


class AttachmentInline(admin.TabularInline):
    model = EventAttachment
    extra = 0
    fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


@admin.register(CampaignEvent)
class CampaignEventAdmin(RulesAdmin):
    list_display = ["title", "kind", "date", "campaign", "host_unit", "place"]
    list_filter = ["kind", "date"]
    search_fields = ["title", "place", "campaign__title"]
    list_select_related = ["campaign", "host_unit"]
    autocomplete_fields = ["campaign", "host_unit"]
    date_hierarchy = "date"
    inlines = [AttachmentInline]
