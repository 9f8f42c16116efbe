"""The Python select of config/forms.py writes exactly what Django's templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from config.forms import FormRenderer
from tests.factories.units import UnitFactory
from units.models import Unit

CHOICES = [
    ("", "—"),
    ("a", 'A <script>alert("x")</script> & co'),
    (2026, 2026),
    ("lazy", gettext_lazy("Vietnamese")),
    ("safe", mark_safe("<b>bold</b>")),
    ("Nhóm «1»", [("g1", "Một"), ("g2", "Hai & ba")]),
]


class SampleForm(forms.Form):
    one = forms.ChoiceField(choices=CHOICES)
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    optional = forms.TypedChoiceField(choices=CHOICES, required=False, coerce=str)
    disabled = forms.ChoiceField(choices=CHOICES, disabled=True, required=False)
    styled = forms.ChoiceField(
        choices=CHOICES, widget=forms.Select(attrs={"class": "form-select", "data-x": '"q"'})
    )


def rendered(form_class, data, renderer, **kwargs):
    form = form_class(data=data, renderer=renderer, **kwargs)
    return [str(bound) for bound in form]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"one": "a", "many": ["g1", "2026"], "optional": "", "styled": "safe"},
        {"one": "<bad>", "many": ["nope"], "styled": "Nhóm «1»"},
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_selects_are_written_as_the_templates_write_them(data, language):
    with translation.override(language):
        ours = rendered(SampleForm, data, FormRenderer())
        django = rendered(SampleForm, data, DjangoTemplates())
    assert ours == django
    assert "&lt;script&gt;" in ours[0]  # labels stay escaped


@pytest.mark.django_db
def test_model_choices_are_written_as_the_templates_write_them():
    UnitFactory.create_batch(3)
    UnitFactory(name="Thanh tra <tỉnh> & Hà Nam")

    class UnitForm(forms.Form):
        unit = forms.ModelChoiceField(queryset=Unit.objects.order_by("name"))
        units = forms.ModelMultipleChoiceField(queryset=Unit.objects.order_by("name"))

    first = Unit.objects.order_by("name").first()
    data = {"unit": first.pk, "units": [first.pk]}
    expected = rendered(UnitForm, data, DjangoTemplates())
    assert rendered(UnitForm, data, FormRenderer()) == expected


def test_other_widgets_still_use_the_templates():
    class OtherForm(forms.Form):
        pick = forms.ChoiceField(choices=CHOICES[1:3], widget=forms.RadioSelect)
        text = forms.CharField()

    assert rendered(OtherForm, None, FormRenderer()) == rendered(OtherForm, None, DjangoTemplates())


def test_the_project_uses_it(settings):
    assert settings.FORM_RENDERER == "config.forms.FormRenderer"
