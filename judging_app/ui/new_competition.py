"""The "new competition from a template" dialog. It only collects the choice; the main
window creates the competition through the services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judging_app.services.templates import TemplateInfo

# The templates' names hold "…" where the city or region goes; a name keeping it is refused.
PLACEHOLDERS = ("…", "...")


@dataclass(frozen=True)
class NewCompetitionChoice:
    template: str  # template key
    name: str
    year: int


class NewCompetitionDialog(QDialog):
    def __init__(self, templates: Sequence[TemplateInfo], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCompetitionDialog")
        self.templates = list(templates)
        self.language = language
        self.template_box = QComboBox()
        self.template_box.setObjectName("templateBox")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.year_box = QSpinBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.setRange(2000, 2200)
        self.year_box.setValue(date.today().year)
        self.description = QLabel()
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setMinimumWidth(520)
        self.name_problem = QLabel()
        self.name_problem.setObjectName("nameProblem")
        self.name_problem.setWordWrap(True)
        self.name_problem.setStyleSheet("color: #a4262c;")
        self.form = QFormLayout()
        self.template_label, self.name_label, self.year_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.template_label, self.template_box)
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow("", self.name_problem)
        self.form.addRow(self.year_label, self.year_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.description)
        layout.addWidget(self.buttons)
        for info in self.templates:
            self.template_box.addItem(self._name(info), info.key)
        self.template_box.currentIndexChanged.connect(self._template_changed)
        self.name_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._template_changed(0)

    def _name(self, info: TemplateInfo) -> str:
        return info.name_en if self.language == "en" and info.name_en else info.name

    def _description(self, info: TemplateInfo) -> str:
        if self.language == "en" and info.description_en:
            return info.description_en
        return info.description

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New competition"))
        self.template_label.setText(self.tr("&Template:"))
        self.template_label.setBuddy(self.template_box)
        self.name_label.setText(self.tr("&Name:"))
        self.name_label.setBuddy(self.name_edit)
        self.year_label.setText(self.tr("&Year:"))
        self.year_label.setBuddy(self.year_box)
        if hasattr(self, "buttons"):
            self._update_ok()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _template_changed(self, index: int) -> None:
        if not 0 <= index < len(self.templates):
            return
        info = self.templates[index]
        self.name_edit.setText(self._name(info))
        self.description.setText(self._description(info))
        self._update_ok()

    def name_problem_text(self) -> str:
        """Why the name cannot be used yet ("" when it can)."""
        name = self.name_edit.text().strip()
        if not name:
            return self.tr("Give the competition a name.")
        if any(mark in name for mark in PLACEHOLDERS):
            return self.tr("Replace “…” in the name with your city or region, e.g. "
                           "“Kompetisi Inovasi Pelayanan Publik Kota Madiun”.")
        return ""

    def _update_ok(self) -> None:
        problem = self.name_problem_text()
        self.name_problem.setText(problem)
        self.name_problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem and bool(self.templates))

    def choice(self) -> NewCompetitionChoice:
        return NewCompetitionChoice(
            template=self.template_box.currentData(),
            name=self.name_edit.text().strip(),
            year=self.year_box.value(),
        )
