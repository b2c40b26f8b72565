"""The message catalogue (judging_app/texts): every code used in the source has an English
and an Indonesian text with the same placeholders, and renders in both languages."""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from judging_app.core.messages import Message
from judging_app.services.errors import ImportFileError, ServiceError, ValidationError
from judging_app.texts import catalogue, default_language, placeholders, render

ROOT = Path(__file__).resolve().parents[1] / "judging_app"
SAME_IN_BOTH = {"digital", "non-digital", "median"}  # words both languages spell alike


def _message_calls() -> list[tuple[str, str, set[str], bool]]:
    """(where, code, keyword names, has **kwargs) of every Message("literal", ...) call."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message"):
                continue
            if not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            names = {k.arg for k in node.keywords if k.arg}
            spread = any(k.arg is None for k in node.keywords)
            found.append((where, node.args[0].value, names, spread))
    return found


def test_every_code_in_the_source_has_texts_with_its_parameters():
    texts = catalogue()
    problems = []
    for where, code, names, spread in _message_calls():
        if code not in texts:
            problems.append(f"{where}: {code} is not in judging_app/texts")
            continue
        wanted = placeholders(texts[code][0]) | placeholders(texts[code][1])
        if not spread and wanted - names:
            problems.append(f"{where}: {code} lacks {sorted(wanted - names)}")
        if not spread and names - wanted:
            problems.append(f"{where}: {code} is given {sorted(names - wanted)} it never shows")
    assert problems == []


def test_every_text_has_both_languages_with_the_same_placeholders():
    problems = []
    for code, (english, indonesian) in catalogue().items():
        if not english.strip() or not indonesian.strip():
            problems.append(f"{code}: an empty text")
        elif placeholders(english) != placeholders(indonesian):
            problems.append(f"{code}: {sorted(placeholders(english))} in English, "
                            f"{sorted(placeholders(indonesian))} in Indonesian")
        elif (english == indonesian and english not in SAME_IN_BOTH
              and any(c.isalpha() for c in _without_fields(english))):
            problems.append(f"{code}: the Indonesian text is the English one")
    assert problems == []


def _without_fields(template: str) -> str:
    import string

    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def test_every_code_in_the_catalogue_is_used():
    used = {code for _, code, _, _ in _message_calls()}
    source = "\n".join(p.read_text(encoding="utf-8") for p in ROOT.rglob("*.py")
                       if "texts" not in p.relative_to(ROOT).parts)
    unused = [code for code in catalogue()
              if code not in used and not code.startswith("enum.") and f'"{code}"' not in source
              and code != "common.unexpected"]  # for the crash handling (issue 15) to use
    assert unused == []


def test_rendering_follows_the_language():
    m = Message("common.import_refused", source="nilai.csv", count=1234)
    assert render(m, "en") == "nilai.csv: nothing was imported; 1,234 problems:"
    assert render(m, "id") == "nilai.csv: tidak ada yang diimpor; 1.234 masalah:"
    assert str(Message("common.import_refused", source="a.csv", count=1)).endswith("1 problem:")


def test_numbers_and_dates_the_languages_way():
    from judging_app.texts import format_long_date, format_number

    assert format_number(Decimal("8.5"), "id") == "8,5"
    assert format_number(Fraction(298, 3), "id") == "99,333"
    assert format_number(Fraction(298, 3), "en", places=2) == "99.33"
    assert format_number(Decimal("100"), "en") == "100"
    assert format_number(Decimal("1234567.25"), "id", places=2) == "1.234.567,25"
    assert format_long_date(date(2026, 12, 7), "id") == "7 Desember 2026"
    assert format_long_date(date(2026, 12, 7), "en") == "December 7, 2026"


def test_service_errors_render_in_both_languages():
    error = ImportFileError("skor.csv", [Message("common.and_more", count=2), "plain text"])
    assert error.render("id").splitlines() == [
        "skor.csv: tidak ada yang diimpor; 2 masalah:", "  - … dan 2 lainnya",
        "  - plain text"]
    assert str(error).startswith("skor.csv: nothing was imported; 2 problems:")
    assert ValidationError(Message("workspace.no_actor"), ["x"]).render("id").endswith("  - x")
    with pytest.raises(ServiceError, match="Say who is working"):
        raise ServiceError(Message("workspace.no_actor"))


def test_an_unknown_code_still_says_something():
    assert render(Message("no.such_code", entry="E1"), "id") == "[no.such_code] entry=E1"


@pytest.mark.parametrize(("env", "expected"), [
    ({"JUDGING_APP_LANG": "id"}, "id"), ({"LANG": "id_ID.UTF-8"}, "id"),
    ({"LANG": "en_GB.UTF-8"}, "en"), ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
])
def test_the_command_lines_language_comes_from_the_environment(monkeypatch, env, expected):
    for name in ("JUDGING_APP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_language() == expected


def test_the_catalogue_needs_neither_qt_nor_sqlalchemy():
    import subprocess
    import sys

    code = ("import sys, judging_app.texts as t; t.catalogue(); "
            "print(any(m.split('.')[0] in ('PySide6', 'sqlalchemy') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
