"""What the command line prints for people, in the language chosen for it (--lang, else
JUDGING_APP_LANG, else the system's): Messages rendered from judging_app/texts. JSON output
(--json) is not for people and does not come through here."""

from __future__ import annotations

import sys

from judging_app.core.messages import as_text

_language = "en"


def use_language(language: str) -> None:
    global _language
    _language = language


def language() -> str:
    return _language


def text(value: object) -> str:
    """A Message, an error carrying one, or plain text (data: names, codes, paths)."""
    return as_text(value, _language)


def say(value: object, *, err: bool = False, end: str = "\n") -> None:
    print(text(value), file=sys.stderr if err else sys.stdout, end=end)
