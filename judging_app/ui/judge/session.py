"""`JudgeSession`: what the judge's screens ask of either way of judging (directly on the
secretariat's database, or from a judge package on a laptop), so the widgets never care
which one it is.

The mode-specific classes implement a few primitives (`entries`, `details`, `sheet`,
`set_criterion`, `set_overall_comment`, `submit`, `declare_conflict`); this base adds the
edits people make (`edit_score`, `edit_comment`, `edit_overall_comment`), each saved at once
and pushed on the sheet's own undo stack, the running total (computed by the core's
`sheet_total`, never in a widget) and the overall progress.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from judging_app.core.enums import ConflictReason
from judging_app.core.messages import Message, as_text
from judging_app.core.scoring.inputs import CriterionInfo
from judging_app.core.scoring.totals import sheet_total
from judging_app.exchange.judge_package_fields import RubricCriterion
from judging_app.ui.i18n import message_text

NOT_STARTED, DRAFT, SUBMITTED = "not_started", "draft", "submitted"
SHEET_STATES = (NOT_STARTED, DRAFT, SUBMITTED)
DATABASE, PACKAGE = "database", "package"


class SessionError(Exception):
    """A change the rules refused (nothing changed), or data that could not be read. The
    message is a Message (or an error carrying one), shown in the window's language
    (`message_text`; str() is English); `details` holds a technical message when there is
    one (then English), else the whole message."""

    def __init__(self, message: Message | BaseException, details: str = "", *,
                 stale: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.technical = details
        self.stale = stale  # the sheet was changed elsewhere meanwhile: reload it

    def render(self, language: str) -> str:
        return as_text(self.message, language)

    def __str__(self) -> str:
        return self.render("en")

    @property
    def details(self) -> str:
        return self.technical or message_text(self)


class SaveFailed(SessionError):
    """The change was made in this session, but the work file could not be written."""


@dataclass(frozen=True)
class SessionInfo:
    mode: str  # DATABASE or PACKAGE
    competition_code: str
    competition_name: str
    round_code: str
    round_name: str
    judge_code: str
    judge_name: str
    round_name_en: str = ""
    instructions: str = ""
    instructions_en: str = ""
    blind: bool = False
    scoring_open: bool = True
    location: str = ""  # the database, or the package file
    work_file: str = ""  # package mode: where the work is kept between sessions


@dataclass(frozen=True)
class EntryItem:
    """One line of the judge's home."""

    code: str
    title: str
    category: str
    state: str  # NOT_STARTED, DRAFT, SUBMITTED
    scored: int  # criteria with a score
    total: Fraction | None  # running total of this judge's own scores; None: nothing scored


@dataclass(frozen=True)
class EntryDocument:
    """A document of an entry the judge may read (a proposal, evidence)."""

    sha256: str
    label: str
    file_name: str
    kind: str  # proposal, evidence, other
    size: int
    media_type: str


@dataclass(frozen=True)
class EntryDetails:
    """An entry as the judge sees it; unit, innovators and contact are None in a blind
    round (and then not shown at all)."""

    code: str
    title: str
    summary: str = ""
    stage: str = ""
    innovation_type: str = ""
    category: str = ""
    links: tuple[str, ...] = ()
    attachments: tuple[tuple[str, str], ...] = ()  # (label, location)
    unit: str | None = None
    innovators: str | None = None
    contact: str | None = None
    documents: tuple[EntryDocument, ...] = ()  # proposals first


@dataclass(frozen=True)
class SheetValues:
    entry: str
    state: str = NOT_STARTED
    scores: dict[str, Decimal] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    overall_comment: str = ""

    @property
    def locked(self) -> bool:
        return self.state == SUBMITTED


def state_of(submitted: bool, scores: dict, comments: dict, overall: str) -> str:
    if submitted:
        return SUBMITTED
    return DRAFT if (scores or any(comments.values()) or overall) else NOT_STARTED


