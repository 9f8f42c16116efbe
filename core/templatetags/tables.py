"""`{% stacktable %}…{% endstacktable %}`: a table that becomes a pile of cards on a phone.

Wrapped around one `<table>`, the tag adds the class `table-stack` to it and gives every
body cell a `data-label` holding its column's heading (read from the table's `<thead>`), so
that below 576 px the stylesheet (static/css/thidua.css, "phone layouts") can show each row
as a card, each value under its caption, and the desktop table stays as it is. The captions
are written by the server: the page needs no JavaScript. A cell that already has a
`data-label`, spans several columns, or is in the first column or the row's heading
(`<th scope="row">`: the card's title, shown across the card's width) is left as it is; a table
nested inside a cell is copied unchanged.
"""

from html import escape, unescape
from html.parser import HTMLParser

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

STACK_CLASS = "table-stack"


class _Labeller(HTMLParser):
    """Copy the HTML through, adding the class and the captions (source kept byte for byte
    otherwise: entities are not decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.depth = 0  # tables open
        self.section = None  # "thead" / "tbody" / "tfoot" of the outer table
        self.headings = []
        self.heading = None  # the text of the <th> being read in <thead>, or None
        self.column = 0

    def handle_starttag(self, tag, attrs):
        text = self.get_starttag_text()
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                text = _with_class(text, attrs)
        elif self.depth == 1:
            text = self._outer_starttag(tag, attrs, text)
        if self.heading is not None and tag != "th":
            self.heading.append(" ")  # "Lao động tiên tiến<div>Cá nhân" reads as two words
        self.out.append(text)

    def _outer_starttag(self, tag, attrs, text):
        names = dict(attrs)
        if tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr":
            self.column = 0
            if self.section is None:  # rows without <tbody>: the parser's implied body
                self.section = "tbody"
        elif tag in ("th", "td"):
            span = _span(names)
            if self.section == "thead":
                self.heading = []
            elif (
                self.section in ("tbody", "tfoot")
                and span == 1
                and self.column > 0
                and "data-label" not in names
                and names.get("scope") != "row"
            ):
                label = self.headings[self.column] if self.column < len(self.headings) else ""
                if label:
                    text = f'{text[:-1].rstrip("/").rstrip()} data-label="{label}">'
            self.column += span
        return text

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        elif self.depth == 1 and tag == "th" and self.heading is not None:
            # The heading as written in the page (entities included), made an attribute value.
            caption = " ".join(unescape("".join(self.heading)).split())
            self.headings.append(escape(caption))
            self.heading = None
        elif self.depth == 1 and tag == "td" and self.section == "thead":
            self.headings.append("")
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)
        self.out.append(data)

    def handle_entityref(self, name):
        if self.heading is not None:
            self.heading.append(f"&{name};")
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        if self.heading is not None:
            self.heading.append(f"&#{name};")
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def _span(attrs):
    try:
        return max(1, int(attrs.get("colspan") or 1))
    except ValueError:
        return 1


def _with_class(text, attrs):
    classes = dict(attrs).get("class")
    if classes is None:
        return f'{text[:-1].rstrip()} class="{STACK_CLASS}">'
    if STACK_CLASS in classes.split():
        return text
    for quote in ('"', "'"):
        needle = f"class={quote}{classes}{quote}"
        if needle in text:
            return text.replace(needle, f"class={quote}{classes} {STACK_CLASS}{quote}", 1)
    return text


def stack_table(html: str) -> str:
    """The table in `html` with the class and every body cell's caption."""
    parser = _Labeller()
    parser.feed(html)
    parser.close()
    return "".join(parser.out) + parser.rawdata


class StackTableNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # The template's own output (already escaped where it had to be), copied through.
        return mark_safe(stack_table(self.nodelist.render(context)))


@register.tag
def stacktable(parser, token):
    nodelist = parser.parse(("endstacktable",))
    parser.delete_first_token()
    return StackTableNode(nodelist)
