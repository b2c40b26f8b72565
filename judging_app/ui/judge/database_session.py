"""Judging directly on the secretariat's database (the same machine, or a shared PostgreSQL
server): every edit is one `save_sheet` (one transaction, audited, source 'direct'), made
with the version of the sheet last seen, so that an edit made meanwhile elsewhere (the same
judge in another window) is refused rather than overwritten."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject

from judging_app.core.enums import ConflictReason, SheetSource, SheetState
from judging_app.core.messages import Message
from judging_app.core.people import Principal
from judging_app.core.records import SheetRecord
from judging_app.exchange.judge_package import rubric_of
from judging_app.services import conflicts, judge_documents, judge_mode, sheets
from judging_app.services.errors import ServiceError
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.ui.documents.document_cache import DocumentCache
from judging_app.ui.judge.session import (
    DATABASE,
    EntryDetails,
    EntryDocument,
    EntryItem,
    JudgeSession,
    SessionError,
    SessionInfo,
    SheetValues,
    state_of,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
STALE = "sheets.changed_meanwhile"


def _call(action: Callable[[], T]) -> T:
    """Run a use case; refusals and an unreachable database become SessionError."""
    try:
        return action()
    except ServiceError as exc:
        code = getattr(exc.message, "code", "")
        raise SessionError(exc, stale=code == STALE) from None
    except Exception as exc:  # a dropped server connection, a vanished file
        log.exception("judge mode: database call failed")
        raise SessionError(Message("judge.database_unreachable"),
                           f"{type(exc).__name__}: {exc}") from None


class DatabaseJudgeSession(JudgeSession):
    def __init__(self, db: Database, competition: str, round_code: str, judge_code: str,
                 *, owns_db: bool = False, parent: QObject | None = None,
                 who: Principal | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.owns_db = owns_db
        found = _call(lambda: judge_mode.judge_round(db, competition, round_code, judge_code))
        spec = found.round
        self.competition, self.round_code, self.judge_code = (
            found.competition_code, spec.code, found.judge_code)
        self.rubric = rubric_of(spec)
        self.info = SessionInfo(
            DATABASE, found.competition_code, found.competition_name, spec.code, spec.name,
            found.judge_code, found.judge_name, spec.name_en, spec.instructions,
            spec.instructions_en, spec.blind, found.scoring_open, db.display_name())
        # The audit trail names the judge as the person who made each change: the signed-in
        # person on a protected database or a server, else the judge's name (not verified).
        self.workspace = Workspace(db, who or f"{found.judge_name} ({found.judge_code})")
        self._sheets: dict[str, SheetValues] = {}
        self._versions: dict[str, int] = {}
        self.documents = DocumentCache()

    # -- reading -----------------------------------------------------------------------------
    def entries(self) -> list[EntryItem]:
        rows = _call(lambda: judge_mode.judge_entries(self.db, self.competition,
                                                      self.round_code, self.judge_code))
        return [EntryItem(r.code, r.title, r.category_name,
                          state_of(r.sheet_state == SheetState.SUBMITTED.value, r.scores, {},
                                   r.overall_comment),
                          len(r.scores), self.total(r.scores)) for r in rows]

    def details(self, entry: str) -> EntryDetails:
        e = _call(lambda: judge_mode.entry_for_judge(self.db, self.competition,
                                                     self.round_code, self.judge_code, entry))
        documents = _call(lambda: judge_documents.documents_for_judge(
            self.db, self.competition, self.round_code, self.judge_code, entry))
        return EntryDetails(e.code, e.title, e.summary, e.stage, e.innovation_type,
                            e.category_name, e.links,
                            tuple((a.label, a.location) for a in e.attachments),
                            e.unit_name, e.innovators, e.contact,
                            tuple(EntryDocument(d.sha256, d.label, d.file_name, d.kind.value,
                                                d.size, d.media_type) for d in documents))

    def has_documents(self) -> bool:
        return _call(lambda: judge_documents.judge_has_documents(
            self.db, self.competition, self.round_code, self.judge_code))

    def document_file(self, entry: str, sha256: str) -> Path:
        def write(target: Path) -> Path:
            return _call(lambda: judge_documents.save_document_for_judge(
                self.db, self.competition, self.round_code, self.judge_code, entry, sha256,
                target))

        return self.documents.file(sha256, self._document_name(entry, sha256), write)

    def _document_name(self, entry: str, sha256: str) -> str:
        for d in self.details(entry).documents:
            if d.sha256 == sha256:
                return d.file_name
        raise SessionError(Message("judge.no_document", entry=entry))

    def sheet(self, entry: str) -> SheetValues:
        if entry not in self._sheets:
            record = _call(lambda: sheets.get_sheet(self.db, self.competition, self.round_code,
                                                    self.judge_code, entry))
            self._remember(entry, record)
        return self._sheets[entry]

    def reload(self, entry: str) -> SheetValues:
        self._sheets.pop(entry, None)
        return self.sheet(entry)

    def _remember(self, entry: str, record: SheetRecord | None) -> SheetValues:
        if record is None:
            values = SheetValues(entry)
        else:
            values = SheetValues(entry, state_of(
                record.state == SheetState.SUBMITTED.value, record.scores, record.comments,
                record.overall_comment), dict(record.scores), dict(record.comments),
                record.overall_comment)
        self._sheets[entry] = values
        self._versions[entry] = record.version if record else 0
        return values

    # -- writing -----------------------------------------------------------------------------
    def _save(self, entry: str, data: SheetInput) -> SheetValues:
        self.sheet(entry)  # the version last seen
        try:
            record = _call(lambda: sheets.save_sheet(
                self.workspace, self.competition, self.round_code, self.judge_code, entry,
                data, source=SheetSource.DIRECT, expected_version=self._versions[entry]))
        except SessionError:
            self._sheets.pop(entry, None)  # show what is stored now
            raise
        return self._remember(entry, record)

    def set_criterion(self, entry: str, criterion: str, score: Decimal | None,
                      comment: str) -> SheetValues:
        if score is None:
            return self._save(entry, SheetInput(scores={criterion: None}))
        return self._save(entry, SheetInput(scores={criterion: score},
                                            comments={criterion: comment}))

    def set_overall_comment(self, entry: str, text: str) -> SheetValues:
        return self._save(entry, SheetInput(overall_comment=text))

    def submit(self, entry: str) -> SheetValues:
        missing = self.missing_criteria(entry)
        if missing:
            raise SessionError(Message("packages.draft.missing_scores", entry=entry,
                                       codes=missing))
        try:
            record = _call(lambda: sheets.submit_sheet(self.workspace, self.competition,
                                                       self.round_code, self.judge_code, entry))
        finally:
            self._sheets.pop(entry, None)
        self.forget_history(entry)
        values = self._remember(entry, record)
        self.sheetChanged.emit(entry, "")
        return values

    def declare_conflict(self, entry: str, reason: ConflictReason, text: str) -> None:
        _call(lambda: conflicts.declare_conflict(self.workspace, self.competition,
                                                 self.judge_code, entry, reason, text))
        self._sheets.pop(entry, None)
        self.forget_history(entry)
        self.entriesChanged.emit()

    def close(self) -> None:
        self.documents.clear()
        if self.owns_db:
            self.db.close()
