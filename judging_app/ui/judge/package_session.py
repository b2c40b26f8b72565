"""Judging from a judge package on a laptop with no other database.

The package is read with `read_package` (its signature checked); the judge's work lives in
a draft (`judge_package_draft`) that is written to a local WORK FILE after every change:
the work file is itself a signed return (`<package>.work.jret`) made with the number the
next exported return will use, written to a temporary file, flushed to disk (fsync) and
renamed over the old one (os.replace), so that a killed app or a closed lid leaves either
the previous or the new complete file, never half of one. On the next start the work is
resumed from it (`resume_return`). "Export return file…" writes the numbered, signed return
that the judge sends to the secretariat.

The work file sits next to the package when that folder is writable, else in the user data
folder. A work file from another package (the secretariat issued a new one) is kept aside
under another name, never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QObject

from judging_app.core.messages import Message, os_error_message
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_container as container
from judging_app.exchange import judge_package_draft as jd
from judging_app.ui.documents.document_cache import DocumentCache
from judging_app.ui.judge.session import (
    PACKAGE,
    EntryDetails,
    EntryDocument,
    EntryItem,
    JudgeSession,
    SaveFailed,
    SessionError,
    SessionInfo,
    SheetValues,
    state_of,
)

WORK_SUFFIX = ".work.jret"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _replace(src: str, dst: Path, attempts: int = 5) -> None:
    """os.replace, tried again for a moment when Windows reports the target as in use (an
    antivirus or indexer holding it briefly)."""
    for attempt in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _writable(folder: Path) -> bool:
    try:
        fd, tmp = tempfile.mkstemp(prefix=".judging-app-check.", dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)
    return True


def default_work_path(package_path: Path, data_folder: Path | None = None) -> Path:
    """`<package>.work.jret` next to the package, or in the user data folder when the
    package's folder cannot be written (a read-only share, a mail attachment)."""
    package_path = Path(package_path)
    name = package_path.stem + WORK_SUFFIX
    if _writable(package_path.parent):
        return package_path.with_name(name)
    if data_folder is None:
        from platformdirs import user_data_path

        data_folder = user_data_path("judging-app", appauthor=False) / "judge-work"
    return Path(data_folder) / name


def load_work(package: jp.Package, work_path: Path) -> tuple[jd.ReturnDraft, Path | None]:
    """The draft resumed from the work file, or a fresh one. A work file that cannot be
    used with this package is moved aside; its new path is returned so it can be told."""
    if not work_path.exists():
        return jd.start_return(package), None
    try:
        data = jp.read_file(work_path)
        draft = jd.resume_return(package, data)
        # The work file carries the number the NEXT export will use.
        draft.last_sequence = max(package.sequence_start - 1, jp.read_return(data).sequence - 1)
        return draft, None
    except jp.PackageError:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = work_path.with_name(f"{work_path.name}.unused-{stamp}")
        os.replace(work_path, aside)
        return jd.start_return(package), aside


