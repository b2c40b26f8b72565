"""Text read from a file is stored as it was typed, unless it holds a character that cannot
be stored or written again: a lone surrogate (half of a UTF-16 pair: not text at all, no
database or file encoding takes it), NUL (PostgreSQL refuses it), other control characters
(an Excel or PDF export would fail on them) and the non-characters U+FFFE / U+FFFF.
Tab, line feed and carriage return are ordinary text."""

from __future__ import annotations

import re
import unicodedata

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def bad_character(text: str) -> str | None:
    """'U+D800' for the first character of `text` that cannot be stored, else None."""
    found = _BAD.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def first_bad_character(text: str) -> tuple[int, str] | None:
    """(0-based position, 'U+XXXX') of the first such character, else None."""
    found = _BAD.search(text)
    return None if found is None else (found.start(), f"U+{ord(found.group()):04X}")


def _code_character_problem(ch: str) -> bool:
    if ch == " ":
        return False
    category = unicodedata.category(ch)
    # Cf: zero-width space and joiners, soft hyphen, direction marks, BOM; Cc: controls;
    # Z*: spaces other than the plain one (no-break, thin, ideographic), line separators.
    if category[0] in "CZ":
        return True
    return unicodedata.normalize("NFKC", ch) != ch  # full-width Ｎ, ligatures, ², ℹ


def unseen_in_code(code: str) -> list[str]:
    """The characters of a code that a reader cannot see or cannot tell from another one
    ('U+200B' for a zero-width space, 'U+FF2E' for a full-width Ｎ), in order, each once.

    Two codes that differ only by such a character look identical on screen and on paper
    (N-1 and N-1 followed by a zero-width space): the secretariat would register, score and
    announce two entries it cannot tell apart. Codes are identifiers, not prose, so these
    characters are refused in them wherever a code is typed or read."""
    found = [f"U+{ord(ch):04X}" for ch in code if _code_character_problem(ch)]
    if unicodedata.normalize("NFC", code) != code:  # e + U+0301 beside the one letter é
        found += [f"U+{ord(ch):04X}" for ch in code if unicodedata.category(ch)[0] == "M"]
    return list(dict.fromkeys(found))
