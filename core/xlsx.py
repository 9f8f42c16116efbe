"""Small helpers shared by every .xlsx import and export (the import base is core/imports.py)."""

import unicodedata

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core.text import clean_text as clean_input


def fold(text) -> str:
    """Lower case without diacritics, spaces collapsed: 'Mã  nhóm' -> 'ma nhom'.

    Headers and choices are matched this way, so files typed without accents work.
    """
    text = unicodedata.normalize("NFC", str(text or "")).strip().lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return " ".join("".join(c for c in decomposed if unicodedata.category(c) != "Mn").split())


def cell_text(value) -> str:
    """A read cell as text: 12.0 -> "12", Vietnamese in one normal form (NFC)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_input(str(value).strip())


def clean_text(value) -> str:
    """Text without the control characters that openpyxl refuses to write."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value or ""))


def put_text(cell, value) -> None:
    """Write text that stays text: never a formula, even when it starts with "=", "+", "-", "@"."""
    text = clean_text(value)
    if not text:
        return
    cell.value = text
    cell.data_type = "s"
