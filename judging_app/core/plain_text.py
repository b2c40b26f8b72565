"""Text read from a file is stored as it was typed, unless it holds a character that cannot
be stored or written again: a lone surrogate (half of a UTF-16 pair: not text at all, no
database or file encoding takes it), NUL (PostgreSQL refuses it), other control characters
(an Excel or PDF export would fail on them) and the non-characters U+FFFE / U+FFFF.
Tab, line feed and carriage return are ordinary text."""

from __future__ import annotations

import re

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def bad_character(text: str) -> str | None:
    """'U+D800' for the first character of `text` that cannot be stored, else None."""
    found = _BAD.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def first_bad_character(text: str) -> tuple[int, str] | None:
    """(0-based position, 'U+XXXX') of the first such character, else None."""
    found = _BAD.search(text)
    return None if found is None else (found.start(), f"U+{ord(found.group()):04X}")
