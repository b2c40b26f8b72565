"""The "Competition and rules" tab of the Setup view: name, year, organiser, how results
are computed, the tie-break chain. The texts the whole view shares are in setup_texts."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import (
    SIMPLE_TIE_BREAKS,
    TIE_BREAK_CRITERION_PREFIX,
    AggregationMethod,
    RankingScope,
    RoundCombination,
)
from judging_app.core.setup import CompetitionSetup, Problem
from judging_app.core.setup_places import problem_area
from judging_app.ui.views.setup_texts import (
    aggregation_label,
    combination_label,
    criterion_names,
    problem_message,
    ranking_scope_label,
    tie_break_label,
)


class RulesEditor(QWidget):
    """The competition's name, year and organiser, the result rules and the tie-break chain."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.names: dict[str, str] = {}  # criterion code -> name, for the chain's labels
        self.name_edit, self.name_en_edit, self.organiser_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_edit.setObjectName("competitionName")
        self.year_box = QSpinBox()
        self.year_box.setObjectName("competitionYear")
        self.year_box.setRange(2000, 2200)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setMaximumHeight(70)
        self.scope_box, self.aggregation_box, self.combination_box = QComboBox(), QComboBox(), QComboBox()
        self.aggregation_box.setObjectName("aggregationBox")
        self.combination_box.setObjectName("combinationBox")
        self.trimmed_box = QSpinBox()
        self.trimmed_box.setObjectName("trimmedMinimum")
        self.trimmed_box.setRange(3, 99)
        self.incomplete_check = QCheckBox()
        self.chain = QListWidget()
        self.chain.setObjectName("tieBreakChain")
        self.chain.setWordWrap(True)
        self.metric_box = QComboBox()
        self.metric_box.setObjectName("tieBreakChoice")
        for box in (self.scope_box, self.aggregation_box, self.combination_box, self.metric_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
        self.add_metric_button, self.remove_metric_button = QPushButton(), QPushButton()
        self.metric_up_button, self.metric_down_button = QPushButton(), QPushButton()
        self.chain_note, self.chain_problems = QLabel(), QLabel()
        for label in (self.chain_note, self.chain_problems):
            label.setWordWrap(True)
        self.chain_problems.setStyleSheet("color: #a81d1d;")
        self.competition_group, self.rules_group, self.chain_group = QGroupBox(), QGroupBox(), QGroupBox()
        self.labels = [QLabel() for _ in range(10)]
        rows = (self.name_edit, self.name_en_edit, self.year_box, self.organiser_edit,
                self.description_edit, self.scope_box, self.aggregation_box, self.trimmed_box,
                self.incomplete_check, self.combination_box)
        for form_group, first, last in ((self.competition_group, 0, 5), (self.rules_group, 5, 10)):
            form = QFormLayout(form_group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for label, field in zip(self.labels[first:last], rows[first:last], strict=True):
                label.setBuddy(field)
                form.addRow(label, field)
        chain_layout = QGridLayout(self.chain_group)
        chain_layout.addWidget(self.chain, 0, 0, 4, 1)
        for row, button in enumerate((self.metric_up_button, self.metric_down_button,
                                      self.remove_metric_button)):
            chain_layout.addWidget(button, row, 1)
        chain_layout.addWidget(self.metric_box, 4, 0)
        chain_layout.addWidget(self.add_metric_button, 4, 1)
        chain_layout.setRowStretch(3, 1)
        chain_layout.addWidget(self.chain_note, 5, 0, 1, 2)
        chain_layout.addWidget(self.chain_problems, 6, 0, 1, 2)
        below = QHBoxLayout()
        below.addWidget(self.rules_group, 1)
        below.addWidget(self.chain_group, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.competition_group)
        layout.addLayout(below, 1)
        for edit in (self.name_edit, self.name_en_edit, self.organiser_edit):
            edit.textEdited.connect(self._edited)
        self.description_edit.textChanged.connect(self._edited)
        for box in (self.year_box, self.trimmed_box):
            box.valueChanged.connect(self._edited)
        for box in (self.scope_box, self.aggregation_box, self.combination_box):
            box.activated.connect(self._edited)
        self.incomplete_check.toggled.connect(self._edited)
        self.add_metric_button.clicked.connect(self._add_metric)
        self.remove_metric_button.clicked.connect(self._remove_metric)
        self.metric_up_button.clicked.connect(lambda: self._move_metric(-1))
        self.metric_down_button.clicked.connect(lambda: self._move_metric(1))
        self.chain.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.read_only = False
        self.retranslate()

    def retranslate(self) -> None:
        self.competition_group.setTitle(self.tr("Competition"))
        self.rules_group.setTitle(self.tr("How results are computed"))
        self.chain_group.setTitle(self.tr("Tie-breaks, applied in this order"))
        texts = (self.tr("&Name:"), self.tr("Name in &English:"), self.tr("&Year:"),
                 self.tr("&Organiser:"), self.tr("&Description:"), self.tr("&Ranking:"),
                 self.tr("Across &judges:"), self.tr("&Trim only with at least:"),
                 self.tr("Entries missing sheets:"), self.tr("Across ro&unds:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.trimmed_box.setSuffix(self.tr(" sheets"))
        self.incomplete_check.setText(self.tr("R&ank them anyway"))
        self.add_metric_button.setText(self.tr("Add to the chain"))
        self.remove_metric_button.setText(self.tr("Remove"))
        self.metric_up_button.setText(self.tr("Move up"))
        self.metric_down_button.setText(self.tr("Move down"))
        self.chain_note.setText(self.tr(
            "Entries with exactly equal scores are separated by the first rule that tells them "
            "apart. The chair's recorded decision is applied last even when it is not listed."))
        for box, codes, label in ((self.scope_box, RankingScope, ranking_scope_label),
                                  (self.aggregation_box, AggregationMethod, aggregation_label),
                                  (self.combination_box, RoundCombination, combination_label)):
            fill_combo(box, [(code.value, label(code)) for code in codes])
        self._fill_chain(self.chain_value())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, setup: CompetitionSetup, read_only: bool) -> None:
        self._loading = True
        self.read_only = read_only
        self.names = criterion_names(setup)
        rules = setup.rules
        self.name_edit.setText(setup.name)
        self.name_en_edit.setText(setup.name_en)
        self.year_box.setValue(setup.year)
        self.organiser_edit.setText(setup.organiser)
        self.description_edit.setPlainText(setup.description)
        for box, value in ((self.scope_box, rules.ranking_scope),
                           (self.aggregation_box, rules.aggregation),
                           (self.combination_box, rules.round_combination)):
            box.setCurrentIndex(max(0, box.findData(str(value))))
        self.trimmed_box.setValue(rules.trimmed_min_sheets)
        self.incomplete_check.setChecked(rules.allow_incomplete)
        for edit in (self.name_edit, self.name_en_edit, self.organiser_edit, self.description_edit):
            edit.setReadOnly(read_only)
        for widget in (self.year_box, self.scope_box, self.aggregation_box, self.combination_box,
                       self.incomplete_check, self.metric_box):
            widget.setEnabled(not read_only)
        self._fill_chain(rules.tie_breaks)
        self._loading = False
        self._update_trimmed()

    def apply(self, setup: CompetitionSetup) -> CompetitionSetup:
        """`setup` with this tab's fields as shown."""
        rules = dataclasses.replace(
            setup.rules, ranking_scope=RankingScope(self.scope_box.currentData()),
            aggregation=AggregationMethod(self.aggregation_box.currentData()),
            trimmed_min_sheets=self.trimmed_box.value(),
            allow_incomplete=self.incomplete_check.isChecked(),
            round_combination=RoundCombination(self.combination_box.currentData()),
            tie_breaks=self.chain_value())
        return dataclasses.replace(
            setup, name=self.name_edit.text(), name_en=self.name_en_edit.text(),
            year=self.year_box.value(), organiser=self.organiser_edit.text(),
            description=self.description_edit.toPlainText(), rules=rules)

    def update_context(self, setup: CompetitionSetup, problems: list[Problem]) -> None:
        """New criteria names for the chain; the chain's problems."""
        names = criterion_names(setup)
        if names != self.names:
            self.names = names
            self._fill_chain(self.chain_value())
        own = [problem_message(p) for p in problems if problem_area(p.where) == "tiebreaks"]
        self.chain_problems.setText("\n".join(own))
        self.chain_problems.setVisible(bool(own))

    def chain_value(self) -> tuple[str, ...]:
        return tuple(self.chain.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chain.count()))

    def _fill_chain(self, metrics, current: int | None = None) -> None:
        row = self.chain.currentRow() if current is None else current
        self.chain.clear()
        for i, metric in enumerate(metrics):
            item = QListWidgetItem(f"{i + 1}. {tie_break_label(metric, self.names)}")
            item.setData(Qt.ItemDataRole.UserRole, metric)
            self.chain.addItem(item)
        self.chain.setCurrentRow(min(row, self.chain.count() - 1))
        available = [m for m in (*SIMPLE_TIE_BREAKS,
                                 *(TIE_BREAK_CRITERION_PREFIX + code for code in self.names))
                     if m not in metrics]
        fill_combo(self.metric_box, [(m, tie_break_label(m, self.names)) for m in available])
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, editable = self.chain.currentRow(), not self.read_only
        self.add_metric_button.setEnabled(editable and self.metric_box.count() > 0)
        self.remove_metric_button.setEnabled(editable and row >= 0)
        self.metric_up_button.setEnabled(editable and row > 0)
        self.metric_down_button.setEnabled(editable and 0 <= row < self.chain.count() - 1)

    def _set_chain(self, metrics: list[str], current: int) -> None:
        self._fill_chain(metrics, current)
        self._edited()

    def _add_metric(self) -> None:
        if self.metric_box.currentData():
            metrics = list(self.chain_value()) + [self.metric_box.currentData()]
            self._set_chain(metrics, len(metrics) - 1)

    def _remove_metric(self) -> None:
        metrics, row = list(self.chain_value()), self.chain.currentRow()
        if row >= 0:
            del metrics[row]
            self._set_chain(metrics, min(row, len(metrics) - 1))

    def _move_metric(self, delta: int) -> None:
        metrics, row = list(self.chain_value()), self.chain.currentRow()
        if 0 <= row < len(metrics) and 0 <= row + delta < len(metrics):
            metrics.insert(row + delta, metrics.pop(row))
            self._set_chain(metrics, row + delta)

    def _update_trimmed(self) -> None:
        trimmed = self.aggregation_box.currentData() == AggregationMethod.TRIMMED_MEAN
        self.trimmed_box.setEnabled(trimmed and not self.read_only)

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._update_trimmed()
            self.edited.emit()


def fill_combo(box: QComboBox, items: list[tuple[str, str]]) -> None:
    """Refill a combo box (codes as item data), keeping the current code and sending no signals."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for code, label in items:
        box.addItem(label, code)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)
