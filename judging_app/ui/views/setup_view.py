"""The Setup view: the competition's name and rules, categories, rounds with their rubric,
award tiers and tie-break chain, edited as a working copy of the stored CompetitionSetup
and saved in one go. validate_setup runs on every edit; its problems are listed below the
tabs and marked next to the fields. Also: the status moves (draft ⇄ registration ⇄ judging),
a new competition from a template or a competition file, and exporting this setup."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import CompetitionStatus
from judging_app.core.setup import CompetitionSetup, Problem, validate_setup
from judging_app.core.setup_places import problem_area
from judging_app.exchange.competition_file import CompetitionFileError, write_competition_file
from judging_app.services import competitions, setup_status, templates
from judging_app.services.errors import ServiceError
from judging_app.ui.i18n import fill
from judging_app.ui.labels import competition_status_label
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.setup_history import EditHistory
from judging_app.ui.views.setup_rubric import ERROR_STYLE, OK_STYLE, RoundsEditor
from judging_app.ui.views.setup_rules import (
    RulesEditor,
)
from judging_app.ui.views.setup_table_editor import TableEditor
from judging_app.ui.views.setup_tables import AwardTiersModel, CategoriesModel
from judging_app.ui.views.setup_texts import problem_message, problem_place
from judging_app.ui.views.status_move import move_status

S = CompetitionStatus
FORWARD = {S.DRAFT: S.REGISTRATION, S.REGISTRATION: S.JUDGING}
BACK = {S.REGISTRATION: S.DRAFT, S.JUDGING: S.REGISTRATION}
TABS = ("competition", "categories", "rounds", "tiers")
FILE_FILTER = "*.json"


class SetupDialogs(QObject):
    """The questions the Setup view asks; tests replace the methods."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reason(self, parent: QWidget | None, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
        return text.strip() if ok and text.strip() else None

    def choose_file_to_import(self, parent: QWidget | None, directory: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Open a competition file"), directory,
                                              fill(self.tr("Competition files (%1)"), FILE_FILTER))
        return path or None

    def choose_file_to_export(self, parent: QWidget | None, path: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, self.tr("Save the setup to a file"), path,
                                              fill(self.tr("Competition files (%1)"), FILE_FILTER))
        if path and not Path(path).suffix:
            path += ".json"
        return path or None


