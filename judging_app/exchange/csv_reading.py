"""Reading CSV files strictly: what every CSV importer (score sheets, entries) shares.

A file is read as the person saved it or refused with the line a text editor shows:

- UTF-8 (with or without a byte-order mark); anything else is refused with its line.
- The separator is the one (comma, semicolon or tab) under which the header names the most
  known columns, so a semicolon file whose header holds a comma is still read right.
- Quoting is strict: a double quote that opens a value and is never closed, or text after a
  closing quote, refuses the file (the lenient reading would swallow the rows that follow
  into one value). Line breaks inside a quoted value are kept.
- A cell longer than what one spreadsheet cell holds, or holding a character that cannot be
  stored (NUL, a control character), refuses the file.

Records are numbered by the line they start on (a quoted value with line breaks spans
several lines), not by their count.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from judging_app.core.messages import Message
from judging_app.core.plain_text import first_bad_character
from judging_app.exchange import atomic_files
from judging_app.exchange.file_details import detail_of, detail_text

DELIMITERS = (",", ";", "\t")
MAX_CELL_CHARS = 32_767  # what one Excel cell holds
SAMPLE_LINES = 20


class CsvFileError(ValueError):
    """A CSV file that cannot be read; `problems` are Messages naming the line."""

    def __init__(self, source: str, problems: list[Message]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(str(p) for p in problems))


class CsvRecord(NamedTuple):  # a tuple: made for every row of files of 100,000 rows
    line: int  # the line it starts on, as a text editor numbers them
    cells: list[str]


_as_record = functools.partial(tuple.__new__, CsvRecord)  # (line, cells) -> CsvRecord, in C


def decode(source: str, raw: bytes) -> str:
    """The text of a UTF-8 file (a byte-order mark dropped), or CsvFileError with the line
    of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: max(exc.start, 0)].count(b"\n") + 1
        raise CsvFileError(source, [Message("csv.not_utf8", line=line)]) from None


def choose_delimiter(text: str, known: Callable[[str], bool]) -> str:
    """The separator under which some early line names the most known columns (then the
    one used most often; a comma when nothing is known)."""
    lines = _first_lines(text, SAMPLE_LINES)

    def score(delimiter: str) -> tuple[int, int]:
        try:
            best = max((sum(bool(known(c)) for c in cells)
                        for cells in csv.reader(lines, delimiter=delimiter)), default=0)
        except csv.Error:
            best = 0
        return best, sum(line.count(delimiter) for line in lines)

    return max(DELIMITERS, key=score)


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count] without splitting the whole of a large text: a beginning
    split into more than `count` lines holds the first `count` whole."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def records(source: str, text: str, delimiter: str) -> Iterator[CsvRecord]:
    """Every record of the text (blank lines included, as empty lists), strictly."""
    whole = _one_line_records(text, delimiter)
    return iter(whole) if whole is not None else _records(source, text, delimiter)


def _one_line_records(text: str, delimiter: str) -> list[CsvRecord] | None:
    """The records of a text whose every record is one line and holds nothing to refuse,
    read in one go (a third of the time record by record); None for any other text, which
    `_records` then reads record by record, with its refusals. Every record took one line
    when the reader counted as many lines as it gave records (a record takes at least one);
    then no cell is longer than the longest line, and no character was refused."""
    if first_bad_character(text) is not None:
        return None
    if len(text) > MAX_CELL_CHARS and max(map(len, text.split("\n"))) > MAX_CELL_CHARS:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        out = list(map(_as_record, enumerate(reader, 1)))
    except csv.Error:
        return None
    return out if reader.line_num == len(out) else None


def _records(source: str, text: str, delimiter: str) -> Iterator[CsvRecord]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    suspect = first_bad_character(text) is not None  # one search of the whole text
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvFileError(source, [_quoting_problem(str(exc), start, reader.line_num)]) \
                from None
        if suspect or (cells and max(map(len, cells)) > MAX_CELL_CHARS):
            for index, cell in enumerate(cells):
                _check_cell(source, start, index, cell)
        yield CsvRecord(start, cells)
        start = reader.line_num + 1


def _quoting_problem(detail: str, start: int, line: int) -> Message:
    if "unexpected end of data" in detail:
        return Message("csv.unclosed_quote", line=start)
    if "expected after" in detail:
        return Message("csv.text_after_quote", line=line)
    if "field larger than field limit" in detail:
        return Message("csv.cell_too_long", line=start, limit=MAX_CELL_CHARS)
    return Message("csv.unreadable", line=start, detail=detail_text(detail))


def _check_cell(source: str, line: int, index: int, cell: str) -> None:
    if len(cell) > MAX_CELL_CHARS:
        raise CsvFileError(source, [Message("csv.cell_too_long_column", line=line,
                                            column=index + 1, limit=MAX_CELL_CHARS)])
    bad = first_bad_character(cell)
    if bad is not None:
        raise CsvFileError(source, [Message(
            "csv.bad_character", line=line + cell[: bad[0]].count("\n"), column=index + 1,
            character=bad[1])])


def read_text(path: Path, max_bytes: int) -> str:
    """The decoded text of a CSV file, or CsvFileError (missing, too large, not UTF-8)."""
    source = path.name
    try:
        raw = atomic_files.read_at_most(path, max_bytes)
        if raw is None:
            raise CsvFileError(source, [Message("csv.too_big", megabytes=max_bytes // 2**20)])
    except FileNotFoundError:
        raise CsvFileError(source, [Message("csv.missing")]) from None
    except IsADirectoryError:
        raise CsvFileError(source, [Message("csv.folder")]) from None
    except OSError as exc:
        raise CsvFileError(source, [Message("csv.unreadable_file", detail=detail_of(exc))]) \
            from None
    return decode(source, raw)
