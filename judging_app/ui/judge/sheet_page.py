"""One scoring sheet: the entry beside the rubric. Every committed value goes straight to
the session (saved at once, undoable); submitting asks for confirmation and is refused
while a criterion is empty; a submitted sheet is read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.attachments import SHOWN_TYPES
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.documents.document_viewer import DocumentViewer
from judging_app.ui.i18n import fill, first_line
from judging_app.ui.judge.dialogs import JudgeDialogs
from judging_app.ui.judge.entry_panel import EntryPanel
from judging_app.ui.judge.home_page import STATE_COLOURS
from judging_app.ui.judge.labels import criterion_name, sheet_state_label, total_text
from judging_app.ui.judge.rubric_panel import RubricPanel
from judging_app.ui.judge.session import (
    SUBMITTED,
    EntryDetails,
    EntryDocument,
    JudgeSession,
    SaveFailed,
    SessionError,
    SheetValues,
)

BANNER = "background: #fff4ce; border: 1px solid #e0c35c; padding: 6px;"
DOCUMENTS_TAB, DETAILS_TAB = 0, 1


class SheetPage(QWidget):
    back = Signal()  # to the list of entries
    left = Signal(str)  # the entry left the judge's list (a declared conflict)
    saved = Signal(bool)  # after each change: True when it reached the database / work file
    submitted = Signal(str)  # the entry whose sheet was just submitted

    def __init__(self, session: JudgeSession, dialogs: Dialogs, ask: JudgeDialogs,
                 language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeSheet")
        self.session = session
        self.dialogs = dialogs
        self.ask = ask
        self.language = language
        self.entry = ""
        self.details: EntryDetails | None = None
        self.values = SheetValues("")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self._leave)
        self.title = QLabel()
        self.title.setObjectName("sheetTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        # A long title may be cut here (the entry panel has it whole) rather than widen the
        # window.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state = QLabel()
        self.state.setObjectName("sheetState")
        self.banner = QLabel()
        self.banner.setObjectName("lockedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER)
        self.entry_panel = EntryPanel()
        self.documents: tuple[EntryDocument, ...] = ()
        self.viewer = DocumentViewer()
        self.viewer.documentChosen.connect(self.show_document)
        self.viewer.openOutside.connect(self.open_outside)
        self.viewer.leaveRequested.connect(self.back_to_rubric)
        self.entry_tabs = QTabWidget()
        self.entry_tabs.setObjectName("entryTabs")
        self.entry_tabs.setDocumentMode(True)
        self.entry_tabs.addTab(self.viewer, "")
        self.entry_tabs.addTab(self.entry_panel, "")
        self.entry_tabs.tabBarClicked.connect(
            lambda i: setattr(self, "prefer_details", i == DETAILS_TAB))
        self.prefer_details = False  # the judge chose the entry's details over its documents
        self.rubric = RubricPanel(session.rubric, language)
        self.rubric.scoreCommitted.connect(self._score)
        self.rubric.commentCommitted.connect(self._comment)
        self.rubric.overallCommitted.connect(self._overall)
        self.conflict_button = QPushButton()
        self.conflict_button.setObjectName("declareConflictButton")
        self.conflict_button.clicked.connect(self.declare_conflict)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submit)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.state)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.rubric, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflict_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        right_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.entry_tabs)
        self.splitter.addWidget(right)
        # the document a little narrower than the rubric: ten criteria with their names in
        # Indonesian still fit at 1366×768, and a page at fit width stays readable
        self.splitter.setStretchFactor(0, 9)
        self.splitter.setStretchFactor(1, 11)
        self.splitter.setSizes([450, 550])
        self._sized = False  # sized to the window the first time it is shown
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        session.sheetChanged.connect(self._changed)
        self.retranslate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized and self.splitter.width() > 200:
            # the rubric takes what its ten criteria need (about 55 %, at most 820 px); the
            # document gets the rest: at 1920 px a page at fit width is almost full size
            self._sized = True
            width = self.splitter.width()
            rubric = min(max(560, int(width * 0.55)), 820)
            self.splitter.setSizes([max(300, width - rubric), rubric])

    # -- texts ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← &All entries"))
        self.conflict_button.setText(self.tr("Declare a &conflict of interest…"))
        self.submit_button.setText(self.tr("Su&bmit sheet…"))
        self.rubric.retranslate()
        self.entry_panel.retranslate()
        self.entry_tabs.setTabText(DETAILS_TAB, self.tr("Entry"))
        self.retranslate_documents()
        if self.documents:  # the list of documents in the new language, the same one chosen
            self.viewer.set_documents([self.document_title(d) for d in self.documents],
                                      max(0, self.viewer.documents.currentIndex()))
        if self.entry:
            self._show(self.values)  # scores and total with the language's decimal separator

    def entry_text(self) -> str:
        return f"{self.entry} · {self.details.title}" if self.details else self.entry

    # -- showing a sheet -------------------------------------------------------------------------
    def open(self, entry: str) -> bool:
        """Show the sheet of `entry` (False when it cannot be read; the reason is shown)."""
        self.flush()
        try:
            details, values = self.session.details(entry), self.session.sheet(entry)
        except SessionError as exc:
            self._error(self.tr("Cannot open the sheet"), exc)
            return False
        self.entry, self.details = entry, details
        self.entry_panel.set_details(details)
        self._show_documents(details.documents)
        self._show(values)
        if self.rubric.locked:
            self.rubric.show_guide(self.session.rubric[0].code)
            # nothing to type: the keys scroll the document (or the entry)
            (self.viewer.pages if self.documents else self.entry_panel).setFocus()
        else:
            self.rubric.focus_first_empty()
        return True

    # -- documents -----------------------------------------------------------------------------
    def document_title(self, d: EntryDocument) -> str:
        kind = {"proposal": self.tr("Proposal"), "evidence": self.tr("Evidence")}.get(
            d.kind, self.tr("Document"))
        return f"{kind}: {d.label}" if d.label.casefold() != kind.casefold() else kind

    def _show_documents(self, documents: tuple[EntryDocument, ...]) -> None:
        self.documents = documents
        self.retranslate_documents()
        if documents:
            self.viewer.set_documents([self.document_title(d) for d in documents], 0)
            self.show_document(0)
        else:
            self.viewer.set_documents([])
            self.viewer.show_problem("none")
        self.entry_tabs.setCurrentIndex(DETAILS_TAB if not documents or self.prefer_details
                                        else DOCUMENTS_TAB)

    def retranslate_documents(self) -> None:
        self.entry_tabs.setTabText(DOCUMENTS_TAB, fill(self.tr("Documents (%1)"),
                                                       str(len(self.documents))))

    def show_document(self, index: int) -> None:
        if not 0 <= index < len(self.documents):
            return
        d, entry, session = self.documents[index], self.entry, self.session
        if d.media_type not in SHOWN_TYPES:
            self.viewer.show_problem("not_shown")
        else:
            self.viewer.show_fetched(lambda: (session.document_file(entry, d.sha256),
                                              d.media_type))

    def open_outside(self) -> None:
        index = self.viewer.documents.currentIndex()
        if not self.entry or not 0 <= index < len(self.documents):
            return
        try:
            path = self.session.document_file(self.entry, self.documents[index].sha256)
        except SessionError as exc:
            self._error(self.tr("Cannot open the document"), exc)
            return
        self.ask.open_outside(self, path)

    def back_to_rubric(self) -> None:
        if not self.rubric.locked:
            self.rubric.focus_first_empty()

    def _changed(self, entry: str, _criterion: str) -> None:
        if entry == self.entry:
            self.reload()

    def reload(self) -> None:
        try:
            self._show(self.session.sheet(self.entry))
        except SessionError as exc:
            self._error(self.tr("Cannot read the sheet"), exc)

    def _show(self, values: SheetValues) -> None:
        self.values = values
        total = self.session.total(values.scores)
        self.rubric.set_values(values, total_text(total), len(values.scores))
        self.rubric.set_locked(values.locked or not self.session.info.scoring_open)
        self._show_state()

    def _show_state(self) -> None:
        if not self.entry:
            return
        v, open_ = self.values, self.session.info.scoring_open
        self.title.setText(self.entry_text())
        self.state.setText(sheet_state_label(v.state))
        colour = STATE_COLOURS.get(v.state)
        self.state.setStyleSheet(f"color: {colour.name()}; font-weight: bold;" if colour else "")
        if v.state == SUBMITTED:
            self.banner.setText(self.tr("Submitted: this sheet is locked. Only the secretariat "
                                        "can reopen it."))
        elif not open_:
            self.banner.setText(self.tr("Scoring is closed for this competition: the sheet "
                                        "can be read but not changed."))
        self.banner.setVisible(v.state == SUBMITTED or not open_)
        self.submit_button.setEnabled(open_ and v.state != SUBMITTED)
        self.conflict_button.setEnabled(open_ and v.state != SUBMITTED)

    # -- changes ---------------------------------------------------------------------------------
    def _score(self, criterion: str, value, merge_key) -> None:
        self._edit(lambda: self.session.edit_score(self.entry, criterion, value, merge_key))

    def _comment(self, criterion: str, text: str, merge_key) -> None:
        self._edit(lambda: self.session.edit_comment(self.entry, criterion, text, merge_key))

    def _overall(self, text: str, merge_key) -> None:
        self._edit(lambda: self.session.edit_overall_comment(self.entry, text, merge_key))

    def _edit(self, action: Callable[[], object]) -> None:
        if not self.entry:
            return
        try:
            action()
            self.saved.emit(True)
        except SaveFailed as exc:
            self.saved.emit(False)
            self._error(self.tr("Your work was not saved"), exc)
        except SessionError as exc:
            self._error(self.tr("The change was not saved"), exc)
            self.reload()

    def flush(self) -> None:
        if self.entry and not self.values.locked:
            self.rubric.flush()

    def _leave(self) -> None:
        self.flush()
        self.back.emit()

    def submit(self) -> None:
        if not self.entry or self.values.locked:
            return
        self.flush()
        missing = self.session.missing_criteria(self.entry)
        if missing:
            codes = [c.code for c in self.session.rubric]
            names = ", ".join(f"{codes.index(c) + 1}. "
                              f"{criterion_name(self.session.criterion(c), self.language())}"
                              for c in missing)
            self.dialogs.show_error(
                self, self.tr("Not submitted"),
                self.tr("Every criterion needs a score before the sheet can be submitted."),
                fill(self.tr("Without a score: %1."), names))
            self.rubric.focus_criterion(missing[0])
            return
        if not self.ask.confirm_submit(self, self.entry_text()):
            return
        try:
            self.session.submit(self.entry)
        except SessionError as exc:
            self._error(self.tr("Not submitted"), exc)
            self.reload()
            return
        self.reload()
        self.submitted.emit(self.entry)

    def declare_conflict(self) -> None:
        if not self.entry or self.values.locked:
            return
        if not self.session.can_declare_conflict:
            self.ask.conflict_via_secretariat(self, self.entry_text())
            return
        self.flush()
        answer = self.ask.ask_conflict(self, self.entry_text())
        if answer is None:
            return
        try:
            self.session.declare_conflict(self.entry, answer.reason, answer.text)
        except SessionError as exc:
            self._error(self.tr("The conflict of interest was not recorded"), exc)
            return
        entry, self.entry = self.entry, ""
        self.left.emit(entry)

    def _error(self, title: str, exc: SessionError) -> None:
        self.dialogs.show_error(self, title, first_line(exc), "", exc.details)
