"""What the Entries view asks and does besides the entry form: `EntriesDialogs`, the small
replaceable service through which it asks every question (the view never calls exec()
itself, so tests answer without blocking); the reason dialog and screening in bulk
(eligible, disqualified or withdrawn with a reason); the government units dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import EntryStatus
from judging_app.core.records import EntryRecord, UnitRecord
from judging_app.services import entries
from judging_app.services.errors import ServiceError
from judging_app.ui.i18n import fill, format_int, message_text
from judging_app.ui.views.entries_form import ERROR_STYLE


class EntriesDialogs(QObject):
    """The real dialogs; tests replace the methods (or subclass)."""

    def run(self, dialog: QDialog) -> bool:
        """Show a prepared dialog (entry form, units); True when accepted."""
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def ask_reason(self, parent: QWidget | None, title: str, prompt: str) -> str | None:
        dialog = ReasonDialog(title, prompt, parent)
        return dialog.reason() if self.run(dialog) else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()


class ReasonDialog(QDialog):
    """A required reason, typed freely (it goes into the audit trail and the minutes)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Required: recorded with the decision"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        self.resize(460, 220)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))


def mark_eligible(view) -> None:
    """The selected entries pass the administrative screening (asks first when that clears
    the reasons of disqualified or withdrawn ones)."""
    chosen: list[EntryRecord] = view.selected_entries()
    decided = [e for e in chosen if e.status_reason]
    if decided and not view.questions.confirm(
        view, QCoreApplication.translate("EntriesView", "Mark eligible"),
        fill(QCoreApplication.translate(
            "EntriesView", "Disqualified or withdrawn among the selected entries: %1. Marking "
            "them eligible clears their reasons. Continue?"), format_int(len(decided)))):
        return
    set_status(view, chosen, EntryStatus.ELIGIBLE, "")


def disqualify(view) -> None:
    _ask_reason_and_set(view, EntryStatus.DISQUALIFIED,
                        QCoreApplication.translate("EntriesView", "Disqualify"),
                        QCoreApplication.translate("EntriesView", "Why is %1 disqualified?"),
                        QCoreApplication.translate(
                            "EntriesView", "Why are the %1 selected entries disqualified?"))


def withdraw(view) -> None:
    _ask_reason_and_set(view, EntryStatus.WITHDRAWN,
                        QCoreApplication.translate("EntriesView", "Withdraw"),
                        QCoreApplication.translate("EntriesView", "Why is %1 withdrawn?"),
                        QCoreApplication.translate(
                            "EntriesView", "Why are the %1 selected entries withdrawn?"))


def _ask_reason_and_set(view, status: EntryStatus, title: str, one: str, many: str) -> None:
    chosen: list[EntryRecord] = view.selected_entries()
    if not chosen:
        return
    prompt = fill(one, chosen[0].code) if len(chosen) == 1 else fill(many, format_int(len(chosen)))
    reason = view.questions.ask_reason(view, title, prompt)
    if reason:
        set_status(view, chosen, status, reason)


def set_status(view, chosen: list[EntryRecord], status: EntryStatus, reason: str) -> None:
    """One transaction for the whole selection, on a worker (thousands take seconds); the
    view then shows the new status without a reload (view.statuses_saved)."""
    codes = [e.code for e in chosen]
    ws = view.ctx.workspace(view) if codes else None
    if ws is None:
        return

    def failed(exc: BaseException, trace: str) -> None:
        text = message_text(exc) or type(exc).__name__
        view.ctx.dialogs.show_error(
            view, QCoreApplication.translate("EntriesView", "Cannot change the status"),
            text.splitlines()[0], "", text if isinstance(exc, ServiceError) else trace)

    view.ctx.runner.run(
        lambda progress: entries.set_entry_status(ws, view.ctx.competition, codes, status, reason),
        label=QCoreApplication.translate("EntriesView", "Saving the new status…"), parent=view,
        on_done=lambda _changed: view.statuses_saved(codes, status.value, reason),
        on_error=failed, cancellable=False)


UnitAction = Callable[[str, str, str], str | None]  # (code, name, kind) -> error or None


