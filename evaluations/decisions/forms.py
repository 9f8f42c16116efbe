from django import forms
from django.utils.translation import gettext_lazy as _

from core.formfields import DateField
from evaluations.decisions.choices import DecisionKind, SignForm
from evaluations.decisions.models import IssuingAuthority

DEFAULT_LEGAL_BASES = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi "
    "tiết một số điều của Luật Thi đua, khen thưởng;\n"
    "Căn cứ Thông tư số 15/2025/TT-BNV của Bộ trưởng Bộ Nội vụ hướng dẫn thi hành Luật Thi "
    "đua, khen thưởng và Nghị định số 152/2025/NĐ-CP;"
)


class ProposalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nominee_name} – {obj.title.name} ({obj.unit.name})"


class DraftForm(forms.Form):
    """A new decision from the cluster year's forwarded proposals (all ticked at first)."""

    authority = forms.ModelChoiceField(
        label=_("Issuing authority"), queryset=IssuingAuthority.objects.none()
    )
    kind = forms.ChoiceField(label=_("Kind of decision"), choices=DecisionKind.choices)
    subject = forms.CharField(
        label=_("Subject"),
        max_length=500,
        required=False,
        help_text=_("The abstract under the title, e.g. “Về việc tặng Bằng khen …”."),
    )
    legal_bases = forms.CharField(
        label=_("Legal bases"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One “Căn cứ …;” per line."),
    )
    proposals = ProposalChoiceField(
        label=_("Forwarded proposals"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one forwarded proposal.")},
    )

    def __init__(self, *args, authorities, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities
        self.fields["proposals"].queryset = proposals
        if not self.is_bound:
            self.initial.setdefault("legal_bases", DEFAULT_LEGAL_BASES)


class SignerFields(forms.Form):
    signer_name = forms.CharField(label=_("Signer's name"), max_length=255)
    signer_position = forms.CharField(
        label=_("Signer's position"),
        max_length=255,
        help_text=_("As printed above the name, e.g. “Phó Tổng Thanh tra”."),
    )
    sign_form = forms.ChoiceField(label=_("Signing form"), choices=SignForm.choices, required=False)


class RecordForm(SignerFields):
    number = forms.CharField(
        label=_("Decision number"),
        max_length=50,
        help_text=_("The number alone (“123”); the symbol comes from the authority."),
    )
    date = DateField(
        label=_("Decision date"),
        past_only=True,
        future_message=_("A decision date cannot be in the future (today is %(today)s)."),
    )
    effective_date = DateField(
        label=_("Effective from"), required=False, help_text=_("Empty: the decision date.")
    )
    field_order = [
        "number",
        "date",
        "effective_date",
        "signer_name",
        "signer_position",
        "sign_form",
    ]


class CorrectForm(SignerFields):
    subject = forms.CharField(label=_("Subject"), max_length=500, required=False)
    legal_bases = forms.CharField(
        label=_("Legal bases"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    effective_date = DateField(label=_("Effective from"), required=False)
    reason = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"), widget=forms.Textarea(attrs={"rows": 3})
    )
