"""A rendered page's form, read as a browser would send it when nobody touches it.

`form_data(html)` returns what clicking the submit button of an untouched form posts:
every input's value (hidden ones and the formsets' management forms included), the
selected option of each select (the first option when none is selected, as browsers
do; every selected option of a multiple select), checked checkboxes and radios only
(value "on" when they have none), textareas' text, and the submit button's name and
value when it has a name. File inputs and disabled controls are left out, as browsers
do with an empty file input and disabled fields; so is what a <template> holds.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

NOT_SENT = {"file", "image", "reset", "button"}
SUBMIT = "submit"


@dataclass
class _Select:
    name: str
    multiple: bool
    options: list = field(default_factory=list)  # (value, selected, disabled)


@dataclass
class Form:
    action: str
    method: str
    fields: list = field(default_factory=list)  # (name, value) in document order
    submits: list = field(default_factory=list)  # (name, value) of the submit buttons
    index: int = 0
    id: str = ""
    file_inputs: list = field(default_factory=list)  # names of the file inputs

    def data(self, submit: int | None = 0) -> dict[str, str | list[str]]:
        """The POST data: a name given several values maps to a list of them. `submit`: the
        button clicked (its name and value are sent when it has a name); None: no button."""
        pairs = list(self.fields)
        if self.submits and submit is not None:
            name, value = self.submits[submit]
            if name:
                pairs.append((name, value))
        data: dict[str, str | list[str]] = {}
        for name, value in pairs:
            if name in data:
                previous = data[name]
                data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
            else:
                data[name] = value
        return data


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: _Select | None = None
        self.option: list | None = None  # [value or None, selected, disabled, text]
        self.textarea: list | None = None  # [name, text]
        self.in_template = 0  # a <template>'s content is inert: never sent

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":
            self.in_template += 1
        if self.in_template:
            return
        if tag == "form":
            self.form = Form(
                action=a.get("action") or "",
                method=(a.get("method") or "get").lower(),
                index=len(self.forms),
                id=a.get("id") or "",
            )
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        name = a.get("name")
        disabled = "disabled" in a
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == SUBMIT:
                if not disabled:
                    self.form.submits.append((name, a.get("value", "")))
            elif kind == "file" and name and not disabled:
                self.form.file_inputs.append(name)
            elif kind in NOT_SENT or not name or disabled:
                return
            elif kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self.form.fields.append((name, a.get("value", "on")))
            else:
                self.form.fields.append((name, a.get("value", "")))
        elif tag == "button":
            if (a.get("type") or SUBMIT).lower() == SUBMIT and not disabled:
                self.form.submits.append((name, a.get("value", "")))
        elif tag == "select":
            self.select = _Select(name=name if not disabled else "", multiple="multiple" in a)
        elif tag == "option" and self.select is not None:
            self._end_option()
            self.option = [a.get("value"), "selected" in a, disabled, ""]
        elif tag == "textarea":
            self.textarea = [name if not disabled else "", ""]

    def handle_data(self, data):
        if self.in_template:
            return
        if self.option is not None:
            self.option[3] += data
        if self.textarea is not None:
            self.textarea[1] += data

    def _end_option(self):
        if self.option is not None and self.select is not None:
            value, selected, disabled, text = self.option
            self.select.options.append(
                (text.strip() if value is None else value, selected, disabled)
            )
        self.option = None

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template = max(self.in_template - 1, 0)
            return
        if self.in_template:
            return
        if tag == "option":
            self._end_option()
        elif tag == "select" and self.select is not None:
            self._end_option()
            self._close_select()
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            if name and self.form is not None:
                # The parser hands the text as written; a browser drops one leading newline.
                self.form.fields.append((name, text.removeprefix("\n")))
            self.textarea = None
        elif tag == "form":
            self.form = None

    def _close_select(self):
        select, self.select = self.select, None
        if not select.name or self.form is None:
            return
        chosen = [value for value, selected, disabled in select.options if selected]
        if select.multiple:
            values = chosen
        elif chosen:
            values = chosen[-1:]  # the last selected option wins in a single select
        else:
            enabled = [value for value, _, disabled in select.options if not disabled]
            values = enabled[:1]  # none selected: the browser shows and sends the first
        self.form.fields.extend((select.name, value) for value in values)


def forms_of(html: str | bytes) -> list[Form]:
    parser = _FormParser()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return parser.forms


def main_form(html: str | bytes) -> Form:
    """The page's editing form: the POST form with the most fields (not the sign-out form)."""
    posts = [f for f in forms_of(html) if f.method == "post"]
    if not posts:
        raise AssertionError("The page has no POST form.")
    return max(posts, key=lambda f: len(f.fields))


def form_data(html: str | bytes, *, submit: int = 0) -> dict[str, str | list[str]]:
    """What a browser posts when the page's main form is submitted unchanged."""
    return main_form(html).data(submit=submit)


def form_with(html: str | bytes, name: str) -> Form:
    """The page's form that holds a field `name` (a page with several forms)."""
    for form in forms_of(html):
        if any(field == name for field, _ in form.fields):
            return form
    raise AssertionError(f"No form of the page has a field {name!r}.")


def form_by_id(html: str | bytes, form_id: str) -> Form:
    """The page's form with id `form_id` (a page with several forms)."""
    for form in forms_of(html):
        if form.id == form_id:
            return form
    raise AssertionError(f"No form #{form_id} on the page.")


def form_fields(html: str | bytes, form_id: str | None = None) -> dict[str, str | list[str]]:
    """The fields of the page's main form (or of the form `form_id`) as a browser sends them,
    without any button: for tests that add the button or action they click themselves."""
    form = form_by_id(html, form_id) if form_id else main_form(html)
    return form.data(submit=None)


def page_form(html: str | bytes, form_id: str) -> tuple[dict, list[str]]:
    """(fields without any button, names of the file inputs) of the form `form_id`."""
    form = form_by_id(html, form_id)
    return form.data(submit=None), form.file_inputs
