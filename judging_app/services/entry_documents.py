"""Documents an entry workbook names (its Documents column: file names relative to the
workbook's own folder), checked with the rows and attached in the import's transaction.

A name must stay inside the workbook's folder: an absolute path, a drive, `..` or a link
leading out is refused (a workbook sent by a unit must not pull other files of the
secretariat's computer into the database and from there into judges' packages)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from judging_app.core.attachments import DocumentLimits, size_mb
from judging_app.core.document_names import guess_kind, label_for
from judging_app.core.messages import Message
from judging_app.exchange.entry_reader import EntrySheet
from judging_app.services.attachments import Checked, NewDocument, check_each

_DRIVE = re.compile(r"^[A-Za-z]:")


def _inside(base: Path, written: str) -> Path | None:
    relative = written.strip().replace("\\", "/")
    pure = PurePosixPath(relative)
    if (not relative or pure.is_absolute() or _DRIVE.match(relative) or ".." in pure.parts):
        return None
    path = base.joinpath(*pure.parts)
    try:
        if not path.resolve().is_relative_to(base.resolve()):
            return None  # a link that leads out of the folder
    except (OSError, RuntimeError):
        return None
    return path


def row_documents(data: EntrySheet, base: Path) -> list[tuple[int, NewDocument]]:
    """(row, document) for every file the rows name; names that leave `base`, and a name
    given twice for one entry, become problems of their row."""
    found: list[tuple[int, NewDocument]] = []
    for r in data.rows:
        seen: set[str] = set()
        for written in r.documents.splitlines():
            path = _inside(base, written)
            if path is None:
                data.problem(str(Message("entry_documents.outside", file=written.strip())),
                             r.row, "documents")
                continue
            if path.name.casefold() in seen:
                data.problem(str(Message("entry_documents.twice", file=path.name)), r.row,
                             "documents")
                continue
            seen.add(path.name.casefold())
            found.append((r.row, NewDocument(r.code, path, guess_kind(path.name),
                                             label_for(path.name), path.name)))
    return found


def check_row_documents(data: EntrySheet, items: list[tuple[int, NewDocument]],
                        limits: DocumentLimits) -> list[Checked]:
    """Each named file checked as an attachment (size, type, PDF readable); problems are
    the row's. Adds a note with the count and size when there are any."""
    if not items:
        return []
    checked, problems = check_each([doc for _, doc in items], limits)
    for index, message in problems:
        data.problem(str(message), items[index][0], "documents")
    data.problems.items.sort(key=lambda p: p.row or 0)  # in row order, as the reader lists them
    if checked:
        data.notes.append(str(Message("entry_documents.to_attach", count=len(checked),
                                      size=size_mb(sum(c.facts.size for c in checked)))))
    return checked
