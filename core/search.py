"""Accent- and case-insensitive search that an index serves: "ha nam" finds "Hà Nam",
"nguyen van an" finds "Nguyễn Văn An", "NAM DINH" finds "Nam Định".

The embedded PostgreSQL (pgserver) ships no contrib extensions, so neither `unaccent` nor
`pg_trgm` can be used. The same plan is built from PostgreSQL's own functions, created by
the migration `units/migrations/0003_unaccent_search.py` (its SQL is their definition):

- `thidua_fold(text)`: decomposed (NFD), combining marks removed, "Đ/đ" -> "d", lower
  case, every run of characters other than a-z and 0-9 one space (`core.text.fold` is the
  same in Python). IMMUTABLE (normalize, regexp_replace, translate and lower are), so it
  can be indexed.
- `thidua_trigrams(text)`: the distinct three-character pieces of a text, as an array.
  A model indexes the trigrams of its search text (a space, then the folded columns) with
  a GIN index: what pg_trgm's gin_trgm_ops keeps. A query word is looked up there (`@>`:
  every piece of " word" is in the row) and the rows found are checked with LIKE.

A match: every word of the query begins a word of the search text, in any order ("nam ha"
finds "Hà Nam"; "ha" does not find "Thanh"). `SearchText(*fields)` is a model's search
text and `Trigrams(SearchText(...))` what its index holds, declared in the model's Meta,
so that the query and the index are one expression.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.lookups import DataContains
from django.db.models import Func, Q, TextField, Value
from django.db.models.lookups import Contains

from core.text import fold


class SearchText(Func):
    """A space, then the folded text of the given columns: every word follows a space."""

    function = "thidua_fold"
    template = "(' ' || %(function)s(%(expressions)s))"
    arg_joiner = " || ' ' || "
    output_field = TextField()


class Trigrams(Func):
    function = "thidua_trigrams"
    output_field = ArrayField(TextField())


def trigrams(text: str) -> list[str]:
    """As `thidua_trigrams`: the distinct three-character pieces of `text`."""
    return sorted({text[i : i + 3] for i in range(len(text) - 2)})


def matching(fields: tuple[str, ...], query: str) -> list:
    """Filters for `QuerySet.filter(*...)`: every word of `query` begins a word of the
    folded `fields`. A query of no letter or digit matches nothing."""
    words = fold(query).split()
    if not words:
        return [Q(pk__in=[])]
    text = SearchText(*fields)
    conditions = []
    for word in words:
        pieces = trigrams(" " + word)
        if pieces:  # a one-letter word has none: checked on the text alone
            array = Value(pieces, output_field=ArrayField(TextField()))
            conditions.append(DataContains(Trigrams(text), array))
        conditions.append(Contains(text, " " + word))
    return conditions
