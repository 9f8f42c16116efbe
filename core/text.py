"""Text as it comes in.

`strip_format_characters`: the invisible Unicode format characters (category Cf) never
belong in a name or a title. A right-to-left override (U+202E) makes "Nguyễn Văn An‮gnợ"
display reversed, a zero-width space (U+200B) or joiner makes two names that look the same
compare different, a byte-order mark (U+FEFF) comes with pasted text. Vietnamese needs none
of them (not even ZWJ/ZWNJ), so every one is removed. Every form's text field applies it
(core.formfields), as do the .xlsx imports (core.imports); uploaded file names already drop
them (core.uploads.clean_file_name).
"""

import unicodedata


def strip_format_characters(text: str) -> str:
    """The text without Unicode format characters (category Cf: U+200B-U+200F, U+202A-U+202E,
    U+2060-U+2064, U+2066-U+2069, U+FEFF, U+00AD...)."""
    if not text or text.isascii():
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")
