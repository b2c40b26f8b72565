"""The rounds and their rubric: a list of rounds beside the selected round's form, its
criteria table with the running weight total, and the selected criterion's description and
level descriptors. A round whose rubric is locked (judges submitted sheets in it) is shown
read-only with the reason and a "Reopen rubric…" button."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import AdvancementKind, RoundCombination, RoundKind
from judging_app.core.numbers import NumberError
from judging_app.core.setup import HUNDRED, AdvancementRule, Problem, RoundSpec
from judging_app.services.setup_status import SetupUsage
from judging_app.ui.i18n import fill
from judging_app.ui.views.setup_rules import (
    fill_combo,
)
from judging_app.ui.views.setup_table_editor import TableEditor
from judging_app.ui.views.setup_tables import (
    CODE_LENGTH,
    CriteriaModel,
    LevelsModel,
)
from judging_app.ui.views.setup_texts import (
    advancement_label,
    decimal_text,
    decimal_validator,
    parse_decimal_text,
    problem_message,
    round_kind_label,
    round_weight_total,
    weight_total,
)

ERROR_STYLE = "color: #a81d1d;"
OK_STYLE = "color: #1d6b2a;"
BANNER_STYLE = "QFrame#lockBanner { background: #fff4d6; border: 1px solid #e0c46c; border-radius: 4px; }"


def _decimal_or(text: str, default: Decimal | None) -> Decimal | None:
    try:
        value = parse_decimal_text(text)
    except NumberError:
        return default
    return default if value is None else value


class RoundsEditor(QWidget):
    """Edits the rounds (a working copy); emits `edited` after every change and
    `reopen_requested(round code)` when the person asks to unlock a rubric."""

    edited = Signal()
    reopen_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds: list[RoundSpec] = []
        self.usage = SetupUsage()
        self.read_only = False
        self.combination = RoundCombination.LAST_ROUND
        self._loading = False
        self.round_list = QListWidget()
        self.round_list.setObjectName("roundList")
        self.add_round_button, self.remove_round_button = QPushButton(), QPushButton()
        self.round_up_button, self.round_down_button = QPushButton(), QPushButton()
        self.round_weights_label = QLabel()
        self.round_weights_label.setObjectName("roundWeightsLabel")
        self.round_weights_label.setWordWrap(True)
        self.lock_banner = QFrame()
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setStyleSheet(BANNER_STYLE)
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lockLabel")
        self.lock_label.setWordWrap(True)
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopenRubricButton")
        self.code_edit, self.name_edit, self.name_en_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.code_edit.setMaxLength(CODE_LENGTH)
        self.kind_box, self.advancement_box = QComboBox(), QComboBox()
        for box in (self.kind_box, self.advancement_box):  # "Seleksi (lolos atau tidak lolos)"
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.weight_edit, self.threshold_edit = QLineEdit(), QLineEdit()
        for edit in (self.weight_edit, self.threshold_edit):
            edit.setValidator(decimal_validator(edit))
            edit.setMaximumWidth(90)
        self.top_n_box = QSpinBox()
        self.top_n_box.setRange(1, 9999)
        self.blind_check = QCheckBox()
        self.form_labels = [QLabel() for _ in range(6)]
        self.round_problems = QLabel()
        self.round_problems.setObjectName("roundProblems")
        self.round_problems.setStyleSheet(ERROR_STYLE)
        self.round_problems.setWordWrap(True)
        self.criteria = CriteriaModel(self)
        self.criteria_editor = TableEditor(self.criteria, self._new_criterion, "criteria")
        self.total_label = QLabel()
        self.total_label.setObjectName("weightTotalLabel")
        self.criteria_editor.bar.addWidget(self.total_label)
        self.levels = LevelsModel(self)
        self.levels_editor = TableEditor(self.levels, self._new_level, "levels")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("criterionDescription")
        self.instructions_edit = QPlainTextEdit()
        self.instructions_edit.setObjectName("roundInstructions")
        self.description_label = QLabel()
        self.detail_tabs = QTabWidget()
        self._build()
        self._connect()
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.round_list, 1)
        grid = QGridLayout()
        for i, button in enumerate((self.add_round_button, self.remove_round_button,
                                    self.round_up_button, self.round_down_button)):
            grid.addWidget(button, i // 2, i % 2)
        left_layout.addLayout(grid)
        left_layout.addWidget(self.round_weights_label)
        banner = QHBoxLayout(self.lock_banner)
        banner.addWidget(self.lock_label, 1)
        banner.addWidget(self.reopen_button)
        form = QGridLayout()
        labels = self.form_labels
        kind = QHBoxLayout()
        kind.addWidget(self.kind_box)
        kind.addWidget(self.blind_check)
        kind.addStretch(1)
        advancement = QHBoxLayout()
        for widget in (self.advancement_box, self.top_n_box, self.threshold_edit):
            advancement.addWidget(widget)
        advancement.addStretch(1)
        # (label, field, row, column, column span); the kind and advancement rows are wide.
        for label, field, row, column, span in (
                (labels[0], self.code_edit, 0, 0, 1), (labels[1], self.name_edit, 0, 2, 1),
                (labels[4], self.weight_edit, 1, 0, 1), (labels[3], self.name_en_edit, 1, 2, 1),
                (labels[2], kind, 2, 0, 3), (labels[5], advancement, 3, 0, 3)):
            form.addWidget(label, row, column)
            if isinstance(field, QWidget):
                form.addWidget(field, row, column + 1, 1, span)
            else:
                form.addLayout(field, row, column + 1, 1, span)
        form.setColumnStretch(3, 1)
        for label, buddy in zip(labels, (self.code_edit, self.name_edit, self.kind_box,
                                         self.name_en_edit, self.weight_edit, self.advancement_box),
                                strict=True):
            label.setBuddy(buddy)
        detail = QWidget()
        detail_layout = QHBoxLayout(detail)
        description = QVBoxLayout()
        description.addWidget(self.description_label)
        description.addWidget(self.description_edit, 1)
        detail_layout.addLayout(description, 2)
        detail_layout.addWidget(self.levels_editor, 3)
        self.detail_tabs.addTab(detail, "")
        self.detail_tabs.addTab(self.instructions_edit, "")
        tables = QSplitter()
        tables.setOrientation(tables.orientation().Vertical)
        tables.addWidget(self.criteria_editor)
        tables.addWidget(self.detail_tabs)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.lock_banner)
        right_layout.addLayout(form)
        right_layout.addWidget(self.round_problems)
        right_layout.addWidget(tables, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])  # "2. Penilaian Proposal (dikunci)" in full
        QVBoxLayout(self).addWidget(splitter)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def _connect(self) -> None:
        self.round_list.currentRowChanged.connect(self._show_round)
        self.add_round_button.clicked.connect(self._add_round)
        self.remove_round_button.clicked.connect(self._remove_round)
        self.round_up_button.clicked.connect(lambda: self._move_round(-1))
        self.round_down_button.clicked.connect(lambda: self._move_round(1))
        self.reopen_button.clicked.connect(
            lambda: self.reopen_requested.emit(self.rounds[self.current()].code))
        for edit in (self.code_edit, self.name_edit, self.name_en_edit, self.weight_edit,
                     self.threshold_edit):
            edit.textEdited.connect(self._form_edited)
        for box in (self.kind_box, self.advancement_box):
            box.activated.connect(self._form_edited)
        self.top_n_box.valueChanged.connect(self._form_edited)
        self.blind_check.toggled.connect(self._form_edited)
        self.instructions_edit.textChanged.connect(self._form_edited)
        self.criteria.edited.connect(self._criteria_edited)
        self.levels.edited.connect(self._criterion_edited)
        self.description_edit.textChanged.connect(self._criterion_edited)
        self.criteria_editor.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_criterion(current.row()))
        self.criteria_editor.removable = lambda row: True

    def retranslate(self) -> None:
        self.add_round_button.setText(self.tr("Add round"))
        self.remove_round_button.setText(self.tr("Remove"))
        self.round_up_button.setText(self.tr("Move up"))
        self.round_down_button.setText(self.tr("Move down"))
        self.reopen_button.setText(self.tr("Reopen rubric…"))
        texts = (self.tr("&Code:"), self.tr("&Name:"), self.tr("&Kind:"), self.tr("In &English:"),
                 self.tr("&Weight in final score:"), self.tr("&Advancement:"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.blind_check.setText(self.tr("&Blind judging"))
        self.blind_check.setToolTip(self.tr("Judges do not see the entry's unit and innovators."))
        self.top_n_box.setToolTip(self.tr("N: how many entries of each category go on."))
        self.threshold_edit.setPlaceholderText(self.tr("0–100"))
        self.weight_edit.setToolTip(self.tr("Used when the final score combines the rounds by weight."))
        self.description_label.setText(self.tr("Description of the selected criterion:"))
        self.detail_tabs.setTabText(0, self.tr("Selected criterion: description and levels"))
        self.detail_tabs.setTabText(1, self.tr("Instructions for judges"))
        for box, codes, label in ((self.kind_box, RoundKind, round_kind_label),
                                  (self.advancement_box, AdvancementKind, advancement_label)):
            fill_combo(box, [(code.value, label(code)) for code in codes])
        self._fill_list()
        if self.rounds:  # numbers again in the new language's format (decimal comma)
            self._show_round(self.current())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading and reading back ----------------------------------------------------------------
    def load(self, rounds, usage: SetupUsage, read_only: bool, combination: str) -> None:
        keep = max(self.current(), 0)
        self.rounds, self.usage, self.read_only = list(rounds), usage, read_only
        self.combination = combination
        self._fill_list()
        self.add_round_button.setEnabled(not read_only)
        self.round_list.setCurrentRow(min(keep, len(self.rounds) - 1))
        self._show_round(self.current())

    def value(self) -> tuple[RoundSpec, ...]:
        return tuple(self.rounds)

    def current(self) -> int:
        return self.round_list.currentRow()

    def locked(self, i: int) -> bool:
        return 0 <= i < len(self.rounds) and self.usage.rubric_locked(self.rounds[i].code)

    def set_combination(self, combination: str) -> None:
        self.combination = combination
        self._refresh_texts()

    def _fill_list(self) -> None:
        self.round_list.blockSignals(True)
        row = self.current()
        self.round_list.clear()
        for i, _spec in enumerate(self.rounds):
            self.round_list.addItem(self._item_text(i))
        self.round_list.setCurrentRow(min(max(row, 0), len(self.rounds) - 1))
        self.round_list.blockSignals(False)

    def _item_text(self, i: int) -> str:
        spec = self.rounds[i]
        text = f"{i + 1}. {spec.name or spec.code}"
        return fill(self.tr("%1 (locked)"), text) if self.locked(i) else text

    def _show_round(self, i: int) -> None:
        self._loading = True
        has_round = 0 <= i < len(self.rounds)
        spec = self.rounds[i] if has_round else RoundSpec("", "")
        locked = self.locked(i)
        has_sheets = has_round and self.usage.sheets.get(spec.code, 0) > 0
        self.code_edit.setText(spec.code)
        self.name_edit.setText(spec.name)
        self.name_en_edit.setText(spec.name_en)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(spec.kind.value)))
        self.weight_edit.setText(decimal_text(spec.weight))
        adv = spec.advancement
        self.advancement_box.setCurrentIndex(max(0, self.advancement_box.findData(adv.kind.value)))
        self.top_n_box.setValue(adv.top_n or 10)
        self.threshold_edit.setText(decimal_text(adv.threshold))
        self.blind_check.setChecked(spec.blind)
        self.instructions_edit.setPlainText(spec.instructions)
        editable = has_round and not self.read_only
        for edit in (self.name_edit, self.name_en_edit, self.weight_edit, self.threshold_edit):
            edit.setReadOnly(not editable)
        self.code_edit.setReadOnly(not editable or has_sheets)
        self.code_edit.setToolTip(self.tr("This round has score sheets; its code cannot change.")
                                  if has_sheets else "")
        self.kind_box.setEnabled(editable and not locked)
        for widget in (self.advancement_box, self.top_n_box, self.blind_check):
            widget.setEnabled(editable)
        self.instructions_edit.setReadOnly(not editable)
        self.criteria.set_rows(spec.criteria, read_only=not editable or locked,
                               prefix=f"rounds[{i}].criteria")
        self.criteria_editor.set_editable(editable and not locked)
        self.remove_round_button.setEnabled(editable and not has_sheets)
        self.remove_round_button.setToolTip(
            self.tr("This round has score sheets and cannot be removed.") if has_sheets else "")
        self.round_up_button.setEnabled(editable and i > 0)
        self.round_down_button.setEnabled(editable and i < len(self.rounds) - 1)
        self.lock_banner.setVisible(locked)
        self.reopen_button.setEnabled(locked and not self.read_only)
        self._loading = False
        self._update_advancement()
        self._refresh_texts()
        self.criteria_editor.fit_columns()
        self.criteria_editor.select_row(0)
        self._show_criterion(self.criteria_editor.current_row())

    def _show_criterion(self, j: int) -> None:
        self._loading = True
        i = self.current()
        crit = self.criteria.row_at(j)
        editable = crit is not None and not self.read_only and not self.locked(i)
        self.levels.set_rows(crit.levels if crit else (), read_only=not editable,
                             prefix=f"rounds[{i}].criteria[{j}].levels")
        self.levels_editor.set_editable(editable)
        self.description_edit.setPlainText(crit.description if crit else "")
        self.description_edit.setReadOnly(not editable)
        self.levels_editor.table.resizeColumnToContents(LevelsModel.SCORE)
        self.levels_editor.table.horizontalHeader().setStretchLastSection(True)
        self.levels_editor.table.setColumnWidth(LevelsModel.TEXT_ID, 260)
        self._loading = False

    def _update_advancement(self) -> None:
        kind = self.advancement_box.currentData()
        self.top_n_box.setVisible(kind == AdvancementKind.TOP_N)
        self.threshold_edit.setVisible(kind == AdvancementKind.THRESHOLD)

    def _refresh_texts(self) -> None:
        i = self.current()
        spec = self.rounds[i] if 0 <= i < len(self.rounds) else None
        n = self.usage.submitted_sheets.get(spec.code, 0) if spec else 0
        self.lock_label.setText(self.tr(
            "Judges have submitted %Ln sheets in this round. To change its rubric, reopen it: "
            "submitted sheets go back to draft and judges must submit again.", "", n))
        if spec is None or spec.kind != RoundKind.SCORED:
            self.total_label.setText(self.tr("A screening round has no criteria."))
            self.total_label.setStyleSheet("")
        else:
            total = weight_total(spec.criteria)
            self.total_label.setText(fill(self.tr("Total weight: %1 / 100"), decimal_text(total)))
            self.total_label.setStyleSheet(OK_STYLE if total == HUNDRED else ERROR_STYLE)
        weighted = self.combination == RoundCombination.WEIGHTED
        self.round_weights_label.setVisible(weighted)
        if weighted:
            total = round_weight_total(self.rounds)
            self.round_weights_label.setText(
                fill(self.tr("Round weights: %1 / 100"), decimal_text(total)))
            self.round_weights_label.setStyleSheet(OK_STYLE if total == HUNDRED else ERROR_STYLE)

    # -- edits ------------------------------------------------------------------------------------
    def _replace_current(self, spec: RoundSpec) -> None:
        i = self.current()
        self.rounds[i] = spec
        self.round_list.item(i).setText(self._item_text(i))
        self._refresh_texts()
        self.edited.emit()

    def _form_edited(self, *_args) -> None:
        i = self.current()
        if self._loading or not 0 <= i < len(self.rounds):
            return
        self._update_advancement()
        old = self.rounds[i]
        kind = AdvancementKind(self.advancement_box.currentData())
        rule = AdvancementRule(
            kind, self.top_n_box.value() if kind == AdvancementKind.TOP_N else None,
            _decimal_or(self.threshold_edit.text(), None) if kind == AdvancementKind.THRESHOLD else None)
        self._replace_current(dataclasses.replace(
            old, code=self.code_edit.text(), name=self.name_edit.text(),
            name_en=self.name_en_edit.text(), kind=RoundKind(self.kind_box.currentData()),
            weight=_decimal_or(self.weight_edit.text(), Decimal(0)), advancement=rule,
            blind=self.blind_check.isChecked(), instructions=self.instructions_edit.toPlainText()))

    def _criteria_edited(self) -> None:
        if not self._loading:
            self._replace_current(dataclasses.replace(self.rounds[self.current()],
                                                      criteria=self.criteria.items()))

    def _criterion_edited(self) -> None:
        j = self.criteria_editor.current_row()
        crit = self.criteria.row_at(j)
        if self._loading or crit is None:
            return
        crit = dataclasses.replace(crit, levels=self.levels.items(),
                                   description=self.description_edit.toPlainText())
        self.criteria.replace_item(j, crit)
        self._criteria_edited()

    def _new_criterion(self):
        return self.criteria.new_item()

    def _new_level(self):
        return self.levels.new_item(self.criteria.row_at(self.criteria_editor.current_row()))

    def _add_round(self) -> None:
        codes = {r.code for r in self.rounds}
        n = len(self.rounds) + 1
        while f"tahap{n}" in codes:
            n += 1
        self.rounds.append(RoundSpec(f"tahap{n}", self.tr("New round")))
        self._fill_list()
        self.round_list.setCurrentRow(len(self.rounds) - 1)
        self.edited.emit()

    def _remove_round(self) -> None:
        i = self.current()
        if 0 <= i < len(self.rounds):
            del self.rounds[i]
            self._fill_list()
            self._show_round(self.current())
            self.edited.emit()

    def _move_round(self, delta: int) -> None:
        i, j = self.current(), self.current() + delta
        if 0 <= i < len(self.rounds) and 0 <= j < len(self.rounds):
            self.rounds[i], self.rounds[j] = self.rounds[j], self.rounds[i]
            self._fill_list()
            self.round_list.setCurrentRow(j)
            self.edited.emit()

    # -- problems ---------------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        i = self.current()
        self.criteria.set_problems(problems)
        self.levels.set_problems(problems)
        own = [problem_message(p) for p in problems
               if p.where.startswith(f"rounds[{i}]") and not p.where.startswith(f"rounds[{i}].criteria[")
               and p.message.code != "setup.criteria_weights_sum"]
        self.round_problems.setText("\n".join(own))
        self.round_problems.setVisible(bool(own))
        for row in range(self.round_list.count()):
            bad = any(p.where.startswith(f"rounds[{row}]") for p in problems)
            self.round_list.item(row).setForeground(
                Qt.GlobalColor.darkRed if bad else self.palette().text().color())
