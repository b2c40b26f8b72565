"""The competition file: a competition's setup (rules, categories, rounds with their rubric,
award tiers) as a documented JSON text, used for the shipped templates and for moving a
setup between installations. Described field by field in docs/competition-file.md.

    {"format": "judging-app/competition", "version": 1, "competition": {...}}

The keys under "competition" are the fields of the dataclasses in judging_app.core.setup,
converted generically by setup_json.py. Adding a field to one of those dataclasses
therefore changes this format: update docs/competition-file.md and the key list pinned in
tests/test_competition_file.py, and consider FORMAT_VERSION (a reader refuses unknown keys).

Reading is strict: unknown keys, missing required keys, wrong types, unknown codes and
numbers with more than three decimals are refused with the JSON path of the value, all of
them at once; then the setup must pass validate_setup. A file with a newer version is
refused with a message saying a newer version of the app made it.
"""

from __future__ import annotations

import json
import os
import tempfile
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

from judging_app.core.documents import DocumentSettings, validate_documents
from judging_app.core.messages import Message, Text
from judging_app.core.setup import CompetitionSetup, Problem, validate_setup
from judging_app.exchange import atomic_files
from judging_app.exchange.json_errors import json_problem
from judging_app.exchange.setup_json import (
    FieldProblem,
    JsonConstant,
    JsonObject,
    Reader,
    dump,
    join,
    show,
)

FORMAT = "judging-app/competition"
FORMAT_VERSION = 1  # the newest version this code reads and the version it writes
ROOT = "competition"
DOCUMENTS = "documents"  # optional: letterhead, head of region, place, numbers, time zone
MAX_FILE_BYTES = 5_000_000


