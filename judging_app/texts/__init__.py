"""The message catalogue: every code's text in English and Bahasa Indonesia, and rendering.

Each module listed in `AREAS` holds `TEXTS = {code: (english, indonesian)}` for one part of
the app. Templates use `{name}` placeholders with an optional format:

- `{n}`: as given (text, codes; ints without grouping, e.g. row numbers);
- `{n:count}`: an int grouped the language's way (1,234 / 1.234);
- `{x:number}`: a Decimal, Fraction or int with the language's decimal mark, exact
  values up to 3 decimals (8.5 / 8,5); `{x:number2}` rounds half up to 2 decimals;
- `{d:date}`, `{t:datetime}`: long dates ("7 December 2026" / "7 Desember 2026");
- `{n:plural:entry:entries}`: the singular or the plural word (English needs it, Indonesian
  templates simply do not use it).

Nested Messages render in the same language; lists and tuples are joined with ", ".
Qt-free and SQLAlchemy-free: the CLI, the services and the exchange formats all use it.
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from judging_app.core.messages import Message
from judging_app.language import (  # noqa: F401 (default_language: callers' old home)
    ENGLISH,
    INDONESIAN,
    LANGUAGES,
    default_language,
)

# One module per part of the app; add yours here (keep the list sorted).
AREAS = (
    "assignments",
    "attachments",
    "cli",
    "cli_assign",
    "cli_competition",
    "cli_conflicts",
    "cli_entries",
    "cli_judges",
    "cli_manual",
    "cli_sheets",
    "common",
    "competition_file",
    "competitions",
    "csv_files",
    "database",
    "demo",
    "documents",
    "entries",
    "entry_file",
    "enums",
    "exactness",
    "failures",
    "file_details",
    "install",
    "json_files",
    "judge",
    "judge_list",
    "judges",
    "lookup",
    "numbers",
    "package_files",
    "packages",
    "paper",
    "paper_import",
    "programme",
    "results",
    "score_workbook",
    "security",
    "setup",
    "sheets",
    "workbooks",
)

_catalogue: dict[str, tuple[str, str]] | None = None


def catalogue() -> Mapping[str, tuple[str, str]]:
    """Every code with its (English, Indonesian) texts; a code defined twice is an error."""
    global _catalogue
    if _catalogue is None:
        merged: dict[str, tuple[str, str]] = {}
        for area in AREAS:
            module = importlib.import_module(f"judging_app.texts.{area}")
            for code, texts in module.TEXTS.items():
                if code in merged:
                    raise RuntimeError(f"message code {code} defined twice (texts.{area})")
                merged[code] = texts
        _catalogue = merged
    return _catalogue


def render(message: Message | str, language: str = ENGLISH) -> str:
    """The text of `message` in `language` ('id' or 'en'; anything else is English)."""
    if not isinstance(message, Message):
        return str(message)
    texts = catalogue().get(message.code)
    if texts is None:  # a bug, but the user still learns what happened
        params = ", ".join(f"{k}={render_value(v, language)}" for k, v in message.params.items())
        return f"[{message.code}] {params}".rstrip()
    template = texts[1] if language == INDONESIAN else texts[0]
    return _Formatter(language).vformat(template, (), message.params)


def render_value(value: Any, language: str, spec: str = "") -> str:
    if isinstance(value, Message):
        return render(value, language)
    if isinstance(value, BaseException):  # an error carrying a Message renders it
        renderer = getattr(value, "render", None)
        return renderer(language) if callable(renderer) else str(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(render_value(v, language, spec) for v in items)
    if isinstance(value, Enum):
        label = catalogue().get(f"enum.{type(value).__name__.lower()}.{value.value}")
        if label is not None:
            return label[1] if language == INDONESIAN else label[0]
        return str(value.value)
    if spec == "count":
        return format_count(int(value), language)
    if spec in ("number", "number2"):
        return format_number(value, language, places=2 if spec == "number2" else None)
    if spec in ("date", "datetime") and not isinstance(value, date):
        return str(value)  # a moment read from a file that did not parse: as it was written
    if spec == "date":
        return format_long_date(value, language)
    if spec == "datetime":
        return format_long_datetime(value, language)
    if spec.startswith("plural:"):
        _, one, other = spec.split(":", 2)
        return one if int(value) == 1 else other
    if spec:
        raise ValueError(f"unknown placeholder format {spec!r}")
    if isinstance(value, bool):
        return {True: ("yes", "ya"), False: ("no", "tidak")}[value][language == INDONESIAN]
    if isinstance(value, Decimal | Fraction | float):
        return format_number(value, language)
    return str(value)


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def get_value(self, key, args, kwargs):  # noqa: ANN001 - string.Formatter's signature
        if isinstance(key, int):
            raise KeyError(key)
        return kwargs.get(key, "{" + key + "}")

    def format_field(self, value: Any, format_spec: str) -> str:
        return render_value(value, self.language, format_spec)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return value  # no !r / !s: a user never sees a Python repr


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# -- numbers and dates, the language's way (CLDR data through Babel) -----------------------

_BABEL_LOCALES = {INDONESIAN: "id_ID", ENGLISH: "en_US"}


def format_count(value: int, language: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_BABEL_LOCALES.get(language, "en_US"))


def format_number(value: Decimal | Fraction | int | float, language: str,
                  places: int | None = None) -> str:
    """Exact values shown exactly up to 3 decimals (more are rounded half up to 3);
    `places` rounds half up to that many decimals and keeps them (8,50)."""
    from babel.numbers import format_decimal

    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, float):
        exact = Decimal(repr(value))
    else:
        exact = Decimal(value)
    if places is not None:
        quantum = Decimal(1).scaleb(-places)
        shown = exact.quantize(quantum, rounding=ROUND_HALF_UP)
        pattern = "#,##0." + "0" * places if places else "#,##0"
    else:
        shown = exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP).normalize()
        pattern = "#,##0.###"
    return format_decimal(shown, format=pattern, locale=_BABEL_LOCALES.get(language, "en_US"),
                          decimal_quantization=False)


def format_long_date(value: date | datetime, language: str) -> str:
    from babel.dates import format_date

    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, format="long", locale=_BABEL_LOCALES.get(language, "en_US"))


def format_long_datetime(value: datetime, language: str) -> str:
    from babel.dates import format_datetime

    pattern = "d MMMM y HH.mm" if language == INDONESIAN else "d MMMM y HH:mm"
    text = format_datetime(value, format=pattern, locale=_BABEL_LOCALES.get(language, "en_US"))
    zone = value.tzname() if value.tzinfo is not None else None
    return f"{text} {zone}" if zone else text
