from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pledges.models import (
    Commitment,
    Pledge,
    PledgeAttachment,
    PledgeParty,
    Registration,
    RegistrationItem,
    RegistrationRound,
    Title,
    TitleMultiplier,
)
from units.admin import RulesAdmin


class MultiplierForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        self.instance.check_saved_overlaps = False  # MultiplierFormSet checks every period
        return data


class MultiplierFormSet(forms.BaseInlineFormSet):
    """The periods typed together must not overlap either (the model checks saved ones)."""

    def clean(self):
        super().clean()
        periods = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("valid_from"):
                continue
            start, end = data["valid_from"], data.get("valid_until")
            for other_start, other_end in periods:
                if (end is None or other_start <= end) and (
                    other_end is None or other_end >= start
                ):
                    raise forms.ValidationError(_("Two periods of this title overlap."))
            periods.append((start, end))


class TitleMultiplierInline(admin.TabularInline):
    model = TitleMultiplier
    form = MultiplierForm
    formset = MultiplierFormSet
    extra = 0
    fields = ["valid_from", "valid_until", "multiplier", "legal_basis", "to_verify"]


@admin.register(Title)
class TitleAdmin(RulesAdmin):
    list_display = ["code", "name", "recipient", "level", "is_active", "order"]
    list_filter = ["recipient", "level", "is_active", "is_emulation_title"]
    search_fields = ["code", "name", "legal_basis"]
    list_editable = ["order"]
    inlines = [TitleMultiplierInline]


@admin.register(TitleMultiplier)
class TitleMultiplierAdmin(RulesAdmin):
    """Each multiplier with its period and legal basis; the unverified ones can be filtered."""

    list_display = ["title", "valid_from", "valid_until", "multiplier", "legal_basis", "to_verify"]
    list_filter = ["to_verify", "title__recipient", "valid_from"]
    list_select_related = ["title"]
    search_fields = ["title__code", "title__name", "legal_basis"]
    ordering = ["title__order", "title__code", "title__recipient", "-valid_from"]


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
