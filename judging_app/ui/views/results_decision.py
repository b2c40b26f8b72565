"""Ties and decisions in the Results view: the panel of blocking ties, the chair's order of
tied entries with a reason, the confirmation before finalizing and the digest afterwards.
`ResultsDialogs` is the one place that runs the dialogs; tests replace it with answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.scoring import TieGroup
from judging_app.ui.i18n import fill
from judging_app.ui.views.results_models import BLOCKING_COLOUR, RowTableModel, table


@dataclass(frozen=True)
class TiedEntry:
    code: str
    title: str


@dataclass(frozen=True)
class TieDecision:
    order: list[str]  # entry codes, best first
    chair: str
    reason: str


class TiesModel(RowTableModel):
    """The blocking ties: entries the chain could not separate across an award boundary."""

    CATEGORY, RANK, ENTRIES, AT_STAKE = range(4)
    NUMERIC = frozenset({RANK})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: dict = {}
        self.tier_labels: dict[str, str] = {}
        self.category_names: dict[str, str] = {}

    def set_ties(self, ties: Sequence[TieGroup], entries: dict, tier_labels: dict[str, str],
                 category_names: dict[str, str]) -> None:
        self.entries, self.tier_labels = entries, tier_labels
        self.category_names = category_names
        self.set_rows(ties)

    def headers(self) -> Sequence[str]:
        return (self.tr("Category"), self.tr("Rank"), self.tr("Tied entries"),
                self.tr("At stake"))

    def codes(self, tie: TieGroup) -> list[str]:
        return [self.entries[e].code for e in tie.entry_ids]

    def cell(self, tie: TieGroup, column: int) -> str:
        if column == self.CATEGORY:
            return self.category_names.get(tie.group or "", "") or self.tr("All categories")
        if column == self.RANK:
            return self.locale.toString(tie.rank)
        if column == self.ENTRIES:
            return " = ".join(self.codes(tie))
        stake = [self.tier_labels.get(a, a) if a else self.tr("no award")
                 for a in dict.fromkeys(tie.position_awards)]
        if tie.at_cutoff:
            stake.append(self.tr("advancement cut-off"))
        return " / ".join(stake)

    def sort_key(self, tie: TieGroup, column: int) -> Any:
        if column == self.RANK:
            return tie.rank
        return self.cell(tie, column).casefold()

    def background(self, tie: TieGroup) -> QColor | None:
        return BLOCKING_COLOUR


class BlockingTiesPanel(QGroupBox):
    """The undecided ties on award boundaries, each one decided with `Decide…`."""

    decide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockingTies")
        self.setStyleSheet("QGroupBox#blockingTies { font-weight: bold; }")
        self.model = TiesModel(self)
        self.table = table(self.model, "tiesTable", {TiesModel.CATEGORY: 240,
                                                      TiesModel.ENTRIES: 220})
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.decide = QPushButton()
        self.decide.setObjectName("decide")
        self.decide.clicked.connect(self.decide_requested)
        self.table.doubleClicked.connect(lambda _i: self.decide_requested.emit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.decide, 0, Qt.AlignmentFlag.AlignTop)
        self.allowed = False
        self.retranslate()

    def set_ties(self, ties: Sequence[TieGroup], entries: dict, tier_labels: dict[str, str],
                 category_names: dict[str, str]) -> None:
        self.model.set_ties(ties, entries, tier_labels, category_names)
        if self.model.rowCount():
            self.table.selectRow(0)
        rows = min(max(self.model.rowCount(), 1), 4)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * self.table.verticalHeader().defaultSectionSize() + 4)
        self.setVisible(self.model.rowCount() > 0)
        self.retranslate()

    def set_allowed(self, allowed: bool) -> None:
        self.allowed = allowed
        self._update()

    def selected(self) -> TieGroup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update(self) -> None:
        self.decide.setEnabled(self.allowed and self.selected() is not None)

    def retranslate(self) -> None:
        self.setTitle(fill(self.tr("Blocking ties: %1"), self.model.rowCount()))
        self.decide.setText(self.tr("&Decide…"))
        self.model.retranslate()
        self._update()


class TieDecisionDialog(QDialog):
    """The chair orders the tied entries (best first) and gives the reason."""

    def __init__(self, entries: Sequence[TiedEntry], score: str, at_stake: str,
                 chairs: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tieDecisionDialog")
        self.setMinimumWidth(560)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("tiedEntries")
        for e in entries:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, e.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{e.code} — {e.title}")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * max(len(entries), 3)
                                 + 2 * self.list.frameWidth() + 4)
        self.up = QPushButton()
        self.down = QPushButton()
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        moves = QVBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        order = QHBoxLayout()
        order.addWidget(self.list, 1)
        order.addLayout(moves)
        self.chair = QComboBox()
        self.chair.setEditable(True)
        self.chair.addItems(list(chairs))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.chair_label, self.reason_label = QLabel(), QLabel()
        self.chair_label.setBuddy(self.chair)
        self.reason_label.setBuddy(self.reason)
        self.form = QFormLayout()
        self.form.addRow(self.chair_label, self.chair)
        self.form.addRow(self.reason_label, self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(order)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.chair.currentTextChanged.connect(self._update)
        self.list.currentRowChanged.connect(self._update)
        self._score, self._at_stake = score, at_stake
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Decide a tie"))
        self.intro.setText(fill(self.tr(
            "These entries have exactly the same score (%1) and the tie-break chain cannot "
            "separate them. At stake: %2. Put them in the order the chair decided, best first."),
            self._score, self._at_stake))
        self.up.setText(self.tr("Move &up"))
        self.down.setText(self.tr("Move &down"))
        self.chair_label.setText(self.tr("&Chair:"))
        self.reason_label.setText(self.tr("&Reason (required):"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record decision"))

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._update()

    def _update(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setText(f"{i + 1}. {item.data(Qt.ItemDataRole.UserRole + 1)}")
        row = self.list.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)
        ok = bool(self.reason.toPlainText().strip()) and bool(self.chair.currentText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def order(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def decision(self) -> TieDecision:
        return TieDecision(self.order(), self.chair.currentText().strip(),
                           self.reason.toPlainText().strip())


class DigestDialog(QDialog):
    """The snapshot's digest, selectable and copyable, to print on the minutes."""

    def __init__(self, digest: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digestDialog")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.digest = QLineEdit(digest)
        self.digest.setObjectName("digest")
        self.digest.setReadOnly(True)
        self.digest.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.digest.setMinimumWidth(self.digest.fontMetrics().horizontalAdvance(digest) + 24)
        self.copy = QPushButton()
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(digest))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.digest)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Results finalized"))
        self.text.setText(self.tr("The results are final and frozen in a snapshot. Its "
                                  "SHA-256 digest, to print on the minutes of evaluation:"))
        self.copy.setText(self.tr("&Copy"))


class ResultsDialogs:
    """Every modal question of the Results view; tests replace the methods."""

    def decide_tie(self, parent: QWidget | None, entries: Sequence[TiedEntry], score: str,
                   at_stake: str, chairs: Sequence[str]) -> TieDecision | None:
        dialog = TieDecisionDialog(entries, score, at_stake, chairs, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.decision()
        finally:
            dialog.deleteLater()

    def confirm_finalize(self, parent: QWidget | None, title: str, text: str,
                         informative: str, accept_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, parent)
        box.setInformativeText(informative)
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        answer = box.clickedButton() == accept
        box.deleteLater()
        return answer

    def show_digest(self, parent: QWidget | None, digest: str) -> None:
        dialog = DigestDialog(digest, parent)
        dialog.exec()
        dialog.deleteLater()
