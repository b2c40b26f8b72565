"""The questions the Entries view asks about documents: `DocumentsDialogs` runs them (tests
replace it); the small dialogs themselves can be filled in without running them: what kind
and round for files being attached, a link, a document's label/kind/round, the limits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.attachments import MB, DocumentKind, DocumentLimits, size_mb
from judging_app.texts import format_number
from judging_app.ui.documents.outside import open_outside
from judging_app.ui.i18n import current_language, fill


def kind_labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {DocumentKind.PROPOSAL.value: translate("DocumentsDialogs", "Proposal"),
            DocumentKind.EVIDENCE.value: translate("DocumentsDialogs", "Evidence"),
            DocumentKind.OTHER.value: translate("DocumentsDialogs", "Other")}


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def fill_rounds(combo: QComboBox, rounds: list[tuple[str, str]], everything: str,
                current: str | None = None) -> None:
    """(code, name) rounds after an 'every round' first item (data None)."""
    combo.clear()
    combo.addItem(everything, None)
    for code, name in rounds:
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)


class AttachDialog(QDialog):
    """Files about to be attached to one entry: what they are and for which round."""

    def __init__(self, parent: QWidget | None, entry: str, names: list[str],
                 rounds: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowTitle(fill(self.tr("Attach to %1"), entry))
        self.files = QLabel("\n".join(names[:12] + (["…"] if len(names) > 12 else [])))
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = QComboBox(objectName="attachKind")
        self.kind.addItem(self.tr("From each file's name (proposal or evidence)"), None)
        for value, label in kind_labels().items():
            self.kind.addItem(label, value)
        self.round = QComboBox(objectName="attachRound")
        fill_rounds(self.round, rounds, self.tr("Every round"))
        form = QFormLayout()
        form.addRow(self.tr("Files:"), self.files)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Round:"), self.round)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def answer(self) -> tuple[DocumentKind | None, str | None]:
        kind = self.kind.currentData()
        return (DocumentKind(kind) if kind else None), self.round.currentData()


class LinkDialog(QDialog):
    def __init__(self, parent: QWidget | None, entry: str) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(fill(self.tr("Add a link to %1"), entry))
        self.label = QLineEdit(objectName="linkLabel")
        self.label.setPlaceholderText(self.tr("e.g. Profile video"))
        self.location = QLineEdit(objectName="linkLocation")
        self.location.setPlaceholderText("https://…")
        self.location.setMinimumWidth(360)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.label)
        form.addRow(self.tr("&Address:"), self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def answer(self) -> tuple[str, str]:
        return self.label.text().strip(), self.location.text().strip()


class DescribeDialog(QDialog):
    """A document's title, kind and round."""

    def __init__(self, parent: QWidget | None, file_name: str, label: str, kind: str,
                 round_code: str | None, rounds: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("describeDialog")
        self.setWindowTitle(file_name)
        self.label = QLineEdit(label, objectName="documentLabel")
        self.kind = QComboBox(objectName="documentKind")
        for value, text in kind_labels().items():
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.round = QComboBox(objectName="documentRound")
        fill_rounds(self.round, rounds, self.tr("Every round"), round_code)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.label)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Round:"), self.round)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def answer(self) -> tuple[str, DocumentKind, str | None]:
        return self.label.text(), DocumentKind(self.kind.currentData()), self.round.currentData()


class LimitsDialog(QDialog):
    """The secretariat's limits, in MB: per file and for the whole competition."""

    def __init__(self, parent: QWidget | None, limits: DocumentLimits) -> None:
        super().__init__(parent)
        self.setObjectName("limitsDialog")
        self.setWindowTitle(self.tr("Document limits"))
        self.per_file = QSpinBox(objectName="maxFileMb", minimum=1, maximum=2000, suffix=" MB")
        self.per_file.setValue(max(1, limits.max_file_bytes // MB))
        self.total = QSpinBox(objectName="maxTotalMb", minimum=1, maximum=1_000_000,
                              suffix=" MB", singleStep=100)
        self.total.setValue(max(1, limits.max_total_bytes // MB))
        used = QLabel(fill(self.tr("In use now: %1 MB (each content counted once)."),
                           format_number(size_mb(limits.used_bytes), current_language())))
        form = QFormLayout()
        form.addRow(self.tr("Largest &file:"), self.per_file)
        form.addRow(self.tr("All documents of the &competition:"), self.total)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(used)
        layout.addWidget(_buttons(self))

    def answer(self) -> tuple[int, int]:
        return self.per_file.value() * MB, self.total.value() * MB


class DocumentsDialogs(QObject):
    """The real questions; tests replace the methods."""

    def run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def choose_files(self, parent: QWidget | None) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent, self.tr("Attach documents"), "",
            self.tr("Documents (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        return [Path(n) for n in names]

    def choose_folder(self, parent: QWidget | None) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, self.tr("Folder with the documents"))
        return Path(name) if name else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def open_file(self, parent: QWidget | None, path: Path) -> None:
        open_outside(parent, path)

    def open_url(self, parent: QWidget | None, location: str) -> None:
        QDesktopServices.openUrl(QUrl.fromUserInput(location))