class PackageJudgeSession(JudgeSession):
    def __init__(self, package_path: Path, work_path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.package_path = Path(package_path)
        try:
            self.package, problems = container.load_package(self.package_path)
        except jp.PackageError as exc:
            raise SessionError(exc) from None
        # documents missing or changed since the export: listed, and never shown
        self.document_problems = problems
        self._damaged = {(d.entry, d.file_name) for d in problems}
        self.documents = DocumentCache()
        self.work_path = Path(work_path) if work_path else default_work_path(self.package_path)
        try:
            self.draft, self.set_aside = load_work(self.package, self.work_path)
        except OSError as exc:
            raise SessionError(Message("judge.work_file_unusable",
                                       problem=os_error_message(exc, self.work_path))) from None
        p = self.package
        self.rubric = p.rubric
        self.info = SessionInfo(
            PACKAGE, p.competition.code, p.competition.name, p.round.code, p.round.name,
            p.judge.code, p.judge.name, p.round.name_en, p.round.instructions,
            p.round.instructions_en, p.round.blind, True, str(self.package_path),
            str(self.work_path))
        self._entries = {e.code: e for e in p.entries}

    can_export = True
    can_declare_conflict = False

    # -- reading -----------------------------------------------------------------------------
    def entries(self) -> list[EntryItem]:
        out = []
        for e in self.package.entries:
            v = self.sheet(e.code)
            out.append(EntryItem(e.code, e.title, e.category_name, v.state, len(v.scores),
                                 self.total(v.scores)))
        return out

    def details(self, entry: str) -> EntryDetails:
        e = self._entries.get(entry)
        if e is None:
            raise SessionError(Message("judge.not_in_package", entry=entry))
        return EntryDetails(e.code, e.title, e.summary, e.stage, e.innovation_type,
                            e.category_name, e.links, (), e.unit_name, e.innovators, e.contact,
                            tuple(EntryDocument(d.sha256, d.label, d.file_name, d.kind, d.size,
                                                d.media_type) for d in _proposals_first(e)))

    def has_documents(self) -> bool:
        return any(e.documents for e in self.package.entries)

    def damaged_documents(self) -> list[tuple[str, str, str]]:
        return [(d.entry, d.file_name, d.problem) for d in self.document_problems]

    def document_file(self, entry: str, sha256: str) -> Path:
        e = self._entries.get(entry)
        doc = next((d for d in e.documents if d.sha256 == sha256), None) if e else None
        if doc is None:
            raise SessionError(Message("judge.no_document", entry=entry))
        if (entry, doc.file_name) in self._damaged:
            raise SessionError(Message("judge.document_damaged", file=doc.file_name))
        try:
            return self.documents.file(sha256, doc.file_name, lambda target: (
                container.extract_document(self.package_path, doc, target)))
        except jp.PackageError as exc:
            raise SessionError(exc) from None
        except OSError as exc:
            raise SessionError(Message("judge.document_unwritable", file=doc.file_name,
                                       problem=os_error_message(exc))) from None

    def close(self) -> None:
        self.documents.clear()

    def sheet(self, entry: str) -> SheetValues:
        s = self._draft_call(lambda: self.draft.sheet(entry))
        return SheetValues(entry, state_of(s.state == jd.SUBMITTED, s.scores, s.comments,
                                           s.overall_comment),
                           dict(s.scores), dict(s.comments), s.overall_comment)

    # -- writing -----------------------------------------------------------------------------
    def _draft_call(self, action):
        try:
            return action()
        except jd.DraftError as exc:
            raise SessionError(exc) from None

    def set_criterion(self, entry: str, criterion: str, score: Decimal | None,
                      comment: str) -> SheetValues:
        def change() -> None:
            sheet = self.draft.open_sheet(entry)
            self.draft.criterion(criterion)
            old = (sheet.scores.get(criterion), sheet.comments.get(criterion))
            jd.set_score(self.draft, entry, criterion, score)
            try:
                if score is not None:
                    jd.set_comment(self.draft, entry, criterion, comment)
            except jd.DraftError:
                jd.set_score(self.draft, entry, criterion, old[0])
                if old[1]:
                    sheet.comments[criterion] = old[1]
                raise

        self._draft_call(change)
        return self._saved(entry)

    def set_overall_comment(self, entry: str, text: str) -> SheetValues:
        self._draft_call(lambda: jd.set_overall_comment(self.draft, entry, text))
        return self._saved(entry)

    def submit(self, entry: str) -> SheetValues:
        self._draft_call(lambda: jd.submit(self.draft, entry))
        self.forget_history(entry)
        try:
            return self._saved(entry)
        finally:
            self.sheetChanged.emit(entry, "")

    def _saved(self, entry: str) -> SheetValues:
        self.save_work()
        return self.sheet(entry)

    def save_work(self) -> None:
        """Write the whole draft to the work file (atomically); SaveFailed when it cannot."""
        data = jp.serialize_return(jd.build_return(self.draft, self.draft.last_sequence + 1),
                                   self.package.secret)
        try:
            write_atomically(self.work_path, data)
        except OSError as exc:
            raise SaveFailed(Message("judge.save_failed",
                                     problem=os_error_message(exc, self.work_path))) from None

    # -- the return ----------------------------------------------------------------------------
    def suggested_return_name(self) -> str:
        return jd.return_file_name(self.draft, self.draft.last_sequence + 1)

    def export_return(self, path: Path) -> Path:
        """Write the next signed return to `path`. Its number is recorded in the work file
        BEFORE the return is written, so a number is never used twice for different content
        (a failed write only skips a number, which the secretariat accepts)."""
        path = Path(path)
        before = self.draft.last_sequence
        data = jd.export_return(self.draft)
        try:
            self.save_work()
        except SaveFailed:
            self.draft.last_sequence = before
            raise
        try:
            write_atomically(path, data)
        except OSError as exc:
            raise SessionError(Message("judge.return_not_written",
                                       problem=os_error_message(exc, path))) from None
        return path


def _proposals_first(entry) -> list:
    order = {"proposal": 0, "evidence": 1}
    return sorted(entry.documents, key=lambda d: (order.get(d.kind, 2), d.file_name.casefold()))