class CompetitionFileError(ValueError):
    """A competition file that cannot be read, or a setup that cannot be written.

    `problems` lists (where, message) pairs: `where` is a JSON path such as
    'competition.rounds[1].criteria[2].weight', a Message 'line 3, column 7' for a syntax
    error, or '' for the file as a whole; the message is a Message (or, from the setup's
    own checks, text). `line` and `column` (1-based) are set for syntax errors."""

    def __init__(
        self,
        source: str,
        problems: list[tuple[Text, Text]],
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.source = source
        self.problems = list(problems)
        self.line = line
        self.column = column
        super().__init__(self.render("en"))

    def messages(self) -> list[Message]:
        """Each problem as one Message naming where it is."""
        return [Message("competition_file.problem_at", where=where, problem=message) if where
                else Message("competition_file.problem", problem=message)
                for where, message in self.problems]

    def render(self, language: str) -> str:
        items = [m.render(language) for m in self.messages()]
        if len(items) == 1:
            return f"{self.source}: {items[0]}"
        head = Message("competition_file.problems", count=len(items)).render(language)
        return f"{self.source}: {head}\n" + "\n".join(f"  - {item}" for item in items)

    def __str__(self) -> str:
        return self.render("en")


def setup_to_json(setup: CompetitionSetup, documents: DocumentSettings | None = None) -> str:
    """The competition file text for `setup` (and, when given, the document settings under
    "documents"): every field written, stable key order, two-space indent, UTF-8 characters
    unescaped, a trailing newline."""
    try:
        competition = dump(setup, ROOT)
    except FieldProblem as exc:
        raise CompetitionFileError("<setup>", [(exc.where, exc.message)]) from None
    document = {"format": FORMAT, "version": FORMAT_VERSION, ROOT: competition}
    if documents is not None:
        document[DOCUMENTS] = dump(documents, DOCUMENTS)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def documents_from_json(text: str, source: str = "<text>") -> DocumentSettings | None:
    """The document settings of a competition file's text (None when it has none); the text
    must be a valid competition file (read it with setup_from_json first)."""
    data = json.loads(text, parse_float=Decimal, object_pairs_hook=JsonObject.of)
    if DOCUMENTS not in data:
        return None
    reader = Reader()
    documents = reader.load(data[DOCUMENTS], DocumentSettings, DOCUMENTS)
    if documents is not None:
        reader.problems += [(DOCUMENTS, m) for m in validate_documents(documents)]
    if reader.problems or documents is None:
        raise CompetitionFileError(source, reader.problems)
    return documents


def read_competition_documents(path: str | os.PathLike[str]) -> DocumentSettings | None:
    """The document settings in a competition file (read_competition_file checks the rest)."""
    return documents_from_json(Path(path).read_bytes().decode("utf-8-sig"), str(path))


def write_competition_file(path: str | os.PathLike[str], setup: CompetitionSetup,
                           documents: DocumentSettings | None = None) -> None:
    """Write `setup` to `path` as UTF-8 with LF line ends, atomically (a temporary file in
    the same folder, then a rename). A setup that fails validate_setup is refused, so that
    every file this app writes, it can read back."""
    path = Path(path)
    problems = validate_setup(setup)
    if problems:
        raise CompetitionFileError(str(path), _located(problems))
    text = setup_to_json(setup, documents)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_competition_file(path: str | os.PathLike[str]) -> CompetitionSetup:
    """Read and validate a competition file (UTF-8; a byte-order mark is tolerated).
    I/O failures raise OSError; anything wrong with the content, CompetitionFileError."""
    path = Path(path)
    data = atomic_files.read_at_most(path, MAX_FILE_BYTES)
    if data is None:
        raise CompetitionFileError(str(path), [("", Message("competition_file.too_big"))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Message("competition_file.not_utf8", offset=exc.start)
        raise CompetitionFileError(str(path), [("", problem)]) from None
    return setup_from_json(text, source=str(path))


def setup_from_json(text: str, source: str = "<text>") -> CompetitionSetup:
    """Parse and validate a competition file's text; `source` names it in error messages."""
    try:
        data = json.loads(
            text, parse_float=Decimal, parse_constant=JsonConstant, object_pairs_hook=JsonObject.of
        )
    except json.JSONDecodeError as exc:
        where = Message("competition_file.at_line", line=exc.lineno, column=exc.colno)
        problem = Message("competition_file.bad_json", detail=json_problem(exc))
        raise CompetitionFileError(source, [(where, problem)], line=exc.lineno,
                                   column=exc.colno) from None
    except RecursionError:
        problem = Message("competition_file.too_deep")
        raise CompetitionFileError(source, [("", problem)]) from None
    except ValueError:  # an integer of thousands of digits (Python's conversion limit)
        raise CompetitionFileError(source, [("", Message("competition_file.huge_number"))]) \
            from None
    reader = Reader()
    _check_envelope(data, source, reader)
    setup = reader.load(data[ROOT], CompetitionSetup, ROOT)
    if reader.problems or setup is None:
        raise CompetitionFileError(source, reader.problems)
    problems = validate_setup(setup)
    if problems:
        raise CompetitionFileError(source, _located(problems))
    return setup


def _check_envelope(data: Any, source: str, reader: Reader) -> None:
    """The top level: our format, a version we understand, a competition object."""

    def fail(where: str, message: Message) -> typing.NoReturn:
        raise CompetitionFileError(source, [(where, message)])

    if not isinstance(data, dict):
        fail("", Message("competition_file.not_ours", format=FORMAT, found=show(data)))
    if "format" not in data:
        fail("", Message("competition_file.no_format", format=FORMAT))
    if data["format"] != FORMAT:
        fail("format", Message("competition_file.wrong_format", format=FORMAT,
                               found=show(data["format"])))
    if "version" not in data:
        fail("version", Message("competition_file.missing"))
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail("version", Message("competition_file.bad_version", found=show(version)))
    if version > FORMAT_VERSION:
        fail("version", Message("competition_file.newer", version=version,
                                known=FORMAT_VERSION))
    reader.check_keys(data, ("format", "version", ROOT, DOCUMENTS), "")
    if ROOT not in data:
        reader.problems.append((ROOT, Message("competition_file.missing")))
        raise CompetitionFileError(source, reader.problems)


def _located(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(join(ROOT, p.where), p.message) for p in problems]
