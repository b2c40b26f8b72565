"""`JudgeWindow`: the judge's home and scoring sheet in one window, whichever way of judging
the session is (database or package). Menus: File (export the return, quit), Edit (undo,
redo), Sheet (back to the list, previous / next entry, submit, declare a conflict), View
(language)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QStackedWidget, QWidget

from judging_app.ui.dialogs import Dialogs
from judging_app.ui.i18n import LANGUAGE_NAMES, LANGUAGES, Translations, fill, first_line
from judging_app.ui.judge.dialogs import JudgeDialogs
from judging_app.ui.judge.home_page import HomePage
from judging_app.ui.judge.session import JudgeSession, SessionError
from judging_app.ui.judge.sheet_page import SheetPage
from judging_app.ui.settings import AppSettings

# Built into QKeySequences only once the application exists (a standard key needs it).
SHORTCUTS: dict[str, tuple[QKeySequence.StandardKey | str, ...]] = {
    "undo": (QKeySequence.StandardKey.Undo,),
    "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "back": ("Alt+Left",),
    "previous": ("Ctrl+PgUp",),
    "next": ("Ctrl+PgDown",),
    "submit": ("Ctrl+Return", "Ctrl+Enter"),
    "export": ("Ctrl+E",),
    "quit": ("Ctrl+Q",),
    "guide": (QKeySequence.StandardKey.HelpContents,),
}


class JudgeWindow(QMainWindow):
    def __init__(self, session: JudgeSession, settings: AppSettings, dialogs: Dialogs,
                 translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeWindow")
        self.session = session
        self.settings = settings
        self.dialogs = dialogs
        self.translations = translations  # keeps the installed translators alive
        self._ask = JudgeDialogs(self)
        self.undo_group = QUndoGroup(self)
        self.home = HomePage(session.info, len(session.rubric), session.can_export)
        self.home.openEntry.connect(self.open_entry)
        self.home.exportRequested.connect(self.export_return)
        self.sheet = SheetPage(session, dialogs, self.ask, lambda: self.translations.language)
        self.sheet.back.connect(self.show_home)
        self.sheet.left.connect(self._entry_left)
        self.sheet.saved.connect(self._saved)
        self.sheet.submitted.connect(self._after_submit)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.sheet)
        self.setCentralWidget(self.pages)
        session.sheetChanged.connect(lambda *_: self.refresh_home())
        session.entriesChanged.connect(self.refresh_home)
        session.undoFailed.connect(self._undo_failed)
        self._build_actions()
        self._build_menus()
        self.where = QLabel()
        self.where.setObjectName("whereLabel")
        # A long path may be cut off (the tooltip has it whole) rather than widen the window.
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.statusBar().addWidget(self.where, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self._saved_at: str | None = None
        self._save_ok = True
        self.resize(1100, 700)
        try:
            if session.has_documents():  # the renderer starts now: the first page shows at once
                self.sheet.viewer.prepare()
        except SessionError:
            pass  # the documents then simply start slower
        self.refresh_home()
        self.retranslate()
        self.show_home()
        if session.damaged_documents():
            QTimer.singleShot(0, self._warn_damaged_documents)

    @property
    def ask(self) -> JudgeDialogs:
        """The questions the window asks (tests put scripted answers here)."""
        return self._ask

    @ask.setter
    def ask(self, value: JudgeDialogs) -> None:
        self._ask = value
        self.sheet.ask = value

    # -- building ----------------------------------------------------------------------------
    def _action(self, name: str, slot) -> QAction:
        action = QAction(self)
        action.setObjectName(f"{name}Action")
        if name in SHORTCUTS:
            action.setShortcuts([QKeySequence(k) for k in SHORTCUTS[name]])
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.export_action = self._action("export", self.export_return)
        self.export_action.setVisible(self.session.can_export)
        self.quit_action = self._action("quit", self.close)
        self.undo_action = self._action("undo", self.undo)
        self.redo_action = self._action("redo", self.redo)
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.back_action = self._action("back", self.show_home)
        self.previous_action = self._action("previous", lambda: self.step(-1))
        self.next_action = self._action("next", lambda: self.step(1))
        self.submit_action = self._action("submit", self.sheet.submit)
        self.conflict_action = self._action("conflict", self.sheet.declare_conflict)
        self.guide_action = self._action("guide", self.show_guide)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], self, checkable=True)
            action.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_actions[lang] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.sheet_menu = bar.addMenu("")
        for action in (self.back_action, self.previous_action, self.next_action):
            self.sheet_menu.addAction(action)
        self.sheet_menu.addSeparator()
        self.sheet_menu.addAction(self.submit_action)
        self.sheet_menu.addAction(self.conflict_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        info = self.session.info
        self.setWindowTitle(fill(self.tr("%1 — judge mode — %2"), info.judge_name,
                                 info.competition_name))
        self.file_menu.setTitle(self.tr("&File"))
        self.export_action.setText(self.tr("&Export return file…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.sheet_menu.setTitle(self.tr("&Sheet"))
        self.back_action.setText(self.tr("&All entries"))
        self.previous_action.setText(self.tr("&Previous entry"))
        self.next_action.setText(self.tr("&Next entry"))
        self.submit_action.setText(self.tr("Su&bmit sheet…"))
        self.conflict_action.setText(self.tr("Declare a &conflict of interest…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&Judge's guide"))
        self.language_actions[self.translations.language].setChecked(True)
        where = info.location if not info.work_file else fill(
            self.tr("%1 (work saved in %2)"), info.location, info.work_file)
        self.where.setText(fill(self.tr("Package: %1") if info.work_file
                                else self.tr("Database: %1"), where))
        self.where.setToolTip(self.where.text())
        self.home.set_language(self.translations.language)
        self.sheet.retranslate()
        self._show_save_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.translations.apply(language)
        self.settings.language = language
        self.settings.sync()
        self.retranslate()

    def _saved(self, ok: bool) -> None:
        self._save_ok = ok
        self._saved_at = datetime.now().strftime("%H:%M:%S")
        self._show_save_state()

    def _show_save_state(self) -> None:
        if not self._save_ok:
            self.save_state.setText(self.tr("NOT SAVED: see the message"))
            self.save_state.setStyleSheet("color: #a4262c; font-weight: bold;")
        elif self._saved_at:
            self.save_state.setText(fill(self.tr("All changes saved (%1)"), self._saved_at))
            self.save_state.setStyleSheet("color: #1b6e2e;")
        else:
            self.save_state.setText("")

    # -- pages -------------------------------------------------------------------------------
    def refresh_home(self) -> None:
        try:
            self.home.set_items(self.session.entries())
        except SessionError as exc:
            self.dialogs.show_error(self, self.tr("Cannot read your entries"), first_line(exc),
                                    "", exc.details)

    def show_home(self) -> None:
        self.sheet.flush()
        if self.sheet.entry:
            self.home.select(self.sheet.entry)
        self.pages.setCurrentWidget(self.home)
        self.undo_group.setActiveStack(None)
        self._sheet_actions(False)
        self.home.focus_table()

    def open_entry(self, entry: str) -> None:
        if not self.sheet.open(entry):
            return
        stack = self.session.undo_stack(entry)
        if stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)
        self.home.select(entry)
        self.pages.setCurrentWidget(self.sheet)
        self._sheet_actions(True)

    def _sheet_actions(self, on: bool) -> None:
        for action in (self.back_action, self.previous_action, self.next_action,
                       self.submit_action, self.conflict_action):
            action.setEnabled(on)

    def step(self, delta: int) -> None:
        """The previous / next entry of the whole list (whatever the list's filter shows)."""
        codes = [it.code for it in self.home.model.all_items()]
        if self.sheet.entry in codes:
            i = codes.index(self.sheet.entry) + delta
            if 0 <= i < len(codes):
                self.open_entry(codes[i])

    def _after_submit(self, entry: str) -> None:
        """On to the next sheet still to do (the list's order, from the top again at the
        end); home when every sheet is submitted."""
        self.refresh_home()
        following = self.home.first_unfinished(after=entry)
        if following is None:
            self.show_home()
            self.statusBar().showMessage(fill(self.tr("%1 submitted. Every sheet is submitted: "
                                                      "thank you!"), entry), 10000)
            return
        self.open_entry(following)
        self.statusBar().showMessage(fill(self.tr("%1 submitted. Next to do: %2."), entry,
                                          following), 8000)

    def show_guide(self) -> None:
        self.ask.show_guide(self, self.translations.language)

    def _entry_left(self, entry: str) -> None:
        self.refresh_home()
        self.statusBar().showMessage(fill(self.tr("Conflict of interest declared: %1 is no "
                                                  "longer on your list."), entry), 8000)
        self.show_home()

    # -- undo --------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.pages.currentWidget() is self.sheet:
            self.sheet.flush()  # a value still being typed becomes the step to undo
            self.undo_group.undo()

    def redo(self) -> None:
        if self.pages.currentWidget() is self.sheet:
            self.undo_group.redo()

    def _undo_failed(self, entry: str, message: str) -> None:
        self.dialogs.show_error(self, self.tr("Cannot undo or redo"), message,
                                self.tr("The sheet shows what is saved now."))

    # -- the return --------------------------------------------------------------------------
    def export_return(self) -> None:
        if not self.session.can_export:
            return
        self.sheet.flush()
        folder = self.settings.last_directory or str(Path(self.session.info.location).parent)
        suggested = str(Path(folder) / self.session.suggested_return_name())
        path = self.ask.choose_return_file(self, suggested)
        if not path:
            return
        try:
            written = self.session.export_return(path)
        except SessionError as exc:
            self.dialogs.show_error(self, self.tr("The return file was not written"),
                                    first_line(exc), "", exc.details)
            return
        self.settings.last_directory = str(written.parent)
        self.settings.sync()
        submitted, _drafts, total = self.session.progress()
        self.ask.show_info(self, self.tr("Return file written"), fill(
            self.tr("%1 was written (%2 of %3 sheets submitted). Send this file to the "
                    "secretariat."), str(written), submitted, total))

    def _warn_damaged_documents(self) -> None:
        """A package whose documents were changed or lost after the export: say which; the
        rest of the package (signed) is used as it is."""
        labels = {"missing": self.tr("missing"), "changed": self.tr("changed")}
        lines = [f"{entry}: {name} ({labels.get(problem, problem)})"
                 for entry, name, problem in self.session.damaged_documents()]
        self.ask.show_info(self, self.tr("Documents damaged in this package"), fill(
            self.tr("These documents were changed or lost after the secretariat exported the "
                    "package, so they are not shown:\n%1\n\nAsk the secretariat for a new "
                    "copy of the package (your scores stay in your work file)."),
            "\n".join(lines[:30] + (["…"] if len(lines) > 30 else []))))

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.sheet.flush()
        self.sheet.viewer.shutdown()
        self.session.close()
        super().closeEvent(event)
