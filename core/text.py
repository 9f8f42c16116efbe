"""Text as it comes in: one boundary hook for every typed or imported value.

Vietnamese reaches the server in two Unicode forms: precomposed (NFC, "à" one code point)
and decomposed (NFD, "a" + a combining grave), which some keyboards and systems send. The
two look the same and compare different, so a name stored decomposed is never found by
a search typed precomposed. Every value is brought to NFC where it enters: submitted
forms and query strings (config.middleware.ControlCharactersMiddleware) and .xlsx cells
(core.xlsx.cell_text), both through `clean_text`.

`strip_format_characters`: the invisible Unicode format characters (category Cf) never
belong in a name or a title. A right-to-left override (U+202E) makes "Nguyễn Văn An‮gnợ"
display reversed, a zero-width space (U+200B) or joiner makes two names that look the same
compare different, a byte-order mark (U+FEFF) comes with pasted text. Vietnamese needs none
of them (not even ZWJ/ZWNJ), so every one is removed. Every form's text field applies it
(core.formfields; passwords excepted, so it is not part of `clean_text`), as do the .xlsx
imports (core.imports); uploaded file names already drop them (core.uploads.clean_file_name).
"""

import re
import unicodedata

NOT_A_LETTER = re.compile("[^a-z0-9]+")


def to_nfc(text: str) -> str:
    """The text in Unicode's composed form (NFC); already composed text is returned as is."""
    if not text or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """What every submitted or imported text value goes through before anything reads it."""
    return to_nfc(text)


def fold(text: str) -> str:
    """What a search compares: the words of a text in lower case without diacritics
    ("Đ" -> "d"), anything but a-z and 0-9 between them, one space apart:
    "Thừa Thiên-Huế" -> "thua thien hue", "an@example.vn" -> "an example vn".

    The same folding as the database function `thidua_fold` (core/search.py).
    """
    decomposed = unicodedata.normalize("NFD", str(text or ""))
    plain = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return NOT_A_LETTER.sub(" ", plain.replace("Đ", "D").replace("đ", "d").lower()).strip()


def strip_format_characters(text: str) -> str:
    """The text without Unicode format characters (category Cf: U+200B-U+200F, U+202A-U+202E,
    U+2060-U+2064, U+2066-U+2069, U+FEFF, U+00AD...)."""
    if not text or text.isascii():
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")
