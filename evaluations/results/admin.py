from django.contrib import admin

from evaluations.results.models import (
    CrossAssignment,
    Extension,
    ExtensionRequest,
    RankingPublication,
    Score,
    Submission,
)
from units.admin import RulesAdmin


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["criterion", "self_score", "reviewed_score", "review_reason", "cross_score"]
    readonly_fields = ["criterion", "cross_score"]


class CrossAssignmentInline(admin.TabularInline):
    model = CrossAssignment
    extra = 0
    fields = ["scorer", "assigned_at", "finished_at"]
    readonly_fields = ["scorer", "assigned_at", "finished_at"]


@admin.register(Submission)
class SubmissionAdmin(RulesAdmin):
    list_display = [
        "unit",
        "phase",
        "status",
        "is_late",
        "self_total",
        "final_total",
        "submitted_at",
    ]
    list_filter = ["status", "is_late"]
    search_fields = ["unit__name", "phase__name", "phase__campaign__title"]
    list_select_related = ["unit", "phase"]
    readonly_fields = ["status", "submitted_at", "self_total", "final_total", "rubric"]
    autocomplete_fields = ["unit"]
    inlines = [ScoreInline, CrossAssignmentInline]


@admin.register(Extension)
class ExtensionAdmin(RulesAdmin):
    list_display = ["unit", "phase", "until", "reason", "granted_by"]
    search_fields = ["unit__name", "reason"]
    list_select_related = ["unit", "phase", "granted_by"]


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(RulesAdmin):
    list_display = ["unit", "phase", "status", "wished_until", "granted_until", "requested_at"]
    list_filter = ["status"]
    search_fields = ["unit__name", "reason", "comment"]
    list_select_related = ["unit", "phase"]
    # The status changes through its workflow (the progress board), not by hand.
    readonly_fields = ["status", "requested_by", "requested_at", "decided_by", "decided_at"]
    autocomplete_fields = ["unit"]


@admin.register(RankingPublication)
class RankingPublicationAdmin(RulesAdmin):
    list_display = ["phase", "published_at", "published_by"]
    list_select_related = ["phase", "published_by"]
