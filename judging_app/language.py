"""The languages the app speaks, and which one to speak when nobody chose: light on purpose
(the standard library's `os` only; `locale` when the environment does not say), since every
command line asks before it does anything else."""

from __future__ import annotations

import os

ENGLISH = "en"
INDONESIAN = "id"
LANGUAGES = (INDONESIAN, ENGLISH)


def default_language() -> str:
    """The language for the command line when --lang is not given: JUDGING_APP_LANG, else
    the system locale (Indonesian when it is Indonesian, otherwise English)."""
    chosen = os.environ.get("JUDGING_APP_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return INDONESIAN if value.lower().startswith(("id", "in_")) else ENGLISH
    import locale

    try:
        system = locale.getlocale()[0] or ""
    except ValueError:
        system = ""
    return INDONESIAN if system.lower().startswith(("id", "indonesian")) else ENGLISH
