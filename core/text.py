"""Text as it comes in: one boundary hook for every typed or imported value.

Vietnamese reaches the server in two Unicode forms: precomposed (NFC, "à" one code point)
and decomposed (NFD, "a" + a combining grave), which some keyboards and systems send. The
two look the same and compare different, so a name stored decomposed is never found by
a search typed precomposed. Every value is brought to NFC where it enters: submitted
forms and query strings (config.middleware.ControlCharactersMiddleware) and .xlsx cells
(core.xlsx.cell_text), both through `clean_text`.
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
