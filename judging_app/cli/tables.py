"""Lists on the terminal: aligned columns under headers in the chosen language, values in
words (an enum by its label, yes/no as ya/tidak); or JSON for scripts."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence

from judging_app.cli.say import language, say, text


def cell(value: object) -> str:
    """A value as a person reads it in the chosen language ('' for nothing)."""
    if value is None:
        return ""
    from judging_app.texts import render_value

    shown = render_value(value, language())
    return " ".join(shown.split())  # one line per row, whatever the data holds


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def table(header: object | None, rows: Sequence[Sequence[object]], indent: str = "") -> None:
    """Columns padded to their widest value under a header line (a Message whose text
    names the columns split by '|'; none when `header` is None), each line after `indent`;
    the last column is never padded."""
    lines = ([text(header).split("|")] if header is not None else []) + \
        [[cell(v) for v in row] for row in rows]
    if not lines:
        return
    widths = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        padded = [v + " " * (w - _width(v)) for v, w in zip(line[:-1], widths, strict=False)]
        say(indent + "  ".join([*padded, line[-1]]).rstrip())


def print_json(data: object) -> None:
    """Compact JSON on one line (the C encoder; see docs/architecture.md)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
