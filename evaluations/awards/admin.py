from django.contrib import admin

from evaluations.awards.models import BaseSalary
from units.admin import RulesAdmin


@admin.register(BaseSalary)
class BaseSalaryAdmin(RulesAdmin):
    list_display = ["valid_from", "amount", "legal_basis"]
    ordering = ["-valid_from"]
