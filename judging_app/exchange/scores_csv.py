"""Reading typed-up paper score sheets from CSV, strictly (exchange/csv_reading.py).

Columns (header row required, any order, English or Indonesian names):
round/tahap, judge/juri, entry/inovasi, criterion/kriteria, score/nilai, comment/catatan
(comment optional). Codes, not database ids. Comma, semicolon or tab separated, UTF-8.

Every score is checked here as a number (core.numbers: ASCII digits, one decimal mark, at
most three decimals) and every problem names the line a text editor shows and the column.
A row with more values than the header has columns is refused; when the extra value is the
decimal part of a number split by a comma separator ("4,5" unquoted in a comma file) the
problem says so and how to write it.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from judging_app.core.messages import Message
from judging_app.core.numbers import NumberError, parse_decimal
from judging_app.exchange.csv_reading import (
    CsvFileError,
    choose_delimiter,
    read_text,
    records,
)

COLUMNS = {
    "round": ("round", "tahap", "round_code", "kode_tahap"),
    "judge": ("judge", "juri", "judge_code", "kode_juri"),
    "entry": ("entry", "inovasi", "peserta", "entry_code", "kode_inovasi"),
    "criterion": ("criterion", "kriteria", "aspek", "criterion_code", "kode_kriteria"),
    "score": ("score", "nilai", "skor"),
    "comment": ("comment", "catatan", "komentar"),
}
REQUIRED = ("round", "judge", "entry", "criterion", "score")
MAX_BYTES = 50 * 1024 * 1024
_ALIASES = {alias: key for key, aliases in COLUMNS.items() for alias in aliases}


class ScoreRow(NamedTuple):  # a tuple: ten thousand made in a few milliseconds
    line: int  # the line the row starts on, as a text editor shows it (header = 1)
    round: str
    judge: str
    entry: str
    criterion: str
    score: Decimal
    comment: str
    score_column: str = "score"  # the score column's header as written


class ScoresCsvError(ValueError):
    def __init__(self, source: str, problems: list[Message]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(map(str, problems)))


_number = functools.lru_cache(maxsize=4096)(parse_decimal)  # scores repeat
_as_row = functools.partial(tuple.__new__, ScoreRow)  # a tuple of every field -> ScoreRow, in C


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def _known(name: str) -> bool:
    return _normalise(name) in _ALIASES


def read_scores_csv(path: Path) -> list[ScoreRow]:
    source = Path(path).name
    try:
        text = read_text(Path(path), MAX_BYTES)
        if not text.strip():
            raise ScoresCsvError(source, [Message("scores_csv.empty_file")])
        delimiter = choose_delimiter(text, _known)
        return _Reader(source, delimiter).read(records(source, text, delimiter))
    except CsvFileError as exc:
        raise ScoresCsvError(source, exc.problems) from None


class _Reader:
    def __init__(self, source: str, delimiter: str) -> None:
        self.source, self.delimiter = source, delimiter
        self.problems: list[Message] = []
        self.header: list[str] = []
        self.index: dict[str, int] = {}
        self.order: list[int | None] = []
        self._pick = itemgetter(0)  # the cells of the six columns, in order (comment last)
        self._needed = 0  # cells a row needs for _pick
        self._score = 0  # the score column's index

    def read(self, rows) -> list[ScoreRow]:
        out: list[ScoreRow] = []
        rows = iter(rows)
        for record in rows:  # blank lines, then the header
            if any(map(str.strip, record.cells)):
                self._read_header(record.line, record.cells)
                break
        if self.header and not self.problems:
            out = self._rows(rows)
        if self.problems:
            raise ScoresCsvError(self.source, self.problems)
        if not out:
            raise ScoresCsvError(self.source, [Message("scores_csv.no_rows")])
        return out

    def _rows(self, rows) -> list[ScoreRow]:
        """The rows after the header. A row with a value in every column and nothing else
        to look at is taken here at once; any other goes through `_row`, which says what
        is wrong with it (or takes it, or skips it when blank)."""
        out: list[ScoreRow] = []
        pick, needed, width = self._pick, self._needed, len(self.header)
        after, comma = self._score + 1, self.delimiter == ","
        comment = self.order[5] is not None
        column = self._name("score")
        number, make = _number, _as_row
        for line, cells in rows:
            count = len(cells)
            if needed <= count <= width and not (
                    comma and count > after and cells[after].strip().isdigit()):
                values = list(map(str.strip, pick(cells)))
                if all(values[:5]):
                    try:
                        score = number(values[4])
                    except NumberError:
                        pass
                    else:
                        out.append(make((line, values[0], values[1], values[2], values[3],
                                         score, values[5] if comment else "", column)))
                        continue
            if any(map(str.strip, cells)):
                row = self._row(line, cells)
                if row is not None:
                    out.append(row)
        return out

    def _read_header(self, line: int, cells: list[str]) -> None:
        self.header = [c.strip() for c in cells]
        while self.header and not self.header[-1]:
            self.header.pop()
        found: dict[str, list[int]] = {}
        for i, name in enumerate(self.header):
            key = _ALIASES.get(_normalise(name))
            if key is None:
                accepted = ", ".join(aliases[0] for aliases in COLUMNS.values())
                self.problems.append(Message("scores_csv.unknown_column", line=line,
                                             column=name or f"#{i + 1}", accepted=accepted))
            else:
                found.setdefault(key, []).append(i)
        for key, where in found.items():
            if len(where) > 1:
                self.problems.append(Message("scores_csv.column_twice", line=line, column=key,
                                             count=len(where)))
            self.index[key] = where[0]
        self.order = [self.index.get(key) for key in COLUMNS]
        present = [i for i in self.order if i is not None]
        if present:
            self._pick = itemgetter(*present) if len(present) > 1 else lambda c: (c[present[0]],)
            self._needed = max(present) + 1
        self._score = self.index.get("score", 0)
        missing = [k for k in REQUIRED if k not in found]
        if missing:
            self.problems.append(Message("scores_csv.missing_columns", line=line,
                                         missing=missing, header=self.header))

    def _name(self, key: str) -> str:
        return self.header[self.index[key]]

    def _row(self, line: int, cells: list[str]) -> ScoreRow | None:
        width, count = len(self.header), len(cells)
        after = self._score + 1
        if count > after and self.delimiter == "," and cells[after].strip().isdigit():
            split = self._split_decimal(line, cells)
            if split is not None:
                self.problems.append(split)
                return None
        if count > width and any(map(str.strip, cells[width:])):
            self.problems.append(Message("scores_csv.too_many_values", line=line,
                                         count=count, columns=width))
            return None
        if count >= self._needed:  # every column there: the common case, in C
            values = list(map(str.strip, self._pick(cells)))
            if self.order[5] is None:
                values.append("")
        else:
            values = [cells[i].strip() if i is not None and i < count else ""
                      for i in self.order]  # round, judge, entry, criterion, score, comment
        if not all(values[:5]):
            for key, value in zip(REQUIRED, values, strict=False):
                if not value:
                    self.problems.append(Message("scores_csv.empty", line=line,
                                                 column=self._name(key)))
            return None
        try:
            score = _number(values[4])
        except NumberError as exc:
            self.problems.append(Message("scores_csv.bad_number", line=line,
                                         column=self._name("score"), problem=exc.problem))
            return None
        return ScoreRow(line, *values[:4], score, values[5], self._name("score"))

    def _split_decimal(self, line: int, cells: list[str]) -> Message | None:
        """'4,5' unquoted in a comma-separated file arrives as a whole score 4 and a cell '5'
        next to it (an extra value, or the comment): the commonest way to lose a decimal."""
        i = self.index.get("score")
        if self.delimiter != "," or i is None or i + 1 >= len(cells):
            return None
        beyond = i + 1 >= len(self.header) or self.index.get("comment") == i + 1
        whole, part = cells[i].strip(), cells[i + 1].strip()
        if beyond and whole.isascii() and whole.isdigit() and part.isascii() and part.isdigit():
            return Message("scores_csv.decimal_comma", line=line, column=self._name("score"),
                           value=f"{whole},{part}", point=f"{whole}.{part}", whole=whole,
                           part=part)
        return None
