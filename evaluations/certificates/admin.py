"""Layouts are edited here: the paper, the printer's shift, and each field's position."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from evaluations.certificates.models import CertificateLayout, LayoutField
from units.admin import RulesAdmin


class LayoutFieldInline(admin.TabularInline):
    model = LayoutField
    extra = 0
    fields = [
        "kind",
        "printed",
        "x_mm",
        "y_mm",
        "width_mm",
        "font_size",
        "bold",
        "italic",
        "align",
        "max_lines",
    ]


@admin.register(CertificateLayout)
class CertificateLayoutAdmin(RulesAdmin):
    list_display = ["authority", "title", "paper", "calibration_link"]
    list_filter = ["authority", "paper"]
    list_select_related = ["authority", "title"]
    fields = ["authority", "title", "paper", "offset_x_mm", "offset_y_mm"]
    inlines = [LayoutFieldInline]

    @admin.display(description=_("calibration page"))
    def calibration_link(self, obj):
        url = reverse("evaluations:certificate_layout_calibration", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Calibration page (PDF)"))