class SetupView(View):
    key = "setup"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = SetupDialogs(self)
        self.stored: CompetitionSetup | None = None  # as saved
        self.working: CompetitionSetup | None = None  # as edited
        self.status = S.DRAFT
        self.problems: list[Problem] = []
        self.usage = setup_status.SetupUsage()
        self.history = EditHistory()
        self.undo_action = QAction(self, shortcut=QKeySequence.StandardKey.Undo, enabled=False)
        self.redo_action = QAction(self, shortcut=QKeySequence.StandardKey.Redo, enabled=False)
        for action, slot in ((self.undo_action, self.undo), (self.redo_action, self.redo)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.title_label, self.banner, self.notice = QLabel(), QLabel(), QLabel()
        self.title_label.setObjectName("setupTitle")
        self.title_label.setStyleSheet("font-weight: bold;")
        # A long name may be cut off (the tooltip has it whole) rather than widen the window.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.banner, self.notice):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setObjectName("setupBanner")
        self.banner.setStyleSheet("background: #fff4d6; border: 1px solid #e0c46c; padding: 4px;")
        self.notice.setObjectName("setupNotice")
        self.back_button, self.forward_button = QPushButton(), QPushButton()
        self.back_button.setObjectName("statusBackButton")
        self.forward_button.setObjectName("statusForwardButton")
        self.file_button = QToolButton()
        self.file_button.setObjectName("fileButton")
        self.file_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Fusion draws the menu arrow over the last letters: an arrow in the text instead
        self.file_button.setStyleSheet("QToolButton#fileButton::menu-indicator { image: none; }")
        menu = QMenu(self.file_button)
        self.template_action = menu.addAction("", self.new_from_template)
        self.import_action = menu.addAction("", self.import_file)
        menu.addSeparator()
        self.export_action = menu.addAction("", self.export_file)
        self.file_button.setMenu(menu)
        self.rules = RulesEditor()
        self.categories = CategoriesModel(self)
        self.categories_editor = TableEditor(self.categories, self.categories.new_item, "categories")
        self.categories_editor.removable = lambda row: not self.usage.entries.get(
            self.categories.row_at(row).code, 0)
        self.rounds = RoundsEditor()
        self.tiers = AwardTiersModel(self)
        self.tiers_editor = TableEditor(self.tiers, self.tiers.new_item, "tiers")
        self.tabs = QTabWidget()
        self.page = Loadable(QWidget())  # "Reading the setup…" until the first read is in
        self._read_job = None
        self.tabs.setObjectName("setupTabs")
        for widget in (self.rules, self.categories_editor, self.rounds, self.tiers_editor):
            self.tabs.addTab(widget, "")
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemsLabel")
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.discard_button, self.save_button = QPushButton(), QPushButton()
        self.save_button.setObjectName("saveButton")
        self.discard_button.setObjectName("discardButton")
        self._layout()
        self._notify("")
        self.back_button.clicked.connect(lambda: self.move_status(BACK[self.status]))
        self.forward_button.clicked.connect(lambda: self.move_status(FORWARD[self.status]))
        for signal in (self.rules.edited, self.categories.edited, self.rounds.edited, self.tiers.edited):
            signal.connect(self._edited)
        self.rounds.reopen_requested.connect(self.reopen_rubric)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        self.problem_list.itemActivated.connect(
            lambda item: self.show_problem(self.problems[self.problem_list.row(item)]))

    def _layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        for widget in (self.back_button, self.forward_button, self.file_button):
            header.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems_label, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)
        # all of it (the status buttons too) greyed, then "Reading the setup…", while read
        layout = QVBoxLayout(self.page.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_list)
        layout.addLayout(bottom)
        QVBoxLayout(self).addWidget(self.page)

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.file_button.setText(self.tr("Competition file") + " ▾")
        self.template_action.setText(self.tr("New competition from a &template…"))
        self.import_action.setText(self.tr("New competition from a competition &file…"))
        self.export_action.setText(self.tr("&Export this setup to a file…"))
        self.export_action.setToolTip(self.tr("Writes the saved setup (not unsaved changes)."))
        self.save_button.setText(self.tr("&Save changes"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.discard_button.setText(self.tr("Discard c&hanges"))
        self._update_texts()

    def _update_texts(self) -> None:
        if self.working is None:
            return
        self.title_label.setText(fill(self.tr("%1 — status: %2"), self.working.name or "…",
                                      competition_status_label(self.status)))
        self.title_label.setToolTip(self.title_label.text())
        back, forward = BACK.get(self.status), FORWARD.get(self.status)
        self.back_button.setVisible(back is not None)
        self.forward_button.setVisible(forward is not None)
        self.categories_editor.set_hint(self.tr(
            "Entries are registered in a category. A category that has entries keeps its code "
            "and cannot be removed."))
        self.tiers_editor.set_hint(self.tr(
            "A rank tier covers ranks “from” to “to” in each category (Juara I: 1 to 1). A score "
            "band covers final scores from the minimum (included when ticked) up to the maximum "
            "(excluded unless ticked; empty = no upper limit)."))
        self.back_button.setText(fill(self.tr("← Back to %1"), competition_status_label(back or "")))
        forward_texts = {S.REGISTRATION: self.tr("Open registration →"), S.JUDGING: self.tr("Start judging →")}
        self.forward_button.setText(forward_texts.get(forward, ""))
        if self.status == S.FINALIZED:
            self.banner.setText(self.tr(
                "This competition is finalized: its results are frozen, so its setup can no longer "
                "be changed. You can still export it to a file or start a new competition from it."))
        elif self.status == S.JUDGING:
            self.banner.setText(self.tr(
                "Judging is under way. A round's rubric is locked once judges submit sheets in it; "
                "finalizing is done in the Results view."))
        self.banner.setVisible(self.status in (S.FINALIZED, S.JUDGING))
        titles = (self.tr("Competition and rules"), self.tr("Categories"),
                  self.tr("Rounds and criteria"), self.tr("Award tiers"))
        for i, title in enumerate(titles):
            count = sum(1 for p in self.problems if _tab_of(p) == TABS[i])
            self.tabs.setTabText(i, fill(self.tr("%1 (%2)"), title, count) if count else title)
            self.tabs.tabBar().setTabTextColor(i, Qt.GlobalColor.darkRed if count else
                                               self.palette().windowText().color())
        self.problem_list.clear()
        for p in self.problems:
            self.problem_list.addItem(fill(self.tr("%1: %2"), problem_place(p.where, self.working),
                                           problem_message(p)))
        self.problem_list.setVisible(bool(self.problems))
        rows = min(max(len(self.problems), 1), 4)
        self.problem_list.setFixedHeight(rows * self.problem_list.sizeHintForRow(0) + 6
                                         if self.problems else 0)
        if self.problems:
            self.problems_label.setText(self.tr("%Ln problem(s) to fix before saving:", "", len(self.problems)))
        elif self.dirty():
            self.problems_label.setText(self.tr("Unsaved changes. The setup is valid."))
        else:
            self.problems_label.setText(self.tr("All changes are saved."))
        self.problems_label.setStyleSheet(ERROR_STYLE if self.problems else OK_STYLE)
        self.save_button.setEnabled(self.dirty() and not self.problems and not self.read_only())
        self.discard_button.setEnabled(self.dirty())

    def _notify(self, text: str) -> None:
        """A line saying what just happened (saved, exported, created …)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- loading ---------------------------------------------------------------------------------
    def read_only(self) -> bool:
        return self.status == S.FINALIZED

    def dirty(self) -> bool:
        return self.working is not None and self.working != self.stored

    def refresh(self) -> None:
        """Reload the stored setup, status and locks (read on a worker: counting the sheets
        of a large competition takes a while); unsaved edits are kept."""
        db, code = self.ctx.db, self.ctx.competition

        def work(_progress) -> tuple:
            return (competitions.get_summary(db, code), competitions.get_setup(db, code),
                    setup_status.setup_usage(db, code))

        if self._read_job is not None:
            self._read_job.cancel()
        self._read_job = self.load_in_background(
            work, [self.page], self.tr("Reading the setup…"), self._read,
            self.tr("Cannot read the setup"))

    def _read(self, found: tuple) -> None:
        summary, stored, self.usage = found
        self.page.finish()
        self.status = S(summary.status)
        keep = self.dirty() and not self.read_only()
        self.stored = stored
        self._load(self.working if keep else stored)

    def _load(self, setup: CompetitionSetup) -> None:
        self.working = setup
        read_only = self.read_only()
        self.rules.load(setup, read_only)
        self.categories.entries = dict(self.usage.entries)
        self.categories.set_rows(setup.categories, read_only)
        self.categories_editor.set_editable(not read_only)
        self.rounds.load(setup.rounds, self.usage, read_only, setup.rules.round_combination)
        self.tiers.set_categories(setup.categories)
        self.tiers.set_rows(setup.award_tiers, read_only)
        self.tiers_editor.set_editable(not read_only)
        for editor in (self.categories_editor, self.tiers_editor):
            editor.fit_columns()
        self._validate()

    # -- editing ---------------------------------------------------------------------------------
    def _edited(self) -> None:
        if self.working is None or self.read_only() or self.history.restoring:
            return
        before = self.working
        self.working = dataclasses.replace(
            self.rules.apply(self.working), categories=self.categories.items(),
            rounds=self.rounds.value(), award_tiers=self.tiers.items())
        self.history.record(before, self.working)
        self._update_history_actions()
        self.tiers.set_categories(self.working.categories)
        self.rounds.set_combination(self.working.rules.round_combination)
        self._notify("")
        self._validate()

    def undo(self) -> None:
        """Ctrl+Z: back to the setup before the last edit (typing in one field within a
        second counts as one edit)."""
        self._restore(self.history.undo(self.working))

    def redo(self) -> None:
        self._restore(self.history.redo(self.working))

    def _restore(self, setup: CompetitionSetup | None) -> None:
        if setup is None or self.read_only():
            return
        with self.history.restoring_state():
            self._load(setup)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.undo_action.setEnabled(self.history.can_undo())
        self.redo_action.setEnabled(self.history.can_redo())

    def _validate(self) -> None:
        self.problems = validate_setup(self.working)
        self.rules.update_context(self.working, self.problems)
        for model in (self.categories, self.tiers):
            model.set_problems(self.problems)
        self.rounds.show_problems(self.problems)
        self._update_texts()

    def show_problem(self, problem: Problem) -> None:
        """Go to where the problem is (its tab; its round)."""
        self.tabs.setCurrentIndex(TABS.index(_tab_of(problem)))
        if problem.where.startswith("rounds["):
            self.rounds.round_list.setCurrentRow(int(problem.where[7:].split("]")[0]))

    def save(self) -> None:
        setup, code = self.working, self.ctx.competition
        if setup is None or not self.dirty():
            return
        cleared = scores_cleared_by(self.stored, setup, self.usage)
        if cleared and not self.dialogs.confirm(self, self.tr("Save changes"), fill(self.tr(
                "Judges' draft scores on these criteria will be cleared, because the criterion is "
                "removed or its scale changed: %1. Save anyway?"), "; ".join(cleared))):
            return
        done = self.run_write(lambda ws: competitions.update_setup(ws, code, setup) or True,
                              self.tr("Cannot save the setup"))
        if done:
            self.working = None
            self.history.clear()
            self._update_history_actions()
            self.refresh()
            self._notify(self.tr("The setup was saved."))

    def discard(self) -> None:
        if self.dirty() and self.dialogs.confirm(
                self, self.tr("Discard changes"), self.tr("Discard every unsaved change to the setup?")):
            self._load(self.stored)
            self.history.clear()
            self._update_history_actions()
            self._notify(self.tr("Unsaved changes were discarded."))

    # -- status and locks ------------------------------------------------------------------------
    def move_status(self, target: S) -> None:
        if move_status(self, self.dialogs.confirm, self.status, target):
            self.refresh()
            self._notify(fill(self.tr("The competition is now in %1."),
                                     competition_status_label(target)))

    def reopen_rubric(self, round_code: str) -> None:
        name = next((r.name for r in self.working.rounds if r.code == round_code), "") or round_code
        reason = self.dialogs.ask_reason(
            self, self.tr("Reopen rubric"),
            fill(self.tr("Why must the rubric of round “%1” change? Submitted sheets in this round go "
                         "back to draft and judges must submit them again. The reason is recorded."),
                 name))
        if not reason:
            return
        code = self.ctx.competition
        count = self.run_write(lambda ws: competitions.reopen_rubric(ws, code, round_code, reason),
                               self.tr("Cannot reopen the rubric"))
        if count is not None:
            self.refresh()
            self._notify(self.tr(
                "The rubric is open again: %Ln submitted sheet(s) went back to draft.", "", count))

    # -- files and new competitions --------------------------------------------------------------
    def new_from_template(self) -> None:
        choice = self.ctx.dialogs.choose_new_competition(self, templates.list_templates(),
                                                         self.ctx.language())
        if choice is None:
            return
        created = self.run_write(lambda ws: templates.create_from_template(
            ws, choice.template, name=choice.name, year=choice.year),
            self.tr("Cannot create the competition"))
        if created is not None:
            self._created(created)

    def import_file(self) -> None:
        path = self.dialogs.choose_file_to_import(self, self.ctx.settings.last_directory)
        ws = self.ctx.workspace(self) if path else None
        if ws is None:
            return
        self.ctx.settings.last_directory = str(Path(path).parent)
        self._file_job(lambda: templates.create_from_file(ws, Path(path)),
                       self.tr("Reading the competition file…"), self._created,
                       self.tr("Cannot import the competition file"))

    def _created(self, summary) -> None:
        self.changed.emit()
        self._notify(fill(self.tr(
            "Competition “%1” (%2) was created as a draft. Open it from View › All competitions."),
            summary.name, summary.code))

    def export_file(self) -> None:
        suggested = str(Path(self.ctx.settings.last_directory or Path.home()) / f"{self.ctx.competition}.json")
        path = self.dialogs.choose_file_to_export(self, suggested)
        if not path:
            return
        self.ctx.settings.last_directory = str(Path(path).parent)
        db, code = self.ctx.db, self.ctx.competition
        self._file_job(lambda: write_competition_file(path, competitions.get_setup(db, code)),
                       self.tr("Writing the competition file…"),
                       lambda _result: self._notify(
                           fill(self.tr("The saved setup was exported to %1."), path)),
                       self.tr("Cannot export the setup"))

    def _file_job(self, work: Callable[[], object], label: str, on_success: Callable[[object], None],
                  failure_title: str) -> None:
        """Run a file use case in the background; a refusal comes back as a message."""

        def guarded(_progress):
            try:
                return True, work()
            except (ServiceError, CompetitionFileError, OSError) as exc:
                return False, exc

        def done(outcome) -> None:
            ok, value = outcome
            if ok:
                on_success(value)
            else:
                lines = str(value).splitlines() or [type(value).__name__]
                self.ctx.dialogs.show_error(self, failure_title, lines[0], "\n".join(lines[1:12]), str(value))

        self.run_in_background(guarded, label, done, failure_title)


def scores_cleared_by(stored: CompetitionSetup, setup: CompetitionSetup,
                      usage: setup_status.SetupUsage) -> list[str]:
    """'Round › criterion' for each criterion whose judges' scores saving `setup` deletes: in a
    round that has sheets, a criterion removed or given another scale (see update_setup)."""
    old_rounds = {r.code: r for r in stored.rounds}
    out = []
    for rnd in setup.rounds:
        old = old_rounds.get(rnd.code)
        if old is None or not usage.sheets.get(rnd.code):
            continue
        new = {c.code: (c.scale_min, c.scale_max, c.scale_step) for c in rnd.criteria}
        out += [f"{rnd.name or rnd.code} › {c.name or c.code}" for c in old.criteria
                if new.get(c.code) != (c.scale_min, c.scale_max, c.scale_step)]
    return out


def _tab_of(problem: Problem) -> str:
    area = problem_area(problem.where)
    return "competition" if area == "tiebreaks" else area