class JudgeSession(QObject):
    """One judge, one round. `sheetChanged(entry, criterion)` after every change of a
    sheet ('' for the overall comment or the whole sheet); `entriesChanged()` when the list
    of entries changes (a declared conflict); `undoFailed(entry, message)` when an undo or
    redo was refused (the sheet is reloaded and its undo history cleared)."""

    sheetChanged = Signal(str, str)
    entriesChanged = Signal()
    undoFailed = Signal(str, str)

    info: SessionInfo
    rubric: tuple[RubricCriterion, ...]
    can_declare_conflict = True  # False: the judge tells the secretariat instead
    can_export = False  # package mode: a return file to send back

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stacks: dict[str, QUndoStack] = {}

    # -- what each mode provides -------------------------------------------------------------
    def entries(self) -> list[EntryItem]:
        raise NotImplementedError

    def details(self, entry: str) -> EntryDetails:
        raise NotImplementedError

    def sheet(self, entry: str) -> SheetValues:
        raise NotImplementedError

    def set_criterion(self, entry: str, criterion: str, score: Decimal | None,
                      comment: str) -> SheetValues:
        """Set one criterion's score and comment together (a comment needs a score)."""
        raise NotImplementedError

    def set_overall_comment(self, entry: str, text: str) -> SheetValues:
        raise NotImplementedError

    def submit(self, entry: str) -> SheetValues:
        """Refused (SessionError) while a criterion is empty; locks the sheet."""
        raise NotImplementedError

    def declare_conflict(self, entry: str, reason: ConflictReason, text: str) -> None:
        raise SessionError(Message("judge.conflicts_to_secretariat"))

    def export_return(self, path: Path) -> Path:
        raise SessionError(Message("judge.only_packages_return"))

    def has_documents(self) -> bool:
        """Whether any entry of this judge has a document."""
        return False

    def damaged_documents(self) -> list[tuple[str, str, str]]:
        """(entry, file name, 'missing' or 'changed') for documents found damaged when the
        session opened (a package altered since the export)."""
        return []

    def document_file(self, entry: str, sha256: str) -> Path:
        """One of an entry's documents as a local file (written once per session, checked
        against its SHA-256). May be called from a worker thread."""
        raise SessionError(Message("judge.no_documents"))

    def suggested_return_name(self) -> str:
        return ""

    def close(self) -> None:
        """Release what the session holds (the database connection, in database mode)."""

    # -- shared ------------------------------------------------------------------------------
    def criterion(self, code: str) -> RubricCriterion:
        for c in self.rubric:
            if c.code == code:
                return c
        raise SessionError(Message("lookup.no_criterion", code=code))

    def missing_criteria(self, entry: str) -> list[str]:
        scores = self.sheet(entry).scores
        return [c.code for c in self.rubric if c.code not in scores]

    def total(self, scores: dict[str, Decimal]) -> Fraction | None:
        """The running total of the scored criteria, Σ weight × score / max (core), exact."""
        scored = [CriterionInfo(i, c.code, c.weight, c.scale_max, i)
                  for i, c in enumerate(self.rubric) if c.code in scores]
        if not scored:
            return None
        return sheet_total(scored, {ci.id: scores[ci.code] for ci in scored})

    def progress(self) -> tuple[int, int, int]:
        """(submitted, drafts, entries)."""
        items = self.entries()
        return (sum(i.state == SUBMITTED for i in items), sum(i.state == DRAFT for i in items),
                len(items))

    def undo_stack(self, entry: str) -> QUndoStack:
        """The undo history of one sheet (kept for the whole session)."""
        if entry not in self._stacks:
            self._stacks[entry] = QUndoStack(self)
        return self._stacks[entry]

    # -- edits, each saved at once and undoable ----------------------------------------------
    def edit_score(self, entry: str, criterion: str, value: Decimal | None,
                   merge_key: object = None) -> SheetValues:
        """Set or (None) clear a score; clearing also clears its comment, and undo brings
        both back. Edits with the same `merge_key` (one visit of a field) undo as one."""
        old = self.sheet(entry)
        before = (old.scores.get(criterion), old.comments.get(criterion, ""))
        after = (value, before[1] if value is not None else "")
        if before == after:
            return old
        return self._edit(entry, criterion, before, after, merge_key)

    def edit_comment(self, entry: str, criterion: str, text: str,
                     merge_key: object = None) -> SheetValues:
        old = self.sheet(entry)
        before = (old.scores.get(criterion), old.comments.get(criterion, ""))
        if before[1] == text:
            return old
        if before[0] is None:
            raise SessionError(Message("sheets.comment_needs_score", where=entry,
                                       criterion=criterion))
        return self._edit(entry, criterion, before, (before[0], text), merge_key)

    def edit_overall_comment(self, entry: str, text: str,
                             merge_key: object = None) -> SheetValues:
        old = self.sheet(entry)
        if old.overall_comment == text:
            return old
        return self._edit(entry, "", old.overall_comment, text, merge_key)

    def _edit(self, entry: str, criterion: str, before, after, merge_key) -> SheetValues:
        from judging_app.ui.judge.undo import SheetCommand

        failure: SaveFailed | None = None
        try:
            values = self.apply(entry, criterion, after)
        except SaveFailed as exc:  # changed here, not yet on disk: still undoable
            values, failure = self.sheet(entry), exc
        self.undo_stack(entry).push(SheetCommand(self, entry, criterion, before, after,
                                                 merge_key))
        self.sheetChanged.emit(entry, criterion)
        if failure is not None:
            raise failure
        return values

    def apply(self, entry: str, criterion: str, value) -> SheetValues:
        """Put one field of a sheet to a value: (score, comment) for a criterion, the text
        for the overall comment (criterion '')."""
        if criterion:
            score, comment = value
            return self.set_criterion(entry, criterion, score, comment)
        return self.set_overall_comment(entry, value)

    def forget_history(self, entry: str) -> None:
        """After a submit, a conflict or a refused undo: nothing of the sheet can be undone."""
        if entry in self._stacks:
            self._stacks[entry].clear()
