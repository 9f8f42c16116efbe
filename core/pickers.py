"""Choosing one of thousands (2,000 units, 100,000 people) with a search field, never a
<select> of every option.

`SearchChoiceField` is a ModelChoiceField whose widget, `SearchSelect`, renders a search
box (`<name>__q`) and a select that holds only the chosen option and, after a search, the
options found (at most `limit`), so a page costs the same whatever the number of choices:

- With JavaScript, htmx asks the picker's endpoint (`source`, a URL with the purpose's
  scope) for the options matching what is typed and puts them into the select.
- Without it, the form posts the text typed: a single match is chosen, several are listed
  in the select with a message asking to choose one, and the form comes back (everything
  typed kept) until a value is chosen.

The select's value is what the form posts, as a browser sends it; a chosen value that no
longer matches the text typed is searched again. The queryset is what the user may choose
(validation is ModelChoiceField's: a value outside it is refused).
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.search import matching

LIMIT = 20
PLACEHOLDER = _("Type a few letters of the name")


def query_name(name: str) -> str:
    return f"{name}__q"


def option_html(choices, *, selected=None, more: bool = False) -> str:
    """The <option>s of a picker: an empty one, then (pk, label) pairs."""
    empty = format_html('<option value="">{}</option>', _("— choose —"))
    items = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (pk, mark_safe(" selected") if str(pk) == str(selected) else "", label)
            for pk, label in choices
        ),
    )
    tail = (
        format_html(
            '<option value="" disabled>{}</option>', _("… type more letters to see the rest")
        )
        if more
        else ""
    )
    return mark_safe(empty + items + tail)  # each part escaped by format_html


class SearchSelect(forms.Widget):
    """A search box and a select of the options found (see the module)."""

    template_name = "core/search_select.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.query = ""
        self.field = None  # the SearchChoiceField, set by it

    def value_from_datadict(self, data, files, name):
        self.query = (data.get(query_name(name)) or "").strip()[:100]
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and query_name(name) not in data

    def use_required_attribute(self, initial):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field = self.field
        chosen = field.chosen(value) if field is not None else None
        found, more = field.found(self.query) if field is not None and self.query else ([], False)
        choices = [(obj.pk, field.label_from_instance(obj)) for obj in found]
        if chosen is None and len(found) == 1 and not more:
            chosen = found[0]  # the one match is what the form takes
        if chosen is not None and chosen.pk not in {pk for pk, _label in choices}:
            choices.insert(0, (chosen.pk, field.label_from_instance(chosen)))
        attrs = context["widget"]["attrs"]
        invalid = "is-invalid" in attrs.get("class", "")
        attrs["class"] = "form-select" + (" is-invalid" if invalid else "")
        context["widget"].update(
            {
                "query_name": query_name(name),
                "query": self.query,
                "options": option_html(choices, selected=chosen.pk if chosen else None, more=more),
                "source": field.source_url() if field is not None else "",
                "source_sep": "&" if field is not None and "?" in field.source_url() else "?",
                "include": field.include if field is not None else "",
                "placeholder": field.placeholder if field is not None else "",
                "query_label": _("Search: %(field)s") % {"field": field.label}
                if field is not None and field.label
                else _("Search by name"),
            }
        )
        return context


class SearchChoiceField(forms.ModelChoiceField):
    """A model choice served by search (see the module).

    `source`: a callable returning the picker endpoint's URL (reverse it lazily);
    `search_fields`: the model's indexed search text (core.search); `label`: shown per
    option; `include`: CSS selectors of other fields the endpoint reads (htmx hx-include).
    """

    widget = SearchSelect
    default_error_messages = {
        "ambiguous": _("Several match “%(query)s”: choose one in the list."),
        "none_found": _("Nothing matches “%(query)s”. Type another name."),
    }

    def __init__(
        self,
        *,
        queryset,
        search_fields,
        source=None,
        include="",
        placeholder=PLACEHOLDER,
        limit=LIMIT,
        **kwargs,
    ):
        self.search_fields = search_fields
        self.source = source
        self.include = include
        self.placeholder = placeholder
        self.limit = limit
        super().__init__(queryset=queryset, **kwargs)
        self.widget.field = self

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result
        return result

    def source_url(self) -> str:
        return str(self.source() if callable(self.source) else self.source or "")

    def chosen(self, value):
        """The object of a submitted or initial value, if the user may choose it."""
        if value in self.empty_values:
            return None
        if isinstance(value, self.queryset.model):
            return value
        try:
            return self.queryset.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def found(self, query: str) -> tuple[list, bool]:
        """(the first `limit` options matching `query`, whether there are more)."""
        rows = list(self.queryset.filter(*matching(self.search_fields, query))[: self.limit + 1])
        return rows[: self.limit], len(rows) > self.limit

    def clean(self, value):
        query = self.widget.query
        if query:
            chosen = self.chosen(value)
            if (
                chosen is None
                or not self.queryset.filter(pk=chosen.pk)
                .filter(*matching(self.search_fields, query))
                .exists()
            ):
                found, more = self.found(query)
                if len(found) == 1 and not more:
                    value = found[0].pk
                elif found:
                    raise forms.ValidationError(
                        self.error_messages["ambiguous"], code="ambiguous", params={"query": query}
                    )
                else:
                    raise forms.ValidationError(
                        self.error_messages["none_found"],
                        code="none_found",
                        params={"query": query},
                    )
        return super().clean(value)
