"""The form renderer: Django's templates, except for selects, which are written in Python.

Django renders each <option> of a select through two template includes. A select of every
unit of the sector (2,000 options) then costs about 100 ms, more than the rest of the page.
The HTML written here is the same as Django's templates write (select.html,
select_option.html, attrs.html), escaped and localised the same way; a test compares them.
"""

from html import escape

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _escape(value) -> str:
    """Django's conditional_escape without its lazy-string wrapper (called per option)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


def _text(value) -> str:
    """What `{{ value }}` prints: localised, then escaped unless already safe."""
    return _escape(localize(value))


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"`, a bare name for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{_escape(str(value))}"')
    return "".join(parts)


def _option(option: dict) -> str:
    value = _escape(str(option["value"]))
    return f'<option value="{value}"{_attrs(option["attrs"])}>{_text(option["label"])}</option>'


def render_select(widget: dict) -> str:
    lines = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            lines.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            # select_option.html ends with a newline, which Django keeps.
            lines.append(f"\n  {_option(option)}\n")
        if group_name:
            lines.append("\n  </optgroup>")
    lines.append("\n</select>")
    return "".join(lines)


def _is_plain_select(template_name: str, context: dict) -> bool:
    widget = context.get("widget")
    if template_name != SELECT_TEMPLATE or not isinstance(widget, dict):
        return False
    # A widget with its own option template is left to the templates.
    return all(
        option.get("template_name") == OPTION_TEMPLATE
        for _name, options, _index in widget.get("optgroups", ())
        for option in options
    )


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if _is_plain_select(template_name, context):
            return render_select(context["widget"])
        return super().render(template_name, context, request=request)
