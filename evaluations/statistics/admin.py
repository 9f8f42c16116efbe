from django.contrib import admin

from evaluations.statistics.models import EmulationOfficer
from units.admin import RulesAdmin


@admin.register(EmulationOfficer)
class EmulationOfficerAdmin(RulesAdmin):
    """The people form 0605.N/BNV-TĐKT counts, kept by sector administrators."""

    list_display = ["person", "birth_year", "training", "since_year", "is_active"]
    list_filter = ["training", "is_active"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]
    search_fields = ["person__full_name"]
