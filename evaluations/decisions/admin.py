"""Issuing authorities and the office's Word templates, kept by the sector administrators.

A template is checked before it is saved: it is filled with example values, and a broken
one (bad Jinja, an unknown placeholder) is refused with a message naming the placeholder.
The page lists the placeholders a template may use.
"""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.exceptions import ActionRefused
from core.uploads import MB, check_zip_container
from evaluations.decisions.documents import PLACEHOLDERS, check_template
from evaluations.decisions.models import DecisionTemplate, IssuingAuthority
from units.admin import RulesAdmin

MAX_TEMPLATE_BYTES = 5 * MB


@admin.register(IssuingAuthority)
class IssuingAuthorityAdmin(RulesAdmin):
    list_display = ["name", "heading", "level", "symbol", "place", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name"]


class DecisionTemplateForm(forms.ModelForm):
    class Meta:
        model = DecisionTemplate
        fields = ["decision_kind", "document", "file", "note"]

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded is None:
            return uploaded
        if not uploaded.name.lower().endswith(".docx"):
            raise forms.ValidationError(_("Upload a Word (.docx) file."))
        if uploaded.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(_("The template is larger than 5 MB."))
        try:
            check_zip_container(uploaded)
            check_template(uploaded)
        except ActionRefused as refused:
            raise forms.ValidationError(refused.message) from refused
        uploaded.seek(0)
        return uploaded


@admin.register(DecisionTemplate)
class DecisionTemplateAdmin(RulesAdmin):
    form = DecisionTemplateForm
    list_display = ["document", "decision_kind", "note", "uploaded_at"]
    readonly_fields = ["placeholders"]
    fields = ["decision_kind", "document", "file", "note", "placeholders"]

    @admin.display(description=_("Placeholders the template may use"))
    def placeholders(self, obj=None):
        rows = format_html_join("", "<li><code>{{{{ {} }}}}</code>: {}</li>", PLACEHOLDERS.items())
        return format_html("<ul>{}</ul>", rows)
