"""The letterhead and signatures of a competition's documents (kop surat, head of region,
place, numbers, time zone): a dialog opened from the Reports view. It edits a
core.documents.DocumentSettings; the view stores it through services.document_settings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.documents import HEAD_TITLES, TEXT_LIMIT, TIME_ZONES, DocumentSettings

TEXT_FIELDS = ("government", "office", "address", "region", "head_name", "head_nip", "place",
               "minutes_number", "decree_number")


class DocumentSettingsDialog(QDialog):
    """Edits every field; `result_settings()` after OK. `pick_logo` (a callable returning a
    path or None) is replaced in tests."""

    def __init__(self, settings: DocumentSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentSettingsDialog")
        self._settings, self._logo = settings, settings.logo
        self.pick_logo = self._pick_logo_file
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(getattr(settings, name))
            edit.setObjectName(name)
            edit.setMaxLength(TEXT_LIMIT)
            self.edits[name] = edit
        self.head_title = QComboBox()
        self.head_title.setObjectName("head_title")
        self.head_title.setEditable(True)
        self.head_title.addItems(list(HEAD_TITLES))
        self.head_title.setCurrentText(settings.head_title)
        self.zone = QComboBox()
        self.zone.setObjectName("time_zone")
        for zone in TIME_ZONES if settings.time_zone in TIME_ZONES else (*TIME_ZONES, settings.time_zone):
            self.zone.addItem(zone, zone)
        self.zone.setCurrentIndex(self.zone.findData(settings.time_zone))
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(64, 64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button, self.remove_logo = QPushButton(), QPushButton()
        self.logo_button.setObjectName("chooseLogo")
        self.remove_logo.setObjectName("removeLogo")
        self.logo_button.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(self._clear_logo)
        logo_row = QHBoxLayout()
        for w in (self.logo_preview, self.logo_button, self.remove_logo):
            logo_row.addWidget(w)
        logo_row.addStretch(1)
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        rows = [("government", self.edits["government"]), ("office", self.edits["office"]),
                ("address", self.edits["address"]), ("logo", logo_row),
                ("head_title", self.head_title), ("region", self.edits["region"]),
                ("head_name", self.edits["head_name"]), ("head_nip", self.edits["head_nip"]),
                ("place", self.edits["place"]), ("minutes_number", self.edits["minutes_number"]),
                ("decree_number", self.edits["decree_number"]), ("time_zone", self.zone)]
        for name, widget in rows:
            self.labels[name] = QLabel()
            self.form.addRow(self.labels[name], widget)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.resize(620, 0)
        self.retranslate()
        self._show_logo()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Letterhead and signatures"))
        self.hint.setText(self.tr("How the minutes, the winners list and the workbook's winners "
                                  "sheet are headed and signed. Empty fields print as a dotted "
                                  "line to fill in by hand."))
        texts = {
            "government": self.tr("&Government (first line):"),
            "office": self.tr("&Office (second line):"),
            "address": self.tr("&Address:"),
            "logo": self.tr("Logo:"),
            "head_title": self.tr("&Head of region's title:"),
            "region": self.tr("&Region:"),
            "head_name": self.tr("Head's &name:"),
            "head_nip": self.tr("Head's NI&P:"),
            "place": self.tr("&Place of issue:"),
            "minutes_number": self.tr("Minutes &number (Nomor):"),
            "decree_number": self.tr("&Decree number:"),
            "time_zone": self.tr("&Time zone:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        for name, widget in (("head_title", self.head_title), ("time_zone", self.zone),
                             *self.edits.items()):
            self.labels[name].setBuddy(widget)
        self.edits["government"].setPlaceholderText(self.tr("e.g. PEMERINTAH KOTA SURABAYA"))
        self.edits["region"].setPlaceholderText(self.tr("e.g. SURABAYA"))
        self.logo_button.setText(self.tr("C&hoose…"))
        self.remove_logo.setText(self.tr("Remo&ve"))
        zones = {"Asia/Jakarta": self.tr("WIB (Asia/Jakarta)"),
                 "Asia/Makassar": self.tr("WITA (Asia/Makassar)"),
                 "Asia/Jayapura": self.tr("WIT (Asia/Jayapura)")}
        for i in range(self.zone.count()):
            self.zone.setItemText(i, zones.get(self.zone.itemData(i), self.zone.itemData(i)))

    def _pick_logo_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        return path or None

    def _choose_logo(self) -> None:
        path = self.pick_logo()
        if path:
            self._logo = Path(path).read_bytes()
            self._show_logo()

    def _clear_logo(self) -> None:
        self._logo = b""
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(pixmap.scaled(
                64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("—")
        self.remove_logo.setEnabled(bool(self._logo))

    def result_settings(self) -> DocumentSettings:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return dataclasses.replace(self._settings, **values, logo=self._logo,
                                   head_title=self.head_title.currentText().strip(),
                                   time_zone=self.zone.currentData())