class UnitsDialog(QDialog):
    """The competition's government units: a list, and a form to add one or rename the
    selected one. `add` and `rename` return an error message, or None when saved."""

    def __init__(self, load: Callable[[], list[UnitRecord]], add: UnitAction,
                 rename: UnitAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsDialog")
        self._load, self._add, self._rename = load, add, rename
        self.units: list[UnitRecord] = []
        self.changed = False  # anything saved (the entries show unit names)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("unitsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.code, self.name, self.kind = QLineEdit(), QLineEdit(), QLineEdit()
        self.code.setMaxLength(64)
        self.code.setObjectName("unitCode")
        self.name.setObjectName("unitName")
        self.kind.setObjectName("unitKind")
        self.form = QFormLayout()
        for edit in (self.code, self.name, self.kind):
            self.form.addRow(QLabel(), edit)
        self.message = QLabel()
        self.message.setObjectName("unitsMessage")
        self.message.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addUnit")
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("renameUnit")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newUnit")
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.add_button, self.rename_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.close_box)
        self.table.itemSelectionChanged.connect(self._selected)
        for edit in (self.code, self.name, self.kind):
            edit.textChanged.connect(self._update)
        self.add_button.clicked.connect(self.add_unit)
        self.rename_button.clicked.connect(self.rename_unit)
        self.new_button.clicked.connect(self.start_new)
        self.retranslate()
        self.reload()
        self.resize(620, 480)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Government units"))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Kind")])
        for row, text in enumerate((self.tr("Code:"), self.tr("Name:"), self.tr("Kind:"))):
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(text)
        self.kind.setPlaceholderText(self.tr("Optional, e.g. dinas, badan, kecamatan"))
        self.add_button.setText(self.tr("&Add unit"))
        self.rename_button.setText(self.tr("&Rename"))
        self.new_button.setText(self.tr("&New"))

    def reload(self, select_code: str = "") -> None:
        self.units = self._load()
        self.table.setRowCount(len(self.units))
        for row, u in enumerate(self.units):
            for column, text in enumerate((u.code, u.name, u.kind)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        codes = [u.code for u in self.units]
        if select_code in codes:
            self.table.selectRow(codes.index(select_code))
        self._update()

    def selected_unit(self) -> UnitRecord | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.units[rows.pop()] if len(rows) == 1 else None

    def start_new(self) -> None:
        self.table.clearSelection()
        for edit in (self.code, self.name, self.kind):
            edit.clear()
        self.code.setFocus()

    def _selected(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self.code.setText(unit.code)
            self.name.setText(unit.name)
            self.kind.setText(unit.kind)
        self._update()

    def _update(self) -> None:
        unit = self.selected_unit()
        code, name = self.code.text().strip(), self.name.text().strip()
        self.code.setReadOnly(unit is not None)
        known = {u.code for u in self.units}
        self.add_button.setEnabled(unit is None and bool(code and name) and code not in known)
        self.rename_button.setEnabled(unit is not None and bool(name) and (
            name != unit.name or self.kind.text().strip() != unit.kind))
        if unit is None and code in known:
            self._say(self.tr("A unit with this code already exists."), error=True)
        else:
            self._say("")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def add_unit(self) -> None:
        code, name, kind = (e.text().strip() for e in (self.code, self.name, self.kind))
        self._after(self._add(code, name, kind), code)

    def rename_unit(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            name, kind = self.name.text().strip(), self.kind.text().strip()
            self._after(self._rename(unit.code, name, kind), unit.code)

    def _after(self, error: str | None, code: str) -> None:
        if error:
            self._say(error, error=True)
            return
        self.changed = True
        self.reload(select_code=code)
        self._say(self.tr("Saved."))


def open_units(view) -> None:
    """The units dialog for the view's competition; the entries reload after a change (they
    show unit names)."""
    db, competition, ctx = view.ctx.db, view.ctx.competition, view.ctx
    dialog: UnitsDialog | None = None

    def write(action) -> str | None:
        ws = ctx.workspace(dialog)
        if ws is None:
            return QCoreApplication.translate("UnitsDialog", "Not saved: say who is working first.")
        try:
            action(ws)
        except ServiceError as exc:
            return message_text(exc)
        return None

    dialog = UnitsDialog(
        lambda: entries.list_units(db, competition),
        lambda code, name, kind: write(lambda ws: entries.add_unit(ws, competition, code, name, kind)),
        lambda code, name, kind: write(
            lambda ws: entries.rename_unit(ws, competition, code, name, kind)),
        view)
    view.questions.run(dialog)
    if dialog.changed:
        view.changed.emit()
        view.load()
